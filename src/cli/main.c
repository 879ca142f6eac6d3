/* circheck's command line: parse options from one table, call the engine,
 * print diagnostics, map the outcome to the exit code. No checking logic
 * lives here.
 *
 * Exit codes: 0 checked, nothing at or above --fail-on; 1 checked, something
 * at or above it; 2 could not check (usage, unreadable input, bad rules), or
 * some rule could not be judged (a result with status error), whatever
 * --fail-on says. */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "circheck.h"
#include "interrupt.h"
#include "terminal.h"
#include "serve.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

typedef enum {
  CMD_CHECK = 1u << 0,
  CMD_RULES = 1u << 1,
  CMD_CHECKLIST = 1u << 2,
  CMD_STATS = 1u << 3,
  CMD_ALL = 0xFFu
} command_bit;

typedef enum {
  OPT_FORMAT,
  OPT_OUTPUT,
  OPT_PACK,
  OPT_LEVEL,
  OPT_LANG,
  OPT_CPV,
  OPT_DOC_LANG,
  OPT_FAIL_ON,
  OPT_RULES,
  OPT_NO_BUILTIN,
  OPT_ALL,
  OPT_COLOR,
  OPT_NO_COLOR,
  OPT_JOBS,
  OPT_EXCLUDE,
  OPT_FOLLOW,
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_BASELINE,
  OPT_LIMIT,
  OPT_FIELD,
  OPT_BY,
  OPT_COMPARE,
  OPT_MIN_GROUP,
  OPT_MERGE,
  OPT_HELP,
  OPT_VERSION,
  OPT_COUNT
} option_id;

typedef struct option {
  option_id id;
  const char *name;  /* long name without "--" */
  char short_name;   /* 0 when none */
  const char *value; /* metavariable, NULL for a flag */
  unsigned commands; /* where it makes sense */
  const char *help;
} option;

static const option options[] = {
    {OPT_FORMAT, "format", 0, "FORMAT", CMD_CHECK | CMD_CHECKLIST | CMD_STATS,
     "report format (default text; see FORMATS below)"},
    {OPT_OUTPUT, "output", 'o', "FILE", CMD_CHECK | CMD_CHECKLIST | CMD_STATS,
     "write the report to FILE (replaced atomically; a link is followed, a device or FIFO "
     "written into)"},
    {OPT_PACK, "pack", 0, "NAME", CMD_CHECK | CMD_RULES | CMD_CHECKLIST | CMD_STATS,
     "use this rule pack (repeatable); default: chosen from the document, plus core"},
    {OPT_LEVEL, "level", 0, "LEVEL", CMD_CHECK | CMD_CHECKLIST | CMD_STATS,
     "ambition level: basic, advanced, spearhead"},
    {OPT_LANG, "lang", 0, "LANG", CMD_CHECK | CMD_RULES | CMD_CHECKLIST,
     "language of messages and clauses: nb, nn or en (default: the document's; checklist: "
     "the user's locale)"},
    {OPT_CPV, "cpv", 0, "CODE", CMD_CHECKLIST,
     "checklist: add the packs for these CPV codes (e.g. 39130000, or \"39130000,30200000\")"},
    {OPT_DOC_LANG, "doc-lang", 0, "LANG", CMD_CHECK | CMD_STATS,
     "language the document is written in: nb, nn or en (default: detected)"},
    {OPT_FAIL_ON, "fail-on", 0, "STATUS", CMD_CHECK,
     "exit 1 on results at or above: fail, partial or never (default fail)"},
    {OPT_RULES, "rules", 0, "PATH", CMD_CHECK | CMD_RULES | CMD_CHECKLIST | CMD_STATS,
     "extra rule file or folder (repeatable); a pack with a built-in id replaces it"},
    {OPT_NO_BUILTIN, "no-builtin-rules", 0, NULL,
     CMD_CHECK | CMD_RULES | CMD_CHECKLIST | CMD_STATS,
     "use only the packs given with --rules"},
    {OPT_ALL, "all", 0, NULL, CMD_CHECK, "text report: list rules that do not apply too"},
    {OPT_COLOR, "color", 0, "WHEN", CMD_ALL,
     "colour the text report and messages: auto (on a terminal, unless NO_COLOR is set; the "
     "default), always, never; --color alone is always"},
    {OPT_NO_COLOR, "no-color", 0, NULL, CMD_ALL, "the same as --color=never"},
    {OPT_EXCLUDE, "exclude", 0, "GLOB", CMD_CHECK | CMD_STATS,
     "leave out paths that match GLOB, as a whole or by file name (repeatable)"},
    {OPT_FOLLOW, "follow", 0, NULL, CMD_CHECK,
     "in folders, follow symbolic links (default: skip them with a warning)"},
    {OPT_CONFIG, "config", 0, "FILE", CMD_CHECK,
     "read settings and waivers from FILE, not from the nearest " CK_CONFIG_NAME},
    {OPT_NO_CONFIG, "no-config", 0, NULL, CMD_CHECK, "read no configuration file"},
    {OPT_BASELINE, "baseline", 0, "REPORT",
     CMD_CHECK, "report and fail only on what is new or worse than in REPORT (an earlier "
                "--format json report)"},
    {OPT_FIELD, "field", 0, "NAME=KEY", CMD_CHECK | CMD_STATS,
     "JSON Lines notices: read field NAME (id, title, description, cpv, buyer, date) from KEY"},
    {OPT_JOBS, "jobs", 'j', "N", CMD_CHECK | CMD_STATS,
     "check and render N files at a time on N threads (default 1); the report is the same"},
    {OPT_LIMIT, "limit", 0, "NAME=N", CMD_CHECK,
     "change a limit (repeatable; see LIMITS below and docs/usage.md)"},
    {OPT_BY, "by", 0, "GROUPING", CMD_STATS,
     "stats: group by pack (default), cpv, buyer, month, quarter, year or all"},
    {OPT_COMPARE, "compare", 0, "GROUP", CMD_STATS,
     "stats: give twice to set two groups of --by side by side (A, then B)"},
    {OPT_MIN_GROUP, "min-group", 0, "N", CMD_STATS,
     "stats: flag groups of fewer than N documents as small (default 30)"},
    {OPT_MERGE, "merge", 0, NULL, CMD_STATS,
     "stats: the inputs are JSON outputs of circheck stats; add up their counts"},
    {OPT_HELP, "help", 'h', NULL, CMD_ALL, "show help and exit"},
    {OPT_VERSION, "version", 'V', NULL, CMD_ALL, "show the version and exit"},
};

