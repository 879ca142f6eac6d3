/* One rule pack's XML (docs/rule-language.md) into a ck_pack.
 *
 * The pack is parsed with the hostile-safe XML parser, validated against
 * the RELAX NG schema, turned into structs, and checked for what the schema
 * cannot express (known criteria, patterns that compile, both languages
 * present, known placeholders). Every error has the file, line and column
 * of what caused it.
 *
 * Nothing here keeps global state: the schema is compiled per load call and
 * the only shared thing is libxml2's own one-time initialisation. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "rules_load.h"
#include "ruleset_cache.h"
#include "xmlutil.h"

enum {
  MAX_RULE_DEPTH = 32, /* rule files nest four deep; refuse absurd nesting early */
  DEFAULT_WINDOW = 12,
  MAX_WINDOW = 1000,
};

/* Bits of the default scope and of "anywhere" (rules.h: CK_SECTION_NONE is
 * always part of a scope; background never is, except by no rule at all). */
#define SCOPE_BIT(k) (1u << (k))
#define SCOPE_DEFAULT                                                                        \
  (SCOPE_BIT(CK_SECTION_NONE) | SCOPE_BIT(CK_SECTION_REQUIREMENTS) |                         \
   SCOPE_BIT(CK_SECTION_QUALIFICATION) | SCOPE_BIT(CK_SECTION_CONTRACT))
#define SCOPE_ANYWHERE (SCOPE_DEFAULT | SCOPE_BIT(CK_SECTION_AWARD))

/* ===== the schema ================================================================ */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* libxml2 2.9 initialises its parser and the RELAX NG type tables lazily
 * without a lock; doing it once up front keeps concurrent loads safe. */
static void xml_init(void) {
  xmlInitParser();
  xmlRelaxNGInitTypes();
}

struct ck_rule_schema {
  xmlRelaxNGPtr rng;
};

/* The schema is parsed with the same safe parser as rule files so that
 * even a broken build reports instead of printing. */
ck_status ck_rule_schema_compile(const char *text, size_t len, const char *name,
                                 ck_rule_schema **out, ck_diags *diags) {
  xmlDoc *doc = NULL;
  *out = NULL;
  pthread_once(&xml_once, xml_init);
  if (ck_xml_parse(text, len, name, NULL, &doc, diags) != CK_OK)
    return CK_ERR_RULES;
  xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewDocParserCtxt(doc);
  ck_xml_error_ctx ectx = {.diags = diags, .file = name, .data = text, .len = len};
  xmlRelaxNGSetParserStructuredErrors(pctx, ck_xml_error_sink, &ectx);
  xmlRelaxNGPtr rng = xmlRelaxNGParse(pctx);
  xmlRelaxNGFreeParserCtxt(pctx);
  xmlFreeDoc(doc);
  if (!rng) {
    if (!ectx.errors)
      ck_diags_add(diags, CK_DIAG_ERROR, name, 0, 0, "the rule schema does not compile");
    return CK_ERR_RULES;
  }
  *out = ck_xmalloc(sizeof **out);
  (*out)->rng = rng;
  return CK_OK;
}

void ck_rule_schema_free(ck_rule_schema *schema) {
  if (!schema)
    return;
  xmlRelaxNGFree(schema->rng);
  free(schema);
}

/* ===== building a pack ========================================================== */

/* State of one pack being loaded. */
typedef struct loader {
  const ck_ruleset *rs; /* for its criteria */
  const char *xml; /* the source, for positions */
  size_t len;
  ck_xml_lines lines; /* where the lines of 'xml' start */
  const char *file;
  ck_diags *diags;
  bool lazy; /* a built-in pack: patterns are compiled on first use */
  size_t errors;
} loader;

