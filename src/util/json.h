/*
 * json.h - writing JSON string literals (RFC 8259).
 */
#ifndef DADEUM_UTIL_JSON_H
#define DADEUM_UTIL_JSON_H

#include <stdio.h>

/*
 * Writes s to fp as a JSON string literal with its quotes: '"' and '\'
 * escaped, \n \r \t by name, other C0 controls, DEL and C1 controls as
 * \u00XX (so that no terminal acts on them), other UTF-8 as is.
 * A NULL s is written as null. The caller checks ferror(fp).
 */
void json_write_string(FILE *fp, const char *s);

#endif