typedef struct settings {
  ck_check_options check;
  ck_report_format format;
  const char *output;
  const char **packs;
  size_t npacks;
  const char **rules;
  size_t nrules;
  const char *cpv;
  bool builtin;
  bool show_all;
  bool follow;
  colour_when colour;
  unsigned jobs;
  ck_result_status fail_on; /* CK_RESULT_STATUS_COUNT = never */
  const char **args;
  size_t nargs;
  const char **excludes;
  size_t nexcludes;
  const char *config;   /* --config FILE */
  bool no_config;       /* --no-config */
  const char *baseline; /* --baseline REPORT */
  bool level_set, fail_on_set;
  ck_stats_options stats;
  size_t ncompare;
  bool merge;
  bool format_set;
} settings;

/* The configuration files of a run, each read once, by path. */
typedef struct configs {
  char **paths;
  ck_config **items;
  size_t n;
} configs;

/* Leaves out the files that an --exclude pattern matches, as a whole path or
   by file name ("*.png", or "vedlegg/" and a star); returns how many are left. */
static size_t drop_excluded(const settings *s, char **files, bool *walked, size_t n) {
  size_t out = 0;
  for (size_t i = 0; i < n; i++) {
    const char *base = strrchr(files[i], '/');
    base = base ? base + 1 : files[i];
    bool excluded = false;
    for (size_t k = 0; k < s->nexcludes && !excluded; k++)
      excluded = fnmatch(s->excludes[k], files[i], 0) == 0 ||
                 fnmatch(s->excludes[k], base, 0) == 0;
    if (excluded) {
      free(files[i]);
      continue;
    }
    files[out] = files[i];
    walked[out++] = walked[i];
  }
  return out;
}

/* Whether messages on standard error are coloured: decided from the
   terminal and NO_COLOR at start, again once --color is read. */
static bool stderr_colour;

/* Prints "circheck: error: WHAT 'ARG' HINT" through the one diagnostic
   formatter and gives the usage exit code. The line goes through the
   library's diagnostics, which escape control characters, so an argument
   with a newline cannot forge a second line. */
static int usage_error(const char *what, const char *arg, const char *hint) {
  ck_diags d = CK_DIAGS_INIT;
  ck_diags_add(&d, CK_DIAG_ERROR, "circheck", 0, 0, "%s%s%s%s%s%s (see 'circheck help')", what,
               arg ? " '" : "", arg ? arg : "", arg ? "'" : "", hint ? " " : "", hint ? hint : "");
  ck_diag_print_styled(&d.items[0], stderr_colour, stderr);
  ck_diags_free(&d);
  return EXIT_TROUBLE;
}

/* --color takes its value only as --color=WHEN, and alone means always, as
   it did before it took one: "--color report.txt" must not eat a path. */
static bool value_optional(const option *o) { return o->id == OPT_COLOR; }

static void print_options(unsigned command, FILE *out) {
  for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
    const option *o = &options[i];
    if (!(o->commands & command))
      continue;
    char left[64];
    const char *sep = !o->value ? "" : value_optional(o) ? "[=" : " ";
    const char *end = value_optional(o) ? "]" : "";
    if (o->short_name)
      snprintf(left, sizeof left, "-%c, --%s%s%s%s", o->short_name, o->name, sep,
               o->value ? o->value : "", end);
    else
      snprintf(left, sizeof left, "    --%s%s%s%s", o->name, sep, o->value ? o->value : "", end);
    fprintf(out, "  %-28s %s\n", left, o->help);
  }
}

/* The limits --limit changes, with the defaults of this build. */
static void print_limits(FILE *out) {
  static const char *const what[] = {
      "bytes of one input file (K, M, G suffixes)", "bytes of one line (K, M, G suffixes)",
      "blocks (paragraphs, cells) of one document", "element nesting in XML",
      "elements of one XML source or office part", "attributes of one XML element",
      "attributes of one XML source in all", "milliseconds one rule may take on a document",
      "milliseconds all rules may take on a document"};
  ck_limits d = ck_limits_default();
  const unsigned long long values[] = {
      d.max_input_bytes,     d.max_line_bytes,     d.max_blocks,
      d.max_xml_depth,       d.max_xml_elements,   d.max_xml_attributes,
      d.max_xml_total_attributes, d.rule_time_ms, d.document_time_ms};
  fputs("\nLIMITS (--limit NAME=N; a limit passed is one error, exit 2; a time budget\n"
        "spent makes the rule's result error, reason time-limit; 0 = no budget):\n", out);
  for (size_t i = 0; ck_limit_name(i) && i < sizeof what / sizeof *what; i++)
    fprintf(out, "  %-25s %-10llu %s\n", ck_limit_name(i), values[i], what[i]);
}

