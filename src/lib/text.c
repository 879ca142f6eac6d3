/* UTF-8 text as tender sentences need it (text.h): code points, word
 * boundaries, spaces, and case-folded phrase matching. Hand-written scans
 * over bytes: the text is valid UTF-8 (readers decode and check it), yet a
 * stray byte must neither crash a scan nor invent a word boundary. */
#include "text.h"

#include <string.h>

/* Decodes the code point at 'pos'. A malformed or truncated sequence counts
 * as one byte decoding to U+FFFD, which is a letter: stray bytes must not
 * invent word boundaries. */
unsigned ck_text_decode(const char *text, size_t len, size_t pos, size_t *n) {
  const unsigned char *s = (const unsigned char *)text + pos;
  size_t avail = len - pos, need;
  unsigned cp, c = s[0];
  if (c < 0x80) {
    *n = 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    cp = c & 0x07;
  } else {
    *n = 1;
    return 0xFFFD;
  }
  if (need > avail) {
    *n = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i < need; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *n = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[i] & 0x3Fu);
  }
  *n = need;
  return cp;
}

/* Letters and digits. Beyond ASCII everything is a letter except the
 * punctuation tender text really contains: Latin-1 signs and NBSP (but not
 * ª µ º), × and ÷, the General Punctuation block (spaces, dashes, quotes,
 * bullets, ellipsis), the minus sign, the ideographic space and the BOM. */
bool ck_text_word_cp(unsigned cp) {
  if (cp < 0x80)
    return ck_ascii_alnum((unsigned char)cp);
  if (cp <= 0xBF)
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7)
    return false;
  if (cp >= 0x2000 && cp <= 0x206F)
    return false;
  return cp != 0x2212 && cp != 0x3000 && cp != 0xFEFF;
}

bool ck_text_word_at(const char *text, size_t len, size_t pos) {
  size_t n;
  return pos < len && ck_text_word_cp(ck_text_decode(text, len, pos, &n));
}

bool ck_text_word_before(const char *text, size_t pos) {
  if (pos == 0)
    return false;
  if ((unsigned char)text[pos - 1] < 0x80)
    return ck_ascii_alnum((unsigned char)text[pos - 1]);
  size_t p = pos - 1;
  while (p > 0 && pos - p < 4 && (((const unsigned char *)text)[p] & 0xC0) == 0x80)
    p--;
  size_t n;
  unsigned cp = ck_text_decode(text, pos, p, &n);
  if (p + n != pos) /* the last byte is a stray continuation byte */
    return true;
  return ck_text_word_cp(cp);
}

/* The length of an apostrophe (' or U+2019) at 'pos' that joins two word
 * characters, 0 otherwise. */
static size_t joining_apostrophe(const char *text, size_t len, size_t pos) {
  const unsigned char *s = (const unsigned char *)text;
  size_t n = 0;
  if (pos < len && s[pos] == '\'')
    n = 1;
  else if (pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 && s[pos + 2] == 0x99)
    n = 3;
  if (n && ck_text_word_before(text, pos) && ck_text_word_at(text, len, pos + n))
    return n;
  return 0;
}

size_t ck_text_word_end(const char *text, size_t len, size_t pos) {
  for (;;) {
    size_t n;
    while (pos < len && ck_ascii_alnum((unsigned char)text[pos]))
      pos++;
    if (pos < len && ck_text_word_cp(ck_text_decode(text, len, pos, &n)))
      pos += n;
    else if ((n = joining_apostrophe(text, len, pos)) != 0)
      pos += n;
    else
      return pos;
  }
}

/* True when the word goes on at 'pos', i.e. 'pos' is not a word boundary. */
bool ck_text_continues_word(const char *text, size_t len, size_t pos) {
  return ck_text_word_at(text, len, pos) || joining_apostrophe(text, len, pos) != 0;
}

