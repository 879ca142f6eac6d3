/* The criteria table: rules/criteria.csv or a table like it, read with
 * libcsv into a rule set's criteria. Every error has its line. */
#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"

/* The nynorsk column may be left out of a table (its names are then the
 * bokmål ones); the built-in table has it. */
enum { CSV_COLUMNS = 5, CSV_COLUMNS_WITHOUT_NN = 4 };
static const char *const csv_header[CSV_COLUMNS] = {"id", "category", "name_en", "name_nb",
                                                    "name_nn"};

/* libcsv reports fields and records but not where they are, so the table is
 * fed one physical line at a time and the line where a record began is
 * remembered until the record ends. */
typedef struct csv_state {
  ck_ruleset *rs;
  ck_diags *diags;
  const char *name;
  char *fields[CSV_COLUMNS];
  size_t nfields;  /* fields of the current record, also those beyond CSV_COLUMNS */
  size_t nrecords; /* records seen, the header included */
  size_t ncolumns; /* of the header: CSV_COLUMNS or CSV_COLUMNS_WITHOUT_NN */
  unsigned line;   /* physical line being fed */
  unsigned rec_line;
  bool in_record;
  size_t errors;
} csv_state;

static void csv_on_field(void *data, size_t len, void *ctx) {
  csv_state *st = ctx;
  if (st->nfields < CSV_COLUMNS)
    st->fields[st->nfields] = data ? ck_xstrndup(data, len) : ck_xstrdup("");
  st->nfields++;
}

static void csv_clear_fields(csv_state *st) {
  for (size_t i = 0; i < CSV_COLUMNS; i++) {
    free(st->fields[i]);
    st->fields[i] = NULL;
  }
  st->nfields = 0;
}

static void csv_error_at(csv_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void csv_error_at(csv_state *st, const char *fmt, ...) {
  ck_buf msg = CK_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  ck_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  ck_diags_add(st->diags, CK_DIAG_ERROR, st->name, st->rec_line, 0, "%s", ck_buf_cstr(&msg));
  ck_buf_free(&msg);
  st->errors++;
}

/* One record: the header first, then one criterion per record. */
static void csv_on_record(int term, void *ctx) {
  (void)term;
  csv_state *st = ctx;
  ck_ruleset *rs = st->rs;
  if (st->nrecords++ == 0) {
    bool ok = st->nfields == CSV_COLUMNS || st->nfields == CSV_COLUMNS_WITHOUT_NN;
    for (size_t i = 0; ok && i < st->nfields; i++)
      ok = strcmp(st->fields[i], csv_header[i]) == 0;
    if (!ok)
      csv_error_at(st, "the criteria table must start with the header "
                       "id,category,name_en,name_nb,name_nn (name_nn may be left out)");
    st->ncolumns = st->nfields;
  } else if (st->nfields != st->ncolumns) {
    csv_error_at(st, "expected %zu fields, found %zu", st->ncolumns, st->nfields);
  } else if (!st->fields[0][0] || !st->fields[1][0] || !st->fields[2][0] ||
             !st->fields[3][0] || (st->ncolumns == CSV_COLUMNS && !st->fields[4][0])) {
    csv_error_at(st, "empty field in criterion '%s'", st->fields[0]);
  } else if (ck_ruleset_criterion(rs, st->fields[0])) {
    csv_error_at(st, "duplicate criterion '%s'", st->fields[0]);
  } else {
    CK_GROW(rs->criteria, rs->cap_criteria, rs->ncriteria + 1);
    ck_criterion *c = &rs->criteria[rs->ncriteria++];
    c->id = st->fields[0];
    c->category = st->fields[1];
    c->name[CK_MSG_EN] = st->fields[2];
    c->name[CK_MSG_NB] = st->fields[3];
    c->nn_borrowed = st->ncolumns != CSV_COLUMNS;
    c->name[CK_MSG_NN] = c->nn_borrowed ? ck_xstrdup(st->fields[3]) : st->fields[4];
    memset(st->fields, 0, sizeof st->fields);
  }
  csv_clear_fields(st);
  st->in_record = false;
}

/* True when the bytes hold something other than blanks and line ends. */
static bool has_content(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
      return true;
  return false;
}

ck_status ck_criteria_load(ck_ruleset *rs, const char *csv, size_t len, const char *name,
                           ck_diags *diags) {
  csv_state st = {.rs = rs, .diags = diags, .name = name, .line = 0};
  struct csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    ck_fatal("out of memory starting the CSV parser", sizeof parser); /* its only failure */
  csv_set_realloc_func(&parser, ck_xrealloc);
  const char *p = csv, *end = csv + len;
  if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && !st.errors) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
    st.line++;
    if (!st.in_record && has_content(p, n)) {
      st.in_record = true;
      st.rec_line = st.line;
    }
    if (csv_parse(&parser, p, n, csv_on_field, csv_on_record, &st) != n) {
      st.rec_line = st.line;
      csv_error_at(&st, "malformed csv: %s", csv_strerror(csv_error(&parser)));
    }
    p += n;
  }
  if (!st.errors && csv_fini(&parser, csv_on_field, csv_on_record, &st) != 0)
    csv_error_at(&st, "malformed csv: a quoted field is not closed");
  if (!st.errors && st.nrecords == 0) {
    st.rec_line = 1;
    csv_error_at(&st, "the criteria table is empty");
  }
  csv_clear_fields(&st);
  csv_free(&parser);
  return st.errors ? CK_ERR_RULES : CK_OK;
}