static void print_help(const char *topic, FILE *out) {
  if (topic && strcmp(topic, "check") == 0) {
    fputs("usage: circheck check [options] PATH...\n\n"
          "Checks tender documents (text, Markdown, XML, eForms, HTML, Word .docx,\n"
          "OpenDocument .odt, PDF) for circular-economy requirements; the format is told by\n"
          "content. In\n"
          "a Word or OpenDocument file a position is paragraph:character, in a PDF\n"
          "page:character. PATH is a file, a folder (checked recursively, sorted; symbolic\n"
          "links, FIFOs and devices in it are skipped with a warning) or - for standard\n"
          "input. A file named *.jsonl (or *.ndjson) holds notices as JSON Lines: one\n"
          "object a line (fields title, description, cpv, buyer, date; see --field), each\n"
          "line a document named FILE#ID (its id or index field, else its line number).\n"
          "Exit status: 0 nothing at or above --fail-on, 1 something is, 2 could not\n"
          "check (also when no document was found), or some rule could not be judged\n"
          "(status error: a pattern exceeded PCRE2's limits; the report is still written).\n\n"
          "Statuses: pass, partial, fail, error, not-applicable, and waived for a partial\n"
          "or fail that a waiver accepts (it does not count toward --fail-on).\n\n"
          "Settings and waivers are read from the nearest " CK_CONFIG_NAME " above each\n"
          "file (level, lang, doc-lang, languages, packs, fail-on, exclude, waivers,\n"
          "overrides);\n"
          "options on the command line win. A Markdown, HTML or XML document may waive a\n"
          "rule or criterion itself: <!-- circheck: waive ID [until YYYY-MM-DD]: reason -->\n"
          "(in Word: a comment reading circheck: waive ID: reason).\n"
          "See docs/usage.md.\n\noptions:\n",
          out);
    print_options(CMD_CHECK, out);
    fputs("\nFORMATS (--format):\n"
          "  text   compiler-style lines, the evidence, the clause to add, a table (default)\n"
          "  json   every field, for scripts; written as documents are checked\n"
          "  jsonl  JSON Lines: each document's JSON object on one line, written as soon as\n"
          "         it is checked, so memory does not grow with the number of documents\n"
          "  html   one self-contained page to read, print (A4) and send; works offline\n"
          "  sarif  SARIF 2.1.0 for code scanning (GitHub, GitLab); partial = warning\n"
          "  junit  JUnit XML for CI test reports; partial fails only with --fail-on partial,\n"
          "         error is an <error>\n"
          "  csv    one row per rule result, for spreadsheets\n"
          "  md     Markdown for a pull-request comment\n"
          "  docx   Word: the clauses to add (most urgent first) under a heading per\n"
          "         placement, one paragraph each, to paste; binary, so -o FILE or a pipe\n"
          "See docs/report-formats.md.\n",
          out);
    print_limits(out);
  } else if (topic && strcmp(topic, "rules") == 0) {
    fputs("usage: circheck rules list [options]\n"
          "       circheck rules test [options] [PATH]\n\n"
          "list: the packs, rules, criteria and level figures.\n"
          "test: runs every rule's examples (of PATH, a rule file or folder, when given,\n"
          "instead of the built-in packs); exit 1 on any mismatch.\n\noptions:\n",
          out);
    print_options(CMD_RULES, out);
  } else if (topic && strcmp(topic, "stats") == 0) {
    fputs("usage: circheck stats [options] PATH...\n"
          "       circheck stats --merge [options] STATS.json...\n\n"
          "Indicators over many tenders: per criterion the share of documents where it\n"
          "is found (pass or partial) and missing (fail), with 95 % Wilson intervals;\n"
          "the share compliant with FOA § 7-9 (environment weighs at least 30 %); the\n"
          "same per group of --by, with the criteria most often missing per group.\n"
          "PATH is what check reads (documents, folders, JSON Lines of notices), an\n"
          "earlier JSON report (*.json) or JSON Lines report (*.jsonl), counted as it\n"
          "stands, or the JSON output of an earlier stats run, whose counts are added.\n"
          "--compare A --compare B sets two groups side by side with the change and\n"
          "Newcombe's interval. --format: text (default), csv, json (with the raw\n"
          "counts, so runs over parts of a portfolio merge exactly: --merge), html\n"
          "(one page with SVG charts). Exit status: 0, or 2 when an input or a line\n"
          "could not be read (the rest is counted and written).\n\noptions:\n",
          out);
    print_options(CMD_STATS, out);
    fputs("\nFORMATS (--format): text (default), csv, json, html. See docs/indicators.md.\n", out);
  } else if (topic && strcmp(topic, "checklist") == 0) {
    fputs("usage: circheck checklist [options]\n\n"
          "Prints the clauses a buyer should put in a tender, grouped by where they\n"
          "belong (qualification, specification, award criteria, contract terms), each\n"
          "with a checkbox, its criterion, the figure of the chosen level and how it is\n"
          "verified. The packs for every purchase (core) are always included; add\n"
          "product packs with --pack or --cpv.\n\n"
          "Without --lang the checklist is in the user's language, from the first of\n"
          "LC_ALL, LC_MESSAGES and LANG that is set: nn_* gives nynorsk, nb_* and no_*\n"
          "bokmål, en_* English; anything else, or none set, gives bokmål.\n\n"
          "options:\n",
          out);
    print_options(CMD_CHECKLIST, out);
    fputs("\nFORMATS (--format):\n"
          "  text   the clauses with a [ ] checkbox each, grouped by placement (default)\n"
          "  md     a Markdown task list\n"
          "  html   one printable page with checkboxes and copy buttons\n"
          "  csv    one row per clause, for spreadsheets\n"
          "  json   every field, for scripts\n"
          "  docx   Word: a heading per placement and per criterion, each clause its own\n"
          "         paragraph; binary, so -o FILE or a pipe, never a terminal\n",
          out);
  } else {
    fputs("usage: circheck COMMAND [options] [ARGS]\n\n"
          "commands:\n"
          "  check PATH...     check tender documents and report criterion by criterion\n"
          "  checklist         the clauses to put in a tender, for chosen packs and level\n"
          "  stats PATH...     indicators over many tenders: shares per criterion, group, period\n"
          "  rules list        list rule packs, rules, criteria and level figures\n"
          "  rules test [PATH] run the rules' built-in examples\n"
          "  serve             a local web app and API (circheck help serve)\n"
          "  help [COMMAND]    show help for a command\n"
          "  -V, --version     show the version\n\n"
          "Run 'circheck help check' for the options of check; 'man circheck' once installed.\n"
          "NO_COLOR set to anything turns colour off (--color=always turns it on again).\n",
          out);
  }
}

/* Appends 'item' to a growing list of argument strings (borrowed from argv). */
static void push(const char ***list, size_t *n, const char *item) {
  const char **grown = realloc(*list, (*n + 1) * sizeof **list);
  if (!grown) {
    fprintf(stderr, "circheck: out of memory reading the command line\n");
    exit(2);
  }
  grown[(*n)++] = item;
  *list = grown;
}

