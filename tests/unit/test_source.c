/* Tests of reading and decoding sources: encodings, rejections with their
 * positions, limits, file errors and format sniffing. */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "source.h"
#include "transcode.h"

/* Writes 'len' bytes to a fresh temporary file; 'path' receives its name. */
static void write_tmp(char *path, size_t cap, const char *suffix, const char *data, size_t len) {
  snprintf(path, cap, "/tmp/ck_test_source_XXXXXX");
  int fd = mkstemp(path);
  OK(fd >= 0, "mkstemp");
  if (fd < 0)
    return;
  OK(write(fd, data, len) == (ssize_t)len, "write temp file");
  close(fd);
  if (suffix) {
    char renamed[256];
    snprintf(renamed, sizeof renamed, "%s%s", path, suffix);
    OK(rename(path, renamed) == 0, "rename temp file");
    snprintf(path, cap, "%s", renamed);
  }
}

/* Decodes 'len' bytes as if read from "in.txt". */
static ck_status decode(const char *data, size_t len, ck_source *src, ck_diags *diags) {
  memset(src, 0, sizeof *src);
  src->path = ck_xstrdup("in.txt");
  src->raw = ck_xmalloc(len + 1);
  memcpy(src->raw, data, len);
  src->raw[len] = '\0';
  src->raw_len = len;
  return ck_source_decode(src, diags);
}

static void expect_text(const char *data, size_t len, const char *want, const char *encoding,
                        const char *what) {
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  ck_status st = decode(data, len, &src, &diags);
  OK(st == CK_OK, "%s: status %s", what, ck_status_name(st));
  if (st == CK_OK) {
    STR_EQ(src.text, want, what);
    INT_EQ(src.text_len, strlen(want), what);
    STR_EQ(src.encoding, encoding, what);
  } else if (diags.n) {
    fprintf(stderr, "  diag: %s\n", diags.items[0].msg);
  }
  INT_EQ(diags.n, 0, what);
  ck_diags_free(&diags);
  ck_source_free(&src);

  /* the taking decoder gives the same text and leaves no raw bytes */
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup("in.txt");
  src.raw = ck_xstrndup(data, len);
  src.raw_len = len;
  st = ck_source_decode_take(&src, &diags);
  OK(st == CK_OK, "%s (take): status %s", what, ck_status_name(st));
  if (st == CK_OK) {
    OK(src.text_len == strlen(want) && memcmp(src.text, want, src.text_len) == 0 &&
           src.text[src.text_len] == '\0',
       "%s (take): text", what);
    STR_EQ(src.encoding, encoding, what);
  }
  OK(src.raw == NULL && src.raw_len == 0, "%s (take): raw given up", what);
  ck_diags_free(&diags);
  ck_source_free(&src);
}

static void expect_error(const char *data, size_t len, ck_status want, unsigned line,
                         unsigned col, const char *msg, const char *what) {
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  ck_status st = decode(data, len, &src, &diags);
  INT_EQ(st, want, what);
  INT_EQ(diags.n, 1, what);
  if (diags.n == 1) {
    STR_EQ(diags.items[0].msg, msg, what);
    STR_EQ(diags.items[0].file, "in.txt", what);
    INT_EQ(diags.items[0].line, line, what);
    INT_EQ(diags.items[0].col, col, what);
    INT_EQ(diags.items[0].level, CK_DIAG_ERROR, what);
  }
  OK(src.text == NULL, "%s: no text on error", what);
  ck_diags_free(&diags);
  ck_source_free(&src);

  /* the taking decoder fails the same way and keeps nothing */
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup("in.txt");
  src.raw = ck_xstrndup(data, len);
  src.raw_len = len;
  INT_EQ(ck_source_decode_take(&src, &diags), want, what);
  INT_EQ(diags.n, 1, what);
  if (diags.n == 1) {
    STR_EQ(diags.items[0].msg, msg, what);
    INT_EQ(diags.items[0].line, line, what);
    INT_EQ(diags.items[0].col, col, what);
  }
  OK(src.text == NULL && src.raw == NULL, "%s (take): nothing kept on error", what);
  ck_diags_free(&diags);
  ck_source_free(&src);
}

