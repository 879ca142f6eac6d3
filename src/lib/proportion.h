/* Confidence intervals for shares of tenders: Wilson's score interval for
 * one proportion, and Newcombe's hybrid score interval (his method 10,
 * built from two Wilson intervals) for the difference of two independent
 * proportions. Both stay inside [0, 1] (or [-1, 1]) and behave at 0 and n,
 * where the textbook normal interval does not. */
#ifndef CK_PROPORTION_H
#define CK_PROPORTION_H

#include <stdint.h>

/* z for a two-sided 95 % interval */
#define CK_Z95 1.959963984540054

typedef struct ck_interval {
  double estimate, low, high;
} ck_interval;

/* x successes out of n; n = 0 gives estimate 0 and the interval [0, 1]. */
ck_interval ck_wilson(uint64_t x, uint64_t n, double z);
/* The change from share a (xa of na) to share b (xb of nb): b - a. */
ck_interval ck_newcombe(uint64_t xa, uint64_t na, uint64_t xb, uint64_t nb, double z);

#endif
