/* Award criteria and the environment weight (see award.h). */
#include "award.h"

#include <assert.h>
#include <math.h>
#include <string.h>

static const char *const way_names[] = {
    [CK_ENV_ABSENT] = "absent",          [CK_ENV_BY_WEIGHT] = "weight",
    [CK_ENV_BY_RANK] = "rank",           [CK_ENV_BY_SPEC] = "specification",
    [CK_ENV_EXEMPT] = "exemption",       [CK_ENV_TOO_LOW] = "too-low",
    [CK_ENV_WITHHELD] = "withheld",
};
static_assert(sizeof way_names / sizeof *way_names == CK_ENV_WAY_COUNT, "way_names");

const char *ck_env_way_name(ck_env_way w) { return way_names[w]; }

bool ck_award_is_environmental(const char *type, const char *name, const char *description) {
  (void)description;
  if (type && strcmp(type, "quality-nor-env-criteria") == 0)
    return true;
  if (!name)
    return false;
  static const char *const words[] = {"miljø", "Miljø", "klima", "Klima", "nvironment",
                                      "limate"};
  if (strstr(name, "rbeidsmiljø") || strstr(name, "ork environment"))
    return false;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (strstr(name, words[i]))
      return true;
  return false;
}

ck_env_weight ck_env_weight_compute(const ck_award_criterion *c, size_t n, double threshold) {
  ck_env_weight w = {.way = CK_ENV_ABSENT, .decisive = (size_t)-1, .weights_complete = n > 0};
  double sum = 0, env = 0;
  ck_weight_kind kind = n ? c[0].weight_kind : CK_WEIGHT_NONE;
  for (size_t i = 0; i < n; i++) {
    const char *t = c[i].type ? c[i].type : "";
    if (strcmp(t, "quality-nor-env-spec") == 0) {
      w.way = CK_ENV_BY_SPEC;
      w.compliant = true;
      w.decisive = i;
    } else if (strncmp(t, "quality-nor-env-exempt-", 23) == 0 ||
               strcmp(t, "quality-nor-env-none") == 0) {
      w.way = CK_ENV_EXEMPT;
      w.compliant = true;
      w.decisive = i;
    }
    if (c[i].weight_kind != kind || kind == CK_WEIGHT_NONE)
      w.weights_complete = false;
  }
  for (size_t i = 0; i < n; i++) {
    if (c[i].weight_kind == CK_WEIGHT_PERCENT)
      w.percent_sum += c[i].weight;
    if (c[i].weight_kind == kind && kind != CK_WEIGHT_NONE && kind != CK_WEIGHT_RANK) {
      sum += c[i].weight;
      if (c[i].environmental)
        env += c[i].weight;
    }
    if (kind == CK_WEIGHT_RANK && c[i].environmental && c[i].weight_kind == CK_WEIGHT_RANK &&
        (w.best_rank == 0 || c[i].weight < w.best_rank)) {
      w.best_rank = (int)c[i].weight;
      if (!w.compliant)
        w.decisive = i;
    }
    if (c[i].environmental && w.decisive == (size_t)-1)
      w.decisive = i;
  }
  w.sums_to_100 = fabs(w.percent_sum - 100) < 0.01;
  if (w.compliant)
    return w;
  if (kind == CK_WEIGHT_RANK) {
    w.way = w.best_rank == 0 ? CK_ENV_ABSENT : w.best_rank <= 3 ? CK_ENV_BY_RANK : CK_ENV_TOO_LOW;
  } else if (kind == CK_WEIGHT_NONE) {
    w.way = CK_ENV_WITHHELD;
  } else if (sum > 0) {
    w.has_share = true;
    w.share = env / sum * 100;
    w.way = env <= 0 ? CK_ENV_ABSENT : w.share + 1e-9 >= threshold ? CK_ENV_BY_WEIGHT
                                                                    : CK_ENV_TOO_LOW;
  }
  w.compliant = w.way == CK_ENV_BY_WEIGHT || w.way == CK_ENV_BY_RANK;
  return w;
}
