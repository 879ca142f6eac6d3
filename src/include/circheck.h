/* circheck: the public interface of the engine, the only header the CLI uses.
 *
 * Lifecycle: load a rule set once (ck_ruleset_load), create a report for one
 * run (ck_report_new), add documents to it (ck_report_check_path), render it
 * (ck_report_render), free both. A rule set is read-only after loading and may
 * be shared by several reports on several threads.
 *
 * The library never prints and never exits: problems with inputs come back
 * as diagnostics (ck_diags) with a file, line and column. */
#ifndef CIRCHECK_H
#define CIRCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* --- status and diagnostics ------------------------------------------------- */

typedef enum {
  CK_OK = 0,
  CK_ERR_IO,    /* a file could not be read or written */
  CK_ERR_INPUT, /* a document is empty, binary, badly encoded or malformed */
  CK_ERR_RULES, /* a rule file is invalid */
  CK_ERR_USAGE, /* the caller asked for something that makes no sense */
  CK_ERR_LIMIT, /* an input exceeded a configured limit */
  CK_ERR_UNSUPPORTED, /* a file of a type circheck does not read (an image, a spreadsheet) */
  CK_STATUS_COUNT
} ck_status;

/* Returns a stable lower-case name such as "io" or "rules". */
const char *ck_status_name(ck_status s);

typedef enum { CK_DIAG_ERROR, CK_DIAG_WARNING, CK_DIAG_NOTE } ck_diag_level;

typedef struct ck_diag {
  ck_diag_level level;
  char *file;    /* owned; may be NULL */
  unsigned line; /* 1-based; 0 when unknown */
  unsigned col;  /* 1-based; 0 when unknown */
  char *msg;     /* owned */
} ck_diag;

typedef struct ck_diags {
  ck_diag *items;
  size_t n, cap;
} ck_diags;

#define CK_DIAGS_INIT {NULL, 0, 0}

