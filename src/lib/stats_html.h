/* The statistics as one self-contained HTML page with inline SVG charts
 * (stats_html.c), called by ck_stats_render. */
#ifndef CK_STATS_HTML_H
#define CK_STATS_HTML_H

#include "stats.h"
#include "util.h"

/* The self-contained HTML page (stats_html.c). */
void ck_stats_render_html(const ck_stats *s, const ck_stats_options *o, const ck_stats_group *all,
                          const ck_stats_group *g, size_t n, const ck_stats_group *cmp[2],
                          ck_buf *b);

#endif