static bool is_elem(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void node_pos(const loader *ld, const xmlNode *n, unsigned *line, unsigned *col) {
  ck_xml_lines_node_position(&ld->lines, n, line, col);
}

static void error_at(loader *ld, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(loader *ld, const xmlNode *n, const char *fmt, ...) {
  unsigned line, col;
  ck_buf msg = CK_BUF_INIT;
  va_list ap;
  node_pos(ld, n, &line, &col);
  va_start(ap, fmt);
  ck_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  ck_diags_add(ld->diags, CK_DIAG_ERROR, ld->file, line, col, "%s", ck_buf_cstr(&msg));
  ck_buf_free(&msg);
  ld->errors++;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* A copy of 's' without the white space around it. */
static char *trimmed_copy(const char *s) {
  size_t len = strlen(s);
  while (len && is_space(s[len - 1]))
    len--;
  while (len && is_space(*s)) {
    s++;
    len--;
  }
  return ck_xstrndup(s, len);
}

/* The text of 'n' when it is one text node (the usual case), without the
 * copy xmlNodeGetContent makes; NULL otherwise. */
static const char *single_text(const xmlNode *n) {
  const xmlNode *c = n->children;
  if (c && !c->next && c->type == XML_TEXT_NODE && c->content)
    return (const char *)c->content;
  return NULL;
}

/* The element's text, trimmed; schema-validated elements always have some. */
static char *node_text(const xmlNode *n) {
  const char *text = n->children ? single_text(n) : "";
  if (text)
    return trimmed_copy(text);
  xmlChar *c = xmlNodeGetContent(n);
  char *s = trimmed_copy(c ? (const char *)c : "");
  xmlFree(c);
  return s;
}

/* The attribute's value, trimmed, or NULL when it is absent. */
static char *node_attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (!a->ns && strcmp((const char *)a->name, name) == 0) {
      const char *text = a->children ? single_text((const xmlNode *)a) : "";
      if (text)
        return trimmed_copy(text);
      break;
    }
  xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
  if (!v)
    return NULL;
  char *s = trimmed_copy((const char *)v);
  xmlFree(v);
  return s;
}

/* An xs:boolean attribute ("true" or "1"); false when absent. */
static bool bool_attr(const xmlNode *n, const char *name) {
  char *v = node_attr(n, name);
  bool yes = v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
  free(v);
  return yes;
}

/* Calls 'fn' for each space-separated word of 's'. */
typedef void (*word_fn)(void *ctx, const char *word);
static void each_word(const char *s, word_fn fn, void *ctx) {
  char word[32];
  while (*s) {
    while (is_space(*s))
      s++;
    size_t n = 0;
    while (s[n] && !is_space(s[n]))
      n++;
    if (n && n < sizeof word) {
      memcpy(word, s, n);
      word[n] = '\0';
      fn(ctx, word);
    }
    s += n;
  }
}

static void add_lang(void *ctx, const char *word) {
  ck_lang l;
  if (ck_lang_parse(word, &l))
    *(unsigned *)ctx |= 1u << l;
}

/* The document languages named by the element's lang attribute, as bits. */
static unsigned lang_mask(const xmlNode *n) {
  unsigned mask = 0;
  char *v = node_attr(n, "lang");
  if (v)
    each_word(v, add_lang, &mask);
  free(v);
  return mask;
}

/* The element's message language; false when it has none (the schema
 * prevents that). */
static bool msg_lang(const xmlNode *n, ck_msg_lang *out) {
  char *v = node_attr(n, "lang");
  bool ok = v && ck_msg_lang_parse(v, out);
  free(v);
  return ok;
}

/* Moves the position (line, col) over the first 'bytes' bytes of 's',
 * counting characters, so that a PCRE2 error offset becomes a column in the
 * rule file. */
static void advance_pos(const char *s, size_t bytes, unsigned *line, unsigned *col) {
  for (size_t i = 0; i < bytes && s[i]; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n') {
      (*line)++;
      *col = 1;
    } else if ((c & 0xC0) != 0x80) {
      (*col)++;
    }
  }
}

/* Compiles 'text', which starts at line:col of the rule file, and appends
 * it to 'list'. The same text may be compiled once per language it is for;
 * 'report' is false for the repeats so that a bad pattern is reported once.
 * A built-in pack's pattern is only stored: compiling the ~330 patterns of
 * every pack was a large part of start-up, and a run needs those of the
 * packs its documents choose (ck_pattern_ready compiles on first use). A
 * pattern of a --rules file is compiled here, so that a broken one is an
 * error of the load, at its line and column. */
static bool compile_into(loader *ld, const char *text, unsigned line, unsigned col,
                         ck_pattern_list *list, bool report) {
  int errcode;
  PCRE2_SIZE erroff;
  pcre2_code *code = ld->lazy ? NULL : ck_pattern_compile(text, &errcode, &erroff);
  if (!code && !ld->lazy) {
    if (report) {
      PCRE2_UCHAR msg[256];
      if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
        strcpy((char *)msg, "unknown error");
      advance_pos(text, erroff, &line, &col);
      ck_diags_add(ld->diags, CK_DIAG_ERROR, ld->file, line, col,
                   "invalid regular expression: %s", (const char *)msg);
      ld->errors++;
    }
    return false;
  }
  /* JIT compilation waits for the pattern's first use: ck_pattern_ready(). */
  CK_GROW(list->items, list->cap, list->n + 1);
  list->items[list->n++] = (ck_pattern){.src = ck_xstrdup(text), .line = line, .col = col,
                                        .code = code};
  return true;
}

typedef enum { LIST_ALL, LIST_ANY, LIST_NONE } list_kind;

static ck_pattern_list *set_list(ck_pattern_set *set, list_kind kind) {
  return kind == LIST_ALL ? &set->all : kind == LIST_ANY ? &set->any : &set->none;
}

/* Adds the pattern in element 'n' to list 'kind' of each language in 'mask'. */
static void add_pattern(loader *ld, const xmlNode *n, unsigned mask, ck_lang_patterns *lp,
                        list_kind kind) {
  char *text = node_text(n);
  bool report = true;
  unsigned line, col;
  ck_xml_lines_text_position(&ld->lines, n, &line, &col);
  for (int l = 0; l < CK_LANG_COUNT; l++) {
    if (!(mask & (1u << l)))
      continue;
    if (!compile_into(ld, text, line, col, set_list(&lp->by_lang[l], kind), report))
      report = false;
    lp->has[l] = true;
  }
  free(text);
}

/* Sets '*slot' to the element's text, or reports a second text for it. */
static void set_text_once(loader *ld, const xmlNode *n, char **slot, const char *what) {
  if (*slot) {
    error_at(ld, n, "duplicate %s", what);
    return;
  }
  *slot = node_text(n);
}

/* Gives a nynorsk slot without a text of its own a copy of the bokmål text,
 * so that a pack written in bokmål and English reads in nynorsk too; returns
 * 1 when it did, for the count of borrowed texts (ck_rule.nn_borrowed). */
static unsigned borrow_bokmal(char **texts) {
  if (texts[CK_MSG_NN] || !texts[CK_MSG_NB])
    return 0;
  texts[CK_MSG_NN] = ck_xstrdup(texts[CK_MSG_NB]);
  return 1;
}

/* A rule's nynorsk texts that its file does not give: name, clause text and
 * verification, and its messages that have a bokmål text. */
static void borrow_rule_texts(ck_rule *r) {
  r->nn_borrowed += borrow_bokmal(r->name);
  r->nn_borrowed += borrow_bokmal(r->clause.text);
  r->nn_borrowed += borrow_bokmal(r->clause.verify);
  for (int k = 0; k < CK_REASON_COUNT; k++)
    r->nn_borrowed += borrow_bokmal(r->message[k]);
}

/* Whether a message language must be in every pack: nynorsk may be left
 * out and is then borrowed from bokmål. */
static bool required_msg_lang(int l) { return l != CK_MSG_NN; }

/* Checks that every {placeholder} in 'text' is one messages can fill. */
static void check_placeholders(loader *ld, const xmlNode *n, const char *text) {
  static const char *const known[] = {"name", "found", "required", "unit", "level"};
  for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{')) {
    size_t len = 0;
    while (p[1 + len] && (p[1 + len] == '-' || p[1 + len] == '_' ||
                          (p[1 + len] >= 'a' && p[1 + len] <= 'z') ||
                          (p[1 + len] >= 'A' && p[1 + len] <= 'Z') ||
                          (p[1 + len] >= '0' && p[1 + len] <= '9')))
      len++;
    if (p[1 + len] != '}')
      continue; /* a lone brace is text */
    bool ok = false;
    for (size_t i = 0; i < sizeof known / sizeof *known && !ok; i++)
      ok = strlen(known[i]) == len && memcmp(known[i], p + 1, len) == 0;
    if (!ok)
      error_at(ld, n, "unknown placeholder '{%.*s}'", (int)len, p + 1);
  }
}

/* Parses an xsd:decimal ("5", "-1.5", "+.5") without the C locale's help. */
static bool parse_decimal(const char *s, double *out) {
  double v = 0, scale = 1;
  bool neg = false, digits = false;
  if (*s == '+' || *s == '-')
    neg = *s++ == '-';
  for (; *s >= '0' && *s <= '9'; s++, digits = true)
    v = v * 10 + (*s - '0');
  if (*s == '.')
    for (s++; *s >= '0' && *s <= '9'; s++, digits = true)
      v += (*s - '0') * (scale /= 10);
  if (!digits || *s)
    return false;
  *out = neg ? -v : v;
  return true;
}

static void parse_value(loader *ld, const xmlNode *n, ck_rule *r) {
  ck_value_spec *v = &r->value;
  bool set[CK_LEVEL_COUNT] = {false};
  char *unit = node_attr(n, "unit"), *compare = node_attr(n, "compare"),
       *window = node_attr(n, "window");
  v->present = true;
  v->unit = unit && strcmp(unit, "percent") == 0 ? CK_UNIT_PERCENT : CK_UNIT_YEAR;
  v->compare = compare && strcmp(compare, "at-most") == 0 ? CK_COMPARE_AT_MOST
                                                          : CK_COMPARE_AT_LEAST;
  v->window = DEFAULT_WINDOW;
  if (window) {
    char *end;
    errno = 0;
    unsigned long w = strtoul(window, &end, 10);
    if (errno || *end || w == 0 || w > MAX_WINDOW)
      error_at(ld, n, "window must be a whole number from 1 to %d, not '%s'", MAX_WINDOW,
               window);
    else
      v->window = (unsigned)w;
  }
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (!is_elem(c, "level"))
      continue;
    char *name = node_attr(c, "name"), *text = node_text(c);
    ck_level lv;
    double d;
    if (!name || !ck_level_parse(name, &lv))
      error_at(ld, c, "unknown level '%s'", name ? name : "");
    else if (set[lv])
      error_at(ld, c, "duplicate level '%s'", name);
    else if (!parse_decimal(text, &d))
      error_at(ld, c, "invalid number '%s'", text);
    else {
      v->threshold[lv] = d;
      set[lv] = true;
    }
    free(name);
    free(text);
  }
  if (!set[CK_LEVEL_BASIC])
    error_at(ld, n, "value without a basic level");
  for (int l = 1; l < CK_LEVEL_COUNT; l++)
    if (!set[l])
      v->threshold[l] = v->threshold[l - 1];
  free(unit);
  free(compare);
  free(window);
}

