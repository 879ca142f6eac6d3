/* Configuration files (.circheck.yml): finding the nearest one, reading it
 * with libyaml into a ck_config, checking its names against a rule set, and
 * resolving what it says for one file (overrides and waivers by glob).
 *
 * libyaml composes the file into a node tree that keeps every node's
 * position, so each wrong key or value is reported at its own line and
 * column. Only the keys below are accepted; anything else is an error, so a
 * misspelt key never passes silently. */
#define _DEFAULT_SOURCE /* realpath */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "rules.h"
#include "util.h"

/* A configuration is a few lines; anything larger is a mistake. */
enum { MAX_CONFIG_BYTES = 1 << 20 };
/* A configuration nests four levels; libyaml's scanner slows down with the
   square of the nesting, so a file that nests far deeper is refused before
   it is composed. */
enum { MAX_CONFIG_DEPTH = 64 };

static const char top_keys[] =
    "level, lang, doc-lang, languages, packs, fail-on, exclude, waivers, overrides";
static const char override_keys[] = "paths, level, lang, doc-lang, languages, packs, fail-on";
static const char waiver_keys[] = "criterion, rule, reason, paths, expires";

/* --- dates ------------------------------------------------------------------------ */

bool ck_date_valid(const char *text, size_t len) {
  if (len != 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (size_t i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
      return false;
  int year = atoi(text), month = atoi(text + 5), day = atoi(text + 8);
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
    return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool ck_date_passed(const char *date) {
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  char today[48];
  snprintf(today, sizeof today, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  /* the last day named is still covered */
  return strcmp(date, today) < 0;
}

/* --- finding the file ----------------------------------------------------------------- */

static bool is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The folder above 'dir' written so that it stays relative when 'dir' is:
   "a/b" -> "a", "a" -> ".", "." -> "..", ".." -> "../..", "/a" -> "/". */
static char *parent_of(const char *dir) {
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/')
    n--;
  const char *last = dir;
  for (size_t i = 0; i < n; i++)
    if (dir[i] == '/')
      last = dir + i + 1;
  size_t last_len = (size_t)(dir + n - last);
  if (last_len == 1 && last[0] == '.') {
    if (last == dir)
      return ck_xstrdup("..");
    ck_buf b = CK_BUF_INIT;
    ck_buf_put(&b, dir, (size_t)(last - dir));
    ck_buf_puts(&b, "..");
    return ck_buf_detach(&b);
  }
  if (last_len == 2 && last[0] == '.' && last[1] == '.') {
    ck_buf b = CK_BUF_INIT;
    ck_buf_put(&b, dir, n);
    ck_buf_puts(&b, "/..");
    return ck_buf_detach(&b);
  }
  if (last == dir)
    return ck_xstrdup(".");
  if (last == dir + 1)
    return ck_xstrdup("/");
  return ck_xstrndup(dir, (size_t)(last - dir - 1));
}

static char *join(const char *dir, const char *name) {
  ck_buf b = CK_BUF_INIT;
  if (strcmp(dir, ".") != 0) {
    ck_buf_puts(&b, dir);
    if (dir[strlen(dir) - 1] != '/')
      ck_buf_putc(&b, '/');
  }
  ck_buf_puts(&b, name);
  return ck_buf_detach(&b);
}

char *ck_config_find(const char *path) {
  struct stat st;
  char *dir;
  if (strcmp(path, "-") == 0)
    dir = ck_xstrdup(".");
  else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    dir = ck_xstrdup(path);
  else
    dir = parent_of(path);
  /* PATH_MAX components is more than any real tree has: a guard, not a limit */
  for (int depth = 0; depth < PATH_MAX / 2; depth++) {
    char *candidate = join(dir, CK_CONFIG_NAME);
    if (is_file(candidate)) {
      free(dir);
      return candidate;
    }
    free(candidate);
    char real[PATH_MAX];
    if (!realpath(dir, real) || strcmp(real, "/") == 0)
      break;
    char *up = parent_of(dir);
    free(dir);
    dir = up;
  }
  free(dir);
  return NULL;
}

/* --- reading --------------------------------------------------------------------------- */

typedef struct reader {
  yaml_document_t *doc;
  const char *file;
  ck_diags *diags;
  bool failed;
} reader;

static ck_mark mark_of(const yaml_node_t *node) {
  return (ck_mark){(unsigned)node->start_mark.line + 1, (unsigned)node->start_mark.column + 1};
}

static void fail_at(reader *r, const yaml_node_t *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void fail_at(reader *r, const yaml_node_t *node, const char *fmt, ...) {
  if (r->failed)
    return; /* one clear error: the first */
  ck_buf msg = CK_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  ck_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  ck_mark m = mark_of(node);
  ck_diags_add(r->diags, CK_DIAG_ERROR, r->file, m.line, m.col, "%s", ck_buf_cstr(&msg));
  ck_buf_free(&msg);
  r->failed = true;
}

static const char *scalar(const yaml_node_t *node) {
  return node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* A scalar value for 'key', or an error. */
static const char *single(reader *r, const char *key, const yaml_node_t *value) {
  const char *s = scalar(value);
  if (!s)
    fail_at(r, value, "'%s' needs a single value", key);
  return s;
}

/* A list of names: a sequence of scalars, or one scalar standing for a list
   of one. Copies go to '*out' (with their marks when 'marks' is not NULL). */
static bool names(reader *r, const char *key, const char *what, yaml_node_t *value,
                  char ***out, size_t *n, ck_mark **marks) {
  yaml_node_t *one[1];
  yaml_node_t **items = one;
  size_t count = 0;
  if (value->type == YAML_SCALAR_NODE) {
    one[0] = value;
    count = 1;
  } else if (value->type == YAML_SEQUENCE_NODE) {
    count = (size_t)(value->data.sequence.items.top - value->data.sequence.items.start);
    items = ck_xcalloc(count ? count : 1, sizeof *items);
    for (size_t i = 0; i < count; i++)
      items[i] = yaml_document_get_node(r->doc, value->data.sequence.items.start[i]);
  } else {
    fail_at(r, value, "'%s' needs a list of %s", key, what);
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < count && ok; i++) {
    const char *s = items[i] ? scalar(items[i]) : NULL;
    if (!s || !*s) {
      fail_at(r, items[i] ? items[i] : value, "'%s' needs a list of %s", key, what);
      ok = false;
      break;
    }
    *out = ck_xrealloc(*out, (*n + 1) * sizeof **out);
    if (marks) {
      *marks = ck_xrealloc(*marks, (*n + 1) * sizeof **marks);
      (*marks)[*n] = mark_of(items[i]);
    }
    (*out)[(*n)++] = ck_xstrdup(s);
  }
  if (items != one)
    free(items);
  return ok;
}

static void free_names(char **list, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(list[i]);
  free(list);
}

/* Keys that set a value for files: at the top and in an override. Returns
   false when 'key' is not one of them. */
static bool setting(reader *r, const char *key, yaml_node_t *value, ck_config_settings *set,
                    char ***packs, ck_mark **pack_at) {
  if (strcmp(key, "level") == 0) {
    const char *s = single(r, key, value);
    if (s && !ck_level_parse(s, &set->level))
      fail_at(r, value, "unknown level '%s' (basic, advanced, spearhead)", s);
    set->has_level = true;
  } else if (strcmp(key, "lang") == 0) {
    const char *s = single(r, key, value);
    if (s && !ck_msg_lang_parse(s, &set->lang))
      fail_at(r, value, "unknown report language '%s' (nb, en)", s);
    set->has_lang = true;
  } else if (strcmp(key, "doc-lang") == 0) {
    const char *s = single(r, key, value);
    if (s && !ck_lang_parse(s, &set->doc_lang))
      fail_at(r, value, "unknown document language '%s' (nb, nn, en)", s);
    set->has_doc_lang = true;
  } else if (strcmp(key, "languages") == 0) {
    char **list = NULL;
    size_t n = 0;
    ck_mark *at = NULL;
    if (names(r, key, "languages (nb, nn, en)", value, &list, &n, &at)) {
      for (size_t i = 0; i < n && !r->failed; i++) {
        ck_lang l;
        if (!ck_lang_parse(list[i], &l)) {
          ck_diags_add(r->diags, CK_DIAG_ERROR, r->file, at[i].line, at[i].col,
                       "unknown document language '%s' (nb, nn, en)", list[i]);
          r->failed = true;
          break;
        }
        bool seen = false;
        for (size_t k = 0; k < set->nlanguages; k++)
          seen |= set->languages[k] == l;
        if (!seen)
          set->languages[set->nlanguages++] = l;
      }
    }
    free_names(list, n);
    free(at);
    set->has_languages = true;
  } else if (strcmp(key, "fail-on") == 0) {
    const char *s = single(r, key, value);
    if (s && strcmp(s, "never") == 0)
      set->fail_on = CK_RESULT_STATUS_COUNT;
    else if (s && (!ck_result_status_parse(s, &set->fail_on) ||
                   (set->fail_on != CK_STATUS_FAIL && set->fail_on != CK_STATUS_PARTIAL)))
      fail_at(r, value, "unknown fail-on value '%s' (fail, partial, never)", s);
    set->has_fail_on = true;
  } else if (strcmp(key, "packs") == 0) {
    size_t n = 0;
    names(r, key, "pack names", value, packs, &n, pack_at);
    set->packs = (const char *const *)*packs;
    set->npacks = n;
    set->has_packs = true;
  } else {
    return false;
  }
  return true;
}

/* Walks the pairs of a mapping node, refusing a key given twice; calls
   'each' with the key's text and its value node. */
typedef void (*pair_fn)(reader *r, const char *key, yaml_node_t *key_node, yaml_node_t *value,
                        void *ctx);

static void each_pair(reader *r, yaml_node_t *map, pair_fn each, void *ctx) {
  yaml_node_pair_t *start = map->data.mapping.pairs.start, *top = map->data.mapping.pairs.top;
  for (yaml_node_pair_t *p = start; p < top && !r->failed; p++) {
    yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
    yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
    const char *key = k ? scalar(k) : NULL;
    if (!key || !v) {
      fail_at(r, k ? k : map, "a key must be a plain name");
      return;
    }
    for (yaml_node_pair_t *q = start; q < p; q++) {
      yaml_node_t *earlier = yaml_document_get_node(r->doc, q->key);
      if (earlier && scalar(earlier) && strcmp(scalar(earlier), key) == 0) {
        fail_at(r, k, "key '%s' is given twice", key);
        return;
      }
    }
    each(r, key, k, v, ctx);
  }
}

static void waiver_pair(reader *r, const char *key, yaml_node_t *key_node, yaml_node_t *value,
                        void *ctx) {
  ck_waiver *w = ctx;
  if (strcmp(key, "criterion") == 0 || strcmp(key, "rule") == 0) {
    const char *s = single(r, key, value);
    if (!s)
      return;
    if (w->id) {
      fail_at(r, key_node, "a waiver names a criterion or a rule, not both");
      return;
    }
    if (!*s) {
      fail_at(r, value, "'%s' needs an id", key);
      return;
    }
    w->id = ck_xstrdup(s);
    w->is_rule = key[0] == 'r';
    w->id_at = mark_of(value);
  } else if (strcmp(key, "reason") == 0) {
    const char *s = single(r, key, value);
    if (s && !*s)
      fail_at(r, value, "'reason' must say why the result is accepted");
    else if (s)
      w->reason = ck_xstrdup(s);
  } else if (strcmp(key, "expires") == 0) {
    const char *s = single(r, key, value);
    if (s && !ck_date_valid(s, strlen(s)))
      fail_at(r, value, "'expires' needs a date written YYYY-MM-DD, not '%s'", s);
    else if (s)
      memcpy(w->expires, s, 11);
  } else if (strcmp(key, "paths") == 0) {
    names(r, key, "globs", value, &w->paths, &w->npaths, NULL);
  } else {
    fail_at(r, key_node, "unknown waiver key '%s' (%s)", key, waiver_keys);
  }
}

static void read_waivers(reader *r, yaml_node_t *list, ck_config *cfg) {
  if (list->type != YAML_SEQUENCE_NODE) {
    fail_at(r, list, "'waivers' needs a list of waivers");
    return;
  }
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top && !r->failed; it++) {
    yaml_node_t *node = yaml_document_get_node(r->doc, *it);
    if (!node || node->type != YAML_MAPPING_NODE) {
      fail_at(r, node ? node : list, "a waiver is a mapping of %s", waiver_keys);
      return;
    }
    cfg->waivers = ck_xrealloc(cfg->waivers, (cfg->nwaivers + 1) * sizeof *cfg->waivers);
    ck_waiver *w = &cfg->waivers[cfg->nwaivers++];
    memset(w, 0, sizeof *w);
    w->file = ck_xstrdup(cfg->path);
    w->at = mark_of(node);
    each_pair(r, node, waiver_pair, w);
    if (r->failed)
      return;
    if (!w->id)
      fail_at(r, node, "a waiver needs 'criterion' or 'rule'");
    else if (!w->reason)
      fail_at(r, node, "a waiver needs a 'reason'");
  }
}

static void override_pair(reader *r, const char *key, yaml_node_t *key_node, yaml_node_t *value,
                          void *ctx) {
  ck_config_override *o = ctx;
  if (strcmp(key, "paths") == 0)
    names(r, key, "globs", value, &o->paths, &o->npaths, NULL);
  else if (!setting(r, key, value, &o->set, &o->packs, &o->pack_at))
    fail_at(r, key_node, "unknown override key '%s' (%s)", key, override_keys);
}

static void read_overrides(reader *r, yaml_node_t *list, ck_config *cfg) {
  if (list->type != YAML_SEQUENCE_NODE) {
    fail_at(r, list, "'overrides' needs a list of mappings of %s", override_keys);
    return;
  }
  for (yaml_node_item_t *it = list->data.sequence.items.start;
       it < list->data.sequence.items.top && !r->failed; it++) {
    yaml_node_t *node = yaml_document_get_node(r->doc, *it);
    if (!node || node->type != YAML_MAPPING_NODE) {
      fail_at(r, node ? node : list, "an override is a mapping of %s", override_keys);
      return;
    }
    /* a separate allocation per entry: settings point into it */
    cfg->overrides = ck_xrealloc(cfg->overrides, (cfg->noverrides + 1) * sizeof *cfg->overrides);
    ck_config_override *o = &cfg->overrides[cfg->noverrides++];
    memset(o, 0, sizeof *o);
    each_pair(r, node, override_pair, o);
    if (!r->failed && o->npaths == 0)
      fail_at(r, node, "an override needs 'paths' (the globs of the files it is for)");
  }
}

static void top_pair(reader *r, const char *key, yaml_node_t *key_node, yaml_node_t *value,
                     void *ctx) {
  ck_config *cfg = ctx;
  if (strcmp(key, "exclude") == 0)
    names(r, key, "globs", value, &cfg->exclude, &cfg->nexclude, NULL);
  else if (strcmp(key, "waivers") == 0)
    read_waivers(r, value, cfg);
  else if (strcmp(key, "overrides") == 0)
    read_overrides(r, value, cfg);
  else if (!setting(r, key, value, &cfg->set, &cfg->packs, &cfg->pack_at))
    fail_at(r, key_node, "unknown key '%s' (%s)", key, top_keys);
}

/* Reads the whole file with a size cap; NULL and a diagnostic when it cannot. */
static char *slurp(const char *path, size_t *len, ck_diags *diags) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot read the configuration: %s",
                 strerror(errno));
    return NULL;
  }
  char *data = ck_xmalloc(MAX_CONFIG_BYTES + 1);
  size_t n = fread(data, 1, MAX_CONFIG_BYTES + 1, f);
  bool error = ferror(f);
  int err = errno;
  fclose(f);
  if (error) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "cannot read the configuration: %s",
                 strerror(err));
  } else if (n > MAX_CONFIG_BYTES) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
                 "the configuration is larger than 1 MiB; is it the right file?");
  } else {
    data[n] = '\0';
    *len = n;
    return data;
  }
  free(data);
  return NULL;
}

