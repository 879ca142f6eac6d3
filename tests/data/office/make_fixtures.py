#!/usr/bin/env python3
"""Writes the office fixtures of the tests: small Word and OpenDocument files
built part by part, so that each holds exactly the case it tests.

  tracked.docx   a deleted requirement (tracked), an inserted one, a comment
                 that reads like a requirement, a footnote, a text box, a table
  tracked.odt    the same cases in OpenDocument
  waived.docx    a tender whose Word comments waive a criterion ("circheck: waive
                 ID: reason"), beside an ordinary comment
  bomb.docx      a document.xml that expands 1000 times (refused as a zip bomb)
  encrypted.docx a member marked encrypted (refused)
  corrupt.docx   a zip whose central directory is cut off
  not-office.zip a zip of something else

Three PDF fixtures are made otherwise and committed as they are:
  no-text.pdf    a page and no text (a scan without OCR), written by hand
  damaged.pdf    the first 3,000 bytes of samples/office/furniture-nb.pdf
  encrypted.pdf  samples/office/furniture-nb.docx exported by LibreOffice with
                 an open password (EncryptFile, DocumentOpenPassword)

Run from anywhere; writes next to this script. The files are committed.
"""
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Krav"><w:name w:val="Kravtekst"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Underoverskrift"><w:name w:val="Min overskrift"/><w:basedOn w:val="Overskrift1"/></w:style>
</w:styles>""" % W

DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document %s xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Kravspesifikasjon kontorstoler</w:t></w:r></w:p>
<w:p><w:r><w:t>Kommunen kjøper 200 kontorstoler til rådhuset.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Underoverskrift"/></w:pPr><w:r><w:t>Krav til leveransen</w:t></w:r></w:p>
<w:p><w:del w:id="1" w:author="A"><w:r><w:delText>Leverandøren skal ta tilbake emballasjen.</w:delText></w:r></w:del></w:p>
<w:p><w:commentRangeStart w:id="9"/><w:r><w:t xml:space="preserve">Stolene skal </w:t></w:r><w:ins w:id="2" w:author="B"><w:r><w:t>kunne repareres med standard verktøy</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r><w:commentRangeEnd w:id="9"/><w:r><w:commentReference w:id="9"/></w:r></w:p>
<w:p><w:r><w:t>Leveransen skal skje innen 1. mars</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Tilbudte produkter skal være merket med Svanemerket eller tilsvarende.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Tilbudte produkter skal være merket med Svanemerket eller tilsvarende.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>4.2 Garanti</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Leverandøren skal gi 5 års garanti.</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Tildelingskriterier</w:t></w:r></w:p>
<w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>Pris</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>70 %%</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Miljø</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>30 %%</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:sectPr/>
</w:body>
</w:document>""" % W

COMMENTS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments %s><w:comment w:id="9" w:author="C"><w:p><w:r><w:t>Leverandøren skal ha 10 års reservedelsgaranti, ikke sant?</w:t></w:r></w:p></w:comment></w:comments>""" % W

WAIVED_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document %s>
<w:body>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Kontorstoler til rådhuset</w:t></w:r></w:p>
<w:p><w:r><w:t>CPV: 39130000 Kontormøbler</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Overskrift1"/></w:pPr><w:r><w:t>Kravspesifikasjon</w:t></w:r></w:p>
<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>Leverandøren skal gi minimum 5 års garanti på alle stoler.</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>
<w:p><w:commentRangeStart w:id="4"/><w:r><w:t>Stolene skal være miljømerket med Svanemerket eller tilsvarende.</w:t></w:r><w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>
<w:sectPr/>
</w:body>
</w:document>""" % W

