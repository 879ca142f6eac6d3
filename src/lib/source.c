/* Reading a source file (or standard input) and decoding it to UTF-8 with
 * LF line ends, rejecting what is not text.
 *
 * Positions in diagnostics are counted in characters of the detected
 * encoding, the way an editor shows them, so "line 3, column 7" can be found
 * in the file as the user sees it. */
#define _POSIX_C_SOURCE 200809L
/* MAP_ANONYMOUS, which POSIX.1-2008 does not name yet */
#define _DEFAULT_SOURCE

#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "transcode.h"
#include "xmlroot.h"

#define READ_CHUNK (64 * 1024)

/* Buffers from this size on are mapped pages of their own rather than
 * malloc() blocks: a reader can then give back what it has consumed while
 * it works (ck_source_release_text()), and freeing them never leaves holes
 * in the heap. Smaller ones are not worth a system call. */
#define MAP_MIN ((size_t)1 << 20)

/* Allocates 'size' bytes for a raw or decoded text and records where they
 * live in '*m'. */
static char *mem_alloc(size_t size, ck_source_mem *m) {
  memset(m, 0, sizeof *m);
  char *p = NULL;
  if (size >= MAP_MIN) {
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
#ifdef MAP_POPULATE
    /* every page is written at once (read(), decoding): one fault-in for all
       of them is cheaper than a page fault each */
    flags |= MAP_POPULATE;
#endif
    void *q = mmap(NULL, size, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (q != MAP_FAILED) {
      p = q;
      m->mapped = true;
    }
  }
  if (!p)
    p = ck_xmalloc(size);
  m->base = p;
  m->size = size;
  return p;
}

/* Frees the buffer behind 'ptr' as '*m' describes it and clears '*m'. */
static void mem_free(char *ptr, ck_source_mem *m) {
  if (!m->base)
    free(ptr);
  else if (m->mapped && m->size > m->released)
    munmap(m->base + m->released, m->size - m->released);
  else if (!m->mapped)
    free(m->base);
  memset(m, 0, sizeof *m);
}

/* strerror() is not thread-safe; the XSI strerror_r() is (we asked for
 * POSIX, not GNU, so that is the one we get). */
static void error_text(int err, char *out, size_t cap) {
  if (strerror_r(err, out, cap) != 0)
    snprintf(out, cap, "error %d", err);
}

static void io_error(ck_diags *diags, const char *path, const char *what, int err) {
  char why[256];
  error_text(err, why, sizeof why);
  ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "%s: %s", what, why);
}

static ck_status too_large(ck_diags *diags, const char *path, size_t limit) {
  ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0,
               "input larger than the limit of %zu bytes (max_input_bytes)", limit);
  return CK_ERR_LIMIT;
}

/* Reads 'fd' to the end, never holding more than 'limit' + 1 bytes: a pipe
 * does not say how long it is, and a file may grow while we read it. 'hint'
 * is the expected size (0 when unknown). */
static ck_status read_all(int fd, const char *path, size_t limit, size_t hint, ck_source *src,
                          ck_diags *diags) {
  size_t cap = hint ? hint + 1 : READ_CHUNK, len = 0;
  if (cap > limit + 1)
    cap = limit + 1;
  /* A file of known size goes into a buffer of its own size; one that grows
     while it is read continues in a malloc() block. */
  ck_source_mem m;
  char *buf = hint ? mem_alloc(cap + 1, &m) : ck_xmalloc(cap + 1);
  if (!hint)
    memset(&m, 0, sizeof m);
  for (;;) {
    if (len == cap) {
      cap = cap > (limit + 1) / 2 ? limit + 1 : cap * 2;
      if (m.base) {
        char *grown = ck_xmalloc(cap + 1);
        memcpy(grown, buf, len);
        mem_free(buf, &m);
        buf = grown;
      } else {
        buf = ck_xrealloc(buf, cap + 1);
      }
    }
    ssize_t got = read(fd, buf + len, cap - len);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      int err = errno;
      mem_free(buf, &m);
      io_error(diags, path, "cannot read", err);
      return CK_ERR_IO;
    }
    if (got == 0)
      break;
    len += (size_t)got;
    if (len > limit) {
      mem_free(buf, &m);
      return too_large(diags, path, limit);
    }
  }
  if (!m.base && cap > len + READ_CHUNK)
    buf = ck_xrealloc(buf, len + 1);
  buf[len] = '\0';
  src->raw = buf;
  src->raw_len = len;
  src->raw_mem = m;
  return CK_OK;
}

