/* SHA-256 (FIPS 180-4), for the Content-Security-Policy hash of a page's
 * inline script: the policy allows exactly that script and no other. */
#ifndef CK_SERVE_SHA256_H
#define CK_SERVE_SHA256_H

#include <stddef.h>

void sha256(const void *data, size_t len, unsigned char digest[32]);

#endif
