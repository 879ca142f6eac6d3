/* The report object of the public API: documents in, results out. */
#include "report.h"

#include <pthread.h>
#include <stdatomic.h>

#include <libxml/parser.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "folder.h"
#include "source.h"
#include "read_document.h"

const char *ck_version(void) { return CIRCHECK_VERSION; }

ck_check_options ck_check_options_default(void) {
  ck_check_options o = {0};
  o.level = CK_LEVEL_BASIC;
  o.limits = ck_limits_default();
  return o;
}

ck_report *ck_report_new(const ck_ruleset *rs, const ck_check_options *opts) {
  ck_report *r = ck_xcalloc(1, sizeof *r);
  r->rs = rs;
  r->opts = *opts;
  if (opts->npacks) {
    r->packs = ck_xcalloc(opts->npacks, sizeof *r->packs);
    for (size_t i = 0; i < opts->npacks; i++)
      r->packs[i] = ck_xstrdup(opts->packs[i]);
    r->opts.packs = (const char *const *)r->packs;
  }
  return r;
}

void ck_report_free(ck_report *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->ndocs; i++)
    ck_doc_result_free(r->docs[i]);
  free(r->docs);
  for (size_t i = 0; i < r->opts.npacks; i++)
    free(r->packs[i]);
  free(r->packs);
  for (size_t i = 0; i < r->nskipped; i++) {
    free(r->skipped[i]);
    free(r->skipped_kind[i]);
  }
  free(r->skipped);
  free(r->skipped_kind);
  free(r);
}

/* Evaluates a loaded document (and frees it) into '*out'; touches nothing
   shared but the read-only rule set, so several can run at once, each with
   its own 'space' (NULL: the evaluation makes one). */
static ck_status evaluate_doc(const ck_report *report, const char *path, ck_doc *doc,
                              ck_match_space *space, ck_doc_result **out, ck_diags *diags) {
  const ck_check_options *o = &report->opts;
  ck_eval_options eo = {.level = o->level,
                        .msg_lang_set = o->msg_lang_set,
                        .msg_lang = o->msg_lang,
                        .packs = o->packs,
                        .npacks = o->npacks,
                        .space = space};
  *out = ck_evaluate(report->rs, doc, &eo);
  ck_doc_free(doc);
  /* The report shows these rules with status error; the diagnostic tells
     whoever runs circheck that the run could not judge everything. The
     results are the document's (lots rolled up), so one line per rule. */
  const ck_doc_result *dr = *out;
  for (size_t i = 0; i < dr->nresults; i++)
    if (dr->results[i].status == CK_STATUS_ERROR)
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                   "rule %s could not be judged: a pattern exceeded PCRE2's match, depth, heap "
                   "or JIT stack limit",
                   dr->results[i].rule->id);
  return CK_OK;
}

/* Reads and evaluates one file. */
static ck_status check_one(const ck_report *report, const char *path, ck_match_space *space,
                           ck_doc_result **out, ck_diags *diags) {
  ck_doc *doc = NULL;
  const ck_check_options *o = &report->opts;
  *out = NULL;
  ck_status rc = ck_document_load(path, &o->limits, o->doc_lang_set, o->doc_lang, &doc, diags);
  if (rc != CK_OK)
    return rc;
  return evaluate_doc(report, path, doc, space, out, diags);
}

static void add_result(ck_report *report, ck_doc_result *dr) {
  CK_GROW(report->docs, report->cap_docs, report->ndocs + 1);
  report->docs[report->ndocs++] = dr;
}

static ck_status check_and_add(ck_report *report, const char *path, ck_match_space *space,
                               ck_diags *diags) {
  ck_doc_result *dr;
  ck_status rc = check_one(report, path, space, &dr, diags);
  if (rc == CK_OK)
    add_result(report, dr);
  return rc;
}

ck_status ck_report_check_file(ck_report *report, const char *path, ck_diags *diags) {
  return check_and_add(report, path, NULL, diags);
}

ck_status ck_report_check_buffer(ck_report *report, const char *name, const void *data,
                                size_t len, ck_diags *diags) {
  ck_doc *doc = NULL;
  ck_doc_result *dr = NULL;
  const ck_check_options *o = &report->opts;
  ck_status rc = ck_document_load_buffer(name, data, len, &o->limits, o->doc_lang_set,
                                         o->doc_lang, &doc, diags);
  if (rc == CK_OK)
    rc = evaluate_doc(report, name, doc, NULL, &dr, diags);
  if (rc == CK_OK)
    add_result(report, dr);
  return rc;
}

/* A batch shared by the worker threads: each takes the next file index,
   and writes only its own slot, so output order does not depend on timing. */
typedef struct batch {
  const ck_report *report;
  char *const *files;
  size_t nfiles;
  atomic_size_t next;
  ck_doc_result **results;
  ck_diags *diags;   /* one list per file */
  ck_status *status; /* one per file */
} batch;