/* Refuses a file that nests collections deeper than MAX_CONFIG_DEPTH, by a
   pass over libyaml's events that stops there. A syntax error ends the pass
   quietly: composing the file reports it. */
static bool nesting_ok(const char *path, const char *data, size_t len, ck_diags *diags) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  int depth = 0;
  bool ok = true, done = false;
  while (!done) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event))
      break;
    if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT) {
      if (++depth > MAX_CONFIG_DEPTH) {
        ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)event.start_mark.line + 1,
                     (unsigned)event.start_mark.column + 1,
                     "lists and mappings nest deeper than %d levels", MAX_CONFIG_DEPTH);
        ok = false;
        done = true;
      }
    } else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT) {
      depth--;
    } else if (event.type == YAML_STREAM_END_EVENT) {
      done = true;
    }
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return ok;
}

/* The real path of the folder 'path' is in. */
static char *folder_of(const char *path) {
  char *dir = parent_of(path);
  char real[PATH_MAX];
  char *out = ck_xstrdup(realpath(dir, real) ? real : dir);
  free(dir);
  return out;
}

ck_status ck_config_load(const char *path, ck_config **out, ck_diags *diags) {
  *out = NULL;
  size_t len = 0;
  char *data = slurp(path, &len, diags);
  if (!data)
    return CK_ERR_IO;
  if (!nesting_ok(path, data, len, diags)) {
    free(data);
    return CK_ERR_USAGE;
  }
  ck_config *cfg = ck_xcalloc(1, sizeof *cfg);
  cfg->path = ck_xstrdup(path);
  cfg->dir = folder_of(path);

  yaml_parser_t parser;
  yaml_document_t doc;
  reader r = {.doc = &doc, .file = path, .diags = diags};
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  if (!yaml_parser_load(&parser, &doc)) {
    /* libyaml marks are 0-based; the problem mark is where it gave up */
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)parser.problem_mark.line + 1,
                 (unsigned)parser.problem_mark.column + 1, "not valid YAML: %s%s%s",
                 parser.problem ? parser.problem : "unreadable", parser.context ? " " : "",
                 parser.context ? parser.context : "");
    r.failed = true;
  } else {
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)
      root = NULL; /* a file of comments only */
    if (root && root->type != YAML_MAPPING_NODE)
      fail_at(&r, root, "the configuration must be a mapping of keys (%s)", top_keys);
    else if (root)
      each_pair(&r, root, top_pair, cfg);
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&parser);
  free(data);
  if (r.failed) {
    ck_config_free(cfg);
    return CK_ERR_USAGE;
  }
  for (size_t i = 0; i < cfg->nwaivers; i++) {
    const ck_waiver *w = &cfg->waivers[i];
    if (w->expires[0] && ck_date_passed(w->expires))
      ck_diags_add(diags, CK_DIAG_WARNING, path, w->at.line, w->at.col,
                   "the waiver of %s expired on %s and no longer applies", w->id, w->expires);
  }
  *out = cfg;
  return CK_OK;
}

