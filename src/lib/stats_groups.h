/* Sums and comparisons of groups of counted documents, shared by the
 * statistics renderers (stats_render.c for text, CSV and JSON, stats_html.c
 * for the page): stats_groups.c. */
#ifndef CK_STATS_GROUPS_H
#define CK_STATS_GROUPS_H

#include "proportion.h"
#include "stats.h"

/* Sums over a group's criteria, and its FOA § 7-9 compliance: documents
   whose environment-weight criterion passes, of those where it applies. */
typedef struct ck_stats_totals {
  uint64_t applicable, found;
  uint64_t env_compliant, env_applicable;
} ck_stats_totals;
ck_stats_totals ck_stats_totals_of(const ck_stats *s, const ck_stats_group *g);

/* The group of 'key' among 'groups', or NULL. */
const ck_stats_group *ck_stats_find(const ck_stats_group *groups, size_t n, const char *key);

/* One line of a comparison of groups a and b: the shares found of
   'criterion' (-1: the § 7-9 compliance) with Wilson intervals, the change
   b - a with Newcombe's, whether its interval leaves out 0 ('clear') and
   whether either side has fewer than 'min_group' applicable ('small'). */
typedef struct ck_stats_compared {
  uint64_t xa, na, xb, nb;
  ck_interval a, b, change;
  bool clear, small;
} ck_stats_compared;
void ck_stats_comparison_row(const ck_stats *s, const ck_stats_group *a, const ck_stats_group *b,
                             long criterion, unsigned min_group, ck_stats_compared *out);

#endif
