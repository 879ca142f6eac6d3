/* The format table and the escaping every renderer shares. */
#include <assert.h>
#include <string.h>

#include "report.h"

static const struct {
  const char *name;
  ck_render_fn render; /* NULL: not available in this build */
} formats[] = {
    [CK_REPORT_TEXT] = {"text", ck_render_text}, [CK_REPORT_JSON] = {"json", ck_render_json},
    [CK_REPORT_HTML] = {"html", NULL},           [CK_REPORT_SARIF] = {"sarif", NULL},
    [CK_REPORT_JUNIT] = {"junit", NULL},         [CK_REPORT_CSV] = {"csv", NULL},
    [CK_REPORT_MD] = {"md", NULL},
};
static_assert(sizeof formats / sizeof *formats == CK_REPORT_FORMAT_COUNT, "formats");

const char *ck_report_format_name(ck_report_format f) { return formats[f].name; }

bool ck_report_format_parse(const char *name, ck_report_format *out) {
  for (size_t i = 0; i < CK_REPORT_FORMAT_COUNT; i++)
    if (strcmp(formats[i].name, name) == 0) {
      *out = (ck_report_format)i;
      return true;
    }
  return false;
}

bool ck_report_format_available(ck_report_format f) { return formats[f].render != NULL; }

char *ck_report_render(const ck_report *report, ck_report_format format,
                       const ck_render_options *opts, size_t *len) {
  ck_buf out = CK_BUF_INIT;
  if (formats[format].render)
    formats[format].render(report, opts, &out);
  *len = out.len;
  return ck_buf_detach(&out);
}

void ck_escape_json(const char *s, size_t len, ck_buf *out) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep = NULL;
    char u[7];
    switch (c) {
    case '"': rep = "\\\""; break;
    case '\\': rep = "\\\\"; break;
    case '\n': rep = "\\n"; break;
    case '\r': rep = "\\r"; break;
    case '\t': rep = "\\t"; break;
    default:
      if (c < 0x20) {
        u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
        u[4] = hex[c >> 4]; u[5] = hex[c & 15]; u[6] = '\0';
        rep = u;
      }
    }
    if (rep) {
      ck_buf_put(out, s + run, i - run);
      ck_buf_puts(out, rep);
      run = i + 1;
    }
  }
  ck_buf_put(out, s + run, len - run);
}

void ck_escape_xml(const char *s, size_t len, ck_buf *out) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default: break;
    }
    if (rep) {
      ck_buf_put(out, s + run, i - run);
      ck_buf_puts(out, rep);
      run = i + 1;
    }
  }
  ck_buf_put(out, s + run, len - run);
}