static void parse_message(loader *ld, const xmlNode *n, ck_rule *r) {
  char *reason = node_attr(n, "reason");
  ck_reason k;
  ck_msg_lang l;
  if (!reason || !ck_reason_parse(reason, &k))
    error_at(ld, n, "unknown reason '%s'", reason ? reason : "");
  else if (!msg_lang(n, &l))
    error_at(ld, n, "message without a language");
  else {
    char what[64];
    snprintf(what, sizeof what, "%s message for '%s'", ck_msg_lang_name(l), reason);
    char *before = r->message[k][l];
    set_text_once(ld, n, &r->message[k][l], what);
    if (r->message[k][l] != before)
      check_placeholders(ld, n, r->message[k][l]);
  }
  free(reason);
}

static void parse_clause(loader *ld, const xmlNode *n, ck_rule *r) {
  char *placement = node_attr(n, "placement");
  if (!placement || !ck_placement_parse(placement, &r->clause.placement))
    error_at(ld, n, "unknown placement '%s'", placement ? placement : "");
  free(placement);
  for (const xmlNode *c = n->children; c; c = c->next) {
    bool is_text = is_elem(c, "text");
    ck_msg_lang l;
    if (!is_text && !is_elem(c, "verify"))
      continue;
    if (!msg_lang(c, &l)) {
      error_at(ld, c, "%s without a language", is_text ? "text" : "verify");
      continue;
    }
    char **slot = is_text ? &r->clause.text[l] : &r->clause.verify[l];
    char what[32];
    snprintf(what, sizeof what, "%s clause %s", ck_msg_lang_name(l),
             is_text ? "text" : "verify text");
    char *old = *slot;
    set_text_once(ld, c, slot, what);
    if (*slot && *slot != old)
      check_placeholders(ld, c, *slot);
  }
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    if (!r->clause.text[l] && required_msg_lang(l))
      error_at(ld, n, "missing %s clause text", ck_msg_lang_name((ck_msg_lang)l));
}