/* Applies one option; returns 0 or an exit code to stop with. */
static int apply_option(settings *s, const option *o, const char *value) {
  switch (o->id) {
  case OPT_FORMAT:
    s->format_set = true;
    if (!ck_report_format_parse(value, &s->format))
      return usage_error("unknown format", value,
                         "(text, json, jsonl, html, sarif, junit, csv, md, docx)");
    if (!ck_report_format_available(s->format))
      return usage_error("format", value, "is not available in this version");
    break;
  case OPT_OUTPUT:
    s->output = value;
    break;
  case OPT_PACK:
    push(&s->packs, &s->npacks, value);
    break;
  case OPT_EXCLUDE:
    push(&s->excludes, &s->nexcludes, value);
    break;
  case OPT_FIELD: {
    const char *eq = strchr(value, '=');
    char name[32];
    ck_notice_field f;
    size_t n = eq ? (size_t)(eq - value) : 0;
    if (!eq || n >= sizeof name || eq[1] == '\0')
      return usage_error("--field needs NAME=KEY, not", value, NULL);
    memcpy(name, value, n);
    name[n] = '\0';
    if (!ck_notice_field_parse(name, &f))
      return usage_error("unknown notice field", name,
                         "(id, title, description, cpv, buyer, date)");
    s->check.notice_fields[f] = eq + 1;
    break;
  }
  case OPT_LEVEL:
    if (!ck_level_parse(value, &s->check.level))
      return usage_error("unknown level", value, "(basic, advanced, spearhead)");
    s->level_set = true;
    break;
  case OPT_CONFIG:
    s->config = value;
    break;
  case OPT_NO_CONFIG:
    s->no_config = true;
    break;
  case OPT_BASELINE:
    s->baseline = value;
    break;
  case OPT_LANG:
    if (!ck_msg_lang_parse(value, &s->check.msg_lang))
      return usage_error("unknown report language", value, "(nb, nn, en)");
    s->check.msg_lang_set = true;
    break;
  case OPT_CPV:
    s->cpv = value;
    break;
  case OPT_DOC_LANG:
    if (!ck_lang_parse(value, &s->check.doc_lang))
      return usage_error("unknown document language", value, "(nb, nn, en)");
    s->check.doc_lang_set = true;
    break;
  case OPT_FAIL_ON:
    if (strcmp(value, "never") == 0)
      s->fail_on = CK_RESULT_STATUS_COUNT;
    else if (!ck_result_status_parse(value, &s->fail_on) || s->fail_on == CK_STATUS_PASS ||
             s->fail_on == CK_STATUS_ERROR || s->fail_on == CK_STATUS_NOT_APPLICABLE)
      return usage_error("unknown --fail-on value", value, "(fail, partial, never)");
    s->fail_on_set = true;
    break;
  case OPT_RULES:
    push(&s->rules, &s->nrules, value);
    break;
  case OPT_NO_BUILTIN:
    s->builtin = false;
    break;
  case OPT_ALL:
    s->show_all = true;
    break;
  case OPT_FOLLOW:
    s->follow = true;
    break;
  case OPT_COLOR:
    if (!value)
      s->colour = COLOUR_ALWAYS;
    else if (!colour_when_parse(value, &s->colour))
      return usage_error("unknown --color value", value, "(auto, always, never)");
    stderr_colour = colour_for_fd(s->colour, STDERR_FILENO); /* for the errors after it */
    break;
  case OPT_JOBS: {
    char *end;
    errno = 0;
    unsigned long n = strtoul(value, &end, 10);
    if (errno || *end || end == value || n < 1 || n > 256)
      return usage_error("--jobs needs a number from 1 to 256, not", value, NULL);
    s->jobs = (unsigned)n;
    break;
  }
  case OPT_NO_COLOR:
    s->colour = COLOUR_NEVER;
    stderr_colour = false;
    break;
  case OPT_LIMIT: {
    const char *eq = strchr(value, '=');
    char name[64];
    size_t n = eq ? (size_t)(eq - value) : 0;
    if (!eq || n >= sizeof name)
      return usage_error("--limit needs NAME=N, not", value, NULL);
    memcpy(name, value, n);
    name[n] = '\0';
    if (!ck_limits_set(&s->check.limits, name, eq + 1))
      return usage_error("unknown limit or bad value in", value,
                         "(run 'circheck help check' for the names)");
    break;
  }
  case OPT_BY:
    if (!ck_stats_by_parse(value, &s->stats.by))
      return usage_error("unknown grouping", value,
                         "(pack, cpv, buyer, month, quarter, year, all)");
    break;
  case OPT_COMPARE:
    if (s->ncompare >= 2)
      return usage_error("--compare is given twice, not more:", value, NULL);
    s->stats.compare[s->ncompare++] = value;
    break;
  case OPT_MIN_GROUP: {
    char *end;
    errno = 0;
    unsigned long n = strtoul(value, &end, 10);
    if (errno || *end || end == value || n > 1000000)
      return usage_error("--min-group needs a number from 0 to 1000000, not", value, NULL);
    s->stats.min_group = (unsigned)n;
    break;
  }
  case OPT_MERGE:
    s->merge = true;
    break;
  case OPT_HELP:
  case OPT_VERSION:
  case OPT_COUNT:
    break;
  }
  return 0;
}

/* Parses argv[first..] into 's'; returns -1 to go on, or an exit code. */
static int parse_args(settings *s, int argc, char **argv, int first, unsigned command,
                      const char *help_topic) {
  bool only_args = false;
  for (int i = first; i < argc; i++) {
    const char *a = argv[i];
    if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
      push(&s->args, &s->nargs, a);
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_args = true;
      continue;
    }
    const option *o = NULL;
    const char *value = NULL;
    if (a[1] == '-') {
      const char *name = a + 2;
      const char *eq = strchr(name, '=');
      size_t n = eq ? (size_t)(eq - name) : strlen(name);
      for (size_t k = 0; k < sizeof options / sizeof *options && !o; k++)
        if (strlen(options[k].name) == n && strncmp(options[k].name, name, n) == 0)
          o = &options[k];
      if (o && eq)
        value = eq + 1;
    } else {
      for (size_t k = 0; k < sizeof options / sizeof *options && !o; k++)
        if (options[k].short_name == a[1])
          o = &options[k];
      /* "-j2" and "-oFILE": a short option's value may follow it directly. */
      if (o && a[2] != '\0') {
        if (o->value)
          value = a + 2;
        else
          o = NULL;
      }
    }
    if (!o || !(o->commands & command))
      return usage_error("unknown option", a, NULL);
    if (o->id == OPT_HELP) {
      print_help(help_topic, stdout);
      return EXIT_CLEAN;
    }
    if (o->id == OPT_VERSION) {
      printf("circheck %s\n", ck_version());
      return EXIT_CLEAN;
    }
    if (o->value && !value && !value_optional(o)) {
      if (i + 1 >= argc)
        return usage_error("option", a, "needs a value");
      value = argv[++i];
    } else if (!o->value && value) {
      return usage_error("option", a, "takes no value");
    }
    int rc = apply_option(s, o, value);
    if (rc)
      return rc;
  }
  return -1;
}

