/*
 * utf8_int.h - the two ways utf8.c validates UTF-8, for its tests: each
 * gives utf8_valid_prefix's answer (utf8.h), which uses the SSSE3 one when
 * the CPU has SSSE3 and the other one else.
 */
#ifndef DADEUM_UTIL_UTF8_INT_H
#define DADEUM_UTIL_UTF8_INT_H

#include <stddef.h>

/* With SSE2, 16 bytes at a time; without, a character at a time. */
size_t utf8__valid_prefix_sse2(const char *s, size_t len);
/* With SSSE3's byte shuffle; assumes utf8__have_ssse3() (without, the SSE2 one). */
size_t utf8__valid_prefix_ssse3(const char *s, size_t len);
/* 1 when the CPU has SSSE3 and the SSSE3 way is built, else 0. */
int utf8__have_ssse3(void);

#endif