static void parse_example(loader *ld, const xmlNode *n, ck_rule *r) {
  char *expect = node_attr(n, "expect"), *reason = node_attr(n, "reason"),
       *lang = node_attr(n, "lang"), *level = node_attr(n, "level");
  CK_GROW(r->examples, r->cap_examples, r->nexamples + 1);
  ck_example *e = &r->examples[r->nexamples++];
  memset(e, 0, sizeof *e);
  node_pos(ld, n, &e->line, &e->col);
  e->text = node_text(n);
  e->section = node_attr(n, "section");
  e->has_section = e->section != NULL;
  e->level = CK_LEVEL_BASIC;
  if (level && !ck_level_parse(level, &e->level))
    error_at(ld, n, "unknown level '%s'", level);
  if (!lang || !ck_lang_parse(lang, &e->lang))
    error_at(ld, n, "unknown language '%s'", lang ? lang : "");
  if (reason) {
    e->has_reason = ck_reason_parse(reason, &e->reason);
    if (!e->has_reason)
      error_at(ld, n, "unknown reason '%s'", reason);
  }
  if (expect && strcmp(expect, "no-match") == 0) {
    /* Nothing matched is a fail for the reason "absent" and no other. */
    if (e->has_reason && e->reason != CK_REASON_ABSENT)
      error_at(ld, n, "a no-match example cannot have reason '%s'", reason);
    e->expect = CK_STATUS_FAIL;
    e->has_reason = true;
    e->reason = CK_REASON_ABSENT;
  } else if (!expect || !ck_result_status_parse(expect, &e->expect) ||
             e->expect == CK_STATUS_NOT_APPLICABLE) {
    error_at(ld, n, "unknown expectation '%s'", expect ? expect : "");
  }
  free(expect);
  free(reason);
  free(lang);
  free(level);
}