static ck_status read_path(const char *path, const ck_limits *limits, bool regular_only,
                           ck_source *src, ck_diags *diags) {
  memset(src, 0, sizeof *src);
  src->path = ck_xstrdup(path);
  ck_limits lim = limits ? *limits : ck_limits_default();
  size_t limit = lim.max_input_bytes;
  src->max_line_bytes = lim.max_line_bytes;
  if (strcmp(path, "-") == 0 && !regular_only)
    return read_all(STDIN_FILENO, path, limit, 0, src, diags);
  /* Without O_NONBLOCK, opening a FIFO waits until something opens it to
     write, which may be never; with it, the open returns at once and the
     type is checked before anything is read. */
  int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
  if (fd < 0) {
    io_error(diags, path, "cannot open", errno);
    return CK_ERR_IO;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    io_error(diags, path, "cannot open", err);
    return CK_ERR_IO;
  }
  if (S_ISDIR(st.st_mode)) {
    close(fd);
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "is a directory");
    return CK_ERR_IO;
  }
  if (regular_only && !S_ISREG(st.st_mode)) {
    close(fd);
    ck_diags_add(diags, CK_DIAG_ERROR, path, 0, 0, "not a regular file");
    return CK_ERR_IO;
  }
  if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)limit) {
    close(fd);
    return too_large(diags, path, limit);
  }
  size_t hint = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
  ck_status s = read_all(fd, path, limit, hint, src, diags);
  close(fd);
  return s;
}

ck_status ck_source_read(const char *path, const ck_limits *limits, ck_source *src,
                         ck_diags *diags) {
  return read_path(path, limits, false, src, diags);
}

ck_status ck_source_read_regular(const char *path, const ck_limits *limits, ck_source *src,
                                 ck_diags *diags) {
  return read_path(path, limits, true, src, diags);
}

ck_status ck_source_from_buffer(const char *name, const void *data, size_t len,
                                const ck_limits *limits, ck_source *src, ck_diags *diags) {
  memset(src, 0, sizeof *src);
  src->path = ck_xstrdup(name);
  ck_limits lim = limits ? *limits : ck_limits_default();
  src->max_line_bytes = lim.max_line_bytes;
  if (len > lim.max_input_bytes)
    return too_large(diags, name, lim.max_input_bytes);
  /* A plain malloc() block (raw_mem all zero), NUL-terminated as read_all()
     leaves a file's bytes, so every reader sees what it would see on disk. */
  src->raw = ck_xmalloc(len + 1);
  if (len)
    memcpy(src->raw, data, len);
  src->raw[len] = '\0';
  src->raw_len = len;
  return CK_OK;
}

void ck_source_free(ck_source *src) {
  free(src->path);
  mem_free(src->raw, &src->raw_mem);
  mem_free(src->text, &src->text_mem);
  memset(src, 0, sizeof *src);
}

void ck_source_release_text(ck_source *src, size_t upto) {
  ck_source_mem *m = &src->text_mem;
  if (!src->text || !m->mapped)
    return;
  if (upto > src->text_len)
    upto = src->text_len;
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t cut = (size_t)(src->text + upto - m->base) / page * page;
  if (cut <= m->released)
    return;
  munmap(m->base + m->released, cut - m->released);
  m->released = cut;
}

void ck_source_drop_text(ck_source *src) {
  mem_free(src->text, &src->text_mem);
  src->text = NULL;
  src->text_len = 0;
}

/* --- decoding ------------------------------------------------------------------ */

/* The five bytes Windows-1252 leaves undefined: text holding one of them
 * is not in that code page. */
static bool cp1252_undefined(unsigned char c) {
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* Returns the offset of the first byte that does not start a valid UTF-8
 * sequence (overlong forms, surrogates and code points above U+10FFFF are
 * invalid), or 'len' when all of 'p' is valid. */
static size_t utf8_invalid_at(const unsigned char *p, size_t len) {
  size_t i = 0;
  while (i < len) {
    /* eight ASCII bytes at a time: most text is mostly ASCII */
    if (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if ((w & UINT64_C(0x8080808080808080)) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0)
        lo = 0xA0; /* overlong */
      else if (c == 0xED)
        hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0)
        lo = 0x90; /* overlong */
      else if (c == 0xF4)
        hi = 0x8F; /* above U+10FFFF */
    } else {
      return i;
    }
    if (i + n > len || p[i + 1] < lo || p[i + 1] > hi)
      return i;
    for (size_t k = 2; k < n; k++)
      if ((p[i + k] & 0xC0) != 0x80)
        return i;
    i += n;
  }
  return len;
}

