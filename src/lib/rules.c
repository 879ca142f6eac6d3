/* Lookups in the rule model (rules.h): plain reads of its structs, kept
 * apart from the files that load, seal and cache a rule set so that every
 * one of those can use them and none has to depend on another for them. */
#include <string.h>

#include "rules.h"

const ck_criterion *ck_ruleset_criterion(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->ncriteria; i++)
    if (strcmp(rs->criteria[i].id, id) == 0)
      return &rs->criteria[i];
  return NULL;
}

/* Packs are few; a linear scan works before and after sealing alike. */
const ck_pack *ck_ruleset_pack(const ck_ruleset *rs, const char *id) {
  for (size_t i = 0; i < rs->npacks; i++)
    if (strcmp(rs->packs[i]->id, id) == 0)
      return rs->packs[i];
  return NULL;
}

bool ck_ruleset_has_pack(const ck_ruleset *rs, const char *id) {
  return rs && id && ck_ruleset_pack(rs, id);
}

const ck_pattern_set *ck_lang_patterns_get(const ck_lang_patterns *lp, ck_lang lang) {
  if (lp->has[lang])
    return &lp->by_lang[lang];
  /* Bokmål and nynorsk share most of the words rules look for. */
  if (lang == CK_LANG_NN && lp->has[CK_LANG_NB])
    return &lp->by_lang[CK_LANG_NB];
  if (lang == CK_LANG_NB && lp->has[CK_LANG_NN])
    return &lp->by_lang[CK_LANG_NN];
  return NULL;
}

size_t ck_ruleset_pack_count(const ck_ruleset *rs) { return rs ? rs->npacks : 0; }

const char *ck_ruleset_pack_id(const ck_ruleset *rs, size_t i) {
  return rs && i < rs->npacks ? rs->packs[i]->id : NULL;
}

const char *ck_ruleset_pack_name(const ck_ruleset *rs, size_t i, ck_msg_lang lang) {
  return rs && i < rs->npacks && lang < CK_MSG_LANG_COUNT ? rs->packs[i]->name[lang] : NULL;
}

bool ck_ruleset_pack_always(const ck_ruleset *rs, size_t i) {
  return rs && i < rs->npacks && rs->packs[i]->always;
}