typedef struct scope_state {
  unsigned bits;
  bool anywhere, other;
} scope_state;

static void add_scope(void *ctx, const char *word) {
  scope_state *s = ctx;
  ck_section_kind k;
  if (strcmp(word, "anywhere") == 0) {
    s->anywhere = true;
    s->bits |= SCOPE_ANYWHERE;
  } else if (ck_section_kind_parse(word, &k) && k != CK_SECTION_NONE &&
             k != CK_SECTION_BACKGROUND) {
    s->other = true;
    s->bits |= SCOPE_BIT(k);
  }
}

static void parse_scope(loader *ld, const xmlNode *n, ck_rule *r) {
  char *v = node_attr(n, "scope");
  scope_state s = {SCOPE_BIT(CK_SECTION_NONE), false, false};
  if (!v) {
    r->scope = SCOPE_DEFAULT;
    return;
  }
  each_word(v, add_scope, &s);
  if (s.anywhere && s.other)
    error_at(ld, n, "scope 'anywhere' cannot be combined with other section kinds");
  r->scope = s.bits;
  free(v);
}

/* A qualifier sets the rule's qualifier reason; all of a rule's qualifiers
 * share the one reason the rule can report. */
static void parse_qualifier(loader *ld, const xmlNode *n, ck_rule *r) {
  char *reason = node_attr(n, "reason");
  ck_reason k = CK_REASON_UNVERIFIED;
  if (reason && (!ck_reason_parse(reason, &k) ||
                 (k != CK_REASON_UNVERIFIED && k != CK_REASON_NO_EQUIVALENT)))
    error_at(ld, n, "a qualifier's reason must be unverified or no-equivalent, not '%s'",
             reason);
  else if (r->has_qualifier && k != r->qualifier_reason)
    error_at(ld, n, "all qualifiers of a rule must give the same reason");
  r->has_qualifier = true;
  r->qualifier_reason = k;
  add_pattern(ld, n, lang_mask(n), &r->qualifier, LIST_ANY);
  free(reason);
}

