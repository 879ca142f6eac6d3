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
#include "serve.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

typedef enum {
  CMD_CHECK = 1u << 0,
  CMD_RULES = 1u << 1,
  CMD_CHECKLIST = 1u << 2,
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
    {OPT_FORMAT, "format", 0, "FORMAT", CMD_CHECK | CMD_CHECKLIST,
     "report format (default text; see FORMATS below)"},
    {OPT_OUTPUT, "output", 'o', "FILE", CMD_CHECK | CMD_CHECKLIST,
     "write the report to FILE (atomically) instead of standard output"},
    {OPT_PACK, "pack", 0, "NAME", CMD_CHECK | CMD_RULES | CMD_CHECKLIST,
     "use this rule pack (repeatable); default: chosen from the document, plus core"},
    {OPT_LEVEL, "level", 0, "LEVEL", CMD_CHECK | CMD_CHECKLIST,
     "ambition level: basic, advanced, spearhead"},
    {OPT_LANG, "lang", 0, "LANG", CMD_CHECK | CMD_RULES | CMD_CHECKLIST,
     "language of messages and clauses: nb or en (default: the document's; checklist: en)"},
    {OPT_CPV, "cpv", 0, "CODE", CMD_CHECKLIST,
     "checklist: add the packs for these CPV codes (e.g. 39130000, or \"39130000,30200000\")"},
    {OPT_DOC_LANG, "doc-lang", 0, "LANG", CMD_CHECK,
     "language the document is written in: nb, nn or en (default: detected)"},
    {OPT_FAIL_ON, "fail-on", 0, "STATUS", CMD_CHECK,
     "exit 1 on results at or above: fail, partial or never (default fail)"},
    {OPT_RULES, "rules", 0, "PATH", CMD_CHECK | CMD_RULES | CMD_CHECKLIST,
     "extra rule file or folder (repeatable); a pack with a built-in id replaces it"},
    {OPT_NO_BUILTIN, "no-builtin-rules", 0, NULL, CMD_CHECK | CMD_RULES | CMD_CHECKLIST,
     "use only the packs given with --rules"},
    {OPT_ALL, "all", 0, NULL, CMD_CHECK, "text report: list rules that do not apply too"},
    {OPT_COLOR, "color", 0, NULL, CMD_CHECK, "colour the text report even when not on a terminal"},
    {OPT_NO_COLOR, "no-color", 0, NULL, CMD_CHECK, "never colour the text report"},
    {OPT_EXCLUDE, "exclude", 0, "GLOB", CMD_CHECK,
     "leave out paths that match GLOB, as a whole or by file name (repeatable)"},
    {OPT_JOBS, "jobs", 'j', "N", CMD_CHECK,
     "check and render N files at a time on N threads (default 1); the report is the same"},
    {OPT_HELP, "help", 'h', NULL, CMD_ALL, "show help and exit"},
    {OPT_VERSION, "version", 0, NULL, CMD_ALL, "show the version and exit"},
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
  int color; /* -1 auto, 0 off, 1 on */
  unsigned jobs;
  ck_result_status fail_on; /* CK_RESULT_STATUS_COUNT = never */
  const char **args;
  size_t nargs;
  const char **excludes;
  size_t nexcludes;
} settings;

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

/* Prints "circheck: error: WHAT 'ARG' HINT" and gives the usage exit code. */
static int usage_error(const char *what, const char *arg, const char *hint) {
  fprintf(stderr, "circheck: error: %s", what);
  if (arg)
    fprintf(stderr, " '%s'", arg);
  if (hint)
    fprintf(stderr, " %s", hint);
  fprintf(stderr, " (see 'circheck help')\n");
  return EXIT_TROUBLE;
}

static void print_options(unsigned command, FILE *out) {
  for (size_t i = 0; i < sizeof options / sizeof *options; i++) {
    const option *o = &options[i];
    if (!(o->commands & command))
      continue;
    char left[64];
    if (o->short_name)
      snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->value ? " " : "",
               o->value ? o->value : "");
    else
      snprintf(left, sizeof left, "    --%s%s%s", o->name, o->value ? " " : "",
               o->value ? o->value : "");
    fprintf(out, "  %-28s %s\n", left, o->help);
  }
}

