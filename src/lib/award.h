/* Award criteria: how much climate and environment weigh.
 *
 * Norway's procurement regulation (FOA § 7-9) asks that climate and
 * environment weigh at least 30 % of the award criteria, or be among the
 * three most important when criteria are ranked, or be handled in the
 * specification instead, or that a lawful exception is used. This module
 * computes that from a list of award criteria, whether they come from an
 * eForms notice's structured fields or from a text tender's weights table. */
#ifndef CK_AWARD_H
#define CK_AWARD_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

typedef enum {
  CK_ENV_ABSENT,     /* no award criteria, or none environmental and nothing else applies */
  CK_ENV_BY_WEIGHT,  /* environmental criteria weigh at least the threshold */
  CK_ENV_BY_RANK,    /* an environmental criterion ranks 1, 2 or 3 */
  CK_ENV_BY_SPEC,    /* quality-nor-env-spec: handled in the specification */
  CK_ENV_EXEMPT,     /* quality-nor-env-exempt-* or quality-nor-env-none */
  CK_ENV_TOO_LOW,    /* environmental criteria weigh less than the threshold / rank below 3 */
  CK_ENV_WITHHELD,   /* weights not published; cannot be computed */
  CK_ENV_WAY_COUNT
} ck_env_way;

/* "absent", "weight", "rank", "specification", "exemption", "too-low", "withheld". */
const char *ck_env_way_name(ck_env_way w);

typedef struct ck_env_weight {
  ck_env_way way;
  bool compliant;        /* by weight, rank, specification or exemption */
  bool has_share;
  double share;          /* percent of the total that environmental criteria carry */
  int best_rank;         /* for ranked criteria: the best rank of an environmental one; 0 if none */
  bool weights_complete; /* every criterion has a weight of the same kind */
  bool sums_to_100;      /* percent weights add up to 100 (within 0.01) */
  double percent_sum;    /* sum of percent weights, when the kind is percent */
  size_t decisive;       /* index of the criterion that decided it; (size_t)-1 if none */
} ck_env_weight;

/* Computes the environmental weight of 'n' criteria against 'threshold'
 * percent (30 in Norway). Shares are computed from percent, points or
 * decimals (each as a share of the sum of its kind); ranks are judged by
 * position. Codes win over weights: a specification or exemption code makes
 * it compliant whatever the numbers say. */
ck_env_weight ck_env_weight_compute(const ck_award_criterion *c, size_t n, double threshold);

/* Whether a criterion's type code, name or description marks it as a
 * climate or environment criterion ("quality-nor-env-criteria"; "Miljø",
 * "Klima og miljø", "Environment", "Miljøpåvirkning", ...; not "Pris",
 * "Kvalitet", "Arbeidsmiljø"). Judged when the weight is computed, not by
 * the readers. */
bool ck_award_is_environmental(const char *type, const char *name, const char *description);

#endif
