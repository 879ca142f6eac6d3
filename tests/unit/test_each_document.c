/* The bounded-memory pipeline behind check --format jsonl and stats: records
   come out in input order, and diagnostics are handed on batch by batch, as
   they come, instead of piling up until the end. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "circheck.h"
#include "harness.h"
#include "util.h"

typedef struct events {
  ck_buf log; /* one letter an event: D a document written, E a diagnostic */
  unsigned first_error_line;
} events;

static bool on_piece(void *ctx, const char *data, size_t len) {
  events *e = ctx;
  for (size_t i = 0; i < len; i++)
    if (data[i] == '\n')
      ck_buf_putc(&e->log, 'D');
  return true;
}

static void on_diag(void *ctx, const ck_diag *diag) {
  events *e = ctx;
  ck_buf_putc(&e->log, 'E');
  if (!e->first_error_line)
    e->first_error_line = diag->line;
}

int main(void) {
  char dir[] = "/tmp/ck-each-XXXXXX";
  if (!mkdtemp(dir)) {
    perror("temporary folder");
    return 1;
  }
  char path[64];
  snprintf(path, sizeof path, "%s/notices.jsonl", dir);
  FILE *f = fopen(path, "w");
  fputs("{\"title\": \"broken\" \"description\": \"x\"}\n", f);
  for (int i = 2; i <= 100; i++)
    fprintf(f, "{\"id\": %d, \"title\": \"Kjøp av møbler\", \"description\": \"Leverandøren "
               "skal gi minimum 5 års garanti.\"}\n", i);
  fclose(f);
  ck_ruleset *rs = NULL;
  ck_diags d = CK_DIAGS_INIT;
  INT_EQ(ck_ruleset_load(true, NULL, 0, &rs, &d), CK_OK, "built-in rules");
  ck_check_options o = ck_check_options_default();
  char *files[] = {path};
  for (unsigned jobs = 1; jobs <= 2; jobs++) {
    events e = {.log = CK_BUF_INIT};
    ck_stream_outcome out;
    /* one log for both, so their order shows */
    ck_status st = ck_check_stream(rs, &o, files, NULL, 1, jobs, on_piece, &e, &out, on_diag, &e,
                                   &d);
    INT_EQ(st, CK_ERR_INPUT, "the broken line is the run's status");
    INT_EQ(out.documents, 99, "the other 99 lines are written");
    INT_EQ(d.n, 0, "nothing kept in the list");
    INT_EQ(e.first_error_line, 1, "the error names line 1");
    /* a batch is 32 records a thread (64 on two): the error comes with the first batch,
       before the documents of the later ones */
    const char *log = ck_buf_cstr(&e.log);
    const char *at = strchr(log, 'E');
    OK(at && strchr(at + 1, 'E') == NULL, "one error: %s", log);
    OK(at && strchr(at, 'D') != NULL, "-j %u: the error is handed on before the last documents: %s",
       jobs, log);
    ck_buf_free(&e.log);
  }
  ck_diags_free(&d);
  ck_ruleset_free(rs);
  unlink(path);
  rmdir(dir);
  return ck_test_report();
}