ck_status ck_config_check(const ck_config *cfg, const ck_ruleset *rs, ck_diags *diags) {
  for (size_t o = 0; o <= cfg->noverrides; o++) {
    const ck_config_settings *set = o == 0 ? &cfg->set : &cfg->overrides[o - 1].set;
    const ck_mark *at = o == 0 ? cfg->pack_at : cfg->overrides[o - 1].pack_at;
    for (size_t i = 0; i < set->npacks; i++)
      if (!ck_ruleset_has_pack(rs, set->packs[i])) {
        ck_diags_add(diags, CK_DIAG_ERROR, cfg->path, at[i].line, at[i].col,
                     "unknown pack '%s' (circheck rules list shows the packs)", set->packs[i]);
        return CK_ERR_USAGE;
      }
  }
  for (size_t i = 0; i < cfg->nwaivers; i++) {
    const ck_waiver *w = &cfg->waivers[i];
    bool known = false;
    if (w->is_rule) {
      for (size_t k = 0; k < rs->nrules && !known; k++)
        known = strcmp(rs->rules[k]->id, w->id) == 0;
    } else {
      known = ck_ruleset_criterion(rs, w->id) != NULL;
    }
    if (!known) {
      ck_diags_add(diags, CK_DIAG_ERROR, cfg->path, w->id_at.line, w->id_at.col,
                   "unknown %s '%s' (circheck rules list shows them)",
                   w->is_rule ? "rule" : "criterion", w->id);
      return CK_ERR_USAGE;
    }
  }
  return CK_OK;
}

