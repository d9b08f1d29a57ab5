/*
 * test_model.c - the model's name tables (model/kind.h) and the one error
 * type (util/error.h).
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "model/kind.h"
#include "util/error.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Every name parses back to its value, and the names are the stored ones. */
static void test_names_round_trip(void)
{
    static const char *const kinds[] = {"loanword", "english", "abbrev", "native", "shortform"};

    INT_EQ(MODEL_KIND_NKINDS, 5, "kinds");
    for (int k = 0; k < MODEL_KIND_NKINDS; k++) {
        STR_EQ(model_kind_name((enum model_kind)k), kinds[k], "kind %d", k);
        INT_EQ(model_kind_parse(kinds[k]), k, "kind %s", kinds[k]);
        INT_EQ(model_form_type_of_kind((enum model_kind)k), k + 1, "form type of kind %d", k);
        STR_EQ(model_form_type_name(model_form_type_of_kind((enum model_kind)k)), kinds[k],
               "a form type is named as its kind");
    }
    for (int t = 0; t < MODEL_FORM_NTYPES; t++)
        INT_EQ(model_form_type_parse(model_form_type_name((enum model_form_type)t)), t,
               "form type %d", t);
    for (int s = 0; s < MODEL_NSTATUS; s++)
        INT_EQ(model_status_parse(model_status_name((enum model_status)s)), s, "status %d", s);
    STR_EQ(model_status_name(MODEL_APPROVED), "approved", "status name");
    STR_EQ(model_match_name(MODEL_MATCH_FUZZY), "fuzzy", "match name");
    STR_EQ(model_form_type_name(MODEL_FORM_KO), "ko", "ko");
    INT_EQ(model_kind_parse("ko"), -1, "ko is a form type, not a kind");
    INT_EQ(model_kind_parse(NULL), -1, "NULL");
    INT_EQ(model_form_type_parse("short"), -1, "short is not a name");
    INT_EQ(model_status_parse("Approved"), -1, "names are lower-case");
    /* out of range: the fallbacks that stored data relied on */
    STR_EQ(model_kind_name((enum model_kind)99), "unknown", "kind out of range");
    STR_EQ(model_form_type_name((enum model_form_type)99), "ko", "form type out of range");
    STR_EQ(model_status_name((enum model_status)99), "candidate", "status out of range");
    STR_EQ(model_match_name((enum model_match)99), "none", "match out of range");
}

/* The codes are the documented exit statuses; every one has a name. */
static void test_codes(void)
{
    INT_EQ(DD_ENEGATIVE, 1, "negative");
    INT_EQ(DD_EUSAGE, 2, "usage");
    INT_EQ(DD_EINPUT, 3, "input");
    INT_EQ(DD_EOUTPUT, 4, "output");
    INT_EQ(DD_EINTERNAL, 5, "internal");
    for (int c = 0; c < DD_NCODES; c++)
        OK(*dadeum_strerror((enum dd_code)c), "code %d has a name", c);
    STR_EQ(dadeum_strerror(DD_EOUTPUT), "output not written", "output");
    STR_EQ(dadeum_strerror((enum dd_code)42), "unknown error", "out of range");
}

static void test_decode_message(void)
{
    struct strbuf sb = STRBUF_INIT;

    dd_decode_message(&sb, "a.txt", "cp949", 1234, 0);
    STR_EQ(sb.buf, "cannot decode 'a.txt' as cp949 at byte 1234", "with a path");
    strbuf_reset(&sb);
    dd_decode_message(&sb, "-", "utf-8", 3, 1);
    STR_EQ(sb.buf, "'<stdin>' ends inside a utf-8 character at byte 3", "stdin, cut");
    strbuf_reset(&sb);
    dd_decode_message(&sb, NULL, "utf-16le", 7, 0);
    STR_EQ(sb.buf, "cannot decode as utf-16le at byte 7", "without a path");
    strbuf_release(&sb);
}

static void test_format(void)
{
    struct dd_error e;
    struct strbuf sb = STRBUF_INIT;

    dd_error_clear(&e);
    INT_EQ(e.code, DD_OK, "cleared");
    INT_EQ(dd_error_set(&e, DD_EINPUT, 7, "bad %s", "row"), 7, "set returns detail");
    INT_EQ(e.code, DD_EINPUT, "code");
    e.line = 3;
    e.column = 9;
    dd_error_locate(&e, "cannot read '%s' (%s)", "g.tbx", "tbx");
    dd_error_suffix(&e, "; nothing imported from it");
    dd_error_format(&e, &sb);
    STR_EQ(sb.buf, "cannot read 'g.tbx' (tbx): line 3, column 9: bad row; nothing imported from it",
           "located");
    /* without a message: the code's name, the path and the line */
    dd_error_clear(&e);
    e.code = DD_EOUTPUT;
    dd_error_set_path(&e, "out.tmx");
    e.line = 2;
    strbuf_reset(&sb);
    dd_error_format(&e, &sb);
    STR_EQ(sb.buf, "output not written: 'out.tmx' line 2", "no message");
    strbuf_release(&sb);
}

/* A message too long for the buffer is cut between characters, never inside one. */
static void test_cut_at_a_character(void)
{
    struct dd_error e;
    struct strbuf long_text = STRBUF_INIT;

    while (long_text.len < 2 * DD_ERROR_MESSAGE_MAX)
        strbuf_addstr(&long_text, "가");
    dd_error_set(&e, DD_EINPUT, 0, "x%s", long_text.buf);
    OK(strlen(e.message) < DD_ERROR_MESSAGE_MAX, "fits");
    INT_EQ((strlen(e.message) - 1) % 3, 0, "whole characters only (%zu bytes)", strlen(e.message));
    dd_error_prefix(&e, "%s", "p: ");
    OK(!strncmp(e.message, "p: x", 4), "prefix kept");
    INT_EQ((strlen(e.message) - 4) % 3, 0, "still whole characters");
    strbuf_release(&long_text);
}

int main(void)
{
    RUN(test_names_round_trip);
    RUN(test_codes);
    RUN(test_decode_message);
    RUN(test_format);
    RUN(test_cut_at_a_character);
    return harness_done();
}