size_t ck_text_space_len(const char *text, size_t len, size_t pos) {
  const unsigned char *s = (const unsigned char *)text;
  if (pos >= len)
    return 0;
  unsigned c = s[pos];
  if (c == ' ' || (c >= '\t' && c <= '\r'))
    return 1;
  if (c == 0xC2 && pos + 1 < len && s[pos + 1] == 0xA0)
    return 2;
  if (c == 0xE2 && pos + 2 < len) {
    unsigned b = s[pos + 1], d = s[pos + 2];
    if (b == 0x80 && (d <= 0x8A || d == 0xAF))
      return 3;
    if (b == 0x81 && d == 0x9F)
      return 3;
  }
  return 0;
}

size_t ck_text_skip_spaces(const char *text, size_t len, size_t pos) {
  size_t n;
  while ((n = ck_text_space_len(text, len, pos)) != 0)
    pos += n;
  return pos;
}

/* Compares the 'n' bytes of the lower-case 'pat' with the text at 'pos',
 * folding ASCII and Latin-1 capitals (Æ Ø Å É ...) and reading U+2019 as an
 * apostrophe; a space in 'pat' matches one or more spaces. Returns the text
 * bytes consumed, 0 on a mismatch. */
size_t ck_text_fold_prefix(const char *text, size_t len, size_t pos, const char *pat,
                           size_t n) {
  const unsigned char *t = (const unsigned char *)text, *p = (const unsigned char *)pat;
  size_t i = pos, j = 0;
  while (j < n) {
    if (i >= len)
      return 0;
    unsigned c = t[i];
    if (p[j] == ' ') {
      size_t sp = ck_text_space_len(text, len, i);
      if (!sp)
        return 0;
      i = ck_text_skip_spaces(text, len, i);
      j++;
      continue;
    }
    if (c >= 'A' && c <= 'Z')
      c += 32;
    if (c == 0xC3 && p[j] == 0xC3 && j + 1 < n && i + 1 < len) {
      if (ck_latin1_fold(t[i + 1]) != p[j + 1])
        return 0;
      i += 2;
      j += 2;
      continue;
    }
    if (p[j] == '\'' && c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 && t[i + 2] == 0x99) {
      i += 3;
      j++;
      continue;
    }
    if (c != p[j])
      return 0;
    i++;
    j++;
  }
  return i - pos;
}

size_t ck_text_match_phrase(const char *text, size_t len, size_t pos, const char *pattern) {
  const char *w = pattern;
  size_t i = pos;
  for (;;) {
    size_t wl = 0;
    while (w[wl] && w[wl] != ' ')
      wl++;
    const char *sp = w[wl] ? w + wl : NULL;
    if (wl == 1 && w[0] == '?') {
      if (!ck_text_word_at(text, len, i))
        return 0;
      i = ck_text_word_end(text, len, i);
    } else {
      bool prefix = wl > 0 && w[wl - 1] == '*';
      size_t n = ck_text_fold_prefix(text, len, i, w, prefix ? wl - 1 : wl);
      if (!n)
        return 0;
      i += n;
      if (prefix)
        i = ck_text_word_end(text, len, i);
      else if (ck_text_word_before(text, i) && ck_text_continues_word(text, len, i))
        return 0; /* "%" needs no boundary after it, "år" does */
    }
    if (!sp)
      return i;
    size_t gap = ck_text_space_len(text, len, i);
    if (!gap)
      return 0;
    i = ck_text_skip_spaces(text, len, i);
    w = sp + 1;
  }
}

size_t ck_text_fold(const char *text, size_t len, char *out, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < len && n + 1 < cap; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c >= 'A' && c <= 'Z') {
      out[n++] = (char)(c + 32);
    } else if (c == 0xC3 && i + 1 < len && n + 2 < cap) {
      out[n++] = (char)c;
      out[n++] = (char)ck_latin1_fold((unsigned char)text[++i]);
    } else if (c >= 0xC0) {
      /* a whole multi-byte character or nothing (a truncated one at the
         end of the text is copied as it is) */
      size_t w = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (i + w > len)
        w = len - i;
      if (n + w >= cap)
        break;
      memmove(out + n, text + i, w);
      n += w;
      i += w - 1;
    } else {
      out[n++] = (char)c;
    }
  }
  out[n] = '\0';
  return n;
}