static void print_help(const char *topic, FILE *out) {
  if (topic && strcmp(topic, "check") == 0) {
    fputs("usage: circheck check [options] PATH...\n\n"
          "Checks tender documents (text, Markdown, XML, eForms, HTML, Word .docx,\n"
          "OpenDocument .odt, PDF) for circular-economy requirements; the format is told by\n"
          "content. In\n"
          "a Word or OpenDocument file a position is paragraph:character, in a PDF\n"
          "page:character. PATH is a file, a folder (checked recursively, sorted) or - for\n"
          "standard input. Exit status: 0 nothing at or above --fail-on, 1 something is,\n"
          "2 could not check, or some rule could not be judged (status error: a pattern\n"
          "exceeded PCRE2's limits; the report is still written).\n\n"
          "Statuses: pass, partial, fail, error, not-applicable.\n\noptions:\n",
          out);
    print_options(CMD_CHECK, out);
    fputs("\nFORMATS (--format):\n"
          "  text   compiler-style lines, the evidence, the clause to add, a table (default)\n"
          "  json   every field, for scripts\n"
          "  html   one self-contained page to read, print (A4) and send; works offline\n"
          "  sarif  SARIF 2.1.0 for code scanning (GitHub, GitLab); partial = warning\n"
          "  junit  JUnit XML for CI test reports; partial fails only with --fail-on partial,\n"
          "         error is an <error>\n"
          "  csv    one row per rule result, for spreadsheets\n"
          "  md     Markdown for a pull-request comment\n"
          "See docs/report-formats.md.\n",
          out);
  } else if (topic && strcmp(topic, "rules") == 0) {
    fputs("usage: circheck rules list [options]\n"
          "       circheck rules test [options] [PATH]\n\n"
          "list: the packs, rules, criteria and level figures.\n"
          "test: runs every rule's examples (of PATH, a rule file or folder, when given,\n"
          "instead of the built-in packs); exit 1 on any mismatch.\n\noptions:\n",
          out);
    print_options(CMD_RULES, out);
  } else if (topic && strcmp(topic, "checklist") == 0) {
    fputs("usage: circheck checklist [options]\n\n"
          "Prints the clauses a buyer should put in a tender, grouped by where they\n"
          "belong (qualification, specification, award criteria, contract terms), each\n"
          "with a checkbox, its criterion, the figure of the chosen level and how it is\n"
          "verified. The packs for every purchase (core) are always included; add\n"
          "product packs with --pack or --cpv. --format: text (default), md (task\n"
          "list), html (printable, with checkboxes), csv or json.\n\n"
          "options:\n",
          out);
    print_options(CMD_CHECKLIST, out);
  } else {
    fputs("usage: circheck COMMAND [options] [ARGS]\n\n"
          "commands:\n"
          "  check PATH...     check tender documents and report criterion by criterion\n"
          "  checklist         the clauses to put in a tender, for chosen packs and level\n"
          "  rules list        list rule packs, rules, criteria and level figures\n"
          "  rules test [PATH] run the rules' built-in examples\n"
          "  serve             a local web app and API (circheck help serve)\n"
          "  help [COMMAND]    show help for a command\n\n"
          "Run 'circheck help check' for the options of check.\n",
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
    if (!ck_report_format_parse(value, &s->format))
      return usage_error("unknown format", value, "(text, json, html, sarif, junit, csv, md)");
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
  case OPT_LEVEL:
    if (!ck_level_parse(value, &s->check.level))
      return usage_error("unknown level", value, "(basic, advanced, spearhead)");
    break;
  case OPT_LANG:
    if (!ck_msg_lang_parse(value, &s->check.msg_lang))
      return usage_error("unknown report language", value, "(nb, en)");
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
  case OPT_COLOR:
    s->color = 1;
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
    s->color = 0;
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
    if (o->value && !value) {
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
    ck_diag_print(&d->items[i], stderr);
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
    ck_status rc = ck_write_file_atomic(s->output, data, len, &diags);
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
   temporary file renamed to -o FILE only once all of it is written. */
static int emit_report(const settings *s, const ck_report *report, const ck_render_options *ro) {
  if (s->output) {
    ck_diags diags = CK_DIAGS_INIT;
    ck_atomic_file *f = ck_atomic_file_open(s->output, &diags);
    ck_status rc = CK_ERR_IO;
    if (f) {
      ck_report_write(report, s->format, ro, ck_atomic_file_write, f);
      rc = ck_atomic_file_commit(f, &diags); /* says why when a write failed */
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

static int run_check(settings *s) {
  if (s->nargs == 0)
    return usage_error("check needs at least one PATH (a file, a folder or -)", NULL, NULL);
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
    /* files found in a folder may be skipped for their type; a file named
       on the command line may not */
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
  ck_report *report = ck_report_new(rs, &s->check);
  if (ck_report_check_walked(report, files, walked, nfiles, s->jobs, &diags) != CK_OK)
    trouble = true; /* the others are still checked and reported */
  free(walked);
  print_diags(&diags);

  int rc = EXIT_CLEAN;
  /* Whatever could be checked is reported, even when other inputs failed. */
  if (!trouble || ck_report_document_count(report) > 0) {
    ck_render_options ro = {.color = s->color == 1 || (s->color == -1 && !s->output &&
                                                        isatty(STDOUT_FILENO)),
                            .show_all = s->show_all,
                            .fail_on = s->fail_on,
                            .jobs = s->jobs};
    if (emit_report(s, report, &ro) != 0)
      trouble = true;
    if (s->fail_on != CK_RESULT_STATUS_COUNT &&
        ck_report_has_status_at_or_above(report, s->fail_on))
      rc = EXIT_FINDINGS;
    /* A rule that could not be judged is trouble, not a finding: the report
       is complete otherwise, and the library has said which rule (diags). */
    if (ck_report_has_status_at_or_above(report, CK_STATUS_ERROR))
      trouble = true;
  }
  if (trouble)
    rc = EXIT_TROUBLE;
  ck_report_free(report);
  for (size_t i = 0; i < nfiles; i++)
    free(files[i]);
  free(files);
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

static int run_checklist(settings *s) {
  if (s->nargs > 0)
    return usage_error("unexpected argument", s->args[0], NULL);
  if (!ck_checklist_format_available(s->format))
    return usage_error("format", ck_report_format_name(s->format),
                       "has no checklist form (text, md, html, csv, json)");
  ck_ruleset *rs = load_rules(s);
  if (!rs)
    return EXIT_TROUBLE;
  for (size_t i = 0; i < s->npacks; i++)
    if (!ck_ruleset_has_pack(rs, s->packs[i])) {
      ck_ruleset_free(rs);
      return usage_error("unknown pack", s->packs[i], "(circheck rules list shows the packs)");
    }
  ck_checklist_options co = ck_checklist_options_default();
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

int main(int argc, char **argv) {
  settings s = {.check = ck_check_options_default(),
                .format = CK_REPORT_TEXT,
                .builtin = true,
                .color = -1,
                .jobs = 1,
                .fail_on = CK_STATUS_FAIL};
  if (argc < 2) {
    print_help(NULL, stderr);
    return EXIT_TROUBLE;
  }
  const char *cmd = argv[1];
  int rc;
  if (strcmp(cmd, "check") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_CHECK, "check")) < 0)
      rc = run_check(&s);
  } else if (strcmp(cmd, "rules") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_RULES, "rules")) < 0)
      rc = run_rules(&s);
  } else if (strcmp(cmd, "checklist") == 0) {
    if ((rc = parse_args(&s, argc, argv, 2, CMD_CHECKLIST, "checklist")) < 0)
      rc = run_checklist(&s);
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
  } else if (strcmp(cmd, "--version") == 0) {
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