/* Appends a diagnostic; 'file' is copied. */
void ck_diags_add(ck_diags *d, ck_diag_level level, const char *file, unsigned line,
                  unsigned col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Takes diagnostics as soon as they are made, for runs over inputs of any
 * size, whose diagnostics are then not kept. */
typedef void (*ck_diag_fn)(void *ctx, const ck_diag *diag);

/* Number of entries at level CK_DIAG_ERROR. */
size_t ck_diags_errors(const ck_diags *d);
/* Writes one diagnostic as "file:line:col: error: msg\n" (unknown parts left out). */
void ck_diag_print(const ck_diag *diag, FILE *out);
/* The same line, with the place in bold and the level coloured (ANSI escapes)
 * when 'colour' is true: for a terminal. */
void ck_diag_print_styled(const ck_diag *diag, bool colour, FILE *out);
/* Frees every entry and leaves 'd' empty and reusable. */
void ck_diags_free(ck_diags *d);

/* --- small enums shared by the engine and its callers ---------------------------- */

typedef enum { CK_LANG_NB, CK_LANG_NN, CK_LANG_EN, CK_LANG_COUNT } ck_lang;
const char *ck_lang_name(ck_lang lang); /* "nb", "nn", "en" */
/* Parses "nb", "nn", "en" (also "no"/"nob"/"nor" -> nb, "nno" -> nn, "eng" -> en). */
bool ck_lang_parse(const char *name, ck_lang *out);

/* Languages of messages and clauses: bokmål, English and nynorsk. A text a
   rule pack gives in bokmål but not in nynorsk is shown in bokmål. */
typedef enum { CK_MSG_NB, CK_MSG_EN, CK_MSG_NN, CK_MSG_LANG_COUNT } ck_msg_lang;
const char *ck_msg_lang_name(ck_msg_lang l); /* "nb", "en", "nn" */
/* Parses "nb", "en", "nn"; "no" gives nb. */
bool ck_msg_lang_parse(const char *name, ck_msg_lang *out);
/* The message language of a POSIX locale name such as "nn_NO.UTF-8": nn_* ->
   nn, nb_* and no_* -> nb, en_* -> en; false for anything else (C, POSIX,
   other languages) and for NULL or "". */
bool ck_msg_lang_from_locale(const char *locale, ck_msg_lang *out);

typedef enum { CK_LEVEL_BASIC, CK_LEVEL_ADVANCED, CK_LEVEL_SPEARHEAD, CK_LEVEL_COUNT } ck_level;
const char *ck_level_name(ck_level l); /* "basic", "advanced", "spearhead" */
bool ck_level_parse(const char *name, ck_level *out);

/* Result statuses, best first; not-applicable ranks apart. 'error' is the
 * worst: the rule could not be judged because one of its patterns was
 * stopped by PCRE2's limits, and the run then exits 2 whatever --fail-on. */
typedef enum {
  CK_STATUS_PASS,
  CK_STATUS_PARTIAL,
  CK_STATUS_FAIL,
  CK_STATUS_ERROR,
  CK_STATUS_NOT_APPLICABLE,
  CK_RESULT_STATUS_COUNT
} ck_result_status;
/* "pass", "partial", "fail", "error", "not-applicable" */
const char *ck_result_status_name(ck_result_status s);
bool ck_result_status_parse(const char *name, ck_result_status *out);

/* Caps on what one input may make circheck do; every cap, when hit, is one
 * clear error. */
typedef struct ck_limits {
  size_t max_input_bytes;          /* size of one source file */
  size_t max_line_bytes;           /* length of one physical line */
  size_t max_blocks;               /* blocks in one document */
  unsigned max_xml_depth;          /* element nesting in XML */
  size_t max_xml_elements;         /* elements in one XML source (or part of an office file) */
  size_t max_xml_attributes;       /* attributes of one XML element */
  size_t max_xml_total_attributes; /* attributes in one XML source */
  unsigned rule_time_ms;           /* time for one rule on one document; 0 = none */
  unsigned document_time_ms;       /* time for all rules on one document; 0 = none */
} ck_limits;

/* The defaults: 64 MiB input, 1 MiB lines, 1,000,000 blocks, XML depth 256,
 * 2,000,000 XML elements, 1,000 attributes on an element and 4,000,000 in
 * all, 10 s per rule and 60 s per document. */
ck_limits ck_limits_default(void);

/* Sets the limit called 'name' (a field of ck_limits: "max_xml_elements")
 * from 'value', a whole number (for the byte sizes also with a K, M or G
 * suffix, in KiB, MiB, GiB). Returns false, changing nothing, for an
 * unknown name or a value that is not a number in the limit's range (the
 * caps from 1, the time budgets from 0). */
bool ck_limits_set(ck_limits *limits, const char *name, const char *value);

/* The name of the i-th limit ck_limits_set knows, NULL past the last. */
const char *ck_limit_name(size_t i);

/* --- rule sets ----------------------------------------------------------------- */

typedef struct ck_ruleset ck_ruleset;

/* Loads the rule packs built into the binary (unless 'builtin' is false) and
 * then each of 'paths' (a rule file, or a folder whose *.xml files are read in
 * sorted order). A pack with the id of one already loaded replaces it. On
 * error returns CK_ERR_RULES or CK_ERR_IO with diagnostics and '*out' NULL;
 * otherwise the caller frees '*out' with ck_ruleset_free(). */
ck_status ck_ruleset_load(bool builtin, const char *const *paths, size_t npaths,
                          ck_ruleset **out, ck_diags *diags);
/* Frees the rule set. Does nothing for NULL. */
void ck_ruleset_free(ck_ruleset *rs);
/* True when a pack with this id is loaded. */
bool ck_ruleset_has_pack(const ck_ruleset *rs, const char *id);
/* The loaded packs, sorted by id: how many, and each one's id, name in
 * 'lang', and whether it applies to every purchase (core); NULL / false for
 * an index out of range. */
size_t ck_ruleset_pack_count(const ck_ruleset *rs);
const char *ck_ruleset_pack_id(const ck_ruleset *rs, size_t i);
const char *ck_ruleset_pack_name(const ck_ruleset *rs, size_t i, ck_msg_lang lang);
bool ck_ruleset_pack_always(const ck_ruleset *rs, size_t i);

/* Writes the packs, rules, criteria and level figures as text. */
void ck_rules_list(const ck_ruleset *rs, ck_msg_lang lang, FILE *out);

/* Runs every rule's built-in examples and writes one line per mismatch plus
 * a closing "N passed, N failed" line to 'out'. Returns the number of
 * mismatches. Only rules of 'pack' when it is not NULL. */
size_t ck_rules_test(const ck_ruleset *rs, const char *pack, FILE *out);

/* --- checking documents ------------------------------------------------------------ */

/* The fields of a notice given as a line of JSON Lines (a file named *.jsonl
 * or *.ndjson: one JSON object a line, one document a line). */
typedef enum {
  CK_NOTICE_ID,          /* names the document; default "id", else "index" */
  CK_NOTICE_TITLE,       /* "title" */
  CK_NOTICE_DESCRIPTION, /* "description": a string or an array of paragraphs */
  CK_NOTICE_CPV,         /* "cpv": the main CPV code (an array: its first code) */
  CK_NOTICE_BUYER,       /* "buyer" */
  CK_NOTICE_DATE,        /* "date", else "published": YYYY-MM-DD (or YYYY-MM) */
  CK_NOTICE_FIELD_COUNT
} ck_notice_field;
/* "id", "title", "description", "cpv", "buyer", "date" */
const char *ck_notice_field_name(ck_notice_field f);
bool ck_notice_field_parse(const char *name, ck_notice_field *out);
/* True for a path circheck reads as JSON Lines: it ends in .jsonl or .ndjson. */
bool ck_path_is_jsonl(const char *path);

typedef struct ck_check_options {
  ck_level level;
  bool msg_lang_set;        /* false: the document's language (nb, nn or en) */
  ck_msg_lang msg_lang;
  bool doc_lang_set;        /* false: detect */
  ck_lang doc_lang;
  const char *const *packs; /* forced packs; NULL/0 = choose from the document */
  size_t npacks;
  ck_limits limits;
  /* Waivers that apply to the file (from a configuration, already matched
     to its path: ck_config_for_file); waivers written in the document itself
     are found by the reader and always apply. Borrowed for the check. */
  const struct ck_waiver *const *waivers;
  size_t nwaivers;
  /* The languages documents are written in (a configuration's 'languages'):
     a document detected as another is read as the first of them. NULL/0:
     any. doc_lang_set overrides both. */
  const ck_lang *doc_langs;
  size_t ndoc_langs;
  /* Which statuses fail the run for this document (ck_report_fails):
     CK_STATUS_FAIL by default, CK_RESULT_STATUS_COUNT for never. */
  ck_result_status fail_on;
  /* The key of each notice field in JSON Lines input (borrowed); NULL: the
     default names of ck_notice_field. */
  const char *notice_fields[CK_NOTICE_FIELD_COUNT];
} ck_check_options;

/* Options with the defaults of the command line. */
ck_check_options ck_check_options_default(void);

typedef struct ck_report ck_report;

/* Creates an empty report for checking with 'rs' (borrowed: free the report
 * first). */
ck_report *ck_report_new(const ck_ruleset *rs, const ck_check_options *opts);
/* Frees the report. Does nothing for NULL. */
void ck_report_free(ck_report *report);

/* Expands 'path' into the files to check: a file as is, '-' for standard
 * input, a folder recursively in sorted order. Appends to '*files' (caller
 * frees each and the array). In a folder, hidden entries are left out
 * without a word; with a warning each: symbolic links (unless
 * CK_WALK_FOLLOW_LINKS), FIFOs, sockets and devices, folders deeper than
 * CK_WALK_MAX_DEPTH and a folder met again below itself (a loop). A path
 * named here is followed whatever it is. ck_collect_paths is
 * ck_collect_paths_with and no flags. */
enum { CK_WALK_FOLLOW_LINKS = 1u << 0 };
enum { CK_WALK_MAX_DEPTH = 64 };
ck_status ck_collect_paths(const char *path, char ***files, size_t *nfiles, size_t *cap,
                           ck_diags *diags);
ck_status ck_collect_paths_with(const char *path, unsigned flags, char ***files, size_t *nfiles,
                                size_t *cap, ck_diags *diags);

/* Reads and checks one file ('-' = standard input) and adds its results to
 * the report. On an unreadable or malformed input returns an error status
 * with diagnostics and adds nothing. A checked document whose rules could not
 * all be judged (results with status error) is added, CK_OK is returned, and
 * one error diagnostic per such rule is appended ("rule ID could not be
 * judged: ..."). */
ck_status ck_report_check_file(ck_report *report, const char *path, ck_diags *diags);

/* Checks a document held in memory, 'len' bytes of any format
 * ck_report_check_file() reads, exactly as that function would check a file
 * of those bytes named 'name' ('name' labels the document in diagnostics and
 * reports; nothing is opened, and nothing is written anywhere). Same results
 * and diagnostics; CK_ERR_LIMIT when 'len' exceeds the input cap. */
ck_status ck_report_check_buffer(ck_report *report, const char *name, const void *data,
                                 size_t len, ck_diags *diags);

/* Checks 'nfiles' files on 'jobs' threads (1 = in this thread) and adds
 * their results in the order given, exactly as ck_report_check_file() one
 * after another would; a JSON Lines file of notices (ck_path_is_jsonl)
 * adds one document a line, and a line that cannot be read is one error
 * diagnostic with its line and column while the other lines are added. Diagnostics are appended in that order too. Returns
 * CK_OK, or the status of the first file that could not be checked (the
 * others are still checked). */
ck_status ck_report_check_files(ck_report *report, char *const *files, size_t nfiles,
                                unsigned jobs, ck_diags *diags);

/* ck_report_check_files for files some of which a folder walk found
 * ('walked[i]' true): such a file of a type circheck does not read (an
 * image, a spreadsheet, an archive: CK_ERR_UNSUPPORTED) is skipped, with one
 * warning and an entry in the report's list of skipped files, instead of
 * failing the run. A file named by the user is still an error. 'walked' may
 * be NULL (nothing was found by a walk). */
ck_status ck_report_check_walked(ck_report *report, char *const *files, const bool *walked,
                                 size_t nfiles, unsigned jobs, ck_diags *diags);

/* Told after each file of ck_report_check_files/_walked is read and checked,
 * whether it could be checked or not: 'done' files of 'total'. With several
 * jobs it is called from the worker threads, but never two calls at once and
 * with 'done' rising by one each call, so it may write to a terminal without
 * a lock of its own. It must not call back into the report. */
typedef void (*ck_progress_fn)(void *ctx, size_t done, size_t total);
/* Sets the function told of progress (NULL: none, the default). */
void ck_report_set_progress(ck_report *report, ck_progress_fn fn, void *ctx);

/* ck_report_check_walked with options of its own for each file ('opts[i]';
 * NULL, or a NULL entry: the report's): the level, packs, languages, waivers
 * and fail-on status a configuration file gives that file. Each entry must
 * stay valid until the call returns. */
ck_status ck_report_check_configured(ck_report *report, char *const *files, const bool *walked,
                                     const ck_check_options *const *opts, size_t nfiles,
                                     unsigned jobs, ck_diags *diags);

/* How many files the report skipped, and each one's path and type. */
size_t ck_report_skipped_count(const ck_report *report);
const char *ck_report_skipped_path(const ck_report *report, size_t i);
const char *ck_report_skipped_kind(const ck_report *report, size_t i);

/* How many documents the report holds (those that could be checked). */
size_t ck_report_document_count(const ck_report *report);

/* True when some document has a result at or above its own fail-on
 * status (ck_check_options.fail_on) that is neither waived nor already in
 * the baseline (ck_report_apply_baseline): what makes the run exit 1. */
bool ck_report_fails(const ck_report *report);

/* Compares the report with an earlier JSON report of circheck ('path'):
 * each result that is partial, fail or error is marked new (its fingerprint
 * is not there), worse (it was there with a better status) or unchanged.
 * Unchanged ones do not fail the run and are left out of the reports that
 * list findings. Returns CK_ERR_IO or CK_ERR_INPUT, with a diagnostic, when
 * the file cannot be read or is not such a report. */
ck_status ck_report_apply_baseline(ck_report *report, const char *path, ck_diags *diags);

/* True when some result that is its criterion's verdict (not superseded by
 * a better rule of the criterion) has status 'threshold' or worse (error is
 * worse than fail, fail than partial; not-applicable and waived results never
 * count). With
 * CK_STATUS_ERROR: whether some rule could not be judged. */
bool ck_report_has_status_at_or_above(const ck_report *report, ck_result_status threshold);

typedef enum {
  CK_REPORT_TEXT,
  CK_REPORT_JSON,
  CK_REPORT_HTML,
  CK_REPORT_SARIF,
  CK_REPORT_JUNIT,
  CK_REPORT_CSV,
  CK_REPORT_MD,
  CK_REPORT_JSONL, /* JSON Lines: each document's object of the JSON report on one line */
  CK_REPORT_DOCX, /* Word: the clauses to add, to paste into the tender */
  CK_REPORT_FORMAT_COUNT
} ck_report_format;
const char *ck_report_format_name(ck_report_format f);
bool ck_report_format_parse(const char *name, ck_report_format *out);
/* True for the formats this build can render. */
bool ck_report_format_available(ck_report_format f);
/* True for the formats that are not text (docx, a zip archive): a terminal
 * should not be sent them. */
bool ck_report_format_binary(ck_report_format f);
/* NULL when reports (and checklists) can be written as 'f' on this machine;
 * otherwise why not, a sentence for an error line. Word files are written
 * with libzip, which is opened when first needed and may be missing:
 * "writing Word files needs libzip4 (...)". The same on every call. */
const char *ck_report_format_missing(ck_report_format f);

typedef struct ck_render_options {
  bool color;           /* ANSI colour in text output */
  bool show_all;        /* text: list not-applicable rules too */
  ck_result_status fail_on; /* JUnit: partial is a failure only when this is partial */
  unsigned jobs;        /* threads that render documents (0 or 1: the caller's only);
                           the output is the same whatever the number */
} ck_render_options;

/* Renders the report; returns a NUL-terminated string the caller frees,
 * with its length in '*len'. */
char *ck_report_render(const ck_report *report, ck_report_format format,
                       const ck_render_options *opts, size_t *len);

/* Takes the next piece of a report; returns false to stop (a write error). */
typedef bool (*ck_report_sink)(void *ctx, const char *data, size_t len);

/* Renders the report as ck_report_render does, byte for byte, but hands
 * it to 'sink' in pieces of about a megabyte as documents are rendered,
 * so the whole report is never in memory. Returns false when the sink
 * refused a piece (nothing more is rendered or handed on). */
bool ck_report_write(const ck_report *report, ck_report_format format,
                     const ck_render_options *opts, ck_report_sink sink, void *ctx);

/* What a streamed check saw: how many documents it wrote and which result
 * statuses occurred (not-applicable never counts). */
typedef struct ck_stream_outcome {
  size_t documents;
  bool seen[CK_RESULT_STATUS_COUNT];
  /* some verdict is at or above its document's fail_on, not waived, not
     superseded and not unchanged since the baseline: what ck_report_fails
     says of a whole report */
  bool fails;
} ck_stream_outcome;

/* Checks 'files' (documents, folders' files with 'walked' set, JSON Lines
 * of notices) as ck_report_check_walked would, but writes each document as
 * one JSON Lines record (CK_REPORT_JSONL) to 'sink' as soon as it and the
 * ones before it are checked, and keeps none: memory does not grow with the
 * number of documents. Documents come in input order whatever 'jobs'. A
 * line of a JSON Lines file that cannot be read is one error diagnostic
 * with its line and column; the other lines are still checked. Returns
 * CK_OK, or the status of the first input that could not be checked;
 * CK_ERR_IO when the sink refused a piece. Diagnostics go to 'on_diag' (in
 * input order, as each batch of documents is done) when it is not NULL, so
 * memory stays flat however many lines are broken; otherwise to 'diags'. */
ck_status ck_check_stream(const ck_ruleset *rs, const ck_check_options *opts,
                          char *const *files, const bool *walked, size_t nfiles, unsigned jobs,
                          ck_report_sink sink, void *sink_ctx, ck_stream_outcome *outcome,
                          ck_diag_fn on_diag, void *diag_ctx, ck_diags *diags);

/* The same for more than JSON Lines: what to write and how. */
typedef struct ck_stream_request {
  /* CK_REPORT_JSONL, or CK_REPORT_JSON: the JSON report, byte for byte as
     ck_report_write writes it for the same documents, written as they are
     checked; nothing at all when no document could be checked */
  ck_report_format format;
  const ck_check_options *const *opts_of; /* per file; NULL: 'opts' for all */
  const char *baseline;                   /* an earlier JSON report, or NULL */
  ck_progress_fn progress;                /* after each file; may be NULL */
  void *progress_ctx;
  ck_diag_fn on_diag;                     /* as for ck_check_stream */
  void *diag_ctx;
} ck_stream_request;

/* A baseline that cannot be read is CK_ERR_INPUT with its diagnostics, and
 * nothing is checked or written. */
ck_status ck_check_stream_report(const ck_ruleset *rs, const ck_check_options *opts,
                                 char *const *files, const bool *walked, size_t nfiles,
                                 unsigned jobs, const ck_stream_request *req, ck_report_sink sink,
                                 void *sink_ctx, ck_stream_outcome *outcome, ck_diags *diags);

/* Writes 'data' to 'path' atomically: a temporary file in the same folder,
 * then rename. On failure nothing at 'path' changes. A symbolic link at
 * 'path' is followed (the file it leads to is replaced, the link stays); a
 * replaced file keeps its mode. What is not a regular file (a device, a
 * FIFO, /dev/stdout on a pipe) is written into, never renamed over. */
ck_status ck_write_file_atomic(const char *path, const char *data, size_t len, ck_diags *diags);

/* The same in steps, for output written a piece at a time: open makes
 * the temporary file (NULL and a diagnostic when it cannot);
 * ck_atomic_file_write has the shape of a ck_report_sink; commit syncs
 * and renames it to 'path' (or, after any failure, removes it and says
 * why); abort removes it. Either commit or abort frees 'f'. */
typedef struct ck_atomic_file ck_atomic_file;
ck_atomic_file *ck_atomic_file_open(const char *path, ck_diags *diags);
bool ck_atomic_file_write(void *f, const char *data, size_t len);
ck_status ck_atomic_file_commit(ck_atomic_file *f, ck_diags *diags);
/* The temporary file's path, or NULL when 'f' writes straight into a
 * device or FIFO; valid until commit or abort. A program that may be
 * interrupted keeps a copy to remove in its signal handler. */
const char *ck_atomic_file_temp_path(const ck_atomic_file *f);
void ck_atomic_file_abort(ck_atomic_file *f);

/* "0.1.0" */
const char *ck_version(void);

/* --- configuration files (.circheck.yml) ------------------------------------------ */

/* A configuration file read with libyaml (config.c); docs/usage.md lists its
 * keys. Paths and globs in it are relative to its folder. */
typedef struct ck_config ck_config;
typedef struct ck_waiver ck_waiver;

/* What a configuration sets for one file, after its overrides; a 'has_'
 * flag is false for a key the file does not set. The strings are the
 * configuration's. */
typedef struct ck_config_settings {
  bool has_level;
  ck_level level;
  bool has_lang;
  ck_msg_lang lang;
  bool has_doc_lang;
  ck_lang doc_lang;
  bool has_languages;
  ck_lang languages[CK_LANG_COUNT]; /* in the order given, each once */
  size_t nlanguages;
  bool has_fail_on;
  ck_result_status fail_on; /* CK_RESULT_STATUS_COUNT: never */
  bool has_packs;
  const char *const *packs;
  size_t npacks;
} ck_config_settings;

/* The file name looked for: ".circheck.yml". */
#define CK_CONFIG_NAME ".circheck.yml"

/* The nearest configuration file for 'path' (a file, a folder, or "-" for
 * the current folder): CK_CONFIG_NAME in the path's folder (a folder's
 * own, for a folder), else in each folder above it up to the filesystem's
 * root. Returns a path the caller frees, relative when 'path' is, or NULL
 * when there is none. */
char *ck_config_find(const char *path);

/* Reads and checks a configuration file. On error returns CK_ERR_IO or
 * CK_ERR_USAGE with "file:line:col" diagnostics and '*out' NULL. An
 * expired waiver is a warning. */
ck_status ck_config_load(const char *path, ck_config **out, ck_diags *diags);
/* Checks the names in the configuration against the rule set (packs, rule
 * and criterion ids of waivers): CK_ERR_USAGE with a diagnostic at the
 * name for the first it does not know. */
ck_status ck_config_check(const ck_config *cfg, const ck_ruleset *rs, ck_diags *diags);
/* Frees the configuration. Does nothing for NULL. */
void ck_config_free(ck_config *cfg);
/* The configuration's path, as it was given to ck_config_load. */
const char *ck_config_path(const ck_config *cfg);
/* True when one of the configuration's exclude globs matches 'file'. */
bool ck_config_excludes(const ck_config *cfg, const char *file);
/* The settings for 'file': the top level, then every override whose globs
 * match it, in order (later ones win key by key); and the waivers that
 * apply to it (their paths match, or they have none), which the caller
 * frees as an array (the waivers are the configuration's). */
void ck_config_for_file(const ck_config *cfg, const char *file, ck_config_settings *out,
                        const ck_waiver ***waivers, size_t *nwaivers);

/* --- clause checklists (circheck checklist) ---------------------------------------- */

typedef struct ck_checklist_options {
  const char *const *packs; /* packs by id, besides the ones for every purchase (core) */
  size_t npacks;
  const char *cpv;          /* NULL, or CPV codes ("39130000", "39130000-2", "391"),
                               several separated by commas or spaces: adds the packs
                               whose CPV prefixes match one */
  ck_level level;           /* the figures in the clauses */
  ck_msg_lang lang;         /* the language of the clauses */
} ck_checklist_options;

/* Options with the defaults of the command line: level basic, bokmål (the
 * command line asks the user's locale first), only the packs for every
 * purchase. */
ck_checklist_options ck_checklist_options_default(void);

/* True for the formats a checklist can be written in: text, md, html, csv,
 * json and docx. */
bool ck_checklist_format_available(ck_report_format f);

/* Writes the checklist of clauses a buyer should put in a tender for the
 * chosen packs and level, grouped by where they belong (qualification,
 * specification, award, contract), each with its criterion, figure and
 * verification. When a chosen product pack has a rule for a criterion, the
 * general rule of an always-on pack for that criterion is left out.
 * Returns CK_ERR_USAGE with a diagnostic, and '*out' NULL, for an unknown
 * pack, a malformed CPV code or a format without a checklist form; otherwise
 * '*out' is a NUL-terminated string the caller frees, with its length in
 * '*len' (for docx, the bytes of a zip archive; CK_ERR_IO when libzip could
 * not make it). A CPV code that selects no pack adds a note to 'diags'. */
ck_status ck_checklist_render(const ck_ruleset *rs, const ck_checklist_options *opts,
                              ck_report_format format, char **out, size_t *len,
                              ck_diags *diags);

/* --- indicators over many tenders (circheck stats) ------------------------------- */

/* Groupings of the documents counted. pack, cpv (the main code's division,
 * its first two digits), buyer and month are counted; quarter and year are
 * sums of months. A document of several packs counts in each. */
typedef enum {
  CK_BY_ALL,
  CK_BY_PACK,
  CK_BY_CPV,
  CK_BY_BUYER,
  CK_BY_MONTH,
  CK_BY_QUARTER,
  CK_BY_YEAR,
  CK_BY_COUNT
} ck_stats_by;
const char *ck_stats_by_name(ck_stats_by by); /* "all", "pack", "cpv", ... */
bool ck_stats_by_parse(const char *name, ck_stats_by *out);

/* Raw counts, per grouping and group, of each criterion's status over the
 * documents counted: what merges exactly. Its memory grows with the number
 * of groups (buyers, months, packs), not of documents. */
typedef struct ck_stats ck_stats;

/* Empty counts over the criteria of 'rs' (read at creation, not kept). */
ck_stats *ck_stats_new(const ck_ruleset *rs);
void ck_stats_free(ck_stats *stats);
/* How many documents have been counted. */
size_t ck_stats_documents(const ck_stats *stats);

/* Counts 'files' in order: a file named *.json is an earlier JSON report
 * (its documents are counted as they stand) or the JSON output of circheck
 * stats (its counts are added: a merge); a JSON Lines file holds notices
 * (checked, as circheck check does) or documents of an earlier JSON Lines
 * report (counted), a line of either kind at a time; anything else is a
 * document to check. Documents are checked on 'jobs' threads in bounded
 * memory. With 'only_statistics' every file must be statistics (--merge).
 * An input or line that cannot be read is one error diagnostic; the rest is
 * still counted. Returns CK_OK or the first error's status. Diagnostics go
 * to 'on_diag' as they are made when it is not NULL, else to 'diags'. */
ck_status ck_stats_add(ck_stats *stats, const ck_ruleset *rs, const ck_check_options *opts,
                       char *const *files, const bool *walked, size_t nfiles, unsigned jobs,
                       bool only_statistics, ck_diag_fn on_diag, void *diag_ctx,
                       ck_diags *diags);

typedef struct ck_stats_options {
  ck_stats_by by;          /* the grouping shown (default pack) */
  const char *compare[2];  /* two groups of 'by' to set side by side, or NULL */
  unsigned min_group;      /* groups with fewer documents are flagged small (default 30) */
  unsigned top_missing;    /* criteria listed as most often missing per group (default 3) */
} ck_stats_options;
ck_stats_options ck_stats_options_default(void);

/* True for the formats statistics are written in: text, csv, json, html. */
bool ck_stats_format_available(ck_report_format f);

/* Writes the indicators: text tables, CSV (one row per group and criterion),
 * JSON (the raw counts, which ck_stats_add merges, and the indicators made
 * from them) or a self-contained HTML page with SVG charts. The output
 * depends only on the counts and 'opts', so merged shards give the bytes of
 * one run. CK_ERR_USAGE with a diagnostic for a compared group that was not
 * counted. '*out' is NUL-terminated; the caller frees it. */
ck_status ck_stats_render(const ck_stats *stats, ck_report_format format,
                          const ck_stats_options *opts, char **out, size_t *len,
                          ck_diags *diags);

/* --- the guide (circheck serve's guide page and GET /api/rules) ---------------------- */

typedef struct ck_guide_options {
  ck_msg_lang lang;  /* the language of the page (every clause is shown in every language) */
  const char *query; /* NULL, or words that every criterion shown must contain (any case) */
} ck_guide_options;

/* English, everything. */
ck_guide_options ck_guide_options_default(void);

/* Writes the guide made from the loaded rule packs: format html is a page
 * with every criterion by category (what counts as evidence, the figures per
 * level and pack, the clause in every language, the source of each figure,
 * a search box), format json the whole catalogue (criteria, packs, rules,
 * figures, clauses and verifications per language and level, examples that
 * pass). Returns CK_ERR_USAGE with a diagnostic for another format;
 * otherwise '*out' is a NUL-terminated string the caller frees. */
ck_status ck_guide_render(const ck_ruleset *rs, const ck_guide_options *opts,
                          ck_report_format format, char **out, size_t *len, ck_diags *diags);

#endif
