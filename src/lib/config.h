/* Configuration files (.circheck.yml) and waivers: the structs that
 * config.c parses a file into, and that waivers.c applies to results. The
 * functions callers use are in circheck.h. */
#ifndef CK_CONFIG_H
#define CK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "circheck.h"

/* Where something was written: a file and a 1-based line and column. */
typedef struct ck_mark {
  unsigned line, col;
} ck_mark;

/* Accepting a rule's or a criterion's results that are not pass: they stay
 * in the report with status waived and the reason, and do not fail the run. */
struct ck_waiver {
  char *id;           /* the rule or criterion id */
  bool is_rule;       /* 'rule:'; false: 'criterion:' (in a document: either) */
  char *reason;
  char expires[11];   /* "YYYY-MM-DD", "" when it does not expire */
  char **paths;       /* globs relative to the configuration's folder; none: every file */
  size_t npaths;
  bool in_source;     /* written in the document (a comment), not in a configuration */
  char *file;         /* the configuration or the document */
  ck_mark at;         /* where the waiver is written */
  ck_mark id_at;      /* where its id is written */
};

/* One 'overrides' entry: settings for the files its globs match. */
typedef struct ck_config_override {
  char **paths;
  size_t npaths;
  ck_config_settings set;
  char **packs;       /* owned; set.packs points here */
  ck_mark *pack_at;
} ck_config_override;

struct ck_config {
  char *path;         /* as given */
  char *dir;          /* its folder, real path: globs are relative to it */
  ck_config_settings set;
  char **packs;       /* owned; set.packs points here */
  ck_mark *pack_at;
  char **exclude;
  size_t nexclude;
  ck_waiver *waivers;
  size_t nwaivers;
  ck_config_override *overrides;
  size_t noverrides;
};

/* True when 'date' ("YYYY-MM-DD") is before today (UTC). */
bool ck_date_passed(const char *date);

/* True when 'text' is a valid date written YYYY-MM-DD. */
bool ck_date_valid(const char *text, size_t len);

#endif
