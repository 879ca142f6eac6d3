/* Wilson (1927) and Newcombe (1998, method 10) intervals. */
#include "proportion.h"

#include <math.h>

ck_interval ck_wilson(uint64_t x, uint64_t n, double z) {
  if (n == 0)
    return (ck_interval){0, 0, 1};
  double nn = (double)n, p = (double)x / nn, z2 = z * z;
  double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / (1 + z2 / nn);
  ck_interval r = {p, centre - half, centre + half};
  /* at x = 0 and x = n the bounds are 0 and 1 exactly; rounding must not
     move them past */
  if (x == 0 || r.low < 0)
    r.low = 0;
  if (x == n || r.high > 1)
    r.high = 1;
  return r;
}

ck_interval ck_newcombe(uint64_t xa, uint64_t na, uint64_t xb, uint64_t nb, double z) {
  ck_interval a = ck_wilson(xa, na, z), b = ck_wilson(xb, nb, z);
  double d = b.estimate - a.estimate;
  double down = sqrt((b.estimate - b.low) * (b.estimate - b.low) +
                     (a.high - a.estimate) * (a.high - a.estimate));
  double up = sqrt((b.high - b.estimate) * (b.high - b.estimate) +
                   (a.estimate - a.low) * (a.estimate - a.low));
  return (ck_interval){d, d - down, d + up};
}
