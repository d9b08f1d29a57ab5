/*
 * banned.h - functions we never call.
 *
 * Unbounded string copies are the classic C overflow; strbuf (util/strbuf.h)
 * replaces them. Included last by every translation unit through compat.h so
 * that a use is a compile error, as git's banned.h does.
 */
#ifndef DADEUM_UTIL_BANNED_H
#define DADEUM_UTIL_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)

#endif