WAIVED_COMMENTS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments %s><w:comment w:id="3" w:author="A"><w:p><w:r><w:t>Bør vi kreve 7 år?</w:t></w:r></w:p></w:comment><w:comment w:id="4" w:author="B"><w:p><w:r><w:t>circheck: waive reuse.disassembly:</w:t></w:r></w:p><w:p><w:r><w:t>Stolene er støpt i ett stykke.</w:t></w:r></w:p></w:comment></w:comments>""" % W

FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes %s>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Leverandøren skal rapportere andelen ombrukte stoler hvert år.</w:t></w:r></w:p></w:footnote>
</w:footnotes>""" % W

ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/></office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info><text:p>Leverandøren skal ta tilbake emballasjen.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">Kravspesifikasjon kontorstoler</text:h>
<text:p>Kommunen kjøper 200 kontorstoler til rådhuset.</text:p>
<text:p text:style-name="P1">Krav til leveransen</text:p>
<text:p><text:change text:change-id="ct1"/></text:p>
<text:p>Stolene skal kunne repareres med standard verktøy.<office:annotation><dc:creator>C</dc:creator><text:p>Leverandøren skal ha 10 års reservedelsgaranti, ikke sant?</text:p></office:annotation></text:p>
<text:p>Leveransen skal skje innen 1. mars<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Leverandøren skal rapportere andelen ombrukte stoler hvert år.</text:p></text:note-body></text:note>.</text:p>
<text:p><draw:frame><draw:text-box><text:p>Tilbudte produkter skal være merket med Svanemerket eller tilsvarende.</text:p></draw:text-box></draw:frame></text:p>
<text:p>4.2 Garanti</text:p>
<text:list><text:list-item><text:p>Leverandøren skal gi 5 års garanti.</text:p></text:list-item></text:list>
<text:h text:outline-level="1">Tildelingskriterier</text:h>
<table:table><table:table-row><table:table-cell><text:p>Pris</text:p></table:table-cell><table:table-cell><text:p>70 %</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Miljø</text:p></table:table-cell><table:table-cell><text:p>30 %</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""


def stored(zf, name, data):
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    zf.writestr(info, data)


def deflated(zf, name, data):
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def docx(path, parts):
    with zipfile.ZipFile(path, "w") as zf:
        deflated(zf, "[Content_Types].xml", CONTENT_TYPES)
        deflated(zf, "_rels/.rels", RELS)
        for name, data in parts:
            deflated(zf, name, data)


def main():
    docx(os.path.join(HERE, "tracked.docx"),
         [("word/document.xml", DOCUMENT), ("word/styles.xml", STYLES),
          ("word/comments.xml", COMMENTS), ("word/footnotes.xml", FOOTNOTES)])
    docx(os.path.join(HERE, "waived.docx"),
         [("word/document.xml", WAIVED_DOCUMENT), ("word/styles.xml", STYLES),
          ("word/comments.xml", WAIVED_COMMENTS)])
    with zipfile.ZipFile(os.path.join(HERE, "tracked.odt"), "w") as zf:
        stored(zf, "mimetype", "application/vnd.oasis.opendocument.text")
        deflated(zf, "content.xml", ODT_CONTENT)
    # 64 MiB of one repeated character in a valid document: deflates to ~64 KiB
    body = ('<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W +
            "a" * (64 << 20) + "</w:t></w:r></w:p></w:body></w:document>")
    docx(os.path.join(HERE, "bomb.docx"), [("word/document.xml", body)])
    # the general-purpose flag's bit 0 says "encrypted"
    path = os.path.join(HERE, "encrypted.docx")
    docx(path, [("word/document.xml", DOCUMENT)])
    data = bytearray(open(path, "rb").read())
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(sig)
        while at >= 0:
            flag_at = at + (6 if sig == b"PK\x03\x04" else 8)
            flags = struct.unpack_from("<H", data, flag_at)[0]
            struct.pack_into("<H", data, flag_at, flags | 1)
            at = data.find(sig, at + 4)
    open(path, "wb").write(bytes(data))
    good = open(os.path.join(HERE, "tracked.docx"), "rb").read()
    open(os.path.join(HERE, "corrupt.docx"), "wb").write(good[: len(good) - 30])
    with zipfile.ZipFile(os.path.join(HERE, "not-office.zip"), "w") as zf:
        deflated(zf, "readme.txt", "Dette er ingen tekstbehandlerfil.\n")


if __name__ == "__main__":
    main()