static void *batch_worker(void *arg) {
  batch *b = arg;
  ck_match_space *space = ck_match_space_new();
  for (;;) {
    size_t i = atomic_fetch_add(&b->next, 1);
    if (i >= b->nfiles)
      break;
    b->status[i] = check_one(b->report, b->files[i], space, &b->results[i], &b->diags[i]);
  }
  ck_match_space_free(space);
  return NULL;
}

/* A walked file of an unsupported type: its error becomes one warning and
   an entry in the skipped list; the run goes on as if it were not there.
   'from' is where the file's diagnostics start in 'diags'. */
static ck_status settle_walked(ck_report *report, const char *path, bool walked, ck_status rc,
                               ck_diags *diags, size_t from) {
  if (rc != CK_ERR_UNSUPPORTED || !walked)
    return rc;
  const char *prefix = "unsupported file type: ";
  for (size_t d = from; d < diags->n; d++) {
    ck_diag *e = &diags->items[d];
    if (e->level != CK_DIAG_ERROR)
      continue;
    const char *kind = strncmp(e->msg, prefix, strlen(prefix)) == 0 ? e->msg + strlen(prefix)
                                                                     : e->msg;
    CK_GROW(report->skipped, report->cap_skipped, report->nskipped + 1);
    CK_GROW(report->skipped_kind, report->cap_skipped_kind, report->nskipped + 1);
    report->skipped[report->nskipped] = ck_xstrdup(path);
    report->skipped_kind[report->nskipped++] = ck_xstrdup(kind);
    ck_buf msg = CK_BUF_INIT;
    ck_buf_printf(&msg, "skipped: %s", kind);
    free(e->msg);
    e->msg = ck_buf_detach(&msg);
    e->level = CK_DIAG_WARNING;
    break;
  }
  return CK_OK;
}

size_t ck_report_skipped_count(const ck_report *report) { return report->nskipped; }
const char *ck_report_skipped_path(const ck_report *report, size_t i) {
  return i < report->nskipped ? report->skipped[i] : NULL;
}
const char *ck_report_skipped_kind(const ck_report *report, size_t i) {
  return i < report->nskipped ? report->skipped_kind[i] : NULL;
}

ck_status ck_report_check_files(ck_report *report, char *const *files, size_t nfiles,
                                unsigned jobs, ck_diags *diags) {
  return ck_report_check_walked(report, files, NULL, nfiles, jobs, diags);
}

ck_status ck_report_check_walked(ck_report *report, char *const *files, const bool *walked,
                                 size_t nfiles, unsigned jobs, ck_diags *diags) {
  ck_status first = CK_OK;
  if (jobs <= 1 || nfiles <= 1) {
    ck_match_space *space = ck_match_space_new();
    for (size_t i = 0; i < nfiles; i++) {
      size_t from = diags->n;
      ck_status rc = check_and_add(report, files[i], space, diags);
      rc = settle_walked(report, files[i], walked && walked[i], rc, diags, from);
      if (rc != CK_OK && first == CK_OK)
        first = rc;
    }
    ck_match_space_free(space);
    return first;
  }
  if (jobs > nfiles)
    jobs = (unsigned)nfiles;
  /* libxml2 sets up its global tables on first use; do it before threads. */
  xmlInitParser();
  batch b = {.report = report, .files = files, .nfiles = nfiles};
  atomic_init(&b.next, 0);
  b.results = ck_xcalloc(nfiles, sizeof *b.results);
  b.diags = ck_xcalloc(nfiles, sizeof *b.diags);
  b.status = ck_xcalloc(nfiles, sizeof *b.status);
  pthread_t *threads = ck_xcalloc(jobs, sizeof *threads);
  unsigned started = 0;
  for (; started < jobs; started++)
    if (pthread_create(&threads[started], NULL, batch_worker, &b) != 0)
      break; /* fewer threads than asked: the ones running take the rest */
  if (started == 0)
    batch_worker(&b);
  for (unsigned t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  for (size_t i = 0; i < nfiles; i++) {
    size_t from = diags->n;
    for (size_t d = 0; d < b.diags[i].n; d++) {
      /* Move the entries over in file order. */
      CK_GROW(diags->items, diags->cap, diags->n + 1);
      diags->items[diags->n++] = b.diags[i].items[d];
    }
    free(b.diags[i].items);
    b.status[i] = settle_walked(report, files[i], walked && walked[i], b.status[i], diags, from);
    if (b.status[i] == CK_OK && b.results[i])
      add_result(report, b.results[i]);
    else if (first == CK_OK)
      first = b.status[i];
  }
  free(threads);
  free(b.results);
  free(b.diags);
  free(b.status);
  return first;
}

size_t ck_report_document_count(const ck_report *report) { return report->ndocs; }

bool ck_report_has_status_at_or_above(const ck_report *report, ck_result_status threshold) {
  for (size_t d = 0; d < report->ndocs; d++)
    for (size_t i = 0; i < report->docs[d]->nresults; i++) {
      ck_result_status s = report->docs[d]->results[i].status;
      if (s != CK_STATUS_NOT_APPLICABLE && s >= threshold)
        return true;
    }
  return false;
}

/* --- folders ------------------------------------------------------------------------- */

/* Device and inode of the folders on the current path, to stop at a
   symbolic-link loop instead of recursing for ever. */
typedef struct visited {
  dev_t dev;
  ino_t ino;
} visited;

static ck_status walk(const char *dir, visited *stack, size_t depth, char ***files,
                      size_t *nfiles, size_t *cap, ck_diags *diags) {
  enum { MAX_DEPTH = 64 };
  char **paths;
  size_t n;
  int err = ck_folder_list(dir, &paths, &n);
  if (err) {
    ck_diags_add(diags, CK_DIAG_ERROR, dir, 0, 0, "cannot read folder: %s", strerror(err));
    return CK_ERR_IO;
  }
  ck_status rc = CK_OK;
  for (size_t i = 0; i < n; i++) {
    char *path = paths[i];
    struct stat st;
    if (stat(path, &st) != 0) {
      ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
      rc = CK_ERR_IO;
    } else if (S_ISDIR(st.st_mode)) {
      bool loop = depth >= MAX_DEPTH;
      for (size_t k = 0; k < depth && !loop; k++)
        loop = stack[k].dev == st.st_dev && stack[k].ino == st.st_ino;
      if (!loop) {
        stack[depth] = (visited){st.st_dev, st.st_ino};
        ck_status sub = walk(path, stack, depth + 1, files, nfiles, cap, diags);
        if (sub != CK_OK)
          rc = sub;
      }
    } else if (S_ISREG(st.st_mode)) {
      CK_GROW(*files, *cap, *nfiles + 1);
      (*files)[(*nfiles)++] = path;
      path = NULL;
    }
    free(path);
  }
  free(paths);
  return rc;
}

ck_status ck_collect_paths(const char *path, char ***files, size_t *nfiles, size_t *cap,
                           ck_diags *diags) {
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    visited stack[64 + 1];
    stack[0] = (visited){st.st_dev, st.st_ino};
    return walk(path, stack, 1, files, nfiles, cap, diags);
  }
  /* Files, '-' and missing paths go through as they are: reading them
     reports what is wrong, in the same words for every input. */
  CK_GROW(*files, *cap, *nfiles + 1);
  (*files)[(*nfiles)++] = ck_xstrdup(path);
  return CK_OK;
}

