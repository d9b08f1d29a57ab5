/*
 * spell.h - is this an English word? The project's only hunspell caller.
 *
 * A thin wrapper over libhunspell (Hunspell_create, Hunspell_spell) with the
 * en_US dictionary Debian ships in hunspell-en-us, so that the rest of the
 * library neither includes <hunspell/hunspell.h> nor prints when the
 * dictionary is missing (STYLE.md §4): spell_open returns NULL and a status.
 *
 * Words are checked as given, so case matters the way hunspell makes it
 * matter: "aaron" is not a word, "Aaron" is (a proper name). Callers that
 * want common words only pass lower case. A handle is not thread-safe.
 */
#ifndef DADEUM_ALIGN_SPELL_H
#define DADEUM_ALIGN_SPELL_H

#include <stddef.h>

struct spell;

enum spell_status {
    SPELL_OK = 0, /* the dictionary is loaded */
    SPELL_ENOENT, /* the .aff or .dic file does not exist or is unreadable */
    SPELL_EOPEN,  /* they cannot be opened as regular files (a socket, no descriptor left) */
    SPELL_EFAIL   /* libhunspell is missing, or refused the files */
};

/* Directory of Debian's hunspell dictionaries. */
#define SPELL_DEFAULT_DIR "/usr/share/hunspell"

/*
 * Loads dictionary lang ("en_US") from dir (NULL: $DADEUM_HUNSPELL_DIR, else
 * SPELL_DEFAULT_DIR). Returns a handle the caller frees with spell_free, or
 * NULL with *status saying why. Loading en_US takes about 40 ms.
 */
struct spell *spell_open(const char *dir, const char *lang, enum spell_status *status /* OUT */);

/* Frees sp; accepts NULL. */
void spell_free(struct spell *sp);

/*
 * 1 when word[0..len) is spelled correctly, 0 when not or when it cannot be
 * checked (longer than 255 bytes, or a NUL inside). Assumes UTF-8.
 */
int spell_check(struct spell *sp, const char *word, size_t len);

/* A short English description of status, static. */
const char *spell_strerror(enum spell_status status);

#endif