static ck_rule *parse_rule(loader *ld, const xmlNode *n, ck_pack *pack) {
  ck_rule *r = ck_xcalloc(1, sizeof *r);
  r->pack = pack;
  r->file = ck_xstrdup(ld->file);
  node_pos(ld, n, &r->line, &r->col);
  r->id = node_attr(n, "id");
  if (!r->id)
    r->id = ck_xstrdup("");
  char *criterion = node_attr(n, "criterion");
  r->criterion = criterion ? ck_ruleset_criterion(ld->rs, criterion) : NULL;
  if (!r->criterion)
    error_at(ld, n, "unknown criterion '%s'", criterion ? criterion : "");
  free(criterion);
  parse_scope(ld, n, r);
  r->prohibition = bool_attr(n, "prohibition");
  r->category_only = bool_attr(n, "category-only");
  r->floor = bool_attr(n, "floor");
  r->subject = bool_attr(n, "subject");

  const xmlNode *clause = NULL;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    ck_msg_lang ml;
    if (is_elem(c, "name")) {
      if (msg_lang(c, &ml))
        set_text_once(ld, c, &r->name[ml], ml == CK_MSG_NB   ? "nb name"
                                           : ml == CK_MSG_NN ? "nn name"
                                                             : "en name");
    } else if (is_elem(c, "source")) {
      set_text_once(ld, c, &r->source, "source");
    } else if (is_elem(c, "match")) {
      unsigned mask = lang_mask(c);
      for (const xmlNode *m = c->children; m; m = m->next) {
        if (is_elem(m, "all"))
          add_pattern(ld, m, mask, &r->match, LIST_ALL);
        else if (is_elem(m, "any"))
          add_pattern(ld, m, mask, &r->match, LIST_ANY);
        else if (is_elem(m, "none"))
          add_pattern(ld, m, mask, &r->match, LIST_NONE);
      }
    } else if (is_elem(c, "contradict")) {
      add_pattern(ld, c, lang_mask(c), &r->contradict, LIST_ANY);
    } else if (is_elem(c, "alternative")) {
      add_pattern(ld, c, lang_mask(c), &r->alternative, LIST_ANY);
    } else if (is_elem(c, "when")) {
      r->has_when = true;
      add_pattern(ld, c, lang_mask(c), &r->when, LIST_ANY);
    } else if (is_elem(c, "qualifier")) {
      parse_qualifier(ld, c, r);
    } else if (is_elem(c, "value")) {
      parse_value(ld, c, r);
    } else if (is_elem(c, "message")) {
      parse_message(ld, c, r);
    } else if (is_elem(c, "clause")) {
      clause = c;
      parse_clause(ld, c, r);
    } else if (is_elem(c, "example")) {
      parse_example(ld, c, r);
    }
  }
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    if (!r->name[l] && required_msg_lang(l))
      error_at(ld, n, "missing %s name", ck_msg_lang_name((ck_msg_lang)l));
  if (!clause)
    error_at(ld, n, "missing clause");
  borrow_rule_texts(r);
  if (!r->source)
    r->source = ck_xstrdup("");
  return r;
}