static void print_diags(ck_diags *d) {
  for (size_t i = 0; i < d->n; i++)
    ck_diag_print_styled(&d->items[i], stderr_colour, stderr);
  ck_diags_free(d);
}

static ck_ruleset *load_rules(const settings *s) {
  ck_diags diags = CK_DIAGS_INIT;
  ck_ruleset *rs = NULL;
  ck_ruleset_load(s->builtin, s->rules, s->nrules, &rs, &diags);
  print_diags(&diags);
  return rs;
}

static int emit(const settings *s, const char *data, size_t len) {
  if (s->output) {
    ck_diags diags = CK_DIAGS_INIT;
    /* Written in one go: an interruption waits until it is done, so that
       no temporary file is left behind. */
    sigset_t held;
    interrupt_hold(&held);
    ck_status rc = ck_write_file_atomic(s->output, data, len, &diags);
    interrupt_release(&held);
    print_diags(&diags);
    return rc == CK_OK ? 0 : EXIT_TROUBLE;
  }
  if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
    fprintf(stderr, "circheck: error: cannot write the report: %s\n", strerror(errno));
    return EXIT_TROUBLE;
  }
  return 0;
}

/* Standard output as a report sink; the first failure's errno is kept. */
static bool write_stdout(void *error, const char *data, size_t len) {
  if (fwrite(data, 1, len, stdout) == len)
    return true;
  *(int *)error = errno;
  return false;
}

/* Writes the report as it is rendered: to standard output, or through a
   temporary file renamed to -o FILE only once all of it is written. An
   interruption while it is written removes the temporary file
   (interrupt.c); making, committing and forgetting it are not cut short. */
static int emit_report(const settings *s, const ck_report *report, const ck_render_options *ro) {
  if (s->output) {
    ck_diags diags = CK_DIAGS_INIT;
    sigset_t held;
    interrupt_hold(&held);
    ck_atomic_file *f = ck_atomic_file_open(s->output, &diags);
    if (f)
      interrupt_remember(ck_atomic_file_temp_path(f));
    interrupt_release(&held);
    ck_status rc = CK_ERR_IO;
    if (f) {
      ck_report_write(report, s->format, ro, ck_atomic_file_write, f);
      interrupt_hold(&held);
      rc = ck_atomic_file_commit(f, &diags); /* says why when a write failed */
      interrupt_remember(NULL);
      interrupt_release(&held);
    }
    print_diags(&diags);
    return rc == CK_OK ? 0 : EXIT_TROUBLE;
  }
  int error = 0;
  if (!ck_report_write(report, s->format, ro, write_stdout, &error) || fflush(stdout) != 0) {
    fprintf(stderr, "circheck: error: cannot write the report: %s\n",
            strerror(error ? error : errno));
    return EXIT_TROUBLE;
  }
  return 0;
}

static void configs_free(configs *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->paths[i]);
    ck_config_free(c->items[i]);
  }
  free(c->paths);
  free(c->items);
}

/* The configuration that applies to 'file': --config's, else the nearest
   .circheck.yml above it, else none (NULL). Each file is read and checked
   once; when one cannot be, its errors are printed and '*failed' is set. */
static ck_config *config_for(const settings *s, configs *c, const ck_ruleset *rs,
                             const char *file, bool *failed) {
  if (s->no_config)
    return NULL;
  char *path = s->config ? strdup(s->config) : ck_config_find(file);
  if (!path)
    return NULL;
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->paths[i], path) == 0) {
      free(path);
      return c->items[i];
    }
  ck_diags diags = CK_DIAGS_INIT;
  ck_config *cfg = NULL;
  if (ck_config_load(path, &cfg, &diags) == CK_OK && ck_config_check(cfg, rs, &diags) != CK_OK) {
    ck_config_free(cfg);
    cfg = NULL;
  }
  print_diags(&diags);
  if (!cfg)
    *failed = true;
  c->paths = realloc(c->paths, (c->n + 1) * sizeof *c->paths);
  c->items = realloc(c->items, (c->n + 1) * sizeof *c->items);
  if (!c->paths || !c->items) {
    fprintf(stderr, "circheck: out of memory\n");
    exit(EXIT_TROUBLE);
  }
  c->paths[c->n] = path;
  c->items[c->n++] = cfg;
  return cfg;
}

/* The options for one file: the command line's, and the configuration's for
   whatever the command line does not set. */
static void file_options(const settings *s, const ck_config *cfg, const char *file,
                         ck_check_options *o, const ck_waiver ***waivers, ck_lang *langs) {
  *o = s->check;
  o->fail_on = s->fail_on;
  *waivers = NULL;
  if (!cfg)
    return;
  ck_config_settings set;
  size_t nwaivers = 0;
  ck_config_for_file(cfg, file, &set, waivers, &nwaivers);
  o->waivers = (const ck_waiver *const *)*waivers;
  o->nwaivers = nwaivers;
  if (!s->level_set && set.has_level)
    o->level = set.level;
  if (!s->check.msg_lang_set && set.has_lang) {
    o->msg_lang_set = true;
    o->msg_lang = set.lang;
  }
  if (!s->check.doc_lang_set && set.has_doc_lang) {
    o->doc_lang_set = true;
    o->doc_lang = set.doc_lang;
  }
  if (set.has_languages) {
    /* a copy: 'set' lives only here */
    memcpy(langs, set.languages, set.nlanguages * sizeof *langs);
    o->doc_langs = langs;
    o->ndoc_langs = set.nlanguages;
  }
  if (s->npacks == 0 && set.has_packs) {
    o->packs = set.packs;
    o->npacks = set.npacks;
  }
  if (!s->fail_on_set && set.has_fail_on)
    o->fail_on = set.fail_on;
}

/* Prints a diagnostic as soon as the library hands it on. */
static void print_diag(void *ctx, const ck_diag *diag) {
  (void)ctx;
  ck_diag_print(diag, stderr);
}

/* check --format jsonl, and --format json of at least one file: each
   document is written as soon as it is checked, and each diagnostic printed
   as soon as its batch of documents is done, so memory does not grow with
   the number of files. Each file's settings ('opt_of') and --baseline
   apply as in a report held whole; JSON is written only when some document
   could be checked, as such a report would be. */
