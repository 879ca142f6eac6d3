/* Writes a minimal .docx: the body as WordprocessingML paragraphs, the
 * fixed parts around it, packed with libzip (opened on first use,
 * zip_library.c) into memory. */
#include "docx_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zip_library.h"

struct ck_docx {
  ck_buf body; /* the <w:p> elements so far */
  char lang[16];
};

ck_docx *ck_docx_new(ck_msg_lang lang) {
  ck_docx *d = ck_xcalloc(1, sizeof *d);
  snprintf(d->lang, sizeof d->lang, "%s",
           lang == CK_MSG_EN ? "en-GB" : lang == CK_MSG_NN ? "nn-NO" : "nb-NO");
  return d;
}

/* Text for a <w:t>. This file sits below the renderers, so it escapes on its
   own rather than through render.c: the markup characters as references;
   line breaks and tabs as spaces (a clause is one paragraph); other C0
   controls, which XML 1.0 cannot hold at all, as U+FFFD. */
static void put_text(ck_buf *out, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    switch (c) {
    case '&': ck_buf_puts(out, "&amp;"); break;
    case '<': ck_buf_puts(out, "&lt;"); break;
    case '>': ck_buf_puts(out, "&gt;"); break;
    case '\t': case '\n': case '\r': ck_buf_putc(out, ' '); break;
    default:
      if (c < 0x20)
        ck_buf_puts(out, "\xEF\xBF\xBD");
      else
        ck_buf_putc(out, (char)c);
    }
  }
}

static void paragraph(ck_docx *d, const char *style, const char *text) {
  ck_buf_puts(&d->body, "<w:p>");
  if (style)
    ck_buf_printf(&d->body, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  ck_buf_puts(&d->body, "<w:r><w:t xml:space=\"preserve\">");
  put_text(&d->body, text);
  ck_buf_puts(&d->body, "</w:t></w:r></w:p>\n");
}

void ck_docx_heading(ck_docx *d, int level, const char *text) {
  paragraph(d, level <= 0 ? "Title" : level == 1 ? "Heading1" : "Heading2", text);
}

void ck_docx_paragraph(ck_docx *d, const char *text) { paragraph(d, NULL, text); }

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>\n";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "</Relationships>\n";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>\n";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* Normal text, a title and two heading levels with their outline levels, so
   a reader (circheck's own too) knows them for headings by either. */
static void styles_xml(ck_buf *out, const char *lang) {
  ck_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<w:styles " W_NS ">"
                   "<w:docDefaults><w:rPrDefault><w:rPr>"
                   "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
                   "<w:sz w:val=\"22\"/>");
  ck_buf_printf(out, "<w:lang w:val=\"%s\"/>", lang);
  ck_buf_puts(out, "</w:rPr></w:rPrDefault>"
                   "<w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"264\" "
                   "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                   "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                   "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
                   "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
                   "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
                   "<w:next w:val=\"Normal\"/><w:qFormat/>"
                   "<w:pPr><w:spacing w:after=\"240\"/></w:pPr>"
                   "<w:rPr><w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>");
  for (int level = 1; level <= 2; level++)
    ck_buf_printf(out,
                  "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
                  "<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
                  "<w:next w:val=\"Normal\"/><w:qFormat/>"
                  "<w:pPr><w:keepNext/><w:spacing w:before=\"%d\" w:after=\"120\"/>"
                  "<w:outlineLvl w:val=\"%d\"/></w:pPr>"
                  "<w:rPr><w:b/><w:sz w:val=\"%d\"/></w:rPr></w:style>",
                  level, level, level == 1 ? 360 : 240, level - 1, level == 1 ? 32 : 26);
  ck_buf_puts(out, "</w:styles>\n");
}

static void document_xml(ck_buf *out, const ck_docx *d) {
  ck_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<w:document " W_NS "><w:body>\n");
  ck_buf_put(out, d->body.ptr, d->body.len);
  /* A4 with 2.5 cm margins. */
  ck_buf_puts(out, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                   "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" "
                   "w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
                   "</w:sectPr></w:body></w:document>\n");
}

/* Adds one member; its time is 1980-01-01 00:00, the first a zip can hold,
   so the archive does not change with the clock. */
static bool add_member(const ck_zip_api *zip, zip_t *za, const char *name, const char *data,
                       size_t len) {
  zip_source_t *src = zip->source_buffer(za, data, len, 0);
  if (!src)
    return false;
  zip_int64_t idx = zip->file_add(za, name, src, ZIP_FL_ENC_UTF_8);
  if (idx < 0) {
    zip->source_free(src);
    return false;
  }
  return zip->file_set_dostime(za, (zip_uint64_t)idx, 0, (1 << 5) | 1, 0) == 0;
}

/* Reads the finished archive out of the memory source it was written to. */
static bool copy_out(const ck_zip_api *zip, zip_source_t *src, ck_buf *out) {
  zip_stat_t st;
  if (zip->source_open(src) != 0)
    return false;
  bool ok = zip->source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE);
  if (ok) {
    char *tmp = ck_xmalloc(st.size ? st.size : 1);
    ok = zip->source_read(src, tmp, st.size) == (zip_int64_t)st.size;
    if (ok)
      ck_buf_put(out, tmp, st.size);
    free(tmp);
  }
  zip->source_close(src);
  return ok;
}

bool ck_docx_available(const char **why) { return ck_zip_library(why) != NULL; }

bool ck_docx_finish(ck_docx *d, ck_buf *out) {
  ck_buf styles = CK_BUF_INIT, document = CK_BUF_INIT;
  styles_xml(&styles, d->lang);
  document_xml(&document, d);
  bool ok = false;
  const ck_zip_api *zip = ck_zip_library(NULL);
  zip_error_t err;
  zip_source_t *src = NULL;
  if (zip) {
    zip->error_init(&err);
    src = zip->source_buffer_create(NULL, 0, 0, &err);
  }
  zip_t *za = src ? zip->open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
  if (za) {
    /* zip_close would free the source with the archive: keep it to read. */
    zip->source_keep(src);
    ok = add_member(zip, za, "[Content_Types].xml", content_types, strlen(content_types)) &&
         add_member(zip, za, "_rels/.rels", package_rels, strlen(package_rels)) &&
         add_member(zip, za, "word/_rels/document.xml.rels", document_rels,
                    strlen(document_rels)) &&
         add_member(zip, za, "word/document.xml", document.ptr, document.len) &&
         add_member(zip, za, "word/styles.xml", styles.ptr, styles.len);
    if (ok)
      ok = zip->archive_close(za) == 0;
    else
      zip->discard(za);
    ok = ok && copy_out(zip, src, out);
  }
  if (src)
    zip->source_free(src);
  if (zip)
    zip->error_fini(&err);
  ck_buf_free(&styles);
  ck_buf_free(&document);
  ck_buf_free(&d->body);
  free(d);
  return ok;
}
