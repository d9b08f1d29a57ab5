/*
 * korean.h - the little Korean morphology the extractor, aligner, checker
 * and termbase need (particles, script classes, word forms, stops).
 *
 * No dictionary: decisions come from the shape of a token. A token here is
 * a run of text between spaces (or a middle dot) in the left context of a
 * bracket. Its "stop class" says whether it can belong to the noun phrase
 * that a gloss renders when it stands to the left of that phrase:
 *
 *   KO_STOP_NONE  a plain noun (추진, 인터넷, 기반)
 *   KO_STOP_SOFT  a likely modifier or a token with an ambiguous ending
 *                 (국내, 민간, 미지의, 기업인): excluded unless the gloss asks
 *                 for it (an anchor, or an English gloss of that many words)
 *   KO_STOP_HARD  a particle, verb ending or function word (정책을, 위한,
 *                 하는, 및, 특히), a number, a date: never inside a term
 *
 * Sino-Korean syllables come from Unihan (build/gen/sino_syllables.h): a
 * syllable that reads no KS X 1001 hanja marks a loanword or native word.
 */
#ifndef DADEUM_TEXT_KOREAN_H
#define DADEUM_TEXT_KOREAN_H

#include <stddef.h>
#include <stdint.h>

enum ko_stop { KO_STOP_NONE = 0, KO_STOP_SOFT, KO_STOP_HARD };

/* Script profile of a string: counts of code points by class. */
struct ko_script {
    unsigned hangul;  /* Hangul syllables and jamo */
    unsigned latin;   /* ASCII and Latin-1/Extended letters */
    unsigned upper;   /* of which upper case ASCII */
    unsigned digit;   /* ASCII digits */
    unsigned han;     /* CJK ideographs (hanja), and kana */
    unsigned other;   /* anything else except spaces */
    unsigned nonsino; /* Hangul syllables that read no common hanja */
};

void ko_script_of(const char *s, size_t len, struct ko_script *out /* OUT */);

/* 1 when syllable c is the reading of a KS X 1001 hanja. */
int ko_is_sino_syllable(uint32_t c);

/* The grammatical class of a whole token as hunspell-ko lists it (build/gen/ko_wordforms.h):
 * a verb or adjective form that modifies a noun (열린, 새로운, 위한), a connective
 * form (개설해), an adverb (단연, 달리); KO_FORM_NONE for nouns and unknown words. */
enum ko_form { KO_FORM_NONE, KO_FORM_ADNOMINAL, KO_FORM_CONNECTIVE, KO_FORM_ADVERB };
enum ko_form ko_word_form(const char *tok, size_t len);
/* 1 when tok ends in a syllable that makes it a verb's adnominal or a case form
 * (발표된, 개최할, 있던, 하는, 정책을): no name sounds so (score_sounds_like_word). */
int ko_ends_as_verb(const char *tok, size_t len);
/* 1 when tok is a noun of hunspell-ko's dictionary (정책, 장관, 성과). */
int ko_is_noun(const char *tok, size_t len);
/*
 * The length of the noun when tok is a noun followed by a case particle that
 * no term holds (장관이, 개회사와, 통계청은, 위원국과: subject, topic, object,
 * conjunction, place and direction particles in the form the noun's last
 * syllable asks for); 0 otherwise. The noun is the stem itself or ends with a
 * dictionary noun of two syllables or more; a token that ends with such a noun
 * across the particle's syllable (성과, 연구성과, 고양이) is not split.
 */
size_t ko_noun_particle(const char *tok, size_t len);

/* 1 when Hangul syllable reads hanja han (Unihan kHangul, the initial-sound law
 * allowed: 聯 reads 련 and 연). */
int ko_hanja_reads(uint32_t han, uint32_t syllable);

/*
 * Where the Korean reading of hanja (Han characters, with spaces or middle dots
 * between words) ends left: the byte offset in left of the first of its
 * syllables, or -1. Spaces and middle dots separate words on either side, not
 * necessarily at the same places: 한국 과학기술연구원 reads 韓國科學技術硏究院,
 * 출입국·외국인정책본부 reads 出入國·外國人政策本部 (but 청자 사자형 뚜껑 향로
 * does not read 靑磁 獅子形蓋 香爐: 뚜껑 is no reading of 蓋).
 */
long ko_hanja_reading_start(const char *left, size_t llen, const char *hanja, size_t hlen);

/* 1 when token tok ends in a colon (ASCII or full width): a label before its value,
 * 다듬은 말: ‘(노면)살얼음’. */
int ko_is_label(const char *tok, size_t len);

/* Stop class of token tok (see above). Assumes tok has no spaces. */
enum ko_stop ko_token_stop(const char *tok, size_t len);

/*
 * Length of tok without a trailing particle (을, 를, 은, 는, 이, 가, 의, 에,
 * 에서, 으로, 로, 와, 과, 도, 만, 까지 ...) when one can be stripped, else len.
 * Conservative: a syllable that often ends a noun (분과, 제도) is kept unless
 * min_stem allows; the stem keeps at least min_stem syllables.
 */
size_t ko_strip_particle(const char *tok, size_t len, int min_stem);

/*
 * Particles (조사) that may follow a term, in one table of (after a
 * consonant, after a vowel) forms: 이/가, 을/를, 으로/로, 의, 에서...
 * ko_particle_find returns the index of the particle spelled s[0..len)
 * (either form), or -1; ko_particle_agreeing returns the form of particle p
 * that follows word (its last syllable decides: 으로 after ㄹ takes 로), or
 * NULL when word does not end in a Hangul syllable (keep the particle).
 */
int ko_particle_find(const char *s, size_t len);
const char *ko_particle_agreeing(int p, const char *word);

/* 1 when tok is a number, date, count, ordinal or amount (3대, 제17차, '24.5.). */
int ko_is_numeric_token(const char *tok, size_t len);

/* Number of Hangul syllables in s. */
unsigned ko_syllable_count(const char *s, size_t len);

#endif