static void parse_select(loader *ld, const xmlNode *n, ck_pack *p) {
  char *always = node_attr(n, "always");
  p->always = always && strcmp(always, "true") == 0;
  free(always);
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is_elem(c, "cpv")) {
      CK_GROW(p->cpv, p->cap_cpv, p->ncpv + 1);
      p->cpv[p->ncpv++] = node_text(c);
    } else if (is_elem(c, "subject")) {
      add_pattern(ld, c, lang_mask(c), &p->subject, LIST_ANY);
    }
  }
}

static ck_pack *parse_pack(loader *ld, const xmlNode *root) {
  ck_pack *p = ck_xcalloc(1, sizeof *p);
  p->file = ck_xstrdup(ld->file);
  p->id = node_attr(root, "id");
  if (!p->id)
    p->id = ck_xstrdup("");
  for (const xmlNode *c = root->children; c; c = c->next) {
    ck_msg_lang ml;
    if (is_elem(c, "name")) {
      if (msg_lang(c, &ml))
        set_text_once(ld, c, &p->name[ml], ml == CK_MSG_NB   ? "nb name"
                                           : ml == CK_MSG_NN ? "nn name"
                                                             : "en name");
    } else if (is_elem(c, "select")) {
      parse_select(ld, c, p);
    } else if (is_elem(c, "rule")) {
      CK_GROW(p->rules, p->cap_rules, p->nrules + 1);
      p->rules[p->nrules++] = parse_rule(ld, c, p);
    }
  }
  for (int l = 0; l < CK_MSG_LANG_COUNT; l++)
    if (!p->name[l] && required_msg_lang(l))
      error_at(ld, root, "missing %s name", ck_msg_lang_name((ck_msg_lang)l));
  p->nn_borrowed = borrow_bokmal(p->name) != 0;
  return p;
}

/* ===== validation ================================================================ */

/* Error handler of RELAX NG validation: libxml2's messages go through
 * ck_xml_error_sink, except the bare "error validating datatype token" of a
 * failed facet, which is replaced by one that says what is wrong. */
typedef struct validation_ctx {
  ck_xml_error_ctx sink;
  loader *ld;
} validation_ctx;

static void on_validation_error(void *ctx, CK_XML_ERROR_CONST xmlError *error) {
  validation_ctx *vc = ctx;
  const xmlNode *n = error ? error->node : NULL;
  static const char datatype[] = "Error validating datatype";
  if (!n || n->type != XML_ELEMENT_NODE || !error->message ||
      strncmp(error->message, datatype, sizeof datatype - 1) != 0) {
    ck_xml_error_sink(&vc->sink, error);
    return;
  }
  char *text = node_text(n);
  if (!text[0])
    error_at(vc->ld, n, "element %s is empty", (const char *)n->name);
  else if (strlen(text) > 60)
    error_at(vc->ld, n, "element %s has an invalid value '%.57s...'", (const char *)n->name,
             text);
  else
    error_at(vc->ld, n, "element %s has an invalid value '%s'", (const char *)n->name, text);
  vc->sink.errors++;
  free(text);
}

