#!/usr/bin/env python3
"""Writes one tender document whose structure grows with a scale factor, for
the linearity part of the benchmark (tests/bench/run.sh) and for looking for
quadratic paths by hand.

    shapes.py SHAPE SCALE OUT

SHAPE is one of:
  cpv        a text whose CPV list holds 20,000 x SCALE distinct codes
  headings   a Markdown text with 5,000 x SCALE headings, nested six deep
  tables     a Markdown text with one pipe table of 6,000 x SCALE rows
  sentences  a text of one paragraph of 8,000 x SCALE sentences (lines wrapped)
  lots       an eForms contract notice with 100 x SCALE lots

Every shape holds the same few requirement sentences per unit (a warranty,
spare parts, recycled content, take-back), so what the rules find grows with
the document too. The text is written for the benchmark; it describes no
real procurement. The output depends only on the arguments.
"""
import sys

SENTENCES = [
    "Leverandøren skal gi minst 5 års garanti på alle produkter.",
    "Reservedeler skal være tilgjengelige i minst 7 år etter levering.",
    "Tekstiler bør inneholde minst 30 % resirkulert materiale.",
    "Leverandøren skal ta tilbake brukte møbler for ombruk eller materialgjenvinning.",
    "Produktene skal kunne repareres med vanlig verktøy.",
    "Prisen gjelder for hele kontraktsperioden.",
    "Tilbudet skal leveres elektronisk innen fristen.",
    "Emballasje skal være fri for PVC og bromerte flammehemmere.",
]

CPV_NAMES = ["Møbler", "Kontormøbler", "Datamaskiner", "Tekstiler", "Rengjøring"]


def cpv_code(i):
    # Distinct eight-digit codes in the supplies divisions, with a check digit.
    return "%08d-%d" % (30000000 + i * 37, i % 10)


def shape_cpv(scale):
    n = 20000 * scale
    out = ["Kravspesifikasjon for kontormøbler", "", "CPV-koder:", ""]
    for i in range(n):
        out.append("%s %s" % (cpv_code(i), CPV_NAMES[i % len(CPV_NAMES)]))
        out.append("")
        if i % 50 == 0:
            out.append(SENTENCES[(i // 50) % len(SENTENCES)])
            out.append("")
    return "\n".join(out) + "\n"


def shape_headings(scale):
    n = 5000 * scale
    out = ["# Kravspesifikasjon", ""]
    for i in range(n):
        level = 2 + i % 5
        out.append("%s %d Krav til leveransen, del %d" % ("#" * level, i, i))
        out.append("")
        out.append(SENTENCES[i % len(SENTENCES)])
        out.append("")
    return "\n".join(out) + "\n"


def shape_tables(scale):
    n = 6000 * scale
    out = ["# Kravspesifikasjon", "", "| Nr | Krav | Type |", "|---|---|---|"]
    for i in range(n):
        out.append("| %d | %s | %s |" % (i, SENTENCES[i % len(SENTENCES)], "Minstekrav" if i % 2 else "Tildeling"))
    return "\n".join(out) + "\n"


def shape_sentences(scale):
    n = 8000 * scale
    # Lines wrapped every eight sentences, as an editor would, with no blank
    # line between them: one paragraph.
    lines = [" ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(8)) for i in range(0, n, 8)]
    return "Kravspesifikasjon\n\n" + "\n".join(lines) + "\n"


NS = (
    ' xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"'
    ' xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"'
    ' xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"'
    ' xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"'
    ' xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"'
    ' xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"'
    ' xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1"'
)


def award_criterion(kind, weight, name, description):
    return (
        "<cac:SubordinateAwardingCriterion><ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent>"
        "<efext:EformsExtension><efac:AwardCriterionParameter>"
        '<efbc:ParameterCode listName="number-weight">per-exa</efbc:ParameterCode>'
        "<efbc:ParameterNumeric>%d</efbc:ParameterNumeric>"
        "</efac:AwardCriterionParameter></efext:EformsExtension>"
        "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>"
        '<cbc:AwardingCriterionTypeCode listName="award-criterion-type">%s</cbc:AwardingCriterionTypeCode>'
        '<cbc:Name languageID="NOR">%s</cbc:Name>'
        '<cbc:Description languageID="NOR">%s</cbc:Description>'
        "</cac:SubordinateAwardingCriterion>" % (weight, kind, name, description)
    )


def shape_lots(scale):
    n = 100 * scale
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<ContractNotice%s>" % NS,
        "<cbc:UBLVersionID>2.3</cbc:UBLVersionID>",
        "<cbc:CustomizationID>eforms-sdk-1.13</cbc:CustomizationID>",
        '<cbc:ID schemeName="notice-id">00000000-0000-4000-8000-%012d</cbc:ID>' % scale,
        "<cbc:IssueDate>2026-09-01+02:00</cbc:IssueDate>",
        '<cbc:NoticeTypeCode listName="competition">cn-standard</cbc:NoticeTypeCode>',
        "<cbc:NoticeLanguageCode>NOR</cbc:NoticeLanguageCode>",
        "<cac:ProcurementProject>",
        '<cbc:Name languageID="NOR">Møbler, datamaskiner og tekstiler</cbc:Name>',
        '<cbc:Description languageID="NOR">%s</cbc:Description>' % " ".join(SENTENCES[:4]),
        '<cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>',
        '<cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">39000000'
        "</cbc:ItemClassificationCode></cac:MainCommodityClassification>",
        "</cac:ProcurementProject>",
    ]
    for i in range(n):
        out.append("<cac:ProcurementProjectLot>")
        out.append('<cbc:ID schemeName="Lot">LOT-%04d</cbc:ID>' % (i + 1))
        out.append("<cac:TenderingTerms><cac:AwardingTerms><cac:AwardingCriterion>")
        out.append(award_criterion("price", 70, "Pris", "Pris etter prisskjema."))
        out.append(
            award_criterion(
                "quality", 30, "Miljø", "Reparerbarhet, garanti og tilgang til reservedeler."
            )
        )
        out.append("</cac:AwardingCriterion></cac:AwardingTerms></cac:TenderingTerms>")
        out.append("<cac:ProcurementProject>")
        out.append('<cbc:ID schemeName="InternalID">lot-%04d</cbc:ID>' % (i + 1))
        out.append('<cbc:Name languageID="NOR">Delkontrakt %d</cbc:Name>' % (i + 1))
        desc = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(6))
        out.append('<cbc:Description languageID="NOR">%s</cbc:Description>' % desc)
        out.append('<cbc:ProcurementTypeCode listName="contract-nature">supplies</cbc:ProcurementTypeCode>')
        out.append(
            '<cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">%s'
            "</cbc:ItemClassificationCode></cac:MainCommodityClassification>" % cpv_code(i)[:8]
        )
        out.append("</cac:ProcurementProject>")
        out.append("</cac:ProcurementProjectLot>")
    out.append("</ContractNotice>")
    return "\n".join(out) + "\n"


SHAPES = {
    "cpv": (shape_cpv, ".txt"),
    "headings": (shape_headings, ".md"),
    "tables": (shape_tables, ".md"),
    "sentences": (shape_sentences, ".txt"),
    "lots": (shape_lots, ".xml"),
}


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in SHAPES:
        sys.exit("usage: shapes.py {%s} SCALE OUT" % ",".join(SHAPES))
    make, _ = SHAPES[sys.argv[1]]
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(make(int(sys.argv[2])))


if __name__ == "__main__":
    main()
