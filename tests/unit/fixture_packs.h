/* Two small packs the report and checklist tests load from a temporary
 * folder, so they do not depend on the built-in packs: "alpha", always on,
 * with a general take-back rule, and "beta", a furniture-like pack chosen by
 * CPV 391 whose take-back rule supersedes alpha's. */
#ifndef CK_TEST_FIXTURE_PACKS_H
#define CK_TEST_FIXTURE_PACKS_H

/* An always-on pack with a general take-back rule. */
static const char alpha_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"alpha\">\n"
    "  <name lang=\"nb\">Alfa</name><name lang=\"en\">Alpha</name>\n"
    "  <select always=\"true\"/>\n"
    "  <rule id=\"alpha.take-back\" criterion=\"reuse.take-back\">\n"
    "    <name lang=\"nb\">Tilbaketaking</name><name lang=\"en\">Take-back</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\btilbaketaking\\b</any></match>\n"
    "    <match lang=\"en\"><any>\\btake-back\\b</any></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal ta produktene tilbake.</text>\n"
    "      <text lang=\"en\">The supplier shall take the products back.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kontraktsvilkår\">Leverandøren skal sørge "
    "for tilbaketaking.</example>\n"
    "  </rule>\n"
    "</pack>\n";

/* A product pack chosen by CPV 391: a warranty with figures, a take-back
   rule that supersedes alpha's in checklists, and an ecolabel rule. */
static const char beta_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<pack xmlns=\"urn:circheck:rules:1\" id=\"beta\">\n"
    "  <name lang=\"nb\">Beta</name><name lang=\"en\">Beta</name>\n"
    "  <select><cpv>391</cpv><subject lang=\"nb\">\\bmøbler\\b</subject></select>\n"
    "  <rule id=\"beta.ecolabel\" criterion=\"material.ecolabel\">\n"
    "    <name lang=\"nb\">Miljømerke</name><name lang=\"en\">Ecolabel</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bsvanemerke\\w*</any></match>\n"
    "    <match lang=\"en\"><any>\\becolabel\\b</any></match>\n"
    "    <clause placement=\"qualification\">\n"
    "      <text lang=\"nb\">Produktene skal være svanemerket eller tilsvarende.</text>\n"
    "      <text lang=\"en\">Products shall carry the Nordic Swan or equivalent.</text>\n"
    "      <verify lang=\"nb\">Lisensnummer.</verify>\n"
    "      <verify lang=\"en\">Licence number.</verify>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kravspesifikasjon\">Produktene skal være "
    "svanemerket.</example>\n"
    "  </rule>\n"
    "  <rule id=\"beta.take-back\" criterion=\"reuse.take-back\" scope=\"anywhere\">\n"
    "    <name lang=\"nb\">Tilbaketaking av møbler</name><name lang=\"en\">Furniture "
    "take-back</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bta tilbake\\b</any></match>\n"
    "    <match lang=\"en\"><any>\\btake back\\b</any></match>\n"
    "    <clause placement=\"contract\">\n"
    "      <text lang=\"nb\">Leverandøren skal ta tilbake møbler til ombruk.</text>\n"
    "      <text lang=\"en\">The supplier shall take back furniture for reuse.</text>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\">Leverandøren skal ta tilbake møbler.</example>\n"
    "  </rule>\n"
    "  <rule id=\"beta.warranty\" criterion=\"lifetime.warranty\" scope=\"requirements\">\n"
    "    <name lang=\"nb\">Garanti</name><name lang=\"en\">Warranty</name>\n"
    "    <source>test</source>\n"
    "    <match lang=\"nb\"><any>\\bgaranti\\b</any></match>\n"
    "    <match lang=\"en\"><any>\\bwarranty\\b</any></match>\n"
    "    <value unit=\"year\">\n"
    "      <level name=\"basic\">5</level><level name=\"advanced\">7.5</level>\n"
    "    </value>\n"
    "    <clause placement=\"specification\">\n"
    "      <text lang=\"nb\">Møblene skal ha minst {required} {unit} garanti (nivå "
    "{level}).</text>\n"
    "      <text lang=\"en\">Furniture shall carry at least {required} {unit} of "
    "warranty.</text>\n"
    "      <verify lang=\"nb\">Garantivilkår for {name}.</verify>\n"
    "    </clause>\n"
    "    <example expect=\"pass\" lang=\"nb\" section=\"Kravspesifikasjon\">Leverandøren skal gi "
    "5 års garanti.</example>\n"
    "  </rule>\n"
    "</pack>\n";

#endif