/* One pass over input read as UTF-8 for what decoding needs in the common
 * case: whether every byte is plain (valid UTF-8, no NUL, no control
 * character other than tab, LF, CR, FF and VT), whether there is a CR, and
 * the longest line between LFs. Returns false at the first byte that is
 * not plain: the separate checks below then say which and where. Before,
 * validation, the NUL search, the control scan and the line ends were four
 * passes over the whole input. */
static bool plain_utf8(const unsigned char *p, size_t len, bool *has_cr, size_t *longest_line) {
  const uint64_t highs = UINT64_C(0x8080808080808080), spaces = UINT64_C(0x2020202020202020);
  size_t i = 0, line_start = 0, longest = 0;
  bool cr = false;
  while (i < len) {
    if (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      /* all eight in 0x20..0x7F: no high bit, and none below 0x20 (the
         borrow test is exact for "any" when no high bit is set) */
      if (((w | ((w - spaces) & ~w)) & highs) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
    } else if (c == '\n') {
      if (i - line_start > longest)
        longest = i - line_start;
      line_start = ++i;
    } else if (c == '\r') {
      cr = true;
      i++;
    } else if (c == '\t' || c == '\f' || c == '\v') {
      i++;
    } else if (c < 0x20) {
      return false;
    } else {
      size_t n = len - i < 4 ? len - i : 4;
      if (utf8_invalid_at(p + i, n) == 0)
        return false;
      /* the sequence starting at i is valid: step over it */
      i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    }
  }
  if (len - line_start > longest)
    longest = len - line_start;
  *has_cr = cr;
  *longest_line = longest;
  return true;
}

size_t ck_utf8_invalid_at(const char *text, size_t len) {
  return utf8_invalid_at((const unsigned char *)text, len);
}

/* Line and column of byte 'off' of 'p' (UTF-8 unless 'bytewise', where each
 * byte is a character), with LF, CRLF or a lone CR ending a line. */
static void locate(const unsigned char *p, size_t len, size_t off, bool bytewise,
                   unsigned *line, unsigned *col) {
  unsigned l = 1, c = 1;
  for (size_t i = 0; i < off; i++) {
    unsigned char b = p[i];
    if (b == '\r' && i + 1 < len && p[i + 1] == '\n')
      continue; /* the LF ends the line */
    if (b == '\n' || b == '\r') {
      l++;
      c = 1;
    } else if (bytewise || (b & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

static ck_status input_error(ck_diags *diags, const ck_source *src, const unsigned char *p,
                             size_t len, size_t off, bool bytewise, const char *msg) {
  unsigned line, col;
  locate(p, len, off, bytewise, &line, &col);
  ck_diags_add(diags, CK_DIAG_ERROR, src->path, line, col, "%s", msg);
  return CK_ERR_INPUT;
}

/* Checks decoded or to-be-decoded text for NUL and control characters, which
 * mean the file is not text at all. */
static ck_status check_binary(ck_diags *diags, const ck_source *src, const unsigned char *p,
                              size_t len, bool bytewise) {
  const unsigned char *nul = memchr(p, 0, len);
  if (nul)
    return input_error(diags, src, p, len, (size_t)(nul - p), bytewise, "binary file: NUL byte");
  for (size_t i = 0; i < len; i++) {
    /* skip eight bytes at a time when none of them is below 0x20 */
    if (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080)) == 0) {
        i += 7;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
      char msg[64];
      snprintf(msg, sizeof msg, "binary file: control character U+%04X", (unsigned)c);
      return input_error(diags, src, p, len, i, bytewise, msg);
    }
  }
  return CK_OK;
}

static uint32_t unit16(const unsigned char *p, bool big) {
  return big ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
}

/* UTF-16 after its BOM to UTF-8 in 'out' (ck_transcode_utf16_room() bytes);
 * '*out_len' gets the length. A surrogate that is not part of a pair, or an
 * odd byte at the end, is an error at its position (counted in decoded
 * characters). */
static ck_status from_utf16(ck_source *src, const unsigned char *p, size_t len, bool big,
                            char *out, size_t room, size_t *out_len, ck_diags *diags) {
  size_t used = 0;
  ck_transcode_result r = ck_transcode(big ? "UTF-16BE" : "UTF-16LE", (const char *)p, len,
                                       out, room, out_len, &used);
  if (r == CK_TRANSCODE_OK)
    return CK_OK;
  unsigned line, col;
  locate((const unsigned char *)out, *out_len, *out_len, false, &line, &col);
  if (r == CK_TRANSCODE_INCOMPLETE && len - used == 1)
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, line, col,
                 "invalid UTF-16: odd number of bytes");
  else if (r == CK_TRANSCODE_INVALID || r == CK_TRANSCODE_INCOMPLETE)
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, line, col,
                 "invalid UTF-16: unpaired surrogate U+%04X", (unsigned)unit16(p + used, big));
  else
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "cannot decode UTF-16");
  return CK_ERR_INPUT;
}