static void free_settings_packs(char **packs, size_t n, ck_mark *at) {
  free_names(packs, n);
  free(at);
}

void ck_config_free(ck_config *cfg) {
  if (!cfg)
    return;
  free_settings_packs(cfg->packs, cfg->set.npacks, cfg->pack_at);
  free_names(cfg->exclude, cfg->nexclude);
  for (size_t i = 0; i < cfg->nwaivers; i++) {
    ck_waiver *w = &cfg->waivers[i];
    free(w->id);
    free(w->reason);
    free(w->file);
    free_names(w->paths, w->npaths);
  }
  free(cfg->waivers);
  for (size_t i = 0; i < cfg->noverrides; i++) {
    ck_config_override *o = &cfg->overrides[i];
    free_names(o->paths, o->npaths);
    free_settings_packs(o->packs, o->set.npacks, o->pack_at);
  }
  free(cfg->overrides);
  free(cfg->path);
  free(cfg->dir);
  free(cfg);
}

const char *ck_config_path(const ck_config *cfg) { return cfg->path; }

/* --- resolving for a file ----------------------------------------------------------------- */

/* The file's path relative to the configuration's folder ("stoler/a.txt"),
   or its real path when it is outside; the caller frees it. */
static char *relative_path(const ck_config *cfg, const char *file) {
  char real[PATH_MAX];
  if (strcmp(file, "-") == 0 || !realpath(file, real))
    return ck_xstrdup(file);
  size_t n = strlen(cfg->dir);
  if (strcmp(cfg->dir, "/") == 0)
    return ck_xstrdup(real + 1);
  if (strncmp(real, cfg->dir, n) == 0 && real[n] == '/')
    return ck_xstrdup(real + n + 1);
  return ck_xstrdup(real);
}