/* libxml2 reports one schema violation as a cascade: sometimes a message
 * without a position first, then several at the same element. Keeps the
 * first message per position and drops the positionless ones when any
 * message has a position. */
static void prune_cascade(ck_diags *d, size_t from) {
  bool positioned = false;
  for (size_t i = from; i < d->n; i++)
    positioned |= d->items[i].line > 0;
  size_t kept = from;
  for (size_t i = from; i < d->n; i++) {
    ck_diag *e = &d->items[i];
    bool drop = (positioned && e->line == 0) ||
                (kept > from && d->items[kept - 1].line == e->line &&
                 d->items[kept - 1].col == e->col && d->items[kept - 1].level == e->level);
    if (drop) {
      free(e->file);
      free(e->msg);
    } else {
      d->items[kept++] = *e;
    }
  }
  d->n = kept;
}

/* Validates the parsed document against the schema; each violation becomes
 * an error at the offending element. */
static bool validate(loader *ld, xmlDoc *doc, const ck_rule_schema *schema) {
  validation_ctx vc = {
      .sink = {.diags = ld->diags, .file = ld->file, .data = ld->xml, .len = ld->len},
      .ld = ld};
  size_t first = ld->diags->n;
  xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt(schema->rng);
  xmlRelaxNGSetValidStructuredErrors(vctx, on_validation_error, &vc);
  int rc = xmlRelaxNGValidateDoc(vctx, doc);
  xmlRelaxNGFreeValidCtxt(vctx);
  if (rc == 0)
    return true;
  prune_cascade(ld->diags, first);
  if (!vc.sink.errors)
    ck_diags_add(ld->diags, CK_DIAG_ERROR, ld->file, 0, 0,
                 "the rule pack does not match the schema");
  return false;
}

/* ck_pack_parse with the text libxml2 reads given apart: 'parse' (the same
   document as 'xml', ck_pack_parse_builtin) or 'xml' itself. */
static ck_pack *parse_pack_text(const ck_ruleset *rs, const char *xml, size_t len,
                                const char *parse, size_t parse_len, const char *file,
                                const ck_rule_schema *schema, size_t *errors, ck_diags *diags) {
  xmlDoc *doc = NULL;
  loader ld = {.rs = rs, .xml = xml, .len = len, .file = file, .diags = diags,
               .lazy = schema == NULL};
  *errors = 0;
  /* A built-in pack is read without its indentation nodes, which nothing
     here looks at; a --rules file is parsed as it is, for the validator. */
  ck_limits caps = ck_limits_default();
  caps.max_xml_depth = MAX_RULE_DEPTH;
  ck_status parsed = ld.lazy ? ck_xml_parse_builtin(parse, parse_len, file, &caps, &doc, diags)
                             : ck_xml_parse(parse, parse_len, file, &caps, &doc, diags);
  if (parsed != CK_OK)
    return NULL;
  ck_xml_lines_init(&ld.lines, xml, len);
  ck_pack *p = NULL;
  if (!schema || validate(&ld, doc, schema))
    p = parse_pack(&ld, xmlDocGetRootElement(doc));
  ck_xml_lines_free(&ld.lines);
  xmlFreeDoc(doc);
  *errors = ld.errors;
  return p;
}

ck_pack *ck_pack_parse(const ck_ruleset *rs, const char *xml, size_t len, const char *file,
                       const ck_rule_schema *schema, size_t *errors, ck_diags *diags) {
  return parse_pack_text(rs, xml, len, xml, len, file, schema, errors, diags);
}

ck_pack *ck_pack_parse_builtin(const ck_ruleset *rs, const char *xml, size_t len,
                               const char *ascii, size_t ascii_len, const char *file,
                               size_t *errors, ck_diags *diags) {
  if (!ascii)
    return parse_pack_text(rs, xml, len, xml, len, file, NULL, errors, diags);
  return parse_pack_text(rs, xml, len, ascii, ascii_len, file, NULL, errors, diags);
}
