/* The format table and the escaping every renderer shares. */
#include <assert.h>
#include <csv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_write.h"
#include "messages.h"
#include "report.h"

static const struct {
  const char *name;
  ck_render_fn render; /* NULL: not available in this build */
} formats[] = {
    [CK_REPORT_TEXT] = {"text", ck_render_text},    [CK_REPORT_JSON] = {"json", ck_render_json},
    [CK_REPORT_HTML] = {"html", ck_render_html},    [CK_REPORT_SARIF] = {"sarif", ck_render_sarif},
    [CK_REPORT_JUNIT] = {"junit", ck_render_junit}, [CK_REPORT_CSV] = {"csv", ck_render_csv},
    [CK_REPORT_MD] = {"md", ck_render_md},          [CK_REPORT_JSONL] = {"jsonl", ck_render_jsonl},
    [CK_REPORT_DOCX] = {"docx", ck_render_docx},
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

bool ck_report_format_binary(ck_report_format f) { return f == CK_REPORT_DOCX; }

static pthread_once_t docx_once = PTHREAD_ONCE_INIT;
static char docx_missing[600]; /* written once by find_docx_missing; empty: none */

static void find_docx_missing(void) {
  const char *why = NULL;
  if (!ck_docx_available(&why))
    snprintf(docx_missing, sizeof docx_missing, "writing Word files needs %s", why);
}

const char *ck_report_format_missing(ck_report_format f) {
  if (f != CK_REPORT_DOCX)
    return NULL;
  pthread_once(&docx_once, find_docx_missing);
  return docx_missing[0] ? docx_missing : NULL;
}

/* Runs the format's renderer into 'to' and hands on what is left. */
static void render_into(const ck_report *report, ck_report_format format,
                        const ck_render_options *opts, ck_render_out *to) {
  if (formats[format].render)
    formats[format].render(report, opts, to);
  ck_render_out_flush(to, true);
}

char *ck_report_render(const ck_report *report, ck_report_format format,
                       const ck_render_options *opts, size_t *len) {
  ck_render_out to = {.buf = CK_BUF_INIT}; /* no sink: the buffer keeps it all */
  render_into(report, format, opts, &to);
  *len = to.buf.len;
  return ck_buf_detach(&to.buf);
}

/* Pieces handed to a sink: large enough that a write costs little per
   byte, small enough that the report is never held whole. */
enum { SINK_PIECE = 1 << 20 };

void ck_render_out_flush(ck_render_out *to, bool all) {
  if (!to->sink || to->failed || to->buf.len == 0 || (!all && to->buf.len < SINK_PIECE))
    return;
  if (!to->sink(to->sink_ctx, to->buf.ptr, to->buf.len))
    to->failed = true;
  ck_buf_reset(&to->buf);
}

/* Parts at least this long are handed to the sink without the copy. */
enum { DIRECT_PIECE = 16 * 1024 };

void ck_render_out_put(ck_render_out *to, const char *s, size_t len) {
  if (to->sink && len >= DIRECT_PIECE) {
    ck_render_out_flush(to, true);
    if (!to->failed && !to->sink(to->sink_ctx, s, len))
      to->failed = true;
    return;
  }
  ck_buf_put(&to->buf, s, len);
  ck_render_out_flush(to, false);
}

bool ck_report_write(const ck_report *report, ck_report_format format,
                     const ck_render_options *opts, ck_report_sink sink, void *ctx) {
  ck_render_out to = {.buf = CK_BUF_INIT, .sink = sink, .sink_ctx = ctx};
  render_into(report, format, opts, &to);
  ck_buf_free(&to.buf);
  return !to.failed;
}

/* Bytes JSON cannot hold as they are: the quote, the backslash and the
   control characters. A table keeps the scan to one load per byte. */
static const unsigned char json_special[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
    [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
    [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1};

/* Whether any of the eight bytes in 'w' is special: below 0x20, a quote or
   a backslash (a byte is below n when (b - n) borrows while b < 0x80). */
static bool json_special8(unsigned long long w) {
  const unsigned long long ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  unsigned long long quote = w ^ (ones * '"'), bslash = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash)) &
         high;
}

void ck_escape_json(const char *s, size_t len, ck_buf *out) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    /* Reports are mostly plain text: skip it eight bytes at a time. */
    while (i + 8 <= len) {
      unsigned long long w;
      memcpy(&w, s + i, 8);
      if (json_special8(w))
        break;
      i += 8;
    }
    if (i >= len)
      break;
    unsigned char c = (unsigned char)s[i];
    if (!json_special[c])
      continue;
    char rep[6] = {'\\', 0};
    size_t n = 2;
    switch (c) {
    case '"': rep[1] = '"'; break;
    case '\\': rep[1] = '\\'; break;
    case '\n': rep[1] = 'n'; break;
    case '\r': rep[1] = 'r'; break;
    case '\t': rep[1] = 't'; break;
    default:
      rep[1] = 'u'; rep[2] = '0'; rep[3] = '0';
      rep[4] = hex[c >> 4]; rep[5] = hex[c & 15];
      n = 6;
    }
    ck_buf_put(out, s + run, i - run);
    ck_buf_put(out, rep, n);
    run = i + 1;
  }
  ck_buf_put(out, s + run, len - run);
}

