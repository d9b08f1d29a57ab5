/*
 * path.h - file names as dadeum stores and shows them.
 *
 * A termbase keeps the names of the documents it was built from, and the
 * exports cite them (TMX notes, TBX <admin type="source">, the style
 * guide's <cite>). An absolute name carries the user's directories (their
 * login, their employer's share) into files that are handed around, so
 * ingest stores names relative to the working directory, and exports can
 * cut them further (io/exchange.h, enum exchange_paths).
 *
 * Everything here is lexical on the name except path_relative_to_cwd,
 * which asks the file system for the working directory and for the real
 * directory of the name (symbolic links); nothing prints or exits.
 */
#ifndef DADEUM_UTIL_PATH_H
#define DADEUM_UTIL_PATH_H

#include "util/strbuf.h"

/* 1 when path starts with '/'. */
int path_is_absolute(const char *path);

/*
 * The last component of path: what follows its last '/' (trailing '/'s
 * ignored: "a/b/" -> "b/"), or path itself when it has none. Points into
 * path; never NULL.
 */
const char *path_basename(const char *path);

/*
 * Appends path to out with "." components, repeated '/' and "dir/.."
 * pairs removed (lexically, not following links). ".." steps that cannot
 * be removed stay at the front of a relative path and are dropped at the
 * root of an absolute one. An empty result is ".".
 */
void path_normalize(const char *path, struct strbuf *out);

/*
 * Appends to out the name under which path is stored: a relative path as
 * given; an absolute one relative to the working directory, with "../"
 * steps when it is outside ("/home/u/docs/a.txt" from /home/u/work is
 * "../docs/a.txt"). The directory part of path is resolved with realpath
 * when it exists, since getcwd gives the resolved working directory; the
 * last component stays as given. When the working directory cannot be
 * read, out gets the normalised path (still absolute).
 */
void path_relative_to_cwd(const char *path, struct strbuf *out);

/*
 * Appends to out the absolute form of path: the working directory joined
 * with a relative path, normalised; an absolute path normalised. Returns 0,
 * or -1 (out unchanged) when the working directory cannot be read.
 */
int path_absolute(const char *path, struct strbuf *out);

#endif
