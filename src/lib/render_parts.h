/* Rendering a report's documents on several threads: each document's part
 * of the output is written into its own buffer, and the parts are joined
 * in document order, so the report is byte for byte what one thread writes. */
#ifndef CK_RENDER_PARTS_H
#define CK_RENDER_PARTS_H

#include <stddef.h>

#include "report.h"

/* Writes document 'd's part into 'part' (empty on entry). Runs on any
   thread at the same time as other documents' parts: it may only read
   the report and 'ctx'. */
typedef void (*ck_render_part_fn)(const ck_report *report, size_t d, const void *ctx,
                                  ck_buf *part);
/* Called for each finished part on the calling thread, in document order,
   just before the part is written: returns how many of its leading bytes
   to leave out. NULL: the whole part is written. */
typedef size_t (*ck_render_join_fn)(void *join_ctx, const ck_buf *part);

/* Renders every document of 'report' with 'render' on up to 'jobs'
   threads (0 or 1: this thread only) and joins the parts into 'to',
   handing them on to its sink as they come. Stops early when the sink
   fails. */
void ck_render_parts(const ck_report *report, unsigned jobs, ck_render_part_fn render,
                     const void *ctx, ck_render_join_fn join, void *join_ctx,
                     ck_render_out *to);

#endif