size_t ck_bidi_control(const char *s, size_t len, unsigned *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (len >= 2 && u[0] == 0xD8 && u[1] == 0x9C) {
    *cp = 0x061C; /* ARABIC LETTER MARK */
    return 2;
  }
  if (len < 3 || u[0] != 0xE2)
    return 0;
  if (u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE))) {
    *cp = 0x2000u + (u[2] - 0x80u); /* LRM, RLM, LRE..RLO */
    return 3;
  }
  if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9) {
    *cp = 0x2040u + (u[2] - 0x80u); /* LRI..PDI */
    return 3;
  }
  return 0;
}

void ck_put_visible(ck_buf *out, const char *s, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c != 0xE2 && c != 0xD8)
      continue;
    unsigned cp;
    size_t n = ck_bidi_control(s + i, len - i, &cp);
    if (!n)
      continue;
    ck_buf_put(out, s + run, i - run);
    ck_buf_printf(out, "<U+%04X>", cp);
    i += n - 1;
    run = i + 1;
  }
  ck_buf_put(out, s + run, len - run);
}

void ck_escape_xml(const char *s, size_t len, ck_buf *out) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    const char *rep = NULL;
    unsigned char u = (unsigned char)s[i];
    if (u == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBF &&
        ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
      /* U+FFFE and U+FFFF are not XML characters either. */
      ck_buf_put(out, s + run, i - run);
      ck_buf_puts(out, "\xEF\xBF\xBD");
      i += 2;
      run = i + 1;
      continue;
    }
    unsigned cp;
    size_t n = (u == 0xE2 || u == 0xD8) ? ck_bidi_control(s + i, len - i, &cp) : 0;
    if (n) {
      /* A bidirectional control would reorder the text around it where it
         is shown; it is shown as its code point instead. */
      ck_buf_put(out, s + run, i - run);
      ck_buf_printf(out, "&lt;U+%04X&gt;", cp);
      i += n - 1;
      run = i + 1;
      continue;
    }
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    case '\t': case '\n': case '\r': break;
    default:
      /* Other C0 controls cannot appear in XML 1.0 at all, not even as
         references: they become U+FFFD so the output always parses. */
      if ((unsigned char)s[i] < 0x20)
        rep = "\xEF\xBF\xBD";
      break;
    }
    if (rep) {
      ck_buf_put(out, s + run, i - run);
      ck_buf_puts(out, rep);
      run = i + 1;
    }
  }
  ck_buf_put(out, s + run, len - run);
}

