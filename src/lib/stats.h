/* The counts behind circheck stats (stats.c), read by the readers of
 * reports and statistics (stats_read.c) and by the renderers
 * (stats_render.c, stats_html.c). */
#ifndef CK_STATS_H
#define CK_STATS_H

#include <stdint.h>

#include "circheck.h"
#include "util.h"

/* The groupings that are counted; the others are sums of these. */
#define CK_STORED_BY ((int)CK_BY_MONTH + 1)

typedef struct ck_stats_group {
  char *key;
  uint64_t documents;
  uint64_t *counts; /* [criterion * CK_RESULT_STATUS_COUNT + status] */
} ck_stats_group;

typedef struct ck_stats_table {
  ck_stats_group *groups;
  size_t n, cap;
  size_t *slots; /* open addressing: index + 1 into 'groups', 0 empty */
  size_t nslots;
} ck_stats_table;

struct ck_stats {
  char **criteria;   /* ids, in the order of rules/criteria.csv */
  char **categories; /* each criterion's category */
  size_t ncriteria;
  ck_stats_table tables[CK_STORED_BY];
};

/* One document as counted: what a check gives or a report says. */
typedef struct ck_stats_doc {
  const char *buyer;  /* NULL: "unknown" */
  const char *date;   /* YYYY-MM-DD or YYYY-MM; anything else or NULL: "unknown" */
  const char *cpv;    /* the main CPV code; NULL: division "none" */
  const char *const *packs; /* none: pack "none" */
  size_t npacks;
  const ck_result_status *status; /* one per criterion of the stats; a criterion the
                                     document does not name is not-applicable */
} ck_stats_doc;

void ck_stats_count(ck_stats *stats, const ck_stats_doc *doc);

/* The criterion's index, or -1. */
long ck_stats_criterion(const ck_stats *stats, const char *id);

/* The group of 'key' in grouping 'by' (< CK_STORED_BY), made empty when new. */
ck_stats_group *ck_stats_group_of(ck_stats *stats, ck_stats_by by, const char *key);

/* The groups of 'by' sorted by key, quarter and year summed from months:
   copies the caller frees with ck_stats_view_free. */
ck_stats_group *ck_stats_view(const ck_stats *stats, ck_stats_by by, size_t *n);
void ck_stats_view_free(const ck_stats *stats, ck_stats_group *groups, size_t n);

/* Derived figures of one criterion in one group. */
typedef struct ck_stats_share {
  uint64_t applicable; /* pass + partial + fail (error and not-applicable left out) */
  uint64_t found;      /* pass + partial */
  uint64_t missing;    /* fail */
  uint64_t pass;
} ck_stats_share;
ck_stats_share ck_stats_share_of(const ck_stats *stats, const ck_stats_group *g, size_t c);

/* Index of award.environment-weight (FOA § 7-9), or -1 when the rule set
   has no such criterion. */
long ck_stats_env_criterion(const ck_stats *stats);

/* The 'top' criteria most often missing in 'g' (highest share of fail among
   applicable, then more fails, then table order), only those missing at
   least once; returns how many were written to 'out'. */
size_t ck_stats_most_missing(const ck_stats *stats, const ck_stats_group *g, size_t top,
                             size_t *out);

#endif
