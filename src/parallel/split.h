/*
 * split.h - sentences of one paragraph, for Korean administrative text and English.
 *
 * A paragraph (one line of a document, as doc/reader.h gives it) is cut
 * into sentences at a full stop, question or exclamation mark followed by a
 * space (closing quotes and brackets after the mark stay with the sentence),
 * and before a bullet or reference marker that follows a space mid-line
 * (□ ■ ◇ ◆ ○ ● ◦ • ▪ ▶ ※ ㅇ ‹, circled numbers ①...). A full stop does not
 * end a sentence when it is
 *  - part of a date or a number written with full stops: 2018. 9. 4.(화),
 *    3.5, 2018. 9. (the token before it is a number and the next token is a
 *    number, or a number with a full stop came just before);
 *  - the full stop of an item number or letter opening the sentence: 1. 가.
 *    II. a.;
 *  - after an English abbreviation (Dr. Mr. Mrs. Ms. Prof. Inc. Ltd. Co.
 *    Corp. Jr. St. vs. e.g. i.e. U.S. U.K. Fig. Vol. No. before a number,
 *    single capitals as in J. Smith);
 *  - followed by a word in lower case (approx. five, p. 3).
 * After a Hangul syllable (다. 요. 함. 음. 됨. 임.) or a closing bracket a full stop
 * followed by a space always ends the sentence, unless it closes an item
 * letter. Zero-width spaces and BOMs count as spaces.
 */
#ifndef DADEUM_PARALLEL_SPLIT_H
#define DADEUM_PARALLEL_SPLIT_H

#include <stddef.h>

/* One sentence: bytes [off, off + len) of the paragraph, without surrounding spaces. */
struct par_span {
    size_t off, len;
};

/*
 * Appends the sentences of s[0..len) (UTF-8) to *spans (xrealloc'd; *n and
 * *cap are its length and capacity). A paragraph of spaces gives none.
 * Returns the number appended.
 */
size_t par_split(const char *s, size_t len, struct par_span **spans, size_t *n, size_t *cap);

#endif
