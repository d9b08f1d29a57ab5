/*
 * oracle.h - the transliterator behind the extractor's questions.
 *
 * align_install_oracle() gives the extractor (extract/extract.h) a way to
 * ask whether a Hangul word is an English loanword and how a loanword gloss
 * reads in English, answered by translit.h. The translit handle is created
 * on the first question, one per thread, so commands that never extract pay
 * nothing for hunspell.
 */
#ifndef DADEUM_ALIGN_ORACLE_H
#define DADEUM_ALIGN_ORACLE_H

/* Installs the oracle; idempotent. Call before starting threads. */
void align_install_oracle(void);

/*
 * Builds what the threads will share (the transliterator's tables, the
 * lexicons, hunspell's entry points) on the calling thread. Call before
 * starting threads that extract.
 */
void align_prepare_threads(void);

/* Frees the calling thread's transliterator (at exit, or a thread's end). */
void align_release_oracle(void);

/* Frees the answers cached for all threads (at exit, after the threads ended). */
void align_release_oracle_cache(void);

#endif