/* Room for Windows-1252 as UTF-8, its NUL included: 0x80..0x9F give up to
 * three bytes, the Latin-1 half two. */
static size_t cp1252_room(const unsigned char *p, size_t len) {
  size_t room = len + 1;
  for (size_t i = 0; i < len; i++)
    room += p[i] < 0x80 ? 0 : p[i] < 0xA0 ? 2 : 1;
  return room;
}

static bool is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Turns CRLF and lone CR into LF in place and enforces the line limit. The
 * text only shrinks, so one pass over one buffer does it; lines are found
 * with memchr, which is what keeps this fast on large files. */
static ck_status normalise(ck_source *src, char *t, size_t *lenp, size_t max_line,
                           bool known_plain, ck_diags *diags) {
  size_t len = *lenp, r = 0, w = 0;
  unsigned line = 1;
  bool has_cr = !known_plain && memchr(t, '\r', len) != NULL;
  if (known_plain)
    r = w = len; /* LF only, every line within the limit: nothing to do */
  while (r < len) {
    const char *nl = memchr(t + r, '\n', len - r);
    size_t end = nl ? (size_t)(nl - t) : len;
    if (has_cr) {
      const char *cr = memchr(t + r, '\r', end - r);
      if (cr)
        end = (size_t)(cr - t);
    }
    if (end - r > max_line) {
      ck_diags_add(diags, CK_DIAG_ERROR, src->path, line, 0,
                   "line longer than the limit of %zu bytes (max_line_bytes)", max_line);
      return CK_ERR_LIMIT;
    }
    if (w != r)
      memmove(t + w, t + r, end - r);
    w += end - r;
    if (end == len)
      break;
    size_t next = end + (t[end] == '\r' && end + 1 < len && t[end + 1] == '\n' ? 2 : 1);
    t[w++] = '\n'; /* may overwrite t[end]: read it first */
    line++;
    r = next;
  }
  t[w] = '\0';
  *lenp = w;
  size_t i = 0;
  while (i < w && is_space_byte((unsigned char)t[i]))
    i++;
  if (i == w) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "empty document");
    return CK_ERR_INPUT;
  }
  return CK_OK;
}

/* Room for a decoded text of 'size' bytes and its NUL: a malloc() block for
 * ck_source_decode(), whose text the caller may free() itself, and storage
 * recorded in 'src->text_mem' when the source is taken. */
static char *text_alloc(ck_source *src, size_t size, bool take) {
  if (take)
    return mem_alloc(size + 1, &src->text_mem);
  memset(&src->text_mem, 0, sizeof src->text_mem);
  return ck_xmalloc(size + 1);
}

/* Both decoders. With 'take' the text takes over the raw bytes' storage
 * (UTF-8) or replaces it (other encodings). */