/* Backslash-escapes what Markdown (CommonMark and GitHub's extensions) would
   read as markup: emphasis, code, links, HTML, tables, strikethrough, math,
   entities, issue references and mentions anywhere; list, quote and setext
   markers at the start. Any ASCII punctuation may be escaped, so the
   rendered text is always the original. */
void ck_escape_md(const char *s, size_t len, ck_buf *out) {
  size_t i = 0;
  if (len > 0 && (s[0] == '+' || s[0] == '-' || s[0] == '=')) {
    ck_buf_putc(out, '\\');
  } else {
    size_t d = 0;
    while (d < len && s[d] >= '0' && s[d] <= '9')
      d++;
    if (d > 0 && d < len && (s[d] == '.' || s[d] == ')')) {
      ck_buf_put(out, s, d);
      ck_buf_putc(out, '\\');
      i = d;
    }
  }
  size_t run = i;
  for (; i < len; i++) {
    char c = s[i];
    unsigned cp;
    size_t n = (c == '\xE2' || c == '\xD8') ? ck_bidi_control(s + i, len - i, &cp) : 0;
    if (n) {
      /* Shown as its code point, as in text and HTML: a rendered comment
         must not reorder the evidence either. */
      ck_buf_put(out, s + run, i - run);
      ck_buf_printf(out, "\\<U+%04X\\>", cp);
      i += n - 1;
      run = i + 1;
    } else if (c == '\n' || c == '\r') {
      ck_buf_put(out, s + run, i - run);
      ck_buf_putc(out, ' ');
      run = i + 1;
    } else if ((c != '\0' && strchr("\\`*_[]<|~&#$@", c)) || (c == '>' && i == 0)) {
      ck_buf_put(out, s + run, i - run);
      ck_buf_putc(out, '\\');
      ck_buf_putc(out, c);
      run = i + 1;
    }
  }
  ck_buf_put(out, s + run, len - run);
}

/* Whether a spreadsheet would read a cell starting with this byte as a
   formula (=, +, -, @) or strip it to reach one (tab, CR): OWASP's list for
   CSV injection. Evidence is quoted from documents nobody has vetted, so
   "=HYPERLINK(...)" in a tender must stay text when the report is opened. */
