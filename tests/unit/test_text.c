/* Tests of the text module (text.c): code points, word boundaries, spaces,
 * case folding and phrase matching. */
#include <string.h>

#include "harness.h"
#include "text.h"

static void test_word_helpers(void) {
  const char *t = "Ø-merket, can’t «ti» år";
  size_t len = strlen(t);
  OK(ck_text_word_at(t, len, 0), "Ø is a letter");
  OK(!ck_text_word_before(t, 0), "nothing before the start");
  OK(ck_text_word_before(t, 2), "Ø ends before the hyphen");
  OK(!ck_text_word_at(t, len, 2), "hyphen is no letter");
  size_t can = (size_t)(strstr(t, "can") - t);
  INT_EQ(ck_text_word_end(t, len, can), can + 7, "apostrophe joins can’t");
  size_t guil = (size_t)(strstr(t, "«") - t);
  OK(!ck_text_word_at(t, len, guil), "« is no letter");
  OK(!ck_text_word_before(t, guil + 2 + 2 + 2), "» is no letter");
  INT_EQ(ck_text_space_len("\xC2\xA0x", 3, 0), 2, "NBSP is a space");
  INT_EQ(ck_text_space_len("\xE2\x80\xAFx", 4, 0), 3, "narrow NBSP is a space");
  INT_EQ(ck_text_space_len("x", 1, 0), 0, "x is no space");

  const char *s = "Det STILLES ikke  krav om garanti";
  size_t sl = strlen(s);
  INT_EQ(ck_text_match_phrase(s, sl, 4, "stilles ikke krav"), 22, "phrase across spaces");
  INT_EQ(ck_text_match_phrase(s, sl, 4, "still*"), 11, "prefix word");
  INT_EQ(ck_text_match_phrase(s, sl, 4, "still"), 0, "boundary needed");
  INT_EQ(ck_text_match_phrase(s, sl, 4, "stilles ? krav"), 22, "any-word wildcard");
  INT_EQ(ck_text_match_phrase("ÅPNES FOR", 10, 0, "åpnes for"), 10, "Å folds to å");
  INT_EQ(ck_text_match_phrase("supplier’s", 12, 0, "supplier's"), 12, "curly apostrophe");
}

/* Stray bytes never invent a boundary, and Latin-1 capitals fold. */
static void test_decoding_and_folding(void) {
  size_t n;
  INT_EQ(ck_text_decode("\xC3\xB8", 2, 0, &n), 0xF8, "ø decodes");
  INT_EQ(n, 2, "in two bytes");
  INT_EQ(ck_text_decode("\xE2\x80", 2, 0, &n), 0xFFFD, "a truncated sequence");
  INT_EQ(n, 1, "counts as one byte");
  INT_EQ(ck_text_decode("\x80x", 2, 0, &n), 0xFFFD, "a stray continuation byte");
  OK(ck_text_word_cp(0xFFFD), "which is a letter, so no boundary appears");
  OK(!ck_text_word_cp(0x2013), "an en dash is no letter");
  OK(!ck_text_word_cp(0xD7), "nor is the multiplication sign");
  OK(ck_text_word_cp(0xB5), "the micro sign is");
  OK(ck_text_word_before("ab\x80", 3), "a stray byte at the end stays inside the word");

  INT_EQ(ck_latin1_fold(0x98), 0xB8, "Ø folds to ø");
  INT_EQ(ck_latin1_fold(0x97), 0x97, "× stays");
  INT_EQ(ck_latin1_fold(0xB8), 0xB8, "ø stays");
  OK(ck_text_upper_at((const unsigned char *)"\xC3\x85r", 3), "Å is a capital");
  OK(!ck_text_upper_at((const unsigned char *)"\xC3\xA5r", 3), "å is not");
  OK(ck_text_upper_at((const unsigned char *)"Kommunen", 8), "nor is K lower");
  OK(!ck_text_upper_at((const unsigned char *)"\xC3", 1), "half a letter is none");

  const char *t = "GARANTI  på  ÅR";
  size_t len = strlen(t);
  INT_EQ(ck_text_fold_prefix(t, len, 0, "garanti på år", strlen("garanti på år")), len,
         "folded, spaces stretched");
  INT_EQ(ck_text_fold_prefix(t, len, 0, "garantx", 7), 0, "a mismatch");
  INT_EQ(ck_text_skip_spaces(t, len, 7), 9, "past two spaces");
  OK(ck_text_continues_word("can’t", 7, 3), "an apostrophe between letters goes on");
  OK(!ck_text_continues_word("can ", 4, 3), "a space ends the word");
}

int main(void) {
  test_word_helpers();
  test_decoding_and_folding();
  return ck_test_report();
}