/* A glob matches a relative path as a whole ('*' crosses '/', so "stoler/" and
   a star match everything below stoler), by file name ("*.png"), or as a
   folder the path is in ("vedlegg" or "vedlegg/"). */
static bool glob_matches(const char *glob, const char *rel) {
  const char *base = strrchr(rel, '/');
  base = base ? base + 1 : rel;
  if (fnmatch(glob, rel, 0) == 0 || fnmatch(glob, base, 0) == 0)
    return true;
  size_t n = strlen(glob);
  while (n > 0 && glob[n - 1] == '/')
    n--;
  return n > 0 && strncmp(rel, glob, n) == 0 && rel[n] == '/';
}

static bool any_glob(char *const *globs, size_t n, const char *rel) {
  for (size_t i = 0; i < n; i++)
    if (glob_matches(globs[i], rel))
      return true;
  return false;
}

bool ck_config_excludes(const ck_config *cfg, const char *file) {
  if (cfg->nexclude == 0)
    return false;
  char *rel = relative_path(cfg, file);
  bool out = any_glob(cfg->exclude, cfg->nexclude, rel);
  free(rel);
  return out;
}

/* Copies the keys 'from' sets over 'to'. */
static void layer(ck_config_settings *to, const ck_config_settings *from) {
  if (from->has_level) {
    to->has_level = true;
    to->level = from->level;
  }
  if (from->has_lang) {
    to->has_lang = true;
    to->lang = from->lang;
  }
  if (from->has_doc_lang) {
    to->has_doc_lang = true;
    to->doc_lang = from->doc_lang;
  }
  if (from->has_languages) {
    to->has_languages = true;
    memcpy(to->languages, from->languages, sizeof to->languages);
    to->nlanguages = from->nlanguages;
  }
  if (from->has_fail_on) {
    to->has_fail_on = true;
    to->fail_on = from->fail_on;
  }
  if (from->has_packs) {
    to->has_packs = true;
    to->packs = from->packs;
    to->npacks = from->npacks;
  }
}

void ck_config_for_file(const ck_config *cfg, const char *file, ck_config_settings *out,
                        const ck_waiver ***waivers, size_t *nwaivers) {
  char *rel = relative_path(cfg, file);
  memset(out, 0, sizeof *out);
  layer(out, &cfg->set);
  for (size_t i = 0; i < cfg->noverrides; i++)
    if (any_glob(cfg->overrides[i].paths, cfg->overrides[i].npaths, rel))
      layer(out, &cfg->overrides[i].set);
  *waivers = NULL;
  *nwaivers = 0;
  for (size_t i = 0; i < cfg->nwaivers; i++) {
    const ck_waiver *w = &cfg->waivers[i];
    if (w->npaths && !any_glob(w->paths, w->npaths, rel))
      continue;
    *waivers = ck_xrealloc(*waivers, (*nwaivers + 1) * sizeof **waivers);
    (*waivers)[(*nwaivers)++] = w;
  }
  free(rel);
}
