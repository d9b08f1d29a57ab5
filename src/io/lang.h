/*
 * lang.h - language tags as TMX and TBX files write them, made BCP 47.
 *
 * TMX 1.4b (xml:lang, srclang) and TBX (ISO 30042, xml:lang) both ask for
 * BCP 47 tags (RFC 5646), whose canonical case is: language lower-case
 * (ko), script title-case (Hang), region upper-case (KR, 419), the rest
 * lower-case. Tools write "KO", "EN-us" and the POSIX locale form "ko_KR";
 * lang_normalize turns all of these into "ko", "en-US", "ko-KR".
 */
#ifndef DADEUM_IO_LANG_H
#define DADEUM_IO_LANG_H

#include <stddef.h>

#include "util/strbuf.h"

enum lang_result {
    LANG_CANONICAL = 0, /* already canonical */
    LANG_RECASED,       /* only the case changed (BCP 47 tags are case-insensitive) */
    LANG_REPAIRED,      /* '_' separators or a POSIX ".UTF-8"/"@mod" suffix fixed: warn */
    LANG_INVALID = -1   /* not a language tag; out holds the input unchanged */
};

/*
 * Appends the canonical BCP 47 form of tag to out and says what changed.
 * Checks RFC 5646's syntax (not its registry): a 2-3 letter primary
 * language (ISO 639; the 4-8 letter forms the grammar also allows would
 * take words such as "source" for tags), up to three extlangs, script,
 * region, variants, extensions and private use ("x-..."), and the "i-"
 * tags; "*all*" (TMX srclang) is copied and LANG_CANONICAL.
 */
enum lang_result lang_normalize(const char *tag, struct strbuf *out);

/*
 * Returns 1 when tags a and b have the same primary language subtag, case
 * and '_' / '-' ignored ("ko_KR" and "KO" match, "en" and "eng" do not).
 */
int lang_same_language(const char *a, const char *b);

#endif