static ck_status decode(ck_source *src, bool take, ck_diags *diags) {
  const unsigned char *p = (const unsigned char *)src->raw;
  size_t len = src->raw_len;
  size_t max_line = src->max_line_bytes ? src->max_line_bytes : ck_limits_default().max_line_bytes;
  ck_source_drop_text(src);
  if (len == 0) {
    ck_diags_add(diags, CK_DIAG_ERROR, src->path, 0, 0, "empty document");
    if (take) {
      mem_free(src->raw, &src->raw_mem);
      src->raw = NULL;
    }
    return CK_ERR_INPUT;
  }
  char *out = NULL;
  size_t out_len = 0;
  bool in_place = false;
  bool known_plain = false; /* LF-only UTF-8 whose lines are all within the limit */
  ck_status st;
  if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
    bool big = p[0] == 0xFE;
    src->encoding = big ? "UTF-16BE" : "UTF-16LE";
    size_t room = ck_transcode_utf16_room(p + 2, len - 2, big);
    out = text_alloc(src, room - 1, take);
    st = from_utf16(src, p + 2, len - 2, big, out, room, &out_len, diags);
    if (st == CK_OK)
      st = check_binary(diags, src, (const unsigned char *)out, out_len, false);
  } else {
    bool bom = len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
    if (bom) {
      p += 3;
      len -= 3;
    }
    size_t longest = 0;
    bool has_cr = true;
    bool plain = plain_utf8(p, len, &has_cr, &longest);
    known_plain = plain && !has_cr && longest <= max_line;
    size_t bad = plain ? len : utf8_invalid_at(p, len);
    /* Text that is valid UTF-8 up to a bad byte and already holds UTF-8
       letters ("ø" as C3 B8) is broken UTF-8, not Windows-1252: reading it
       as the latter would turn every "ø" into "Ã¸". */
    bool utf8_before_bad = false;
    for (size_t i = 0; bad < len && i < bad && !utf8_before_bad; i++)
      utf8_before_bad = p[i] >= 0x80;
    bool cp1252 = false;
    if (bad < len && !bom && !utf8_before_bad) {
      cp1252 = true;
      for (size_t i = 0; i < len && cp1252; i++)
        if (cp1252_undefined(p[i]))
          cp1252 = false;
    }
    src->encoding = bom ? "UTF-8 with BOM" : cp1252 ? "windows-1252" : "UTF-8";
    st = plain ? CK_OK : check_binary(diags, src, p, len, cp1252);
    if (st == CK_OK && bad < len && !cp1252)
      st = input_error(diags, src, p, len, bad, false,
                       bom || utf8_before_bad ? "invalid UTF-8"
                                              : "invalid UTF-8 and not Windows-1252 text");
    if (st == CK_OK) {
      if (cp1252) {
        size_t room = cp1252_room(p, len), used;
        out = text_alloc(src, room - 1, take);
        /* every byte was checked to be defined, so this converts all */
        if (ck_transcode("WINDOWS-1252", (const char *)p, len, out, room, &out_len, &used) !=
            CK_TRANSCODE_OK)
          st = input_error(diags, src, p, len, used, true, "cannot decode Windows-1252");
      } else if (take) {
        /* The text is the raw bytes past the BOM: normalising only shrinks
           it, so it is done where it lies. */
        in_place = true;
        out = (char *)p;
        out_len = len;
        src->text_mem = src->raw_mem.base
                            ? src->raw_mem
                            : (ck_source_mem){.base = src->raw, .size = src->raw_len + 1};
        memset(&src->raw_mem, 0, sizeof src->raw_mem);
      } else {
        out = text_alloc(src, len, false);
        memcpy(out, p, len);
        out[len] = '\0';
        out_len = len;
      }
    }
  }
  if (take) {
    /* The raw bytes are now the text, or no longer needed. */
    if (!in_place)
      mem_free(src->raw, &src->raw_mem);
    src->raw = NULL;
    src->raw_len = 0;
  }
  if (st == CK_OK)
    st = normalise(src, out, &out_len, max_line, known_plain, diags);
  src->text = out;
  src->text_len = out_len;
  if (st != CK_OK)
    ck_source_drop_text(src);
  return st;
}

ck_status ck_source_decode(ck_source *src, ck_diags *diags) { return decode(src, false, diags); }

ck_status ck_source_decode_take(ck_source *src, ck_diags *diags) {
  return decode(src, true, diags);
}

/* --- sniffing ------------------------------------------------------------------ */

static bool ends_with_ci(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (m > n)
    return false;
  for (size_t i = 0; i < m; i++) {
    char c = s[n - m + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c + 32);
    if (c != suffix[i])
      return false;
  }
  return true;
}

ck_input_format ck_source_sniff(const ck_source *src) {
  /* the decoded text when there is one: UTF-16 raw bytes hide the '<' */
  const char *s = src->text ? src->text : src->raw;
  size_t len = src->text ? src->text_len : src->raw_len;
  if (!s)
    len = 0;
  if (!src->text && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    len -= 3;
  }
  /* the root tag comes early; do not scan a huge file for it */
  size_t head = len > 65536 ? 65536 : len;
  const char *path = src->path ? src->path : "";
  if (ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown"))
    return CK_FORMAT_MARKDOWN;
  size_t i = 0;
  while (i < head && is_space_byte((unsigned char)s[i]))
    i++;
  if (ends_with_ci(path, ".xml") || (i < head && s[i] == '<'))
    return ck_notice_root_in(s, head) != CK_NOTICE_NONE ? CK_FORMAT_EFORMS : CK_FORMAT_XML;
  return CK_FORMAT_TEXT;
}