static int stream_check(const settings *s, const ck_ruleset *rs, char **files, const bool *walked,
                        const ck_check_options *const *opt_of, size_t nfiles, ck_diags *diags,
                        bool trouble) {
  bool json = s->format == CK_REPORT_JSON;
  ck_stream_request req = {.format = json ? CK_REPORT_JSON : CK_REPORT_JSONL,
                           .opts_of = opt_of,
                           .baseline = s->baseline,
                           .on_diag = print_diag};
  ck_stream_outcome outcome;
  ck_status st;
  int error = 0;
  if (s->output) {
    /* as emit_report: an interruption while the report is written removes
       the temporary file; making, committing and forgetting it are not cut
       short */
    sigset_t held;
    interrupt_hold(&held);
    ck_atomic_file *f = ck_atomic_file_open(s->output, diags);
    if (f)
      interrupt_remember(ck_atomic_file_temp_path(f));
    interrupt_release(&held);
    if (!f) {
      print_diags(diags);
      return EXIT_TROUBLE;
    }
    st = ck_check_stream_report(rs, &s->check, files, walked, nfiles, s->jobs, &req,
                                ck_atomic_file_write, f, &outcome, diags);
    interrupt_hold(&held);
    if (json && outcome.documents == 0) {
      ck_atomic_file_abort(f); /* no report of nothing: the file is left as it was */
    } else if (ck_atomic_file_commit(f, diags) != CK_OK) {
      /* the documents that could be checked are kept, as in the other formats */
      trouble = true;
    }
    interrupt_remember(NULL);
    interrupt_release(&held);
  } else {
    st = ck_check_stream_report(rs, &s->check, files, walked, nfiles, s->jobs, &req, write_stdout,
                                &error, &outcome, diags);
    if (error || fflush(stdout) != 0) {
      fprintf(stderr, "circheck: error: cannot write the report: %s\n",
              strerror(error ? error : errno));
      trouble = true;
    }
  }
  print_diags(diags);
  if (st != CK_OK || outcome.seen[CK_STATUS_ERROR])
    trouble = true;
  if (json && !trouble && outcome.documents == 0) {
    fprintf(stderr, "circheck: error: nothing was checked: every file found was skipped\n");
    trouble = true;
  }
  if (trouble)
    return EXIT_TROUBLE;
  return outcome.fails ? EXIT_FINDINGS : EXIT_CLEAN;
}

/* A Word file is a zip archive: on a terminal it would be noise and could
   upset the terminal, so it goes to a file (-o) or a pipe only. Asked before
   any work is done. */
static bool binary_to_terminal(const settings *s) {
  return ck_report_format_binary(s->format) && !s->output && isatty(STDOUT_FILENO);
}

static int refuse_binary(const settings *s) {
  return usage_error("format", ck_report_format_name(s->format),
                     "is binary and is not written to a terminal: use -o FILE");
}

/* A format this machine cannot write (a Word file without libzip, which is
   opened when needed): one error line, before any work is done. */
static int refuse_missing(const char *why) {
  ck_diags d = CK_DIAGS_INIT;
  ck_diags_add(&d, CK_DIAG_ERROR, "circheck", 0, 0, "%s", why);
  ck_diag_print_styled(&d.items[0], stderr_colour, stderr);
  ck_diags_free(&d);
  return EXIT_TROUBLE;
}

