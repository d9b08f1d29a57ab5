/*
 * kind.c - the name tables of the model's enums (model/kind.h).
 *
 * Each table is indexed by its enum and sized by it, and a _Static_assert
 * ties the number of names to the number of values: adding a value without
 * its name, or a name without its value, does not compile. The form type
 * names are the kind names behind "ko", so the kinds have no table of
 * their own.
 */
#include <assert.h>
#include <string.h>

#include "model/kind.h"
#include "util/banned.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const form_type_names[] = {
    [MODEL_FORM_KO] = "ko",           [MODEL_FORM_LOANWORD] = "loanword",
    [MODEL_FORM_ENGLISH] = "english", [MODEL_FORM_ABBREV] = "abbrev",
    [MODEL_FORM_NATIVE] = "native",   [MODEL_FORM_SHORT] = "shortform"};
_Static_assert(COUNT(form_type_names) == MODEL_FORM_NTYPES, "one name per form type");

static const char *const status_names[] = {
    [MODEL_CANDIDATE] = "candidate", [MODEL_APPROVED] = "approved", [MODEL_REJECTED] = "rejected"};
_Static_assert(COUNT(status_names) == MODEL_NSTATUS, "one name per review status");

static const char *const match_names[] = {
    [MODEL_MATCH_EXACT] = "exact",   [MODEL_MATCH_VARIANT] = "variant",
    [MODEL_MATCH_PREFIX] = "prefix", [MODEL_MATCH_SUBSTRING] = "substring",
    [MODEL_MATCH_FUZZY] = "fuzzy",   [MODEL_MATCH_NONE] = "none"};
_Static_assert(COUNT(match_names) == MODEL_MATCH_NMATCHES, "one name per match");

/* The index of s in names[0..n), or -1. */
static int lookup(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (!strcmp(s, names[i]))
            return (int)i;
    return -1;
}

const char *model_kind_name(enum model_kind kind)
{
    if ((unsigned)kind >= MODEL_KIND_NKINDS)
        return "unknown";
    return form_type_names[model_form_type_of_kind(kind)];
}

int model_kind_parse(const char *s)
{
    int t = model_form_type_parse(s);
    return t > MODEL_FORM_KO ? t - 1 : -1;
}

const char *model_form_type_name(enum model_form_type t)
{
    return (unsigned)t < MODEL_FORM_NTYPES ? form_type_names[t] : "ko";
}

int model_form_type_parse(const char *s)
{
    return lookup(form_type_names, COUNT(form_type_names), s);
}

enum model_form_type model_form_type_of_kind(enum model_kind kind)
{
    assert((unsigned)kind < MODEL_KIND_NKINDS);
    return (enum model_form_type)(1 + (int)kind);
}

const char *model_status_name(enum model_status r)
{
    return (unsigned)r < MODEL_NSTATUS ? status_names[r] : "candidate";
}

int model_status_parse(const char *s)
{
    return lookup(status_names, COUNT(status_names), s);
}

const char *model_match_name(enum model_match m)
{
    return (unsigned)m < MODEL_MATCH_NMATCHES ? match_names[m] : "none";
}
