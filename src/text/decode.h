/*
 * decode.h - streaming decoding of documents to UTF-8 (the only iconv caller).
 *
 * A decoder takes raw bytes in chunks of any size (1 byte included) and
 * appends UTF-8 to a strbuf. When no encoding is given it detects one
 * (text/sniff.h) from a BOM, or from up to TEXT_SNIFF_BYTES of content
 * buffered before the first output: UTF-8, UTF-16LE/BE, or CP949 (the
 * superset of EUC-KR, so CP949-only syllables such as 똠 decode). A BOM is
 * consumed, never copied to the output.
 *
 * iconv's three conditions each take their own path: EILSEQ is a bad byte
 * (an error, or U+FFFD with TEXT_LENIENT), EINVAL is a sequence cut at the
 * end of a chunk (carried over to the next feed), E2BIG grows the output.
 */
#ifndef DADEUM_TEXT_DECODE_H
#define DADEUM_TEXT_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "util/strbuf.h"

#define TEXT_SNIFF_BYTES 65536

enum text_status {
    TEXT_OK = 0,
    TEXT_EILSEQ,   /* bytes that cannot be decoded in the encoding */
    TEXT_ETRUNC,   /* the input ends inside a multi-byte sequence */
    TEXT_EENCODING /* the encoding name is unknown to iconv */
};

enum text_flags {
    TEXT_LENIENT = 1 << 0 /* replace undecodable bytes with U+FFFD and count them */
};

struct text_decoder;

/*
 * Returns a new decoder for encoding (any iconv name, case-insensitive;
 * NULL or "auto" to detect), or NULL with err->detail = TEXT_EENCODING (err->code DD_EUSAGE) when
 * iconv does not know the name. The caller frees it with text_decoder_free.
 * EUC-KR and its aliases (euc-kr, ks_c_5601-1987, ...) select CP949, its
 * superset, and are reported as "cp949".
 */
struct text_decoder *text_decoder_new(const char *encoding, unsigned flags,
                                      struct dd_error *err /* OUT */);

/*
 * Decodes len bytes of buf, appending UTF-8 to out. Returns TEXT_OK, or an
 * error status with err filled in; after an error the decoder must not be fed
 * again. Output may lag input while detection buffers its first bytes.
 */
enum text_status text_decoder_feed(struct text_decoder *d, const char *buf, size_t len,
                                   struct strbuf *out, struct dd_error *err /* OUT */);

/*
 * text_decoder_feed of the in->len bytes of in, which the decoder may take
 * over instead of copying (while it buffers the input for detection, as a
 * whole file under TEXT_SNIFF_BYTES is): on return in is empty, and its
 * buffer may be another one, which the caller still owns.
 */
enum text_status text_decoder_feed_buf(struct text_decoder *d, struct strbuf *in,
                                       struct strbuf *out, struct dd_error *err /* OUT */);

/* Flushes the end of input: TEXT_ETRUNC if a sequence is left incomplete. */
enum text_status text_decoder_finish(struct text_decoder *d, struct strbuf *out,
                                     struct dd_error *err /* OUT */);

/* The encoding in use ("utf-8", "utf-16le", "cp949", ...), or NULL while detecting. */
const char *text_decoder_get_encoding(const struct text_decoder *d);
/* Number of replacement characters written under TEXT_LENIENT. */
uint64_t text_decoder_get_replaced(const struct text_decoder *d);
/* Returns 1 when a byte-order mark was found and dropped. */
int text_decoder_had_bom(const struct text_decoder *d);

void text_decoder_free(struct text_decoder *d);

/* ---- byte maps, for XML parsers (xml/xml.c) -------------------------------------- */

/*
 * A single- or double-byte encoding (CP949 and EUC-KR, which selects it,
 * ISO-8859-*, windows-125x, Shift_JIS, Big5, GBK) as the table expat's
 * unknown-encoding handler wants (XML_Encoding): map[b] is the code point
 * of byte b alone, -2 when b starts a two-byte sequence, -1 when b starts
 * nothing. Encodings with longer or stateful sequences are refused.
 */
struct text_charmap;

/*
 * Fills map (256 entries) for encoding (an iconv name, aliases as for
 * text_decoder_new) and returns the converter for its two-byte sequences,
 * which the caller frees with text_charmap_free; NULL when iconv does not
 * know the name or the encoding is not single- or double-byte.
 */
struct text_charmap *text_charmap_new(const char *encoding, int map[256] /* OUT */);

/*
 * The code point of the two-byte sequence s[0], s[1] (s[0] has map -2), or
 * -1 when the pair is not a character of the encoding.
 */
int text_charmap_convert(struct text_charmap *m, const char *s);

/* Frees m; NULL is fine. */
void text_charmap_free(struct text_charmap *m);

#endif