/* --- output ---------------------------------------------------------------------------- */

struct ck_atomic_file {
  char *path; /* where it goes */
  char *tmp;  /* where it is written */
  int fd;
  int error;  /* errno of the first failed write, 0 while all is well */
};

ck_atomic_file *ck_atomic_file_open(const char *path, ck_diags *diags) {
  ck_buf tmp = CK_BUF_INIT;
  ck_buf_printf(&tmp, "%s.XXXXXX", path);
  int fd = mkstemp(tmp.ptr);
  if (fd < 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot write: %s", strerror(errno));
    ck_buf_free(&tmp);
    return NULL;
  }
  ck_atomic_file *f = ck_xcalloc(1, sizeof *f);
  f->path = ck_xstrdup(path);
  f->tmp = ck_buf_detach(&tmp);
  f->fd = fd;
  return f;
}

bool ck_atomic_file_write(void *file, const char *data, size_t len) {
  ck_atomic_file *f = file;
  size_t done = 0;
  while (f->error == 0 && done < len) {
    ssize_t w = write(f->fd, data + done, len - done);
    if (w < 0) {
      if (errno != EINTR)
        f->error = errno;
      continue;
    }
    done += (size_t)w;
  }
  return f->error == 0;
}

static void atomic_file_free(ck_atomic_file *f) {
  free(f->path);
  free(f->tmp);
  free(f);
}

void ck_atomic_file_abort(ck_atomic_file *f) {
  if (!f)
    return;
  close(f->fd);
  unlink(f->tmp);
  atomic_file_free(f);
}

ck_status ck_atomic_file_commit(ck_atomic_file *f, ck_diags *diags) {
  int error = f->error;
  /* mkstemp creates the file 0600; a report is an ordinary file. */
  mode_t mask = umask(0);
  umask(mask);
  if (error == 0 && (fchmod(f->fd, 0666 & ~mask) != 0 || fsync(f->fd) != 0))
    error = errno;
  if (close(f->fd) != 0 && error == 0)
    error = errno;
  if (error == 0 && rename(f->tmp, f->path) != 0)
    error = errno;
  if (error != 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, f->path, 0, 0, "cannot write: %s", strerror(error));
    unlink(f->tmp);
  }
  atomic_file_free(f);
  return error == 0 ? CK_OK : CK_ERR_IO;
}

ck_status ck_write_file_atomic(const char *path, const char *data, size_t len,
                               ck_diags *diags) {
  ck_atomic_file *f = ck_atomic_file_open(path, diags);
  if (!f)
    return CK_ERR_IO;
  ck_atomic_file_write(f, data, len);
  return ck_atomic_file_commit(f, diags);
}