#define BYTES(s) s, sizeof(s) - 1

static void test_decode_ok(void) {
  expect_text(BYTES("Møbler og stoler\n"), "Møbler og stoler\n", "UTF-8", "plain utf-8");
  expect_text(BYTES("\xEF\xBB\xBFMøbler"), "Møbler", "UTF-8 with BOM", "utf-8 bom");
  /* "Aø😀\r\nB" in UTF-16 with a surrogate pair */
  expect_text(BYTES("\xFF\xFE"
                    "A\x00\xF8\x00\x3D\xD8\x00\xDE\r\x00\n\x00"
                    "B\x00"),
              "Aø\xF0\x9F\x98\x80\nB", "UTF-16LE", "utf-16le");
  expect_text(BYTES("\xFE\xFF\x00"
                    "A\x00\xF8\xD8\x3D\xDE\x00\x00\r\x00\n\x00"
                    "B"),
              "Aø\xF0\x9F\x98\x80\nB", "UTF-16BE", "utf-16be");
  expect_text(BYTES("M\xF8" "bler \xE6\xF8\xE5 \x96 \x80 \x93sitat\x94"),
              "Møbler æøå – € “sitat”", "windows-1252", "windows-1252");
  /* overlong and surrogate UTF-8 forms are not UTF-8, but are Windows-1252 */
  expect_text(BYTES("a\xC0\xAF"), "aÀ¯", "windows-1252", "overlong is not utf-8");
  expect_text(BYTES("\xED\xA0\x80"), "í\xC2\xA0€", "windows-1252", "surrogate is not utf-8");
  expect_text(BYTES("a\r\nb\rc\n\r\n"), "a\nb\nc\n\n", "UTF-8", "crlf and lone cr");
  expect_text(BYTES("tab\tff\fvt\v ok"), "tab\tff\fvt\v ok", "UTF-8", "allowed controls");
  expect_text(BYTES("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF",
              "UTF-8", "4-byte utf-8 up to U+10FFFF");
}

static void test_decode_errors(void) {
  expect_error("", 0, CK_ERR_INPUT, 0, 0, "empty document", "empty");
  expect_error(BYTES(" \n\t\r\n  "), CK_ERR_INPUT, 0, 0, "empty document", "white space only");
  expect_error(BYTES("\xEF\xBB\xBF"), CK_ERR_INPUT, 0, 0, "empty document", "bom only");
  expect_error(BYTES("\xFF\xFE \x00\n\x00"), CK_ERR_INPUT, 0, 0, "empty document",
               "utf-16 white space");
  expect_error(BYTES("ab\ncd\x00z"), CK_ERR_INPUT, 2, 3, "binary file: NUL byte", "nul");
  expect_error(BYTES("\x89PNG\r\n\x1a\n\x00\x00"), CK_ERR_INPUT, 3, 1, "binary file: NUL byte",
               "png is binary, not badly encoded");
  expect_error(BYTES("ab\x01"), CK_ERR_INPUT, 1, 3, "binary file: control character U+0001",
               "control");
  expect_error(BYTES("æø\r\nx\x1b"), CK_ERR_INPUT, 2, 2,
               "binary file: control character U+001B", "control after crlf and utf-8");
  expect_error(BYTES("line1\nab\x81"), CK_ERR_INPUT, 2, 3,
               "invalid UTF-8 and not Windows-1252 text", "undefined 0x81");
  expect_error(BYTES("abc\xF4\x90\x80\x80"), CK_ERR_INPUT, 1, 4,
               "invalid UTF-8 and not Windows-1252 text", "above U+10FFFF and 0x90");
  expect_error(BYTES("ok\n\xF8 \x9D"), CK_ERR_INPUT, 2, 1,
               "invalid UTF-8 and not Windows-1252 text", "first offending byte");
  /* UTF-8 letters before the bad byte: broken UTF-8, never read as Windows-1252 */
  expect_error(BYTES("\xEC\x81\xA1x\n\xF0"), CK_ERR_INPUT, 2, 1, "invalid UTF-8",
               "a bad byte after valid utf-8 letters");
  expect_error(BYTES("M\xC3\xB8" "bler \xED\xA0\x80."), CK_ERR_INPUT, 1, 8, "invalid UTF-8",
               "an encoded surrogate after valid utf-8");
  expect_error(BYTES("\xEF\xBB\xBF" "ab\n\xF8"), CK_ERR_INPUT, 2, 1, "invalid UTF-8",
               "bom promises utf-8");
  expect_error(BYTES("\xFF\xFE"
                     "a\x00\n\x00"
                     "b\x00\x00\xDC"),
               CK_ERR_INPUT, 2, 2, "invalid UTF-16: unpaired surrogate U+DC00",
               "lone low surrogate");
  expect_error(BYTES("\xFE\xFF\x00"
                     "a\xD8\x3D\x00"
                     "b"),
               CK_ERR_INPUT, 1, 2, "invalid UTF-16: unpaired surrogate U+D83D",
               "high surrogate without low");
  expect_error(BYTES("\xFF\xFE"
                     "a\x00"
                     "b"),
               CK_ERR_INPUT, 1, 2, "invalid UTF-16: odd number of bytes", "odd utf-16");
  expect_error(BYTES("\xFF\xFE"
                     "a\x00\x00\x00"),
               CK_ERR_INPUT, 1, 2, "binary file: NUL byte", "utf-16 nul");
}

static void test_line_limit(void) {
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  ck_status st = decode(BYTES("short\r\nexactly10c\nthis line is too long\n"), &src, &diags);
  INT_EQ(st, CK_OK, "default line limit is large");
  ck_diags_free(&diags);
  ck_source_free(&src);

  memset(&src, 0, sizeof src);
  const char *data = "short\r\nexactly10c\nthis line is too long\n";
  src.path = ck_xstrdup("in.txt");
  src.raw = ck_xstrdup(data);
  src.raw_len = strlen(data);
  src.max_line_bytes = 10;
  st = ck_source_decode(&src, &diags);
  INT_EQ(st, CK_ERR_LIMIT, "line limit status");
  INT_EQ(diags.n, 1, "line limit diag");
  if (diags.n) {
    INT_EQ(diags.items[0].line, 3, "line limit line");
    INT_EQ(diags.items[0].col, 0, "line limit has no column");
    STR_EQ(diags.items[0].msg, "line longer than the limit of 10 bytes (max_line_bytes)",
           "line limit message");
  }
  ck_diags_free(&diags);
  ck_source_free(&src);
  OK(src.path == NULL && src.raw == NULL && src.text == NULL, "free zeroes");
}

static void test_read(void) {
  ck_limits lim = ck_limits_default();
  INT_EQ(lim.max_input_bytes, 64u << 20, "default input limit");
  INT_EQ(lim.max_line_bytes, 1u << 20, "default line limit");
  INT_EQ(lim.max_blocks, 1000000, "default block limit");
  INT_EQ(lim.max_xml_depth, 256, "default depth");

  char path[256];
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  write_tmp(path, sizeof path, NULL, BYTES("hello\nworld"));
  ck_status st = ck_source_read(path, &lim, &src, &diags);
  INT_EQ(st, CK_OK, "read file");
  INT_EQ(src.raw_len, 11, "raw length");
  STR_EQ(src.raw, "hello\nworld", "raw bytes");
  STR_EQ(src.path, path, "path kept");
  INT_EQ(ck_source_decode(&src, &diags), CK_OK, "decode read file");
  STR_EQ(src.text, "hello\nworld", "decoded");
  ck_source_free(&src);

  /* too large for a small limit */
  ck_limits small = lim;
  small.max_input_bytes = 4;
  st = ck_source_read(path, &small, &src, &diags);
  INT_EQ(st, CK_ERR_LIMIT, "file over the limit");
  INT_EQ(diags.n, 1, "limit diag");
  if (diags.n) {
    STR_EQ(diags.items[0].msg, "input larger than the limit of 4 bytes (max_input_bytes)",
           "limit message");
    STR_EQ(diags.items[0].file, path, "limit diag file");
  }
  OK(src.raw == NULL, "no raw on error");
  ck_source_free(&src);
  ck_diags_free(&diags);

  /* exactly at the limit is fine */
  small.max_input_bytes = 11;
  INT_EQ(ck_source_read(path, &small, &src, &diags), CK_OK, "file at the limit");
  ck_source_free(&src);

  /* standard input, read in chunks with the same cap */
  int saved = dup(STDIN_FILENO);
  int fd = open(path, O_RDONLY);
  dup2(fd, STDIN_FILENO);
  close(fd);
  st = ck_source_read("-", &lim, &src, &diags);
  INT_EQ(st, CK_OK, "read stdin");
  STR_EQ(src.raw, "hello\nworld", "stdin bytes");
  STR_EQ(src.path, "-", "stdin path");
  ck_source_free(&src);
  fd = open(path, O_RDONLY);
  dup2(fd, STDIN_FILENO);
  close(fd);
  small.max_input_bytes = 5;
  st = ck_source_read("-", &small, &src, &diags);
  INT_EQ(st, CK_ERR_LIMIT, "stdin over the limit");
  ck_source_free(&src);
  ck_diags_free(&diags);
  dup2(saved, STDIN_FILENO);
  close(saved);
  unlink(path);

  /* missing file */
  st = ck_source_read("/tmp/ck-no-such-dir/missing.txt", &lim, &src, &diags);
  INT_EQ(st, CK_ERR_IO, "missing file");
  INT_EQ(diags.n, 1, "missing diag");
  if (diags.n) {
    STR_EQ(diags.items[0].msg, "cannot open: No such file or directory", "missing message");
    STR_EQ(diags.items[0].file, "/tmp/ck-no-such-dir/missing.txt", "missing file name");
    INT_EQ(diags.items[0].line, 0, "missing has no line");
  }
  ck_source_free(&src);
  ck_diags_free(&diags);

  /* a directory */
  st = ck_source_read("/tmp", &lim, &src, &diags);
  INT_EQ(st, CK_ERR_IO, "directory");
  if (diags.n) {
    STR_EQ(diags.items[0].msg, "is a directory", "directory message");
    STR_EQ(diags.items[0].file, "/tmp", "directory file");
  }
  ck_source_free(&src);
  ck_diags_free(&diags);

  /* a larger file than one read chunk, with limits NULL meaning defaults */
  size_t big = 300000;
  char *data = ck_xmalloc(big);
  for (size_t i = 0; i < big; i++)
    data[i] = (char)('a' + i % 26);
  write_tmp(path, sizeof path, ".txt", data, big);
  INT_EQ(ck_source_read(path, NULL, &src, &diags), CK_OK, "big file");
  INT_EQ(src.raw_len, big, "big file length");
  OK(src.raw && memcmp(src.raw, data, big) == 0, "big file content");
  ck_source_free(&src);
  unlink(path);
  free(data);
}

static ck_input_format sniff(const char *path, const char *data) {
  ck_source src;
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup(path);
  src.raw = ck_xstrdup(data);
  src.raw_len = strlen(data);
  ck_input_format f = ck_source_sniff(&src);
  ck_source_free(&src);
  return f;
}

static void test_sniff(void) {
  INT_EQ(sniff("a.md", "# Tittel"), CK_FORMAT_MARKDOWN, ".md");
  INT_EQ(sniff("a.Markdown", "Tekst"), CK_FORMAT_MARKDOWN, ".markdown any case");
  INT_EQ(sniff("a.txt", "Tekst <b>"), CK_FORMAT_TEXT, "text");
  INT_EQ(sniff("-", "Tekst"), CK_FORMAT_TEXT, "stdin text");
  INT_EQ(sniff("a.XML", "not really xml"), CK_FORMAT_XML, ".xml");
  INT_EQ(sniff("a.txt", "\n  <root><a/></root>"), CK_FORMAT_XML, "content starts with <");
  INT_EQ(sniff("a.txt", "\xEF\xBB\xBF<root/>"), CK_FORMAT_XML, "bom then <");
  INT_EQ(sniff("n.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment <with> tags -->\n"
               "<ContractNotice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:"
               "ContractNotice-2\"><cbc:ID>1</cbc:ID></ContractNotice>"),
         CK_FORMAT_EFORMS, "eForms contract notice");
  INT_EQ(sniff("-", "<can:ContractAwardNotice xmlns:can=\"x\">"), CK_FORMAT_EFORMS,
         "prefixed award notice");
  INT_EQ(sniff("p.xml", "<?xml version=\"1.0\"?><!DOCTYPE x><pin:PriorInformationNotice/>"),
         CK_FORMAT_EFORMS, "prior information notice");
  INT_EQ(sniff("p.xml", "<Notice><ContractNotice/></Notice>"), CK_FORMAT_XML,
         "only the root counts");
  INT_EQ(sniff("p.xml", "<ContractNoticeX/>"), CK_FORMAT_XML, "whole name");

  /* decoded text is used when present: UTF-16 hides '<' in the raw bytes */
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  decode(BYTES("\xFF\xFE<\x00"
               "C\x00o\x00n\x00t\x00r\x00"
               "a\x00"
               "c\x00t\x00N\x00o\x00t\x00i\x00"
               "c\x00"
               "e\x00/\x00>\x00"),
         &src, &diags);
  STR_EQ(src.text, "<ContractNotice/>", "utf-16 xml decoded");
  INT_EQ(ck_source_sniff(&src), CK_FORMAT_EFORMS, "sniff utf-16 eForms");
  ck_source_free(&src);
  ck_diags_free(&diags);
}

/* A large file is read into mapped pages, decoded where it lies and given
 * back a part at a time. */
static void test_take_large(void) {
  size_t lines = 120000; /* "linje NNNNNN æøå\r\n": 3.2 MB with a BOM */
  ck_buf data = CK_BUF_INIT, want = CK_BUF_INIT;
  ck_buf_put(&data, "\xEF\xBB\xBF", 3);
  for (size_t i = 0; i < lines; i++) {
    ck_buf_printf(&data, "linje %06zu \xC3\xA6\xC3\xB8\xC3\xA5\r\n", i);
    ck_buf_printf(&want, "linje %06zu \xC3\xA6\xC3\xB8\xC3\xA5\n", i);
  }
  char path[256];
  write_tmp(path, sizeof path, ".txt", data.ptr, data.len);
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  INT_EQ(ck_source_read(path, NULL, &src, &diags), CK_OK, "read large");
  OK(src.raw_mem.mapped, "a large file is read into mapped pages");
  const char *raw_at = src.raw;
  INT_EQ(ck_source_decode_take(&src, &diags), CK_OK, "decode large in place");
  OK(src.raw == NULL, "raw given up");
  OK(src.text == raw_at + 3, "UTF-8 decoded where it lies, past the BOM");
  STR_EQ(src.encoding, "UTF-8 with BOM", "large encoding");
  INT_EQ(src.text_len, want.len, "CRLF normalised in place");
  OK(memcmp(src.text, want.ptr, want.len) == 0 && src.text[want.len] == '\0', "large text");
  size_t half = want.len / 2;
  ck_source_release_text(&src, half);
  OK(src.text_mem.released > half - 8192 && src.text_mem.released <= half + 3,
     "released up to the page before the half: %zu of %zu", src.text_mem.released, half);
  OK(memcmp(src.text + half, want.ptr + half, want.len - half) == 0, "the rest still there");
  size_t before = src.text_mem.released;
  ck_source_release_text(&src, half / 2);
  INT_EQ(src.text_mem.released, before, "releasing less again does nothing");
  ck_source_release_text(&src, want.len * 2);
  OK(src.text_mem.released <= want.len + 3, "never past the text");
  ck_source_drop_text(&src);
  OK(src.text == NULL && src.text_len == 0, "dropped");
  ck_source_free(&src);

  /* a small or malloc()ed text: releasing does nothing, the text stays */
  memset(&src, 0, sizeof src);
  src.path = ck_xstrdup("in.txt");
  src.raw = ck_xstrndup(want.ptr, want.len);
  src.raw_len = want.len;
  INT_EQ(ck_source_decode_take(&src, &diags), CK_OK, "decode malloc()ed");
  ck_source_release_text(&src, half);
  OK(memcmp(src.text, want.ptr, want.len) == 0, "malloc()ed text kept whole");
  ck_source_free(&src);

  /* Windows-1252 and UTF-16 are converted into a buffer of the exact size */
  ck_buf cp = CK_BUF_INIT, u16 = CK_BUF_INIT;
  ck_buf_put(&u16, "\xFF\xFE", 2);
  for (size_t i = 0; i < 200000; i++) {
    ck_buf_put(&cp, "b\xE6r \x80\n", 6); /* "bær €" */
    /* "bæ€", U+10000 as a surrogate pair, LF */
    ck_buf_put(&u16, "b\x00\xE6\x00\xAC\x20\x00\xD8\x00\xDC\n\x00", 12);
  }
  unlink(path);
  write_tmp(path, sizeof path, ".txt", cp.ptr, cp.len);
  INT_EQ(ck_source_read(path, NULL, &src, &diags), CK_OK, "read cp1252");
  INT_EQ(ck_source_decode_take(&src, &diags), CK_OK, "decode cp1252");
  STR_EQ(src.encoding, "windows-1252", "cp1252 detected");
  INT_EQ(src.text_len, 200000 * 9, "cp1252 length");
  OK(src.text_mem.size == src.text_len + 1 && src.raw == NULL, "cp1252 buffer of the exact size");
  OK(memcmp(src.text, "b\xC3\xA6r \xE2\x82\xAC\n", 9) == 0, "cp1252 text");
  ck_source_free(&src);
  unlink(path);
  write_tmp(path, sizeof path, ".txt", u16.ptr, u16.len);
  INT_EQ(ck_source_read(path, NULL, &src, &diags), CK_OK, "read utf-16");
  INT_EQ(ck_source_decode_take(&src, &diags), CK_OK, "decode utf-16");
  INT_EQ(src.text_len, 200000 * 11, "utf-16 length");
  OK(src.text_mem.size == src.text_len + 1, "utf-16 buffer of the exact size");
  OK(memcmp(src.text, "b\xC3\xA6\xE2\x82\xAC\xF0\x90\x80\x80\n", 11) == 0, "utf-16 text");
  ck_source_free(&src);
  unlink(path);
  ck_diags_free(&diags);
  ck_buf_free(&cp);
  ck_buf_free(&u16);
  ck_buf_free(&data);
  ck_buf_free(&want);
}

/* The one decoder (transcode.c): what it converts, where it stops, and the
   room it asks for. */
static void test_transcode(void) {
  char buf[32], *out = buf;
  size_t n, used;
  INT_EQ(ck_transcode("WINDOWS-1252", "M\xF8" "bler \x80", 9, out, sizeof buf, &n, &used),
         CK_TRANSCODE_OK, "windows-1252");
  STR_EQ(out, "Møbler €", "windows-1252 text");
  INT_EQ(used, 9, "all input used");
  /* "Aø" then a lone low surrogate: stops at it, with "Aø" written */
  INT_EQ(ck_transcode("UTF-16LE", "A\0\xF8\0\x00\xDC", 6, out, sizeof buf, &n, &used),
         CK_TRANSCODE_INVALID, "lone surrogate");
  STR_EQ(out, "Aø", "text before the surrogate");
  INT_EQ(used, 4, "stopped at the surrogate");
  INT_EQ(ck_transcode("UTF-16LE", "A\0B", 3, out, sizeof buf, &n, &used),
         CK_TRANSCODE_INCOMPLETE, "odd byte");
  INT_EQ(used, 2, "stopped at the odd byte");
  INT_EQ(ck_transcode("UTF-16LE", "A\0B\0", 4, out, 2, &n, &used), CK_TRANSCODE_NO_ROOM,
         "no room for two characters and a NUL");
  INT_EQ(ck_transcode("NO-SUCH-ENCODING", "x", 1, out, sizeof buf, &n, &used),
         CK_TRANSCODE_UNKNOWN, "unknown encoding");
  /* room: 'A' 1, 'ø' 2, '€' 3, a pair 4, and the NUL */
  const unsigned char le[] = {'A', 0, 0xF8, 0, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE};
  INT_EQ(ck_transcode_utf16_room(le, sizeof le, false), 11, "UTF-16 room");
  INT_EQ(ck_transcode("UTF-16LE", (const char *)le, sizeof le, out, 11, &n, &used),
         CK_TRANSCODE_OK, "fits its room exactly");
  INT_EQ(n, 10, "ten bytes of UTF-8");
}

/* A path circheck found itself is read only when it is a regular file, and
   finding that out never waits: a FIFO with no writer is refused at once
   (opening it to read the ordinary way would wait for ever; the alarm ends
   the test if it does). A file named "-" is a file there, not standard
   input. */
static void test_read_regular(void) {
  char dir[] = "/tmp/ck_test_regular_XXXXXX";
  OK(mkdtemp(dir) != NULL, "temporary folder");
  char fifo[64], dash[64];
  snprintf(fifo, sizeof fifo, "%s/pipe.txt", dir);
  snprintf(dash, sizeof dash, "%s/-", dir);
  OK(mkfifo(fifo, 0600) == 0, "mkfifo");
  ck_source src;
  ck_diags diags = CK_DIAGS_INIT;
  alarm(10);
  INT_EQ(ck_source_read_regular(fifo, NULL, &src, &diags), CK_ERR_IO, "a FIFO is refused");
  alarm(0);
  INT_EQ(diags.n, 1, "one diagnostic");
  if (diags.n) {
    STR_EQ(diags.items[0].msg, "not a regular file", "says why");
    STR_EQ(diags.items[0].file, fifo, "names the FIFO");
  }
  ck_source_free(&src);
  ck_diags_free(&diags);
  int fd = open(dash, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  OK(fd >= 0 && write(fd, "rules", 5) == 5, "write a file named -");
  if (fd >= 0)
    close(fd);
  INT_EQ(chdir(dir), 0, "into the folder");
  INT_EQ(ck_source_read_regular("-", NULL, &src, &diags), CK_OK, "a file named - is read");
  STR_EQ(src.raw ? src.raw : "", "rules", "its bytes, not standard input's");
  ck_source_free(&src);
  ck_diags_free(&diags);
  INT_EQ(chdir("/"), 0, "out of the folder");
  unlink(fifo);
  unlink(dash);
  rmdir(dir);
}

int main(void) {
  test_transcode();
  test_take_large();
  test_read_regular();
  test_decode_ok();
  test_decode_errors();
  test_line_limit();
  test_read();
  test_sniff();
  return ck_test_report();
}