static int run_check(settings *s) {
  if (s->nargs == 0)
    return usage_error("check needs at least one PATH (a file, a folder or -)", NULL, NULL);
  if (binary_to_terminal(s))
    return refuse_binary(s);
  if (ck_report_format_missing(s->format))
    return refuse_missing(ck_report_format_missing(s->format));
  if (s->config && s->no_config)
    return usage_error("--config and --no-config", NULL, "cannot be used together");
  ck_ruleset *rs = load_rules(s);
  if (!rs)
    return EXIT_TROUBLE;
  for (size_t i = 0; i < s->npacks; i++)
    if (!ck_ruleset_has_pack(rs, s->packs[i])) {
      ck_ruleset_free(rs);
      return usage_error("unknown pack", s->packs[i], "(circheck rules list shows the packs)");
    }
  s->check.packs = s->packs;
  s->check.npacks = s->npacks;

  bool trouble = false;
  char **files = NULL;
  bool *walked = NULL;
  size_t nfiles = 0, cap = 0;
  ck_diags diags = CK_DIAGS_INIT;
  unsigned walk_flags = s->follow ? CK_WALK_FOLLOW_LINKS : 0;
  bool *empty_folder = calloc(s->nargs, sizeof *empty_folder); /* per argument */
  if (!empty_folder) {
    fprintf(stderr, "circheck: out of memory\n");
    exit(EXIT_TROUBLE);
  }
  for (size_t i = 0; i < s->nargs; i++) {
    size_t before = nfiles;
    if (ck_collect_paths_with(s->args[i], walk_flags, &files, &nfiles, &cap, &diags) != CK_OK)
      trouble = true;
    /* files found in a folder may be skipped for their type; a file named
       on the command line may not */
    struct stat st;
    bool folder = strcmp(s->args[i], "-") != 0 && stat(s->args[i], &st) == 0 &&
                  S_ISDIR(st.st_mode);
    empty_folder[i] = folder && nfiles == before;
    walked = realloc(walked, (nfiles ? nfiles : 1) * sizeof *walked);
    if (!walked) {
      fprintf(stderr, "circheck: out of memory\n");
      exit(EXIT_TROUBLE);
    }
    for (size_t k = before; k < nfiles; k++)
      walked[k] = folder;
  }
  size_t found = nfiles;
  /* An empty folder among others is said here; when nothing at all was
     found, the one error below says it. */
  for (size_t i = 0; found > 0 && i < s->nargs; i++)
    if (empty_folder[i])
      ck_diags_add(&diags, CK_DIAG_WARNING, s->args[i], 0, 0, "no files found in the folder");
  free(empty_folder);
  nfiles = drop_excluded(s, files, walked, nfiles);

  /* Each file's configuration: its excludes, settings and waivers. */
  configs cfgs = {0};
  bool config_failed = false;
  ck_check_options *opts = calloc(nfiles ? nfiles : 1, sizeof *opts);
  const ck_check_options **opt_of = calloc(nfiles ? nfiles : 1, sizeof *opt_of);
  const ck_waiver ***waivers = calloc(nfiles ? nfiles : 1, sizeof *waivers);
  ck_lang *langs = calloc((nfiles ? nfiles : 1) * CK_LANG_COUNT, sizeof *langs);
  if (!opts || !opt_of || !waivers || !langs) {
    fprintf(stderr, "circheck: out of memory\n");
    exit(EXIT_TROUBLE);
  }
  size_t kept = 0;
  for (size_t i = 0; i < nfiles; i++) {
    ck_config *cfg = config_for(s, &cfgs, rs, files[i], &config_failed);
    if (cfg && ck_config_excludes(cfg, files[i])) {
      free(files[i]);
      continue;
    }
    files[kept] = files[i];
    walked[kept] = walked[i];
    file_options(s, cfg, files[kept], &opts[kept], &waivers[kept], &langs[kept * CK_LANG_COUNT]);
    opt_of[kept] = &opts[kept];
    kept++;
  }
  size_t before_config = nfiles;
  nfiles = kept;
  if (s->format == CK_REPORT_JSONL ||
      (s->format == CK_REPORT_JSON && nfiles > 0 && !config_failed)) {
    /* streamed: each document is written as it is checked */
    int src = stream_check(s, rs, files, walked, opt_of, nfiles, &diags, trouble || config_failed);
    free(walked);
    for (size_t i = 0; i < nfiles; i++) {
      free(files[i]);
      free(waivers[i]);
    }
    free(files);
    free(waivers);
    free(opts);
    free(opt_of);
    free(langs);
    configs_free(&cfgs);
    ck_ruleset_free(rs);
    return src;
  }

  int rc = EXIT_CLEAN;
  ck_report *report = ck_report_new(rs, &s->check);
  if (config_failed) {
    print_diags(&diags);
    trouble = true;
    goto out; /* a configuration that cannot be read checks nothing */
  }
  progress_line progress;
  progress_begin(&progress);
  ck_report_set_progress(report, progress_update, &progress);
  if (ck_report_check_configured(report, files, walked, opt_of, nfiles, s->jobs, &diags) !=
      CK_OK)
    trouble = true; /* the others are still checked and reported */
  progress_end(&progress); /* gone before diagnostics and the report appear */
  if (s->baseline && ck_report_apply_baseline(report, s->baseline, &diags) != CK_OK) {
    print_diags(&diags);
    trouble = true;
    goto out; /* without its baseline, the report would say everything is new */
  }
  print_diags(&diags);
  /* A run that checked nothing could not check: said, unless an error
     above already says why. */
  if (!trouble && ck_report_document_count(report) == 0) {
    if (found > 0 && before_config > 0 && nfiles == 0) {
      /* a configuration that leaves out every file named (a pre-commit hook
         passing a draft the team excluded) asked for nothing to be checked */
      fprintf(stderr, "circheck: note: nothing was checked: every file is excluded by the "
                      "configuration\n");
    } else {
      fprintf(stderr, "circheck: error: nothing was checked: %s\n",
              found == 0           ? "no files were found"
              : before_config == 0 ? "every file found matches --exclude"
                                   : "every file found was skipped");
      trouble = true;
    }
  }

  /* Whatever could be checked is reported, even when other inputs failed. */
  if (!trouble || ck_report_document_count(report) > 0) {
    ck_render_options ro = {.color = s->output ? s->colour == COLOUR_ALWAYS
                                               : colour_for_fd(s->colour, STDOUT_FILENO),
                            .show_all = s->show_all,
                            .fail_on = nfiles ? opts[0].fail_on : s->fail_on,
                            .jobs = s->jobs};
    if (emit_report(s, report, &ro) != 0)
      trouble = true;
    if (ck_report_fails(report))
      rc = EXIT_FINDINGS;
    /* A rule that could not be judged is trouble, not a finding: the report
       is complete otherwise, and the library has said which rule (diags). */
    if (ck_report_has_status_at_or_above(report, CK_STATUS_ERROR))
      trouble = true;
  }
out:
  if (trouble)
    rc = EXIT_TROUBLE;
  ck_report_free(report);
  free(walked);
  for (size_t i = 0; i < nfiles; i++) {
    free(files[i]);
    free(waivers[i]);
  }
  free(files);
  free(waivers);
  free(opts);
  free(opt_of);
  free(langs);
  configs_free(&cfgs);
  ck_ruleset_free(rs);
  return rc;
}

static int run_rules(settings *s) {
  if (s->nargs == 0)
    return usage_error("rules needs a subcommand: list or test", NULL, NULL);
  const char *sub = s->args[0];
  if (strcmp(sub, "list") == 0) {
    if (s->nargs > 1)
      return usage_error("unexpected argument", s->args[1], NULL);
    ck_ruleset *rs = load_rules(s);
    if (!rs)
      return EXIT_TROUBLE;
    ck_rules_list(rs, s->check.msg_lang_set ? s->check.msg_lang : CK_MSG_EN, stdout);
    ck_ruleset_free(rs);
    return EXIT_CLEAN;
  }
  if (strcmp(sub, "test") == 0) {
    if (s->nargs > 2)
      return usage_error("unexpected argument", s->args[2], NULL);
    if (s->nargs == 2) {
      /* Testing a pack on disk: it replaces the built-in pack of its id,
         so the built-in criteria and other packs stay available. */
      push(&s->rules, &s->nrules, s->args[1]);
    }
    ck_ruleset *rs = load_rules(s);
    if (!rs)
      return EXIT_TROUBLE;
    size_t failed = 0;
    if (s->npacks == 0)
      failed = ck_rules_test(rs, NULL, stdout);
    for (size_t i = 0; i < s->npacks; i++)
      failed += ck_rules_test(rs, s->packs[i], stdout);
    ck_ruleset_free(rs);
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
  }
  return usage_error("unknown rules subcommand", sub, "(list, test)");
}

/* The user's language for a checklist, from the locale's variables in the
   order POSIX gives them weight; bokmål when none is set or names another
   language. */
static ck_msg_lang locale_lang(void) {
  static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
    const char *v = getenv(vars[i]);
    if (!v || !*v)
      continue;
    ck_msg_lang lang;
    return ck_msg_lang_from_locale(v, &lang) ? lang : CK_MSG_NB;
  }
  return CK_MSG_NB;
}

