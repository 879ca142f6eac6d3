/* The steps of loading a rule set, one file each, as rules_load.c puts
 * them together:
 *
 *   criteria_load.c  the criteria table (CSV) into a new rule set;
 *   pack_parse.c     one pack's XML, validated against the schema, into a
 *                    ck_pack with its patterns;
 *   ruleset.c        the rule set's life: made, given packs, sealed, freed.
 *
 * Private to those files and rules_load.c; the rest of the engine uses
 * rules.h. */
#ifndef CK_RULES_LOAD_H
#define CK_RULES_LOAD_H

#include "rules.h"

/* Adds the criteria of a CSV table (id,category,name_en,name_nb[,name_nn]) from
 * memory to 'rs'; 'name' names it in diagnostics ("name:line: error: ...").
 * CK_ERR_RULES on any error. */
ck_status ck_criteria_load(ck_ruleset *rs, const char *csv, size_t len, const char *name,
                           ck_diags *diags);

/* The RELAX NG schema of rule packs, compiled from its text; 'name' names
 * it in diagnostics. Freed with ck_rule_schema_free(). */
typedef struct ck_rule_schema ck_rule_schema;
ck_status ck_rule_schema_compile(const char *text, size_t len, const char *name,
                                 ck_rule_schema **out, ck_diags *diags);
void ck_rule_schema_free(ck_rule_schema *schema);

/* Parses one pack from memory; 'file' names it in diagnostics and in the
 * pack. With a schema the pack is validated and its patterns compiled, so
 * that every error has its file, line and column. Without one it is a
 * built-in pack, trusted because ctest checks every one
 * (ck_ruleset_check_builtin): neither validated again nor compiled, its
 * patterns compiled on first use. Criteria are looked up in 'rs'.
 * Returns NULL when the XML is malformed or does not match the schema;
 * otherwise the pack (which the caller owns), with '*errors' set to the
 * number of errors found in it. */
ck_pack *ck_pack_parse(const ck_ruleset *rs, const char *xml, size_t len, const char *file,
                       const ck_rule_schema *schema, size_t *errors, ck_diags *diags);
/* ck_pack_parse of a built-in pack (no schema) whose XML libxml2 reads from
 * 'ascii', the same document with every non-ASCII character written as a
 * character reference (scripts/embed.cmake), while positions are found in
 * 'xml' as written. NULL 'ascii' reads 'xml'. */
ck_pack *ck_pack_parse_builtin(const ck_ruleset *rs, const char *xml, size_t len,
                               const char *ascii, size_t ascii_len, const char *file,
                               size_t *errors, ck_diags *diags);
void ck_pack_free(ck_pack *p);

/* Takes a parsed pack into 'rs' (ruleset.c). Reports rule ids of 'p' that
 * repeat within it or that another loaded pack (not the one it replaces)
 * already uses. When there are none and 'errors' (the parser's) is 0, 'p'
 * replaces the loaded pack of its id, or is added; otherwise 'p' is freed
 * and CK_ERR_RULES returned. */
ck_status ck_ruleset_take_pack(ck_ruleset *rs, ck_pack *p, size_t errors, ck_diags *diags);

#endif