static bool csv_formula_start(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Appends one field through libcsv's writer. */
static void csv_quote(ck_buf *out, const char *s, size_t len) {
  /* csv_write quotes the field and doubles its quotes; asked with no room,
     it says how much it needs. Most fields fit the stack buffer. */
  char small[512];
  size_t need = csv_write(NULL, 0, s, len);
  char *tmp = need <= sizeof small ? small : ck_xmalloc(need);
  csv_write(tmp, need, s, len);
  ck_buf_put(out, tmp, need);
  if (tmp != small)
    free(tmp);
}

void ck_csv_field(ck_buf *out, const char *s, size_t len) {
  if (len == 0 || !csv_formula_start(s[0])) {
    csv_quote(out, s, len);
    return;
  }
  /* A leading apostrophe makes the cell text in Excel, LibreOffice and
     Google Sheets; the field is quoted as a whole, apostrophe included. */
  char *text = ck_xmalloc(len + 1);
  text[0] = '\'';
  memcpy(text + 1, s, len);
  csv_quote(out, text, len + 1);
  free(text);
}

void ck_put_capitalised(ck_buf *out, const char *s) {
  unsigned char c0 = (unsigned char)s[0], c1 = c0 ? (unsigned char)s[1] : 0;
  if (c0 >= 'a' && c0 <= 'z') {
    ck_buf_putc(out, (char)(c0 - 'a' + 'A'));
    ck_buf_puts(out, s + 1);
  } else if (c0 == 0xC3 && c1 >= 0xA0 && c1 <= 0xBE && c1 != 0xB7) {
    /* Latin-1 letters à..þ (not ÷): upper case is 0x20 lower in UTF-8 too. */
    ck_buf_putc(out, (char)c0);
    ck_buf_putc(out, (char)(c1 - 0x20));
    ck_buf_puts(out, s + 2);
  } else {
    ck_buf_puts(out, s);
  }
}

void ck_put_line_col(ck_buf *out, ck_msg_lang lang, unsigned line, unsigned col) {
  ck_buf_printf(out, "%s %u, %s %u", ck_msg(lang, CK_MSG_LINE), line, ck_msg(lang, CK_MSG_COLUMN),
                col);
}

void ck_put_clause_id(ck_buf *out, const ck_rule *rule) {
  ck_buf_printf(out, "clause.%s", rule->id);
}

void ck_put_figure(ck_buf *out, const ck_rule *rule, ck_msg_lang lang, double value) {
  ck_format_number(lang, value, out);
  ck_buf_putc(out, ' ');
  ck_buf_puts(out, ck_unit_label(lang, rule->value.unit, value));
}

void ck_put_requirement(ck_buf *out, const ck_rule *rule, ck_msg_lang lang, double value) {
  if (!rule->value.present)
    return;
  ck_buf num = CK_BUF_INIT;
  ck_format_number(lang, value, &num);
  ck_template_values v = {.required = ck_buf_cstr(&num),
                          .unit = ck_unit_label(lang, rule->value.unit, value)};
  ck_fill_template(ck_msg(lang, rule->value.compare == CK_COMPARE_AT_MOST ? CK_MSG_AT_MOST
                                                                          : CK_MSG_AT_LEAST),
                   &v, out);
  ck_buf_free(&num);
}

ck_msg_lang ck_report_lang(const ck_report *report) {
  if (report->opts.msg_lang_set)
    return report->opts.msg_lang;
  return report->ndocs ? report->docs[0]->msg_lang : CK_MSG_EN;
}

const char *ck_fix_label(ck_msg_lang lang, ck_fix_kind kind) {
  static const ck_msg_id labels[CK_FIX_NONE] = {
      [CK_FIX_LEGAL] = CK_MSG_FIX_LEGAL,     [CK_FIX_CATEGORY] = CK_MSG_FIX_CATEGORY,
      [CK_FIX_GENERAL] = CK_MSG_FIX_GENERAL, [CK_FIX_WEAK] = CK_MSG_FIX_WEAK,
      [CK_FIX_UNJUDGED] = CK_MSG_FIX_UNJUDGED,
  };
  return kind < CK_FIX_NONE ? ck_msg(lang, labels[kind]) : "";
}

const char *ck_finding_title(ck_msg_lang lang, ck_finding_kind kind) {
  static const ck_msg_id titles[CK_FINDING_KIND_COUNT] = {
      [CK_FINDING_GREEN_CODE_WITHOUT_TEXT] = CK_MSG_FINDING_TITLE_GREEN_NO_TEXT,
      [CK_FINDING_GREEN_CODE_WITHOUT_ENV_IMP] = CK_MSG_FINDING_TITLE_GREEN_NO_ENV_IMP,
      [CK_FINDING_WEIGHTS_NOT_100] = CK_MSG_FINDING_TITLE_WEIGHTS_NOT_100,
      [CK_FINDING_OTHER_LANGUAGE] = CK_MSG_FINDING_TITLE_OTHER_LANGUAGE,
      [CK_FINDING_WAIVER_EXPIRED] = CK_MSG_FINDING_TITLE_WAIVER_EXPIRED,
  };
  return ck_msg(lang, titles[kind]);
}

/* FNV-1a over the parts with a NUL between them: cheap, stable across
   platforms, and enough to tell alerts apart. */
void ck_fingerprint(ck_buf *out, const char *rule, const char *path, const char *criterion) {
  unsigned long long h = 0xcbf29ce484222325ULL;
  const char *parts[] = {rule, path, criterion};
  for (size_t i = 0; i < 3; i++) {
    for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
      h = (h ^ *p) * 0x100000001b3ULL;
    h = (h ^ 0) * 0x100000001b3ULL;
  }
  ck_buf_printf(out, "%016llx", h);
}
