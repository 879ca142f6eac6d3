/* Notices from JSON Lines: fields by name, then the text reader. */
#include "notice.h"

#include <stdlib.h>
#include <string.h>

#include "readers.h"
#include "source.h"
#include "util.h"
#include "weights.h"

static const char *const field_names[CK_NOTICE_FIELD_COUNT] = {
    [CK_NOTICE_ID] = "id",         [CK_NOTICE_TITLE] = "title", [CK_NOTICE_DESCRIPTION] = "description",
    [CK_NOTICE_CPV] = "cpv",       [CK_NOTICE_BUYER] = "buyer", [CK_NOTICE_DATE] = "date"};

/* Keys tried after the default name when no name is given: the Doffin
   extracts call the id "index" and the date "published". */
static const char *const second_names[CK_NOTICE_FIELD_COUNT] = {
    [CK_NOTICE_ID] = "index", [CK_NOTICE_DATE] = "published"};

const char *ck_notice_field_name(ck_notice_field f) {
  return f < CK_NOTICE_FIELD_COUNT ? field_names[f] : "?";
}

bool ck_notice_field_parse(const char *name, ck_notice_field *out) {
  for (int f = 0; f < CK_NOTICE_FIELD_COUNT; f++)
    if (strcmp(name, field_names[f]) == 0) {
      *out = (ck_notice_field)f;
      return true;
    }
  return false;
}

void ck_notice_meta_free(ck_notice_meta *m) {
  free(m->name);
  free(m->title);
  free(m->buyer);
  free(m->date);
  *m = (ck_notice_meta){0};
}

static json_object *field(json_object *record, const ck_check_options *opts,
                          ck_notice_field f) {
  json_object *v = NULL;
  if (opts->notice_fields[f]) {
    json_object_object_get_ex(record, opts->notice_fields[f], &v);
    return v;
  }
  if (!json_object_object_get_ex(record, field_names[f], &v) && second_names[f])
    json_object_object_get_ex(record, second_names[f], &v);
  return v;
}

/* Appends a field's text: a string as it is, a number as written, the
   items of an array separated by 'sep' (only the first when 'first_only').
   Returns whether anything but spaces was appended. */
static bool put_value(ck_buf *out, json_object *v, const char *sep, bool first_only) {
  size_t before = out->len;
  if (!v || json_object_is_type(v, json_type_null))
    return false;
  if (json_object_is_type(v, json_type_array)) {
    size_t n = json_object_array_length(v);
    for (size_t i = 0; i < n; i++) {
      size_t at = out->len;
      if (at > before)
        ck_buf_puts(out, sep);
      if (!put_value(out, json_object_array_get_idx(v, i), sep, false))
        out->len = at; /* an empty item leaves no separator behind */
      else if (first_only)
        break;
    }
  } else if (json_object_is_type(v, json_type_object)) {
    return false;
  } else {
    /* json_object_get_string_len counts strings only; a number is written
       by json_object_get_string */
    if (json_object_is_type(v, json_type_string))
      ck_buf_put(out, json_object_get_string(v), (size_t)json_object_get_string_len(v));
    else
      ck_buf_puts(out, json_object_get_string(v));
  }
  for (size_t i = before; i < out->len; i++)
    if (out->ptr[i] != ' ' && out->ptr[i] != '\n' && out->ptr[i] != '\t')
      return true;
  out->len = before;
  return false;
}

/* A field's text as a new string, or NULL when it has none. */
static char *text_of(json_object *record, const ck_check_options *opts, ck_notice_field f) {
  ck_buf b = CK_BUF_INIT;
  if (!put_value(&b, field(record, opts, f), ", ", f == CK_NOTICE_CPV)) {
    ck_buf_free(&b);
    return NULL;
  }
  return ck_buf_detach(&b);
}

ck_status ck_notice_document(const char *path, size_t line, json_object *record,
                             const ck_check_options *opts, ck_doc **doc, ck_notice_meta *meta,
                             ck_diags *diags) {
  *doc = NULL;
  *meta = (ck_notice_meta){0};
  ck_buf name = CK_BUF_INIT;
  char *id = text_of(record, opts, CK_NOTICE_ID);
  if (id)
    ck_buf_printf(&name, "%s#%s", path, id);
  else
    ck_buf_printf(&name, "%s#%zu", path, line);
  free(id);

  ck_buf text = CK_BUF_INIT;
  bool has_title = put_value(&text, field(record, opts, CK_NOTICE_TITLE), " ", false);
  if (has_title)
    ck_buf_puts(&text, "\n\n");
  size_t at = text.len;
  bool has_body = put_value(&text, field(record, opts, CK_NOTICE_DESCRIPTION), "\n\n", false);
  if (!has_title && !has_body) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, 1,
                 "a notice without a title or description (fields '%s' and '%s')",
                 opts->notice_fields[CK_NOTICE_TITLE] ? opts->notice_fields[CK_NOTICE_TITLE]
                                                      : "title",
                 opts->notice_fields[CK_NOTICE_DESCRIPTION]
                     ? opts->notice_fields[CK_NOTICE_DESCRIPTION]
                     : "description");
    ck_buf_free(&name);
    ck_buf_free(&text);
    return CK_ERR_INPUT;
  }
  if (has_body)
    ck_buf_putc(&text, '\n');
  else
    text.len = at;
  if (memchr(text.ptr, '\0', text.len)) {
    ck_diags_add(diags, CK_DIAG_ERROR, path, (unsigned)line, 1,
                 "a notice field holds a NUL character (\\u0000)");
    ck_buf_free(&name);
    ck_buf_free(&text);
    return CK_ERR_INPUT;
  }
  char *cpv = text_of(record, opts, CK_NOTICE_CPV);
  if (cpv)
    ck_buf_printf(&text, "\nCPV: %s\n", cpv);
  free(cpv);

  /* The text reader reports problems at the notice's name: line and
     column there are those of the text made here. */
  ck_source src = {0};
  src.path = ck_buf_detach(&name);
  src.raw_len = text.len;
  src.raw = ck_buf_detach(&text);
  ck_status rc = ck_source_decode_take(&src, diags);
  if (rc == CK_OK)
    rc = ck_read_text_take(&src, CK_FORMAT_TEXT, &opts->limits, doc, diags);
  if (rc == CK_OK) {
    ck_doc_extract_weights(*doc);
    if (opts->doc_lang_set)
      ck_doc_set_lang(*doc, opts->doc_lang);
    meta->name = ck_xstrdup(src.path);
    meta->title = text_of(record, opts, CK_NOTICE_TITLE);
    meta->buyer = text_of(record, opts, CK_NOTICE_BUYER);
    meta->date = text_of(record, opts, CK_NOTICE_DATE);
  }
  ck_source_free(&src);
  return rc;
}
