/*
 * hwp_int.h - entry points of the HWP reader below the container, for the
 * fuzzer (tests/fuzz/fuzz_hwp.c): random bytes rarely make a valid OLE2
 * file, so the harness also feeds them as a section's records and as a
 * section's deflated stream directly. Not for other callers.
 */
#ifndef DADEUM_DOC_HWP_INT_H
#define DADEUM_DOC_HWP_INT_H

#include <stddef.h>

#include "doc/doc.h"

/*
 * Reads one BodyText section, buf[0..len): inflated first when compressed
 * is nonzero. Returns as doc_read_hwp does.
 */
int doc_hwp_read_section(const unsigned char *buf, size_t len, int compressed,
                         const struct doc_sink *sink, struct doc_error *err /* OUT */);

#endif
