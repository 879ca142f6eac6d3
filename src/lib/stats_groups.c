/* Sums and comparisons of groups (stats_groups.h). */
#include "stats_groups.h"

#include <string.h>

ck_stats_totals ck_stats_totals_of(const ck_stats *s, const ck_stats_group *g) {
  ck_stats_totals t = {0};
  for (size_t c = 0; c < s->ncriteria; c++) {
    ck_stats_share sh = ck_stats_share_of(s, g, c);
    t.applicable += sh.applicable;
    t.found += sh.found;
  }
  long env = ck_stats_env_criterion(s);
  if (env >= 0) {
    ck_stats_share sh = ck_stats_share_of(s, g, (size_t)env);
    t.env_compliant = sh.pass;
    t.env_applicable = sh.applicable;
  }
  return t;
}

const ck_stats_group *ck_stats_find(const ck_stats_group *groups, size_t n, const char *key) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(groups[i].key, key) == 0)
      return &groups[i];
  return NULL;
}

void ck_stats_comparison_row(const ck_stats *s, const ck_stats_group *a, const ck_stats_group *b,
                             long criterion, unsigned min_group, ck_stats_compared *out) {
  ck_stats_share sa, sb;
  if (criterion >= 0) {
    sa = ck_stats_share_of(s, a, (size_t)criterion);
    sb = ck_stats_share_of(s, b, (size_t)criterion);
  } else {
    ck_stats_totals ta = ck_stats_totals_of(s, a), tb = ck_stats_totals_of(s, b);
    sa = (ck_stats_share){.applicable = ta.env_applicable, .found = ta.env_compliant};
    sb = (ck_stats_share){.applicable = tb.env_applicable, .found = tb.env_compliant};
  }
  out->xa = sa.found;
  out->na = sa.applicable;
  out->xb = sb.found;
  out->nb = sb.applicable;
  out->a = ck_wilson(sa.found, sa.applicable, CK_Z95);
  out->b = ck_wilson(sb.found, sb.applicable, CK_Z95);
  out->change = ck_newcombe(sa.found, sa.applicable, sb.found, sb.applicable, CK_Z95);
  out->small = sa.applicable < min_group || sb.applicable < min_group;
  out->clear = sa.applicable && sb.applicable && (out->change.low > 0 || out->change.high < 0);
}