static int run_checklist(settings *s) {
  if (s->nargs > 0)
    return usage_error("unexpected argument", s->args[0], NULL);
  if (!ck_checklist_format_available(s->format))
    return usage_error("format", ck_report_format_name(s->format),
                       "has no checklist form (text, md, html, csv, json, docx)");
  if (binary_to_terminal(s))
    return refuse_binary(s);
  if (ck_report_format_missing(s->format))
    return refuse_missing(ck_report_format_missing(s->format));
  ck_ruleset *rs = load_rules(s);
  if (!rs)
    return EXIT_TROUBLE;
  for (size_t i = 0; i < s->npacks; i++)
    if (!ck_ruleset_has_pack(rs, s->packs[i])) {
      ck_ruleset_free(rs);
      return usage_error("unknown pack", s->packs[i], "(circheck rules list shows the packs)");
    }
  ck_checklist_options co = ck_checklist_options_default();
  co.lang = locale_lang();
  co.packs = s->packs;
  co.npacks = s->npacks;
  co.cpv = s->cpv;
  co.level = s->check.level;
  if (s->check.msg_lang_set)
    co.lang = s->check.msg_lang;
  ck_diags diags = CK_DIAGS_INIT;
  char *out = NULL;
  size_t len = 0;
  ck_status st = ck_checklist_render(rs, &co, s->format, &out, &len, &diags);
  ck_ruleset_free(rs);
  if (st != CK_OK) {
    int rc = EXIT_TROUBLE;
    for (size_t i = 0; i < diags.n; i++)
      rc = usage_error(diags.items[i].msg, NULL, NULL);
    ck_diags_free(&diags);
    return rc;
  }
  print_diags(&diags);
  int rc = emit(s, out, len) == 0 ? EXIT_CLEAN : EXIT_TROUBLE;
  free(out);
  return rc;
}

static int run_stats(settings *s) {
  if (s->nargs == 0)
    return usage_error("stats needs at least one PATH (documents, notices, reports)", NULL,
                       NULL);
  if (!s->format_set)
    s->format = CK_REPORT_TEXT;
  if (!ck_stats_format_available(s->format))
    return usage_error("format", ck_report_format_name(s->format),
                       "has no statistics form (text, csv, json, html)");
  if (s->ncompare == 1)
    return usage_error("--compare needs two groups: --compare A --compare B", NULL, NULL);
  ck_ruleset *rs = load_rules(s);
  if (!rs)
    return EXIT_TROUBLE;
  for (size_t i = 0; i < s->npacks; i++)
    if (!ck_ruleset_has_pack(rs, s->packs[i])) {
      ck_ruleset_free(rs);
      return usage_error("unknown pack", s->packs[i], "(circheck rules list shows the packs)");
    }
  s->check.packs = s->packs;
  s->check.npacks = s->npacks;
  bool trouble = false;
  char **files = NULL;
  bool *walked = NULL;
  size_t nfiles = 0, cap = 0;
  ck_diags diags = CK_DIAGS_INIT;
  for (size_t i = 0; i < s->nargs; i++) {
    size_t before = nfiles;
    if (ck_collect_paths(s->args[i], &files, &nfiles, &cap, &diags) != CK_OK)
      trouble = true;
    struct stat st;
    bool folder = strcmp(s->args[i], "-") != 0 && stat(s->args[i], &st) == 0 &&
                  S_ISDIR(st.st_mode);
    walked = realloc(walked, (nfiles ? nfiles : 1) * sizeof *walked);
    if (!walked) {
      fprintf(stderr, "circheck: out of memory\n");
      exit(EXIT_TROUBLE);
    }
    for (size_t k = before; k < nfiles; k++)
      walked[k] = folder;
  }
  nfiles = drop_excluded(s, files, walked, nfiles);
  ck_stats *stats = ck_stats_new(rs);
  print_diags(&diags); /* the paths' own problems first, then the inputs' as they come */
  if (ck_stats_add(stats, rs, &s->check, files, walked, nfiles, s->jobs, s->merge, print_diag,
                   NULL, &diags) != CK_OK)
    trouble = true; /* the rest is counted and written */
  print_diags(&diags);
  char *out = NULL;
  size_t len = 0;
  int rc = EXIT_CLEAN;
  if (ck_stats_render(stats, s->format, &s->stats, &out, &len, &diags) != CK_OK) {
    for (size_t i = 0; i < diags.n; i++)
      rc = usage_error(diags.items[i].msg, NULL, NULL);
    ck_diags_free(&diags);
  } else if (emit(s, out, len) != 0) {
    rc = EXIT_TROUBLE;
  }
  free(out);
  ck_stats_free(stats);
  free(walked);
  for (size_t i = 0; i < nfiles; i++)
    free(files[i]);
  free(files);
  ck_ruleset_free(rs);
  return trouble ? EXIT_TROUBLE : rc;
}

int main(int argc, char **argv) {
  settings s = {.check = ck_check_options_default(),
                .format = CK_REPORT_TEXT,
                .builtin = true,
                .colour = COLOUR_AUTO,
                .jobs = 1,
                .fail_on = CK_STATUS_FAIL,
                .stats = ck_stats_options_default()};
  stderr_colour = colour_for_fd(COLOUR_AUTO, STDERR_FILENO);
  if (argc < 2) {
    print_help(NULL, stderr);
    return EXIT_TROUBLE;
  }
  const char *cmd = argv[1];
  int rc;
  interrupt_install();
  if (strcmp(cmd, "check") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_CHECK, "check")) < 0)
      rc = run_check(&s);
  } else if (strcmp(cmd, "rules") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_RULES, "rules")) < 0)
      rc = run_rules(&s);
  } else if (strcmp(cmd, "checklist") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_CHECKLIST, "checklist")) < 0)
      rc = run_checklist(&s);
  } else if (strcmp(cmd, "stats") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_STATS, "stats")) < 0)
      rc = run_stats(&s);
  } else if (strcmp(cmd, "serve") == 0) {
    rc = ck_serve_main(argc - 1, argv + 1);
  } else if (strcmp(cmd, "help") == 0 && argc > 2 && strcmp(argv[2], "serve") == 0) {
    char *help_argv[] = {"serve", "--help", NULL};
    rc = ck_serve_main(2, help_argv);
  } else if (strcmp(cmd, "help") == 0) {
    print_help(argc > 2 ? argv[2] : NULL, stdout);
    rc = EXIT_CLEAN;
  } else if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
    print_help(NULL, stdout);
    rc = EXIT_CLEAN;
  } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("circheck %s\n", ck_version());
    rc = EXIT_CLEAN;
  } else {
    rc = usage_error(cmd[0] == '-' ? "unknown option" : "unknown command", cmd, NULL);
  }
  free(s.packs);
  free(s.rules);
  free(s.args);
  free(s.excludes);
  return rc;
}
