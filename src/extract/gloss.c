/*
 * gloss.c - what is inside a bracket: a gloss, or something else.
 *
 * Most brackets in administrative text are not glosses: dates ('24.5.),
 * weekdays (금), durations (5'), counts and amounts (4층, 332평), list labels
 * (1-④), drafts (안), enumerations (英·美·日), examples (AGI 등), sources
 * (IDC 자료 가공) and phone numbers. gloss_clean rejects those by shape and
 * keeps the gloss itself, dropping words around it that are not the gloss
 * (the 이하 clause keeps only its short form).
 */
#include <string.h>

#include "extract/extract_int.h"
#include "extract/lexicon.h"
#include "model/concept.h"
#include "text/korean.h"
#include "util/ascii.h"
#include "util/utf8.h"
#include "util/banned.h"

/* the longest gloss, in characters: Korean or hanja, and Latin script alone */
#define GLOSS_MAX 60
#define GLOSS_LATIN_MAX 160

static int has(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    const char *p = s, *end = s + len;

    if (!n)
        return 1;
    while ((size_t)(end - p) >= n && (p = memchr(p, needle[0], (size_t)(end - p) - n + 1))) {
        if (!memcmp(p, needle, n))
            return 1;
        p++;
    }
    return 0;
}

/* 1 when s[0..len) is one of the words of list (NULL-terminated). */
static int one_of(const char *s, size_t len, const char *const *list)
{
    for (const char *const *w = list; *w; w++)
        if (strlen(*w) == len && !memcmp(s, *w, len))
            return 1;
    return 0;
}

static int is_quote(uint32_t c)
{
    return c == '\'' || c == '"' || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
           c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F;
}

static void trim_into(const char *s, size_t len, struct strbuf *out)
{
    strbuf_reset(out);
    strbuf_add(out, s, len);
    strbuf_trim(out);
}

/*
 * The length of a label that opens s[0..len) and says which language the name after
 * it is in, with the colon or space and the spaces after it: (영문명: Korea
 * Immigration Service), (영문 Korea …); 0 when there is none. Before a space, only a
 * Korean label before a Latin letter ((영어 Korea …) is still one): English there is a
 * word of the name ((English Premier League), 영어 교육(English Education)), and so is
 * 영어 before Hangul ((영어 교육)).
 */
static size_t name_label(const char *s, size_t len)
{
    static const char *const labels[] = {"영문명",  "영문 명칭", "영문", "영어",
                                         "English", "Eng.",      NULL};
    for (const char *const *l = labels; *l; l++) {
        size_t n = strlen(*l);
        uint32_t next = 0; /* the character after a space */
        if (len > n + 1)
            utf8_decode(s + n + 1, len - n - 1, &next);
        if (len > n && !memcmp(s, *l, n) &&
            (s[n] == ':' ||
             (s[n] == ' ' && (unsigned char)s[0] >= 0x80 && uc_is_latin_letter(next)))) {
            for (n++; n < len && s[n] == ' ';)
                n++;
            return n;
        }
    }
    return 0;
}

/* Strips one pair of quotes around the whole of sb; returns 1 if it did. */
static int strip_quotes(struct strbuf *sb)
{
    uint32_t a, b;
    if (sb->len < 2)
        return 0;
    size_t na = utf8_decode(sb->buf, sb->len, &a);
    size_t pb = utf8_prev(sb->buf, sb->len);
    utf8_decode(sb->buf + pb, sb->len - pb, &b);
    if (pb < na || !is_quote(a) || !is_quote(b))
        return 0;
    strbuf_remove(sb, pb, sb->len - pb);
    strbuf_remove(sb, 0, na);
    strbuf_trim(sb);
    return 1;
}

/*
 * Removes trailing footnote stars and carets, and a leading arrow: refined-word
 * lists write the word replaced as 화장 지움액(←리무버).
 */
static void strip_marks(struct strbuf *sb)
{
    while (sb->len && (sb->buf[sb->len - 1] == '*' || sb->buf[sb->len - 1] == '^'))
        strbuf_setlen(sb, sb->len - 1);
    uint32_t c;
    size_t n;
    /* a dash after hanja stands for the rest of a name left in Hangul: (國立精神健康─)
     * of 국립정신건강센터 */
    size_t q = sb->len;
    int dash = 0;
    for (; q; q = utf8_prev(sb->buf, q)) {
        utf8_decode(sb->buf + utf8_prev(sb->buf, q), q - utf8_prev(sb->buf, q), &c);
        if (c == '-' || c == 0x2500 || c == 0x2014 || c == 0x2013)
            dash = 1;
        else if (c != ' ')
            break;
    }
    if (dash && q) {
        size_t r = utf8_prev(sb->buf, q);
        utf8_decode(sb->buf + r, q - r, &c);
        if (uc_is_han(c))
            strbuf_setlen(sb, q);
    }
    /* an arrow before a replacement (→갓길), a dot of a list before its item (․VR) */
    while (sb->len && (n = utf8_decode(sb->buf, sb->len, &c)) &&
           ((c >= 0x2190 && c <= 0x21FF) || c == 0x2024 || c == 0x2027 || c == 0xB7 || c == 0x30FB))
        strbuf_remove(sb, 0, n);
    strbuf_trim(sb);
}

/* 1 for one Latin word of three letters or more, capitalised and not all
 * capitals: a name (JobCare, Nature); an acronym is gloss_is_acronym_token's. */
static int latin_name_word(const char *s, size_t len)
{
    if (len < 3 || !(s[0] >= 'A' && s[0] <= 'Z') || gloss_is_acronym_token(s, len))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
            return 0;
    return 1;
}

/* 1 for Latin words only, two or more, the first capitalised: an English name. */
static int english_name_item(const char *s, size_t len)
{
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    return sc.latin && !sc.hangul && !sc.han && !sc.digit && memchr(s, ' ', len) && s[0] >= 'A' &&
           s[0] <= 'Z';
}

/*
 * 이하 'X' (also 이하 "X", 이하 X라 한다, 약칭 X, 줄여서 X, 아래 X): copies X into
 * out, sets *at to where the marker begins and returns 1.
 */
static int role_and_name(const char *s, size_t len);

/* 1 when s[0..len) holds a word of two Hangul syllables or two Latin letters besides
 * its numbers, none of them a unit of time, money or count (제3차 적응대책, 천리안 1호,
 * 2011 IeSF; not 2024년 3월, 5만 명). */
static int words_beside_number(const char *s, size_t len)
{
    static const char *const units[] = {"년", "월", "일", "시", "분", "원",
                                        "명", "개", "건", "회", NULL};
    int word = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        struct ko_script sc;
        ko_script_of(s + i, j - i, &sc);
        if (sc.digit) {
            size_t k = i;
            while (k < j && s[k] >= '0' && s[k] <= '9')
                k++;
            for (const char *const *u = units; *u; u++)
                if (j - k >= 3 && !memcmp(s + k, *u, 3)) /* a syllable after the digits */
                    return 0;
        } else if (sc.hangul >= 2 || sc.latin >= 2) {
            word = 1;
        }
        i = j + 1;
    }
    return word;
}

/* 1 when the word before s[i] (spaces aside) holds a digit: 50인 of 50인 이하. */
static int number_before(const char *s, size_t i)
{
    while (i > 0 && s[i - 1] == ' ')
        i--;
    for (; i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '('; i--)
        if (s[i - 1] >= '0' && s[i - 1] <= '9')
            return 1;
    return 0;
}

static int find_short_form(const char *s, size_t len, const char *const *markers,
                           struct strbuf *out, size_t *at, size_t *end)
{
    static const char *const tails[] = {
        "이라고 한다", "라고 한다", "이라 한다", "라 한다", "이라고 함", "라고 함", "이라 함",
        "라 함",       "으로 한다", "로 한다",   "이라고",  "라고",      NULL};
    for (const char *const *m = markers; *m; m++) {
        size_t mlen = strlen(*m);
        for (size_t i = 0; i + mlen <= len; i++) {
            if (memcmp(s + i, *m, mlen))
                continue;
            /* the marker must start a word: (원장 조현래·이하 콘진원), (장관 성윤모/이하 산업부) */
            if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '(' && s[i - 1] != '/' &&
                !(i >= 2 && !memcmp(s + i - 2, "·", 2)))
                continue;
            size_t j = i + mlen;
            /* (이하 X), (이하: X), (이하, X); but after a number 이하 is "or less":
             * (종업원 50인 이하, 소상공인) */
            int counted = number_before(s, i);
            while (j < len && (s[j] == ' ' || s[j] == ':' || (s[j] == ',' && !counted)))
                j++;
            if (j < len && s[j] == ',')
                continue;
            strbuf_reset(out);
            uint32_t q;
            size_t qn = j < len ? utf8_decode(s + j, len - j, &q) : 0;
            if (qn && is_quote(q)) {
                size_t k = j + qn;
                while (k < len) {
                    uint32_t c;
                    size_t n = utf8_decode(s + k, len - k, &c);
                    if (is_quote(c))
                        break;
                    k += n;
                }
                strbuf_add(out, s + j + qn, k - j - qn);
                uint32_t c;
                *end = k < len ? k + utf8_decode(s + k, len - k, &c) : k; /* after the quote */
            } else {
                size_t k = j;
                int depth = 0; /* brackets opened inside the short form: 핵융합(연) */
                /* up to a comma, a middle dot before the head's role and name ((이하
                 * 진흥원·원장 윤상흠)), or a bracket that closes one opened before the
                 * marker ((명칭 (이하 지질자원연)및 소재지)) */
                while (k < len && s[k] != ',' && s[k] != ';' && !(s[k] == ')' && !depth) &&
                       !(len - k > 2 && !memcmp(s + k, "·", 2) &&
                         role_and_name(s + k + 2, len - k - 2))) {
                    depth += (s[k] == '(') - (s[k] == ')');
                    k++;
                }
                strbuf_add(out, s + j, k - j);
                *end = k;
                for (const char *const *t = tails; *t; t++) {
                    size_t tl = strlen(*t);
                    if (out->len > tl && !memcmp(out->buf + out->len - tl, *t, tl)) {
                        strbuf_setlen(out, out->len - tl);
                        break;
                    }
                }
                /* a closing quote whose opening one is missing: (이하 종합계획’) */
                while (out->len) {
                    size_t p = utf8_prev(out->buf, out->len);
                    uint32_t c;
                    utf8_decode(out->buf + p, out->len - p, &c);
                    if (!is_quote(c))
                        break;
                    strbuf_setlen(out, p);
                }
            }
            strbuf_trim(out);
            strip_marks(out);
            /* 이하 같다, 이하 같음, 이하 동일, 이하 생략: "the same hereinafter", "the
             * rest omitted", a statute's boilerplate, no short form */
            static const char *const boiler[] = {"같다", "같음",   "동일", "동일함",
                                                 "생략", "생략함", "줄임", NULL};
            if (one_of(out->buf, out->len, boiler))
                continue;
            /* 아래 ("below") marks a short form only as a word of its own, then one
             * word of two syllables or more, or a quoted one: (아래 문체부), not (아래 표
             * 참조), (아래 참조), (아래층) */
            if (!strcmp(*m, "아래")) {
                static const char *const refs[] = {"참조", "참고", "그림", "사진", "내용", "사항",
                                                   "목록", "설명", "링크", "첨부", NULL};
                if (i + mlen >= len || (s[i + mlen] != ' ' && s[i + mlen] != ':') ||
                    one_of(out->buf, out->len, refs) ||
                    (!(qn && is_quote(q)) && (memchr(out->buf, ' ', out->len) ||
                                              ko_syllable_count(out->buf, out->len) < 2)))
                    continue;
            }
            if (out->len) {
                *at = i;
                return 1;
            }
        }
    }
    return 0;
}

/* Hangul syllables that count or measure something after a number (년, 개, 명,
 * 885톤, 2팀 ...). */
static int is_unit_syllable(uint32_t c)
{
    static const char units[] =
        "년월일분시초억만천조원명개건위층평차회호종배주세대살곳권편점장석부기단쪽톤팀";
    if (!uc_is_hangul_syllable(c))
        return 0;
    for (size_t i = 0; i < sizeof(units) - 1;) {
        uint32_t u;
        i += utf8_decode(units + i, sizeof(units) - 1 - i, &u);
        if (u == c)
            return 1;
    }
    return 0;
}

/*
 * 1 when a run of digits in s is a date, time, count, amount, range or phone
 * number rather than part of a name (G7, 5G, 이음5G, K-5G).
 */
/* 1 when s is a version or session number and nothing more: 5.2, 3.0.1. */
static int is_version_end(const char *s, size_t len)
{
    int digits = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits = 1;
        else if (s[i] != '.' || !digits || i + 1 == len)
            return 0;
        else
            digits = 0;
    }
    return digits;
}

/*
 * 1 when s[0..len) opens with a unit of measure standing alone (km, kWh, GHz,
 * TEU): 700km, 3.5 GHz are measures. Case counts: 5G is a network, 5g grams.
 */
static int unit_at(const char *s, size_t len)
{
    static const char *const units[] = {
        "km",   "cm",   "mm",   "nm",   "μm",  "m",   "kg",  "mg",  "g",   "t",   "kt",  "Mt",
        "Gt",   "ha",   "GW",   "MW",   "kW",  "KW",  "KWh", "TW",  "GWh", "MWh", "kWh", "TWh",
        "kV",   "Hz",   "kHz",  "MHz",  "GHz", "THz", "KB",  "MB",  "GB",  "TB",  "PB",  "bps",
        "kbps", "Mbps", "Gbps", "Tbps", "ppm", "ppb", "dB",  "TEU", "km²", "m²",  "km2", "m2",
        "m³",   "℃",    "°C",   "cc",   "ml",  "mL",  "nm²", "Bq",  "Sv",  "mSv", "μSv", NULL};
    size_t i = 0;
    if (i < len && s[i] == ' ')
        i++;
    /* a unit starts with a Latin letter, μ (CE BC), ℃ (E2 84 83) or ° (C2 B0) */
    if (i == len || !(ascii_is_letter((unsigned char)s[i]) || (unsigned char)s[i] == 0xCE ||
                      (unsigned char)s[i] == 0xE2 || (unsigned char)s[i] == 0xC2))
        return 0;
    for (const char *const *u = units; *u; u++) {
        size_t n = strlen(*u);
        /* a byte, not a character, follows: a Hangul lead byte (0xEA..0xED, 100kg급)
         * is no Latin letter */
        if (len - i >= n && !memcmp(s + i, *u, n) &&
            (i + n == len || (!((s[i + n] | 0x20) >= 'a' && (s[i + n] | 0x20) <= 'z') &&
                              !(s[i + n] >= '0' && s[i + n] <= '9'))))
            return 1;
    }
    return 0;
}

size_t gloss_unit_after_amount(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || (i > 0 && (s[i] == '.' || s[i] == ','))))
        i++;
    if (i == 0 || i == len || s[i - 1] == '.' || s[i - 1] == ',')
        return 0;
    /* a unit of the squared block is three bytes in UTF-8 (100㎿); 5G and 3D are
     * names, no units */
    uint32_t c = utf8_at(s, len, i);
    if (c >= 0x3380 && c <= 0x33DF)
        return i + 3 == len ? i : 0;
    return unit_at(s + i, len - i) ? i : 0;
}

/* Four digits of a year, 1000..2999 (s holds four bytes at least). */
int gloss_is_year(const char *s)
{
    if (!(s[0] == '1' || s[0] == '2'))
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/*
 * A year that opens or closes the English title of an event, a report or a treaty:
 * 2025 GATE Forum, 2023 OECD Digital Government Index, Convention relating to the
 * Status of Refugees 1951. Two or more Latin words beside the year, one of them
 * capitalised, and nothing else: not a date.
 */
static int year_of_title(const char *s, size_t len)
{
    size_t from = 5, to = len;
    if (len >= 5 && gloss_is_year(s) && s[4] == ' ')
        ; /* 2025 GATE Forum */
    else if (len >= 5 && gloss_is_year(s + len - 4) && s[len - 5] == ' ')
        from = 0, to = len - 5; /* Convention relating to the Status of Refugees 1951 */
    else
        return 0;
    size_t words = 0, capitalised = 0;
    for (size_t i = from; i < to;) {
        while (i < to && s[i] == ' ')
            i++;
        if (i == to)
            break;
        if (!uc_is_latin_letter(utf8_at(s, to, i)))
            return 0;
        capitalised += s[i] >= 'A' && s[i] <= 'Z';
        words++;
        while (i < to && s[i] != ' ') {
            uint32_t c;
            size_t n = utf8_decode(s + i, to - i, &c);
            if (!(uc_is_latin_letter(c) || c == '&' || c == '-' || c == '\'' ||
                  (c >= '0' && c <= '9')))
                return 0;
            i += n;
        }
    }
    /* a year after two words is a citation (World Bank 2020) more often than a name */
    return words >= (from ? 2u : 3u) && capitalised >= 1;
}

static int has_numeric_run(const char *s, size_t len)
{
    uint32_t prev = 0;
    int code = 0; /* a model code's digits and a hyphen came last: CAS500-, KSLV- */
    if (year_of_title(s, len))
        return 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (!uc_is_digit(c)) {
            if (c != '-')
                code = 0; /* only the hyphen right after a code's digits keeps it */
            prev = c;
            i += n;
            continue;
        }
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9')
            j++;
        uint32_t next = 0;
        if (j < len)
            utf8_decode(s + j, len - j, &next);
        /* K-5G: a hyphen after a Latin prefix joins a name, as after a model code's
         * digits (CAS500-2) */
        int latin_hyphen = prev == '-' && (uc_is_latin_letter(utf8_before(s, i - 1)) || code);
        /* CAS500-2, F-1-5: digits glued to a Latin word or its hyphen before another
         * hyphen and more of the code name a satellite, a visa or a model */
        code = (uc_is_latin_letter(prev) || latin_hyphen) && next == '-' && j + 1 < len &&
               ((s[j + 1] >= '0' && s[j + 1] <= '9') || uc_is_latin_letter(utf8_at(s, len, j + 1)));
        if (code) {
            prev = '0';
            i = j;
            continue;
        }
        if (prev == '\'' || prev == 0x2019 || prev == 0x2018 || prev == '*' || prev == '~' ||
            prev == '.' || prev == ',' || (prev == '-' && !latin_hyphen) || prev == '#' ||
            prev == '$')
            return 1;
        /* a number that ends a name: 코로나19 (glued to Hangul, at most two digits),
         * MEPC 83 (after an acronym and a space), INC-3 */
        int after_acronym = prev == ' ' && i >= 3 && s[i - 2] >= 'A' && s[i - 2] <= 'Z' &&
                            s[i - 3] >= 'A' && s[i - 3] <= 'Z';
        /* Rio+20, Pre-Cop 18: a count of one or two digits after a Latin word
         * numbers an event or a programme */
        int after_word =
            (prev == ' ' || prev == '+') && uc_is_latin_letter(utf8_before(s, i - 1)) && j - i <= 2;
        int name_end = (next == 0 || next == ' ') && ((uc_is_hangul_syllable(prev) && j - i <= 2) ||
                                                      latin_hyphen || after_acronym || after_word);
        /* UNEA 5.2: a session or version number that ends the name; PM2.5, GPT-3.5:
         * a decimal glued to the letters of a name */
        if ((after_acronym || uc_is_latin_letter(prev) || latin_hyphen) && next == '.' &&
            is_version_end(s + i, len - i))
            return 0;
        /* digits glued to a Latin word end its name, before a comma too (Brain
         * Korea21, BK21) */
        if (next == '.' || next == ',' || next == '%' || next == '\'' || next == 0x2019 ||
            next == '~' || next == ':' || next == '-' || next == '/' || next == 0x2032 ||
            next == ' ' || next == 0 || is_unit_syllable(next))
            if (!(uc_is_latin_letter(prev) && (next == 0 || next == ' ' || next == ',')) &&
                !name_end)
                return 1;
        /* 700km, 3.5 GHz, 1만 TEU: a measure (a unit glued or after a space); 6600㎡,
         * 30㎞: a unit of the squared block (U+3380..U+33DF) */
        if (!uc_is_latin_letter(prev) && prev != '-' &&
            (unit_at(s + j, len - j) || (next >= 0x3380 && next <= 0x33DF)))
            return 1;
        /* 2018a: a year of a citation (author 2018a) */
        if (j - i == 4 && next >= 'a' && next <= 'z' &&
            (j + 1 == len || s[j + 1] == ' ' || s[j + 1] == ','))
            return 1;
        /* 7F, 320TF, 2PF: floors and FLOPS */
        if (next == 'F' || (next == 'T' && j + 1 < len && s[j + 1] == 'F') ||
            (next == 'P' && j + 1 < len && s[j + 1] == 'F') ||
            (next == 'E' && j + 1 < len && s[j + 1] == 'F'))
            return 1;
        prev = '0';
        i = j;
    }
    return 0;
}

/*
 * Substrings of a source or photo credit. Unlike the word lists of
 * glossaries/lexicon/ (bracket-labels.tsv is used below), these are mostly
 * markers (ⓒ, =, @, http) matched anywhere in the bracket, so they stay
 * with the code that reads them.
 */
/* Marks of a credit anywhere in the bracket: (ⓒ 연합뉴스), (사진=…), (kncap.org). */
static const char *const credit_marks[] = {"ⓒ", "©", "=", "@", "http", "www.", ".kr", ".com", NULL};

/*
 * 1 when a word of s[0..len) credits a source: 사진, 자료 and 출처 beginning a word
 * and standing alone or before 제공, a colon, a middle dot or a full stop (사진제공,
 * 자료: 통계청, 자료.통계청); a word
 * beginning with 뉴스 or ending in 제공, 뉴스, 일보, 뉴시스 or 기자 (뉴스1, 과기정통부
 * 제공, 연합뉴스, 홍길동 기자). Not the same letters inside a word: 국제공항, 청사진,
 * 자료집, 기자재, 제공하는.
 */
static int credit_word(const char *s, size_t len)
{
    static const char *const heads[] = {"사진", "자료", "출처", "뉴스", NULL};
    static const char *const tails[] = {"제공", "뉴스", "일보", "뉴시스", "기자", NULL};
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != ',' && s[j] != ':')
            j++;
        const char *w = s + i;
        size_t wl = j - i;
        for (const char *const *h = heads; *h; h++) {
            size_t hl = strlen(*h);
            if (wl < hl || memcmp(w, *h, hl))
                continue;
            const char *r = w + hl;
            size_t rl = wl - hl;
            /* 뉴스 begins a news outlet's name: 뉴스1, 뉴스핌, 뉴스천지 */
            if (!rl || (rl >= 6 && !memcmp(r, "제공", 6)) || (rl >= 2 && !memcmp(r, "·", 2)) ||
                r[0] == '.' || !strcmp(*h, "뉴스"))
                return 1;
        }
        for (const char *const *t = tails; *t; t++) {
            size_t tl = strlen(*t);
            if (wl >= tl && !memcmp(w + wl - tl, *t, tl))
                return 1;
        }
        i = j + 1;
    }
    return 0;
}

int gloss_is_acronym_token(const char *s, size_t len)
{
    unsigned upper = 0, letters = 0, digits = 0;
    if (len < 2)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            upper++, letters++;
        else if (c >= 'a' && c <= 'z')
            letters++;
        else if (c >= '0' && c <= '9')
            digits++;
        else if (c != '&' && c != '-' && c != '.' && c != '/' && c != '+')
            return 0;
    }
    if (!upper)
        return 0;
    /* a run of three lower-case letters spells a word: OpenAI, ChatGPT, iPhone */
    for (size_t i = 0, run = 0; i < len; i++) {
        run = (s[i] >= 'a' && s[i] <= 'z') ? run + 1 : 0;
        if (run >= 3)
            return 0;
    }
    if (upper >= 2 && upper * 2 >= letters)
        return 1;
    return upper >= 1 && digits >= 1 && letters <= 2;
}

/* Particles and conjunctions that join the words of a gloss (AI 및 SaaS). */
static int is_joiner(const char *s, size_t len)
{
    static const char *const joiners[] = {"및", "와", "과", "의", "등", "또는", NULL};
    for (const char *const *j = joiners; *j; j++)
        if (strlen(*j) == len && !memcmp(*j, s, len))
            return 1;
    return 0;
}

/* Moves *i past spaces and hyphens to the next word of s[0..len) and returns its end. */
static size_t next_word(const char *s, size_t len, size_t *i)
{
    while (*i < len && (s[*i] == ' ' || s[*i] == '-'))
        (*i)++;
    size_t j = *i;
    while (j < len && s[j] != ' ' && s[j] != '-')
        j++;
    return j;
}

/*
 * Every content word of s is borrowed: by its syllables, the lexicon, or,
 * given an oracle, the document's transliterator (a few milliseconds a word,
 * so only glosses ask it; a term written in plain Korean rarely needs it).
 */
static int all_words_borrowed(const char *s, size_t len, const struct extract_oracle *o)
{
    unsigned words = 0, loans = 0;
    if (lexicon_is_loanword(s, len))
        return 1;
    for (size_t i = 0, j; (j = next_word(s, len, &i)) > i; i = j) {
        struct ko_script sc;
        ko_script_of(s + i, j - i, &sc);
        if (sc.hangul && !is_joiner(s + i, j - i)) {
            unsigned syl = ko_syllable_count(s + i, j - i);
            words++;
            if (lexicon_is_loanword(s + i, j - i) ||
                (sc.nonsino && (sc.nonsino * 4 >= syl || syl <= 3)) ||
                (o && o->is_loanword && !sc.latin && o->is_loanword(o->data, s + i, j - i)))
                loans++;
        }
    }
    /* every content word must be borrowed: 클라우드 기반 is a phrase, not a loanword */
    return words && loans == words;
}

int gloss_is_loanword(const char *s, size_t len, const struct extract_oracle *oracle)
{
    return all_words_borrowed(s, len, oracle);
}

int term_is_loanword(const char *s, size_t len)
{
    return all_words_borrowed(s, len, NULL);
}

/*
 * 1 when w[0..len) is the noun in -기 of a verb the dictionary knows, by the
 * verb's past adnominal (다듬기: 다듬은, 말하기: 말한, 만들기: 만든).
 */
static int verb_noun_form(const char *w, size_t len)
{
    if (len < 6 || !span_ends_with(w, len, "기", 3))
        return 0;
    size_t last = utf8_prev(w, len - 3);
    uint32_t c;
    utf8_decode(w + last, len - 3 - last, &c);
    if (!uc_is_hangul_syllable(c))
        return 0;
    struct strbuf adn = STRBUF_INIT;
    strbuf_add(&adn, w, last);
    int fin = hangul_final(c);
    if (fin == 0 || fin == 8) { /* no final, or ㄹ that drops: 만들 -> 만든 */
        utf8_add(&adn, c - (uint32_t)fin + 4);
    } else {
        utf8_add(&adn, c);
        strbuf_addstr(&adn, "은");
    }
    int verb = ko_word_form(adn.buf, adn.len) == KO_FORM_ADNOMINAL;
    strbuf_release(&adn);
    return verb;
}

int term_has_native_word(const char *s, size_t len, const struct extract_oracle *oracle)
{
    for (size_t i = 0, j; (j = next_word(s, len, &i)) > i; i = j) {
        struct ko_script sc;
        ko_script_of(s + i, j - i, &sc);
        /* a country's name is borrowed, though the dictionary lists it (유럽(파리)) */
        if (sc.nonsino && !sc.latin && !lexicon_is_loanword(s + i, j - i) &&
            ((ko_is_noun(s + i, j - i) && !score_place_word(s + i, j - i) && oracle &&
              oracle->is_loanword && !oracle->is_loanword(oracle->data, s + i, j - i)) ||
             verb_noun_form(s + i, j - i)))
            return 1;
    }
    return 0;
}

enum model_kind gloss_shape_kind(const char *g, size_t len, const struct extract_oracle *oracle)
{
    struct ko_script sc;
    ko_script_of(g, len, &sc);
    if (!sc.hangul && sc.latin) {
        if (len == 1 && g[0] >= 'A' && g[0] <= 'Z')
            return MODEL_KIND_ABBREV; /* 환경(E) of ESG: an initial */
        for (size_t i = 0; i < len;) {
            size_t j = span_next_word(g, len, &i);
            /* a session or year beside an acronym (UNEA 5.2, MEPC 83) changes nothing */
            if (j > i && !gloss_is_acronym_token(g + i, j - i) &&
                strspn(g + i, "0123456789.") < j - i)
                return MODEL_KIND_ENGLISH;
            i = j;
        }
        return MODEL_KIND_ABBREV;
    }
    if (!sc.hangul)
        return MODEL_KIND_NATIVE; /* hanja */
    if (gloss_is_loanword(g, len, oracle))
        return MODEL_KIND_LOANWORD;
    return MODEL_KIND_NATIVE;
}

/*
 * An acronym written with slashes between its letters: O/D (origin and
 * destination), L/C, e-C/O (an electronic certificate of origin). Each part
 * between slashes is one letter; that is one term, not a list (AI/ML is two).
 */
static int slash_acronym(const char *s, size_t len)
{
    if (!gloss_is_acronym_token(s, len))
        return 0;
    size_t part = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == '/') {
            if (part != 1)
                return 0;
            part = 0;
        } else if (s[i] != '-') {
            part++;
        } else {
            part = 0; /* e-C/O: a prefix joined by a hyphen */
        }
    }
    return 1;
}

/*
 * Two or three acronyms or capital letters joined by slashes, in capitals and
 * digits, one of three letters or more (CDR/CCUS, FCWS/LDWS, ICG/PTWS-XXII,
 * B5G/6G, PIC/S): the corpus's annotators keep such a bracket whole as one
 * gloss of the term before it. Two-letter pairs (AI/ML, CI/BI) and acronyms
 * with small letters (IaaS/PaaS) stay a list.
 */
static int slashed_acronyms(const char *s, size_t len)
{
    size_t parts = 0, longest = 0;
    for (size_t i = 0; i < len;) {
        const char *sl = memchr(s + i, '/', len - i);
        size_t end = sl ? (size_t)(sl - s) : len;
        if (end == i || (end - i >= 2 && !gloss_is_acronym_token(s + i, end - i)))
            return 0;
        for (size_t k = i; k < end; k++)
            if (s[k] >= 'a' && s[k] <= 'z')
                return 0; /* IaaS/PaaS: terms of their own, a list */
        parts++;
        if (end - i > longest)
            longest = end - i;
        i = end + 1;
        if (sl && i == len)
            return 0; /* a trailing slash */
    }
    return parts >= 2 && parts <= 3 && longest >= 3;
}

/*
 * Sets out to the acronym a[0..al) and expansion to its English long form
 * e[0..el), both trimmed, and returns 1 when they go together: the acronym a
 * token of its own, the long form Latin letters only, longer and with the same
 * first letter (of several words when words is set). out and expansion are
 * untouched otherwise.
 */
static int acronym_with_long_form(const char *a, size_t al, const char *e, size_t el, int words,
                                  struct strbuf *out, struct strbuf *expansion)
{
    struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
    int ok = 0;
    trim_into(a, al, &x);
    trim_into(e, el, &y);
    struct ko_script sy;
    ko_script_of(y.buf, y.len, &sy);
    if (x.len && gloss_is_acronym_token(x.buf, x.len) && !sy.hangul && !(words && sy.han) &&
        sy.latin > x.len && (!words || memchr(y.buf, ' ', y.len)) &&
        (y.buf[0] | 0x20) == (x.buf[0] | 0x20)) {
        strbuf_reset(out);
        strbuf_addbuf(out, &x);
        strbuf_reset(expansion);
        strbuf_addbuf(expansion, &y);
        ok = 1;
    }
    strbuf_release(&x);
    strbuf_release(&y);
    return ok;
}

/* An acronym and its English long form: "KISA, Korea Internet & Security Agency". */
static int acronym_and_expansion(const char *s, size_t len, struct strbuf *out,
                                 struct strbuf *expansion)
{
    const char *comma = memchr(s, ',', len);
    if (!comma || memchr(comma + 1, ',', len - (size_t)(comma + 1 - s)))
        return 0;
    return acronym_with_long_form(s, (size_t)(comma - s), comma + 1, len - (size_t)(comma + 1 - s),
                                  0, out, expansion);
}

/*
 * An English expansion with its acronym in a bracket of its own, the whole gloss:
 * 공적개발원조(Official Development Assistance(ODA)), 증여율(Grant Element(GE)).
 */
static int expansion_then_acronym(const char *s, size_t len, struct strbuf *out,
                                  struct strbuf *expansion)
{
    if (len < 4 || s[len - 1] != ')')
        return 0;
    const char *open = memchr(s, '(', len);
    if (!open || open == s || memchr(open + 1, '(', len - (size_t)(open + 1 - s)))
        return 0;
    return acronym_with_long_form(open + 1, (size_t)(s + len - 1 - (open + 1)), s,
                                  (size_t)(open - s), 1, out, expansion);
}

/* A person's role and name, the whole bracket: 국립국어원(원장 이상규), 서울
 * 관악구(구청장 박준희), 국어문화원(원장 박용식 국어국문학과 교수). Not a gloss. */
static int role_and_name(const char *s, size_t len)
{
    const char *sp = memchr(s, ' ', len);
    struct ko_script sc;
    /* or a name, the body and the title: (명창근 국방과학연구소 박사), (김중권 KISTI 박사) */
    if (sp && span_korean_name(s, (size_t)(sp - s))) {
        const char *last = s + len;
        while (last > sp && last[-1] != ' ')
            last--;
        /* the title is a word of its own (박사, 연구위원), not the end of one */
        if ((size_t)(s + len - last) <= 12 && span_person_title(last, (size_t)(s + len - last)))
            return 1;
    }
    if (!sp || !span_person_title(s, (size_t)(sp - s)))
        return 0;
    ko_script_of(s, (size_t)(sp - s), &sc);
    if (sc.latin || sc.digit || sc.han || sc.hangul != utf8_count(s, (size_t)(sp - s)))
        return 0; /* NIA'원장 서병조: a broken separator, not a title alone */
    const char *name = sp + 1, *end = s + len;
    const char *sp2 = memchr(name, ' ', (size_t)(end - name));
    return span_korean_name(name, (size_t)((sp2 ? sp2 : end) - name));
}

/* 1 when w[0..n) is in list, itself or before one of ends (오른쪽에서, 다섯번째). */
static int listed_word(const char *w, size_t n, const char *const *list, const char *const *ends)
{
    if (one_of(w, n, list))
        return 1;
    for (const char *const *e = ends; *e; e++) {
        size_t el = strlen(*e);
        if (n > el && !memcmp(w + n - el, *e, el) && listed_word(w, n - el, list, ends + 1))
            return 1;
    }
    return 0;
}

/*
 * The bracket word by word: the OR of what judge says of each word, or 0 when
 * it says 0 of one (or there is no word). judge returns a non-zero mask for a
 * word it knows.
 */
static unsigned judge_words(const char *s, size_t len, unsigned (*judge)(const char *w, size_t n))
{
    unsigned all = 0;
    for (size_t i = 0; i < len;) {
        size_t j = span_next_word(s, len, &i);
        if (j == i)
            break;
        unsigned m = judge(s + i, j - i);
        if (!m)
            return 0;
        all |= m;
        i = j;
    }
    return all;
}

/* A word of a photo position: 2 for a place in the picture, 1 for a word that goes with
 * one (맨, 사진, an ordinal), 0 for any other. */
static unsigned photo_word(const char *w, size_t n)
{
    static const char *const places[] = {"왼쪽", "오른쪽", "가운데", "중앙", "앞줄", "뒷줄",
                                         "윗줄", "아랫줄", "좌측",   "우측", NULL};
    static const char *const others[] = {"맨",   "사진", "첫",   "두",   "세",   "네",
                                         "다섯", "여섯", "일곱", "여덟", "아홉", "열",
                                         "번째", "둘",   "셋",   "넷",   NULL};
    static const char *const ends[] = {"에서", "부터", "번째", "째", NULL};
    return listed_word(w, n, places, ends) ? 2u : listed_word(w, n, others, ends) ? 1u : 0u;
}

/*
 * A place in Korea written as a location, not a gloss: (서울 종로구), (파주시 와석순환로
 * 소재), (경기도 고양시 소재): a province or a city first, then a district, a road or
 * 소재 ("located in") last. The first-level divisions are a closed list.
 */
static int korean_location(const char *s, size_t len)
{
    static const char *const regions[] = {"서울", "부산", "대구", "인천", "광주", "대전",
                                          "울산", "세종", "경기", "강원", "충북", "충남",
                                          "전북", "전남", "경북", "경남", "제주", NULL};
    static const char *const lasts[] = {"구", "군", "시", "동", "읍", "면", "로", "길", NULL};
    const char *sp = memchr(s, ' ', len);
    if (!sp)
        return 0;
    size_t fl = (size_t)(sp - s);
    int first = ko_syllable_count(s, fl) >= 2 &&
                (span_ends_with(s, fl, "시", 3) || span_ends_with(s, fl, "도", 3));
    if (!first && !one_of(s, fl, regions))
        return 0;
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    if (sc.latin || sc.han || sc.digit)
        return 0;
    const char *lw = s + len;
    while (lw > s && lw[-1] != ' ')
        lw--;
    size_t ll = (size_t)(s + len - lw);
    static const char *const around[] = {"소재", "일원", "일대", NULL};
    if (one_of(lw, ll, around))
        return 1;
    if (ko_syllable_count(lw, ll) < 2)
        return 0;
    /* 운동, 활동: nouns, not a neighbourhood (광주 민주화운동) */
    static const char *const not_places[] = {"운동", "활동", "행동", "이동", "공동", "노동", NULL};
    for (const char *const *np = not_places; *np; np++)
        if (span_ends_with(lw, ll, *np, 6))
            return 0;
    for (const char *const *l = lasts; *l; l++)
        if (span_ends_with(lw, ll, *l, 3))
            return 1;
    return 0;
}

/*
 * Where a person stands in a photo, the whole bracket: 직무대리(오른쪽),
 * 원장(오른쪽에서 두 번째), 장관(앞줄 가운데). Every word goes with a place in
 * the picture, and one is a place (두 번째 alone is a count).
 */
static int photo_position(const char *s, size_t len)
{
    return (judge_words(s, len, photo_word) & 2) != 0;
}

/* A number word or 번째, maybe with its ordinal ending (첫째, 다섯번째). 셋 and 넷
 * stay out: they are also set and net (데이터 모음(셋)). */
static unsigned number_word(const char *w, size_t n)
{
    static const char *const numbers[] = {"하나", "다섯", "여섯", "일곱", "여덟", "아홉", "열",
                                          "스물", "첫",   "두",   "세",   "네",   "번째", NULL};
    static const char *const ends[] = {"번째", "째", NULL};
    return (unsigned)listed_word(w, n, numbers, ends);
}

/* A count or an ordinal in words, the whole bracket: 순서(다섯), 차례(두 번째),
 * (첫째). Counts are not terms. */
static int number_in_words(const char *s, size_t len)
{
    return judge_words(s, len, number_word) != 0;
}

/* Two or more bullets of a list (△라오스 △캄보디아, ○ A ○ B): an enumeration. The
 * bullets are geometric shapes (U+25A0..U+25CF) and ☐ (U+2610), at the start or
 * after a space. */
static int list_bullets(const char *s, size_t len)
{
    int n = 0;
    for (const char *p = s, *end = s + len; (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++) {
        uint32_t c;
        if (utf8_decode(p, (size_t)(end - p), &c) == 3 &&
            ((c >= 0x25A0 && c <= 0x25CF) || c == 0x2610) && (p == s || p[-1] == ' '))
            n++;
    }
    return n >= 2;
}

/* An English weekday, whole or abbreviated, as dates on notice boards write them:
 * 2017년 7월 6일(Thu), (Mon.) */
static int english_weekday(const char *s, size_t len)
{
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};
    if (len && s[len - 1] == '.')
        len--;
    if (len < 3 || len > 9)
        return 0;
    char w[10];
    for (size_t i = 0; i < len; i++)
        w[i] = (char)ascii_lower(s[i]);
    w[len] = '\0';
    static const char *const whole[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday",    "tues",
                                        "thur",   "thurs",    NULL};
    return one_of(w, len, days) || one_of(w, len, whole);
}

/* A file's type in lower case, as download links write it (다운로드(pdf), 안내장(png)),
 * or a table or figure of a paper (Table 1, Fig. 2): what a bracket points at, not a
 * name. Capitals are names as often (PDF, TXT, DOC: Department of Commerce). */
int gloss_file_reference(const char *s, size_t len)
{
    static const char *const types[] = {"pdf", "png",  "jpg", "jpeg", "gif", "hwp",  "hwpx",
                                        "doc", "docx", "xls", "xlsx", "ppt", "pptx", "zip",
                                        "txt", "csv",  "mp4", "mp3",  NULL};
    if (one_of(s, len, types))
        return 1;
    static const char *const refs[] = {"Table ", "Figure ", "Fig. ", "Fig ",
                                       "Task ",  "Annex ",  NULL};
    for (const char *const *r = refs; *r; r++) {
        size_t n = strlen(*r), i = n;
        if (len <= n || memcmp(s, *r, n))
            continue;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i > n && i == len)
            return 1;
    }
    return 0;
}

int gloss_domain_name(const char *s, size_t len)
{
    static const char *const tlds[] = {".org", ".com", ".net", ".kr", ".int", ".edu", ".gov", NULL};
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
              s[i] == '.'))
            return 0;
    for (const char *const *t = tlds; *t; t++) {
        size_t n = strlen(*t);
        if (len > n + 1 && !memcmp(s + len - n, *t, n) && s[0] != '.')
            return 1;
    }
    return 0;
}

/* A fiscal year, FY2000, FY 2024, FY24: when, not a name. */
static int fiscal_year(const char *s, size_t len)
{
    if (len < 4 || (s[0] | 0x20) != 'f' || (s[1] | 0x20) != 'y')
        return 0;
    size_t i = 2 + (s[2] == ' ');
    size_t d = strspn(s + i, "0123456789");
    return (d == 2 || d == 4) && i + d == len;
}

/* 1 when the colon at c joins letters within one word: a romanisation marking a
 * long vowel (ti:baeg, ul:kin), a brand (MU:DS); not a label's (원장:윤교원). */
static int colon_in_word(const char *s, size_t len, const char *c)
{
    unsigned char a = (unsigned char)(c > s ? c[-1] : 0),
                  b = (unsigned char)(c + 1 < s + len ? c[1] : 0);
    return ((a | 0x20) >= 'a' && (a | 0x20) <= 'z') && ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') &&
           !memchr(s, ' ', len);
}

/* 1 when a Latin gloss is a title and its subtitle, a capital after the colon and
 * words on both sides (Legal Transplants and Receptions: The Implications for Korean
 * Law; EU Multilingual Law Making: Quality, Efficiency, Agility), not a label and
 * its value (Open Application Program Interface: Open API). */
static int latin_title(const char *s, size_t len, const char *c)
{
    const char *after = c + 1, *end = s + len;
    while (after < end && *after == ' ')
        after++;
    return after < end && *after >= 'A' && *after <= 'Z' &&
           span_word_count(s, (size_t)(c - s)) >= 2 &&
           span_word_count(after, (size_t)(end - after)) >= 3;
}

/* 1 when s[0..len) ends in 등, "and so on": alone, after a space, or glued to what
 * is no Hangul (WCDMA등); glued to a syllable it ends a word (평등, 초등). */
static int ends_in_examples(const char *s, size_t len)
{
    return len >= 3 && !memcmp(s + len - 3, "등", 3) &&
           (len == 3 || s[len - 4] == ' ' || !uc_is_hangul_syllable(utf8_before(s, len - 3)));
}

static const char *reject_shape(const struct strbuf *g)
{
    struct ko_script sc;
    const char *s = g->buf;
    size_t len = g->len;

    if (!len)
        return "empty";
    ko_script_of(s, len, &sc);
    if (has_numeric_run(s, len) || fiscal_year(s, len))
        return "date, time or number";
    if (!sc.hangul && !sc.latin && !sc.han)
        return "no letters";
    if (utf8_count(s, len) == 1) {
        /* 셋 (set) is a loanword; 안, 금, 수 read hanja: drafts and weekdays */
        uint32_t c;
        utf8_decode(s, len, &c);
        if (!uc_is_hangul_syllable(c) || ko_is_sino_syllable(c))
            return "list label or weekday";
    }
    if (english_weekday(s, len))
        return "list label or weekday";
    if (gloss_file_reference(s, len))
        return "a file or a table";
    /* 낙하훈련 모의훈련장치(그리드 스페이스㈜): the company that makes it, not a name of
     * it (after a Latin name, KEPCO(한국전력공사㈜), it is the name: scan.c lifts this) */
    if (has(s, len, "㈜") || has(s, len, "(주)") || has(s, len, "주식회사"))
        return "a company";
    if (gloss_domain_name(s, len))
        return "source or credit"; /* 홈페이지(kncap.org): where, not what */
    /* (전 국가사이버안보협력센터), (구 소련), (현 한국해양과학기술원): what the body
     * or the place was or became called, another name in time, not a gloss */
    static const char *const when[] = {"전 ", "구 ", "현 ", "옛 ", NULL};
    for (const char *const *w = when; *w; w++)
        if (len > 4 && !memcmp(s, *w, 4) && sc.hangul >= 3 && !sc.latin &&
            /* 전 세계, 전 국민: "all", unless a body follows */
            (strcmp(*w, "전 ") || span_org_like(s + 4, len - 4)))
            return "a former or present name";
    if (lexicon_word_index(LEX_BRACKET_LABELS, s, strlen(s)) >= 0)
        return "label";
    if (credit_word(s, len))
        return "source or credit";
    for (const char *const *w = credit_marks; *w; w++)
        if (has(s, len, *w))
            return "source or credit";
    const char *colon = memchr(s, ':', len);
    int title = !sc.hangul && !sc.han && colon && latin_title(s, len, colon);
    if (colon && !title && !colon_in_word(s, len, colon))
        return "label: value";
    if (role_and_name(s, len))
        return "a person's role and name";
    if (korean_location(s, len))
        return "address";
    if (photo_position(s, len))
        return "photo position";
    if (number_in_words(s, len))
        return "date, time or number";
    if (has(s, len, "·") || (memchr(s, ',', len) && !title) || list_bullets(s, len) ||
        (memchr(s, '/', len) && !slash_acronym(s, len) && !slashed_acronyms(s, len)) ||
        memchr(s, ';', len) || has(s, len, "、"))
        return "enumeration";
    /* (미완성 작품 포함), (정원 100명 미만 기관 제외), (국정 과제 관련): what the
     * words before include, leave out or touch, a remark on their scope */
    static const char *const scope[] = {" 포함", " 제외", " 관련", NULL};
    for (const char *const *w = scope; *w; w++)
        if (len > 7 && !memcmp(s + len - 7, *w, 7))
            return "scope remark (포함, 제외, 관련)";
    if (ends_in_examples(s, len) || (sc.latin && span_ends_with(s, len, "등", 3)))
        return "examples (등)";
    /* a sentence, not a name; an English name may run longer (The Wassenaar
     * Arrangement on Export Controls for Conventional Arms and Dual-Use Goods and
     * Technologies: 118 characters) */
    if (utf8_count(s, len) > (sc.hangul || sc.han ? GLOSS_MAX : GLOSS_LATIN_MAX))
        return "too long";
    if (memchr(s, '(', len) || memchr(s, ')', len) || memchr(s, '<', len) || memchr(s, '>', len) ||
        memchr(s, '[', len) || memchr(s, '{', len) || has(s, len, "「"))
        return "nested brackets";
    if (sc.han && !sc.hangul && !sc.latin && sc.han < 2)
        return "single hanja";
    return NULL;
}

/* ---- glosses with structure ---------------------------------------------------
 *
 * A bracket may hold several items: an acronym and its expansion in either
 * order, with a comma or a colon (WTO: World Trade Organization), a hanja
 * spelling, an English name, a loanword beside an acronym (ICPO·인터폴), and
 * words that are not a gloss at all: a person's role and name (원장 조현래).
 * The items are split at top-level commas, semicolons and colons, and at a
 * middle dot between Latin and Hangul; each is classified by its script.
 */
enum item_class { ITEM_ACRONYM, ITEM_LATIN, ITEM_HAN, ITEM_HANGUL, ITEM_OTHER };

struct item {
    const char *s;
    size_t len;
    enum item_class cls;
    int dotted; /* split from its neighbour by a middle dot, not a comma or colon */
    int colon;  /* after a colon: an expansion of the item before (UNESCO: 국제…기구) */
};

#define MAX_ITEMS 6

/* 1 when s[0..len) is Korean words among which Latin letters only write acronyms:
 * a description may name AI or NASA (AI로 만든 영상 조작물) and stays Korean. */
static int korean_words(const char *s, size_t len, const struct ko_script *sc)
{
    return sc->hangul && !sc->han &&
           (!sc->latin ||
            (sc->latin == sc->upper && memchr(s, ' ', len) && sc->hangul > sc->latin));
}

static enum item_class item_class_of(const char *s, size_t len)
{
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    if (!memchr(s, ' ', len) && gloss_is_acronym_token(s, len))
        return ITEM_ACRONYM;
    if (sc.latin && !sc.hangul && !sc.han)
        return ITEM_LATIN;
    if (sc.han && !sc.hangul && !sc.latin)
        return ITEM_HAN;
    if (korean_words(s, len, &sc))
        return ITEM_HANGUL;
    return ITEM_OTHER;
}

/* A person's role and name (원장 조현래, 장관 María …): a title word before the end. */
static int item_is_role(const char *s, size_t len)
{
    const char *sp = memchr(s, ' ', len);
    while (sp) {
        if (span_person_title(s, (size_t)(sp - s)))
            return 1;
        const char *next = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - s));
        sp = next;
    }
    return 0;
}

static int initials_cover(const char *acr, size_t alen, const char *phrase, size_t plen);

/*
 * 1 when a full stop ends an acronym that the words after it spell out: TOR. Terms
 * Of Reference, MAB.Man and the Biosphere program. Not U.S. Army (one letter before
 * the stop), C.A.R.E (no words after it) or an acronym the words do not begin with.
 */
static int dot_expansion(const char *a, size_t alen, const char *b, size_t blen)
{
    while (alen && *a == ' ')
        a++, alen--;
    while (blen && *b == ' ')
        b++, blen--;
    /* an acronym is short: a bracket of many dots is not read over again at each */
    if (alen > 16 || memchr(a, '.', alen))
        return 0;
    if (!gloss_is_acronym_token(a, alen) || !blen || !(b[0] >= 'A' && b[0] <= 'Z') ||
        !memchr(b, ' ', blen))
        return 0;
    for (size_t i = 0; i < blen; i++)
        if ((unsigned char)b[i] >= 0x80)
            return 0; /* Latin words only */
    return initials_cover(a, alen, b, blen);
}

static size_t split_items(const char *s, size_t len, struct item *it)
{
    static const char *const labels[] = {"영문명", "영문 명칭", "영문", "영어", "English", NULL};
    size_t n = 0, start = 0, prev_cut = 0;
    int expansion = 0; /* after "ACRONYM:": the rest is its long form, commas and all */
    for (size_t i = 0; i <= len && n < MAX_ITEMS; i++) {
        size_t cut = 0;
        if (i < len && (s[i] == ',' || s[i] == ';') && !expansion)
            cut = 1;
        else if (i < len && s[i] == ':')
            cut = 3; /* one byte, like a comma, but remembered */
        else if (i < len && s[i] == '.' &&
                 dot_expansion(s + start, i - start, s + i + 1, len - i - 1))
            cut = 3; /* TOR. Terms Of Reference: read like the colon */
        else if (i + 1 < len && !memcmp(s + i, "·", 2) && i > start) {
            struct ko_script a, b;
            ko_script_of(s + start, i - start, &a);
            ko_script_of(s + i + 2, len - i - 2, &b);
            /* Latin and Hangul alternating, two names of one thing (ICPO·인터폴); three
             * or more dotted items are a list (IoT·빅데이터·자율주행차) */
            int more = has(s + i + 2, len - i - 2, "·");
            if ((a.latin && !a.hangul && korean_words(s + i + 2, len - i - 2, &b) && !more) ||
                (a.hangul && !a.latin && b.latin && !b.hangul && !more) ||
                /* a hanja spelling and a restatement: 복명(復命ㆍ보고), 절창(切創·cutting wound) */
                (a.han && !a.hangul && !a.latin && (b.hangul || b.latin) && !b.han) ||
                item_is_role(s + start, i - start) ||
                /* a body's name and its head: (한국과학기술정보연구원·원장 최희윤); not
                 * (포스텍·카이스트 박사 과정) */
                (!more && role_and_name(s + i + 2, len - i - 2)) ||
                /* an acronym and its expansion: STO·Security Token Offering, and the
                 * other way round: Test of Proficiency in Korean·TOPIK */
                (gloss_is_acronym_token(s + start, i - start) && !b.hangul && !b.han &&
                 memchr(s + i + 2, ' ', len - i - 2)) ||
                (a.latin && !a.hangul && !a.han && memchr(s + start, ' ', i - start) && !more &&
                 gloss_is_acronym_token(s + i + 2, len - i - 2)))
                cut = 2;
        }
        if (i < len && !cut)
            continue;
        const char *p = s + start;
        size_t l = i - start;
        while (l && (*p == ' '))
            p++, l--;
        /* a footnote star marks an item as it marks a whole gloss (strip_marks):
         * (APT*, Asia Pacific Telecommunity) */
        while (l && (p[l - 1] == ' ' || p[l - 1] == '*'))
            l--;
        for (const char *const *lb = labels; *lb; lb++) {
            size_t ln = strlen(*lb);
            if (l > ln && !memcmp(p, *lb, ln) && (p[ln] == ':' || p[ln] == ' ')) {
                p += ln + 1, l -= ln + 1;
                while (l && *p == ' ')
                    p++, l--;
            }
        }
        /* "영어:" splits off as an item of its own: an empty value is dropped below */
        if (l) {
            it[n].s = p;
            it[n].len = l;
            it[n].cls = item_class_of(p, l);
            it[n].dotted = cut == 2 || prev_cut == 2;
            it[n].colon = prev_cut == 3;
            /* (REACH: Registration, Evaluation, Authorisation and Restriction of
             * Chemicals): Latin words after an acronym's colon are one long form */
            if (cut == 3 && i < len && s[i] == ':' && it[n].cls == ITEM_ACRONYM) {
                struct ko_script rest;
                ko_script_of(s + i + 1, len - i - 1, &rest);
                expansion = rest.latin && !rest.hangul && !rest.han;
            }
            n++;
        }
        prev_cut = cut;
        start = i + (cut == 2 ? 2 : 1);
        i = start - 1;
    }
    return n;
}

static int is_label_word(const char *s, size_t len)
{
    static const char *const labels[] = {"영문명", "영문 명칭", "영문", "영어", "English", NULL};
    return one_of(s, len, labels);
}

/* 1 when the acronym's letters appear, in order, among the initials of phrase's words. */
static int initials_cover(const char *acr, size_t alen, const char *phrase, size_t plen)
{
    size_t a = 0;
    int start = 1;
    for (size_t i = 0; i < plen && a < alen; i++) {
        char c = phrase[i];
        if (c == ' ' || c == ',' || c == '-') {
            start = 1;
            continue;
        }
        if (start && (c | 0x20) == (acr[a] | 0x20))
            a++;
        start = 0;
        a += ascii_skip_nonletters(acr + a, alen - a);
    }
    return a == alen;
}

static int initials_fit(const char *acr, size_t alen, const char *phrase, size_t plen)
{
    if (!alen || !plen)
        return 0;
    /* an article is no initial: (The Korea Central Cancer Registry, KCCR) */
    if (plen > 4 && !memcmp(phrase, "The ", 4) && (acr[0] | 0x20) != 't')
        phrase += 4, plen -= 4;
    if ((acr[0] | 0x20) == (phrase[0] | 0x20))
        return 1;
    /* a prefix of the body that adopted it: UN-SDGs, Sustainable Development Goals */
    const char *h = memchr(acr, '-', alen);
    return h && h + 1 < acr + alen && (h[1] | 0x20) == (phrase[0] | 0x20);
}

/*
 * Reads a bracket of several items. Returns 1 and sets out (the gloss),
 * expansion and extra (more glosses of the same term) when the items make
 * sense together; returns 0 to leave the inside to the shape checks.
 */
/* A web address beside a name (말터, www.malteo.net): where to find it, not a gloss. */
static int item_is_address(const char *s, size_t len)
{
    static const char *const marks[] = {"http", "www.", ".kr", ".com", ".net", ".org", NULL};
    if (memchr(s, ' ', len) && !span_mem_casefind(s, len, ". ", 2))
        return 0; /* words, not an address (an address may be broken after a dot) */
    for (const char *const *m = marks; *m; m++)
        if (span_mem_casefind(s, len, *m, strlen(*m)))
            return 1;
    return 0;
}

/* 1 when a Korean item writes an acronym out: its sound (와이파이, WiFi) or, one
 * word, its letters' words (무선전자개체식별장치, RFID: 무선 radio, 식별 identification,
 * 장치 device) */
static int item_renders_acronym(const struct item *k, const struct item *a)
{
    char acr[64];
    if (a->len >= sizeof(acr))
        return 0;
    memcpy(acr, a->s, a->len);
    acr[a->len] = '\0';
    if (score_sound_fit(k->s, k->len, acr) >= SOUND_FIT_NAME)
        return 1;
    return !memchr(k->s, ' ', k->len) && a->len >= 3 && score_acronym_fit(k->s, k->len, acr) >= 0.5;
}

static int structured_gloss(const char *s, size_t len, const struct extract_oracle *oracle,
                            struct strbuf *out, struct strbuf *expansion, struct gloss_extra *extra)
{
    struct item it[MAX_ITEMS];
    size_t n = split_items(s, len, it), k = 0;
    if (n < 2)
        return 0;
    /* items that end in 등 are examples, for the shape checks (SK, 현대차 등) */
    if (ends_in_examples(s, len))
        return 0;
    /* a title, a colon and a name: (원장:李愚伯) is a label and its value */
    if (n == 2 && it[1].colon && it[0].cls == ITEM_HANGUL && span_person_title(it[0].s, it[0].len))
        return 0;
    /* drop roles, bare labels and credits (Resienzschloss·사진: the photo shows it); a
     * date beside a name is a citation ('22, IDC): the shape checks refuse it */
    for (size_t i = 0; i < n; i++)
        if (!item_is_address(it[i].s, it[i].len) && !credit_word(it[i].s, it[i].len) &&
            !(it[i].cls == ITEM_HANGUL && item_is_role(it[i].s, it[i].len)) &&
            !(it[i].cls == ITEM_LATIN && item_is_role(it[i].s, it[i].len)) &&
            !is_label_word(it[i].s, it[i].len))
            it[k++] = it[i];
    n = k;
    if (n == 0)
        return 0;
    int acr = -1, lat = -1, han = -1, hang = -1, nacr = 0, nlat = 0, nhan = 0, nhang = 0;
    for (size_t i = 0; i < n; i++) {
        switch (it[i].cls) {
        case ITEM_ACRONYM:
            acr = acr < 0 ? (int)i : acr, nacr++;
            break;
        case ITEM_LATIN:
            lat = lat < 0 ? (int)i : lat, nlat++;
            break;
        case ITEM_HAN:
            han = han < 0 ? (int)i : han, nhan++;
            break;
        case ITEM_HANGUL:
            hang = hang < 0 ? (int)i : hang, nhang++;
            break;
        default:
            return 0;
        }
    }
    /* an expansion with commas of its own (UNESCO, United Nations Educational,
     * Scientific and Cultural Organization): the Latin items after the acronym that
     * spells them are one long form */
    struct strbuf longform = STRBUF_INIT;
    /* ... after the acronym or before it: (International Classification of
     * Diseases, 10th edition, ICD-10) */
    if (nacr == 1 && nlat > 1 && nhan == 0 && nhang == 0 && (lat == acr + 1 || acr == (int)n - 1) &&
        initials_fit(it[acr].s, it[acr].len, it[lat].s, it[lat].len)) {
        size_t last = acr == (int)n - 1 ? n - 2 : n - 1;
        const char *from = it[lat].s, *to = it[last].s + it[last].len;
        for (size_t i = (size_t)lat; i <= last; i++)
            if (it[i].cls != ITEM_LATIN)
                to = NULL;
        if (to && initials_cover(it[acr].s, it[acr].len, from, (size_t)(to - from))) {
            strbuf_add(&longform, from, (size_t)(to - from));
            nlat = 1;
        }
    }
    /* several items of one class are an enumeration, not a gloss */
    if (nacr > 1 || nlat > 1 || nhan > 1 || nhang > 1) {
        strbuf_release(&longform);
        return 0;
    }
    /* beside an acronym, a Korean phrase of several words describes it (HAECHI,
     * 사이버금융범죄 대응): dropped */
    if (acr >= 0 && hang >= 0 && memchr(it[hang].s, ' ', it[hang].len))
        hang = -1;
    /* beside an acronym, English that does not spell it (KISA, Internet Agency) and a
     * Korean word after a comma (AI, 반도체) make a list; after a middle dot a Korean
     * word is another name (ICPO·인터폴) */
    if ((acr >= 0 && lat >= 0 && !initials_fit(it[acr].s, it[acr].len, it[lat].s, it[lat].len) &&
         /* the letters in order among a long form's initials after an article or a
          * prefix: (The United Nations World Food Programme, WFP) */
         !(lat < acr && initials_cover(it[acr].s, it[acr].len, it[lat].s, it[lat].len)) &&
         /* after the acronym's colon, its letters among the initials in order will do:
          * (BI: Legislative Budget Institution Index) */
         !(it[lat].colon && lat == acr + 1 &&
           initials_cover(it[acr].s, it[acr].len, it[lat].s, it[lat].len))) ||
        /* a Korean word after a comma is a list (AI, 반도체) unless it spells the
         * acronym as a loanword (코피아, KOPIA) or names a body after it (UNESCO,
         * 국제연합교육과학문화기구; a body before it is one more of a list of bodies:
         * 집행기관(한국수출입은행, KOICA)) */
        (acr >= 0 && hang >= 0 && !it[hang].dotted && !it[hang].colon &&
         !gloss_is_loanword(it[hang].s, it[hang].len, oracle) &&
         !(span_org_like(it[hang].s, it[hang].len) && !memchr(it[hang].s, ' ', it[hang].len) &&
           hang > acr) &&
         !item_renders_acronym(&it[hang], &it[acr])) ||
        (acr < 0 && lat < 0 && hang >= 0 && n > 1 && !(n == 2 && han >= 0))) {
        strbuf_release(&longform);
        return 0;
    }
    strbuf_reset(out);
    strbuf_reset(expansion);
    extra->n = 0;
    if (acr >= 0) {
        strbuf_add(out, it[acr].s, it[acr].len);
        if (longform.len)
            strbuf_addbuf(expansion, &longform);
        else if (lat >= 0)
            strbuf_add(expansion, it[lat].s, it[lat].len);
    } else if (lat >= 0 && hang >= 0 && gloss_is_loanword(it[hang].s, it[hang].len, oracle)) {
        /* a loanword and its English (스마트 팩토리, Smart Factory): both gloss the
         * term, as the annotators write them; the English is also the loanword's
         * long form */
        strbuf_add(out, it[hang].s, it[hang].len);
        strbuf_add(expansion, it[lat].s, it[lat].len);
        /* when the loanword writes that English (not 서비스플랫폼, App: a role and a
         * channel in a list of participants) */
        struct strbuf en = STRBUF_INIT;
        strbuf_add(&en, it[lat].s, it[lat].len);
        if (score_sound_fit(it[hang].s, it[hang].len, en.buf) >= SOUND_FIT_NAME)
            strbuf_add(&extra->g[extra->n++], it[lat].s, it[lat].len);
        strbuf_release(&en);
        hang = -1;
    } else if (lat >= 0) {
        /* English and a Korean name or restatement (Gust, 돌풍): both gloss the term,
         * and after an acronym, IMF(International Monetary Fund, 국제통화기금), the
         * Korean is the term the acronym abbreviates */
        strbuf_add(out, it[lat].s, it[lat].len);
        if (hang >= 0) {
            extra->restates |= 1u << extra->n;
            strbuf_add(&extra->g[extra->n++], it[hang].s, it[hang].len);
        }
        hang = -1;
    } else if (han >= 0 && hang >= 0) {
        /* a hanja spelling and a plain restatement, as lists of refined words write
         * them: 해태(懈怠, 게으름), 노견(路肩, →갓길). The hanja is the gloss (its
         * reading decides the term) and the restatement glosses the same term */
        strbuf_add(out, it[han].s, it[han].len);
        strbuf_add(&extra->g[extra->n], it[hang].s, it[hang].len);
        strip_marks(&extra->g[extra->n]);
        extra->restates |= 1u << extra->n++;
        han = -1;
    } else {
        strbuf_add(out, it[0].s, it[0].len); /* one item left once roles are gone */
        strbuf_release(&longform);
        return 1;
    }
    if (han >= 0) {
        strbuf_add(&extra->g[extra->n++], it[han].s, it[han].len);
        /* the hanja, the English name and the acronym, as an encyclopedia's first
         * line gives a body (國防科學硏究所, Agency for Defense Development, ADD): the
         * English is a gloss of its own there, not only the acronym's long form */
        if (acr >= 0 && expansion->len)
            strbuf_addbuf(&extra->g[extra->n++], expansion);
    }
    /* a loanword or name beside an acronym (ICPO·인터폴); a description is not a gloss.
     * A Korean name that is no loanword restates the term (UNESCO, 국제연합교육과학문화기구) */
    if (hang >= 0 && acr >= 0 && !memchr(it[hang].s, ' ', it[hang].len)) {
        if (!gloss_is_loanword(it[hang].s, it[hang].len, oracle))
            extra->restates |= 1u << extra->n;
        strbuf_add(&extra->g[extra->n++], it[hang].s, it[hang].len);
    }
    strbuf_release(&longform);
    return 1;
}

/* 1 when s[0..len) spells in hanja: no Hangul, Latin letters or digits. */
static int hanja_item(const char *s, size_t len)
{
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    return sc.han && !sc.hangul && !sc.latin && !sc.digit;
}

/*
 * A second name a short form's definition offers after the first, s[0..len) being
 * what follows that one: (이하 "법" 또는 "공공데이터법"이라 한다), (약칭
 * 연명의료결정법, 일명 존엄사법). The annotators write each as a short form of the
 * term.
 */
static void another_short_form(const char *s, size_t len, struct gloss_extra *extra)
{
    static const char *const joiners[] = {"또는", "혹은", "일명", NULL};
    struct strbuf name = STRBUF_INIT;
    size_t at, end, i = 0;
    while (i < len && (s[i] == ' ' || s[i] == ','))
        i++;
    if (extra->n < sizeof(extra->g) / sizeof(*extra->g) &&
        find_short_form(s, len, joiners, &name, &at, &end) && at == i)
        strbuf_addbuf(&extra->g[extra->n++], &name);
    strbuf_release(&name);
}

/*
 * The glosses before a short form's marker, each an item of s[0..at) between
 * commas, middle dots or semicolons: an acronym (ERI, 이하 극동경제연구원;
 * KIGAM·이하 지질자원연), a hanja spelling, and an English name before a Korean
 * short form (Child Friendly Cities, 이하 아동친화도시; JobCare, 이하
 * 잡케어서비스). Before an acronym an English name is the acronym's long form,
 * unless a hanja spelling stands beside it, as an encyclopedia's first line
 * gives a body (國立國語院, National Institute of the Korean Language, 약칭:
 * NIKL): there each is a gloss. A role and a name (장관 유상임, 이하
 * '과기정통부') are none.
 */
static void glosses_before_marker(const char *s, size_t at, const struct strbuf *shortform,
                                  struct gloss_extra *extra)
{
    enum { ITEMS = 3 };
    struct {
        const char *s;
        size_t len;
    } item[ITEMS];
    size_t n = 0, i = 0;
    while (i < at && n < ITEMS) {
        size_t j = i;
        while (j < at && s[j] != ',' && s[j] != ';' && !(at - j >= 2 && !memcmp(s + j, "·", 2)))
            j++;
        size_t a = i, b = j;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        a += name_label(s + a, b - a); /* (…, 영어: Korea Immigration Service, …) */
        if (b > a)
            item[n].s = s + a, item[n++].len = b - a;
        i = j < at && s[j] != ',' && s[j] != ';' ? j + 2 : j + 1;
    }
    int hanja = 0;
    for (size_t k = 0; k < n; k++)
        hanja |= hanja_item(item[k].s, item[k].len);
    int acronym_short = gloss_is_acronym_token(shortform->buf, shortform->len);
    for (size_t k = 0; k < n && extra->n < sizeof(extra->g) / sizeof(*extra->g); k++) {
        const char *t = item[k].s;
        size_t tl = item[k].len;
        int keep;
        if (gloss_is_acronym_token(t, tl) || hanja_item(t, tl))
            keep = 1;
        else if (english_name_item(t, tl) || latin_name_word(t, tl))
            keep = !acronym_short || hanja;
        else
            keep = 0;
        if (keep)
            trim_into(t, tl, &extra->g[extra->n++]);
    }
}

/* The last comma of g that has something before it, or NULL: where a trailing
 * item (a date, an address) begins. */
static const char *last_comma(const struct strbuf *g)
{
    const char *comma = NULL;
    for (const char *p = g->buf; (p = memchr(p, ',', g->len - (size_t)(p - g->buf))); p++)
        comma = p;
    return comma == g->buf ? NULL : comma;
}

/* Drops the item after comma (and the comma) from g. */
static void cut_at(struct strbuf *g, const char *comma)
{
    strbuf_setlen(g, (size_t)(comma - g->buf));
    strbuf_trim(g);
}

/*
 * A person's name in Latin letters and then their age and country or job, as news
 * writes people: (Hallie Bradley, 30, 미국). The name is the gloss; the rest goes.
 */
static void strip_age_and_origin(struct strbuf *g)
{
    const char *comma = memchr(g->buf, ',', g->len);
    if (!comma)
        return;
    size_t nl = (size_t)(comma - g->buf);
    struct ko_script sn;
    ko_script_of(g->buf, nl, &sn);
    if (!sn.latin || sn.hangul || sn.digit || !memchr(g->buf, ' ', nl) || g->buf[0] < 'A' ||
        g->buf[0] > 'Z')
        return;
    const char *p = comma + 1, *end = g->buf + g->len;
    while (p < end && *p == ' ')
        p++;
    size_t digits = strspn(p, "0123456789");
    if (digits < 1 || digits > 3)
        return;
    p += digits;
    if (end - p >= 3 && !memcmp(p, "세", 3))
        p += 3; /* 30세 */
    if (p < end) {
        if (*p != ',')
            return;
        p++;
        while (p < end && *p == ' ')
            p++;
        struct ko_script so;
        ko_script_of(p, (size_t)(end - p), &so);
        if (p == end || !so.hangul || so.latin || so.digit || memchr(p, ' ', (size_t)(end - p)) ||
            memchr(p, ',', (size_t)(end - p)))
            return;
    }
    strbuf_setlen(g, nl);
    strbuf_trim(g);
}

/*
 * Drops the date of an event after its acronym: (COP26, 2021. 11.3), (MWC, 2.26~29).
 * The item after the last comma holds only digits and date punctuation with a day
 * in it (three numbers at least), and the gloss before it is Latin: when it
 * happened, not another name. A source with a year or a month, (IDC, 2022.5),
 * ('22, IDC), (KISDI, '24.3.), and a Korean source with a full date are citations
 * and stay for the shape checks to refuse.
 */
static void strip_trailing_date(struct strbuf *g)
{
    const char *comma = last_comma(g);
    if (!comma)
        return;
    const char *p = comma + 1, *end = g->buf + g->len;
    unsigned numbers = 0;
    int in_number = 0;
    while (p < end) {
        uint32_t c;
        size_t n = utf8_decode(p, (size_t)(end - p), &c);
        if (c >= '0' && c <= '9') {
            numbers += !in_number;
            in_number = 1;
        } else if (c == '.' || c == '~' || c == '-' || c == '/' || c == ' ' || c == '\'' ||
                   c == 0x2019 || c == 0xB144 /* 년 */ || c == 0xC6D4 /* 월 */ ||
                   c == 0xC77C /* 일 */) {
            in_number = 0;
        } else {
            return;
        }
        p += n;
    }
    size_t keep = (size_t)(comma - g->buf);
    struct ko_script sc;
    ko_script_of(g->buf, keep, &sc);
    if (numbers < 3 || !sc.latin || sc.hangul || has_numeric_run(g->buf, keep))
        return;
    cut_at(g, comma);
}

/*
 * 1 when s[0..len), what follows a number, is an amount of money: a currency
 * after an optional unit of ten thousand and more (억 원, 조원, 만 달러, 달러).
 */
static int money(const char *s, size_t len)
{
    static const char *const units[] = {"억", "조", "만", "천만", "백만", NULL};
    static const char *const currencies[] = {"원", "달러", "유로", "엔", "위안", "파운드", NULL};
    for (const char *const *u = units; *u; u++) {
        size_t ul = strlen(*u);
        if (len > ul && !memcmp(s, *u, ul)) {
            s += ul, len -= ul;
            break;
        }
    }
    while (len && *s == ' ')
        s++, len--;
    return one_of(s, len, currencies);
}

/* The separator of a bracket's items at s (a comma that groups no digits, a
 * semicolon, a middle dot): its length in bytes, else 0. */
static size_t item_separator(const char *s, const char *start, const char *end)
{
    if (*s == ',')
        return s > start && s[-1] >= '0' && s[-1] <= '9' && s + 1 < end && s[1] >= '0' &&
                       s[1] <= '9'
                   ? 0
                   : 1;
    if (*s == ';')
        return 1;
    if (end - s >= 2 && !memcmp(s, "·", 2))
        return 2;
    if (end - s >= 3 && !memcmp(s, "ㆍ", 3))
        return 3;
    return 0;
}

/* The item of a bracket's inside start[0..end) that begins at p: its length
 * without the spaces after it in *il; returns where the separator after it is
 * (end when none), its length in *sl (0 at the end). */
static const char *bracket_item(const char *p, const char *start, const char *end, size_t *il,
                                size_t *sl)
{
    const char *q = p;
    *sl = 0;
    while (q < end && !(*sl = item_separator(q, start, end)))
        q++;
    *il = (size_t)(q - p);
    while (*il && p[*il - 1] == ' ')
        (*il)--;
    return q;
}

/* An acronym or a name written like one: KIST, C.A.R.E, LTE-M, MoCRA, and the
 * lower-case letter before a capital of eGovFrame and pH. */
static int acronym_like(const char *s, size_t len)
{
    if (gloss_is_acronym_token(s, len))
        return 1;
    int letters = 0, turn = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!ascii_is_letter(c) && !(c >= '0' && c <= '9') && c != '-')
            return 0;
        letters += ascii_is_letter(c) != 0;
        turn |= i && s[i - 1] >= 'a' && s[i - 1] <= 'z' && c >= 'A' && c <= 'Z';
    }
    return letters >= 2 && turn;
}

/*
 * One acronym, then a remark on it after a comma, a semicolon or a middle dot:
 * what the body became (한국과학기술연구소(KIST, 現 한국과학기술연구원)), what
 * the measure means (수소이온농도(pH, 물의 산성, …)), a figure or a reach
 * (해상무선통신망(LTE-M, 100km 이내), 엑사플롭스(EF·1초에 100경 번의 …)): a
 * number, hanja or a word with a particle or an ending says it is a remark. The
 * words of a bracket that are not the gloss are dropped; English words after the
 * acronym that it abbreviates are its long form (MoCRA·The Modernization of
 * Cosmetics Regulation Act of 2022). The
 * bracket stays whole, for reject_shape to judge, when it lists things: another
 * Latin token or acronym after the first (NOx, O3, PM2.5; ISO·IEC; LTE, WCDMA
 * 등), English the acronym does not abbreviate (KISA, Internet Agency), a year
 * (OECD, 2023: a citation), examples or a coordination (SK, 현대차 등), items of
 * one word each (AI, 반도체; AI·AI반도체·양자), two items or more after a middle
 * dot (IoT·빅데이터·자율주행차·드론 활용), or bare nouns (AI, 차세대 반도체).
 */
static void strip_remark_after_acronym(struct strbuf *g, struct strbuf *expansion)
{
    const char *start = g->buf, *end = g->buf + g->len;
    size_t fl, sl;
    const char *sep = bracket_item(start, start, end, &fl, &sl);
    if (!sl || !fl || memchr(start, ' ', fl) || !acronym_like(start, fl))
        return;
    const char *rest = sep + sl;
    while (rest < end && *rest == ' ')
        rest++;
    if (rest == end || (end - rest >= 4 && gloss_is_year(rest)) || *rest == '\'')
        return;
    /* examples or a coordination after it list things too (SK, 현대차 등; AI 및 …) */
    if (ends_in_examples(start, g->len) || has(rest, (size_t)(end - rest), " 및 ") ||
        has(rest, (size_t)(end - rest), " 또는 "))
        return;
    struct ko_script rs;
    ko_script_of(rest, (size_t)(end - rest), &rs);
    /* a remark says something of the acronym: a number, hanja (現, 舊), or a word
     * with a particle or an ending (물의, 1초에); bare nouns name another item of a
     * list (AI, 차세대 반도체) */
    int dotted = sl > 1, remark = rs.digit || rs.han;
    size_t items = 0, one_word = 0;
    for (const char *p = rest; p < end;) {
        size_t il, l;
        const char *q = bracket_item(p, start, end, &il, &l);
        struct ko_script is;
        ko_script_of(p, il, &is);
        int spaced = memchr(p, ' ', il) != NULL, lettered = is.hangul || is.latin || is.han;
        if (il && !spaced && is.latin && !is.hangul && !is.han)
            return; /* another Latin token: a list (NOx, O3, PM2.5) */
        for (size_t w = 0; w < il;) {
            size_t wl = 0;
            while (w + wl < il && p[w + wl] != ' ')
                wl++;
            if (gloss_is_acronym_token(p + w, wl))
                return; /* another acronym among words: (LTE, WCDMA 등) */
            remark |= wl && ko_token_stop(p + w, wl) != KO_STOP_NONE;
            w += wl + 1;
        }
        items += lettered;
        one_word += lettered && !spaced;
        dotted |= q < end && l > 1;
        p = q < end ? q + l : end;
        while (p < end && *p == ' ')
            p++;
    }
    if ((items && one_word == items) || (dotted && items >= 2))
        return; /* AI, 반도체; AI·빅데이터·드론 활용: figures (LPG·-9.4%) aside */
    if (!remark && (rs.hangul || !rs.latin))
        return;
    if (rs.latin && !rs.hangul && !rs.han) {
        /* English that does not spell the acronym lists another thing (KISA,
         * Internet Agency); English that does is its long form */
        if (!initials_cover(start, fl, rest, (size_t)(end - rest)))
            return;
        if (!expansion->len)
            strbuf_add(expansion, rest, (size_t)(end - rest));
    }
    strbuf_setlen(g, fl);
}

/*
 * Drops a share after an acronym: (KDI·1.6%), (IMF, 2.9%), forecasts and votes
 * that quote a body with its figure. The item after the last comma or middle dot
 * is a number and a per cent sign (%p too), and what stands before it is one
 * acronym: the body is the gloss, the figure is what it said. A count or an age
 * there goes too when no number stands before it: how often a word was used,
 * FTA(자유무역협정·427회), how old a person is, (Rose Poca, 만25세). So does an
 * amount of money after one acronym: a budget's item or a fund's size,
 * 연구개발(R&D, 79억 원), 캘리포니아공무원연금(CalPERS, 2731억달러).
 */
static void strip_trailing_figure(struct strbuf *g)
{
    const char *sep = NULL;
    size_t sl = 0;
    /* a comma between digits groups thousands (1,218회), no item ends there */
    for (const char *p = g->buf, *end = g->buf + g->len; p < end; p++)
        if (*p == ',' && !(p > g->buf && p[-1] >= '0' && p[-1] <= '9' && p + 1 < end &&
                           p[1] >= '0' && p[1] <= '9'))
            sep = p, sl = 1;
        else if (end - p >= 2 && !memcmp(p, "·", 2))
            sep = p, sl = 2;
    if (!sep || sep == g->buf)
        return;
    const char *p = sep + sl, *end = g->buf + g->len;
    while (p < end && *p == ' ')
        p++;
    int age = end - p > 3 && !memcmp(p, "만", 3); /* 만25세, 만 25세: full years */
    if (age)
        for (p += 3; p < end && *p == ' ';)
            p++;
    else if (p < end && (*p == '-' || *p == '+'))
        p++;
    size_t digits = 0;
    while (p < end && ((*p >= '0' && *p <= '9') || ((*p == '.' || *p == ',') && digits)))
        digits += *p >= '0' && *p <= '9', p++;
    if (!digits || p == end)
        return;
    int share = !age && *p == '%' && (p + 1 == end || (p + 2 == end && p[1] == 'p'));
    while (!share && p < end && *p == ' ')
        p++;
    static const char *const counters[] = {"회", "세", "명", "건", NULL};
    static const char *const years[] = {"세", NULL}; /* 만 counts years of age only */
    int count = !share && one_of(p, (size_t)(end - p), age ? years : counters);
    int amount = !share && !count && !age && money(p, (size_t)(end - p));
    if (!share && !count && !amount)
        return;
    size_t keep = (size_t)(sep - g->buf);
    while (keep && g->buf[keep - 1] == ' ')
        keep--;
    if (!keep || ((share || amount) && !gloss_is_acronym_token(g->buf, keep)))
        return;
    if (count) {
        struct ko_script sc;
        ko_script_of(g->buf, keep, &sc);
        if (sc.digit || !(sc.hangul || sc.latin))
            return;
    }
    strbuf_setlen(g, keep);
}

/*
 * Drops a street address after the last comma: (SBA, 서울시 마포구 월드컵북로
 * 400), where a venue is. The item has a road or district word (…로, …길,
 * …구, …동) and ends in a building number (400, 12-3). What stays is a
 * gloss as any other.
 */
static void strip_trailing_address(struct strbuf *g)
{
    const char *comma = last_comma(g);
    if (!comma)
        return;
    const char *p = comma + 1, *end = g->buf + g->len;
    while (p < end && *p == ' ')
        p++;
    /* the building number: the last word, digits and hyphens only */
    const char *last = end;
    while (last > p && last[-1] != ' ')
        last--;
    if (last == p || last == end)
        return;
    for (const char *q = last; q < end; q++)
        if (!((*q >= '0' && *q <= '9') || *q == '-'))
            return;
    /* a road or a district among the words before it */
    int place = 0;
    for (const char *w = p; w < last;) {
        const char *sp = memchr(w, ' ', (size_t)(last - w));
        size_t wl = (size_t)((sp ? sp : last) - w);
        if (wl >= 6 && (span_ends_with(w, wl, "로", 3) || span_ends_with(w, wl, "길", 3) ||
                        span_ends_with(w, wl, "구", 3) || span_ends_with(w, wl, "동", 3)))
            place = 1;
        w += wl + 1;
    }
    if (place)
        cut_at(g, comma);
}

/*
 * A bracket that opens with a word for "for example" gives instances of the
 * words before it, not another name for them: 관세철폐 중심(예: NAFTA),
 * 통합(예컨대 EU), (e.g. Naver).
 */
static int example_marker(const char *s, size_t len)
{
    static const char *const colon_words[] = {"예", "예시", "사례", "보기", NULL};
    static const char *const words[] = {"예컨대", "예를 들어", "예를 들면", "가령", "e.g.",
                                        "eg.",    "ex)",       "예)",       NULL};
    for (const char *const *w = colon_words; *w; w++) {
        size_t n = strlen(*w), i = n;
        if (len <= n || memcmp(s, *w, n))
            continue;
        while (i < len && s[i] == ' ')
            i++;
        if (i < len && s[i] == ':')
            return 1;
    }
    for (const char *const *w = words; *w; w++) {
        size_t n = strlen(*w);
        if (len > n && !ascii_casecmp_n(s, *w, n) &&
            (s[n] == ' ' || s[n - 1] == ')' || s[n - 1] == '.' || s[n] == ','))
            return 1;
    }
    return 0;
}

const char *gloss_clean(const char *inner, size_t len, const struct extract_oracle *oracle,
                        struct strbuf *out, unsigned *flags, struct strbuf *expansion,
                        struct gloss_extra *extra)
{
    strbuf_reset(expansion);
    extra->n = 0;
    extra->restates = 0;
    static const char *const shortform_markers[] = {"이하", "약칭", "줄여서", "약어", "아래", NULL};
    size_t marker, end;
    if (find_short_form(inner, len, shortform_markers, out, &marker, &end)) {
        *flags |= OCC_SHORTFORM;
        strip_quotes(out);
        /* (이하 [보고]), (이하 '(가칭)유엔위민 CGE'): brackets that quote the name, a
         * label before it */
        if (out->len > 2 && out->buf[0] == '[' && out->buf[out->len - 1] == ']') {
            strbuf_setlen(out, out->len - 1);
            strbuf_remove(out, 0, 1);
        }
        if (out->len > 8 && !memcmp(out->buf, "(가칭)", 8)) {
            strbuf_remove(out, 0, 8);
            strbuf_trim(out);
        }
        /* an acronym and its English long form after a colon: (이하 MASS : Maritime
         * Autonomous Surface Ships); both are copied out before out is rewritten */
        const char *colon = memchr(out->buf, ':', out->len);
        if (colon)
            acronym_with_long_form(out->buf, (size_t)(colon - out->buf), colon + 1,
                                   out->len - (size_t)(colon + 1 - out->buf), 1, out, expansion);
        const char *why = reject_shape(out);
        if (!why)
            glosses_before_marker(inner, marker, out, extra);
        /* the first may be one syllable, a refusal scan.c lifts: (이하 "법" 또는 …) */
        another_short_form(inner + end, len - end, extra);
        /* a defined name may end in 등, hold a dot, a bracket of its own or a number
         * among its words: (이하 "물품 등"이라 함), (이하 핵융합(연)), (이하 제3차
         * 적응대책), (이하 천리안 1호) */
        if (why && !strcmp(why, "date, time or number") && words_beside_number(out->buf, out->len))
            why = NULL;
        return why && strcmp(why, "enumeration") && strcmp(why, "examples (등)") &&
                       strcmp(why, "nested brackets")
                   ? why
                   : NULL;
    }
    trim_into(inner, len, out);
    if (example_marker(out->buf, out->len))
        return "examples (예:, e.g.)";
    /* (또는 승차 검진), (혹은 …): another way to say the word before, offered beside
     * it, not its gloss: 승차 진료(또는 승차 검진) */
    if (out->len > 7 && (!memcmp(out->buf, "또는 ", 7) || !memcmp(out->buf, "혹은 ", 7)))
        return "an alternative (또는, 혹은)";
    strbuf_remove(out, 0, name_label(out->buf, out->len));
    /* a language's name before a colon says what language follows: (네덜란드어: Victor
     * d'Hondt), (러시아: залог) */
    {
        const char *colon = memchr(out->buf, ':', out->len);
        size_t w = colon ? (size_t)(colon - out->buf) : 0;
        if (w >= 6 && !memchr(out->buf, ' ', w) && w + 1 < out->len &&
            (score_place_word(out->buf, w) ||
             (span_ends_with(out->buf, w, "어", 3) && score_place_word(out->buf, w - 3)))) {
            strbuf_remove(out, 0, w + 1);
            strbuf_trim(out);
        }
    }
    /* another name after a marker word: (소위 '카톡'), (일명 스마트팜), (속칭 …) */
    static const char *const markers[] = {"소위", "일명", "이른바", "속칭", "통칭", "일컬어", NULL};
    for (const char *const *m = markers; *m; m++) {
        size_t n = strlen(*m);
        if (out->len > n + 1 && !memcmp(out->buf, *m, n) && out->buf[n] == ' ') {
            strbuf_remove(out, 0, n + 1);
            strbuf_trim(out);
            break;
        }
    }
    strip_marks(out);
    if (strip_quotes(out))
        *flags |= OCC_QUOTED;
    if (acronym_and_expansion(out->buf, out->len, out, expansion) ||
        expansion_then_acronym(out->buf, out->len, out, expansion))
        return NULL;
    strip_age_and_origin(out);
    strip_trailing_date(out);
    strip_trailing_figure(out);
    strip_trailing_address(out);
    if (!has_numeric_run(out->buf, out->len)) {
        struct strbuf whole = STRBUF_INIT;
        strbuf_addbuf(&whole, out);
        int ok = structured_gloss(whole.buf, whole.len, oracle, out, expansion, extra);
        strbuf_release(&whole);
        if (ok) {
            const char *why = reject_shape(out);
            if (why)
                extra->n = 0;
            return why;
        }
    }
    const char *why = reject_shape(out);
    if (why && (!strcmp(why, "enumeration") || !strcmp(why, "date, time or number"))) {
        size_t whole = out->len;
        strip_remark_after_acronym(out, expansion);
        if (out->len < whole)
            why = reject_shape(out);
    }
    return why;
}

void extract_pair_to_model(const struct extract_pair *x, struct model_pair *p)
{
    memset(p, 0, sizeof(*p));
    p->ko = x->ko;
    p->gloss = x->gloss;
    p->kind = x->kind;
    p->line = x->line;
    p->count = x->count;
    p->reversed = x->reversed;
    p->context = x->context;
    p->expansion = x->expansion;
    p->en = x->en;
    p->abbr = x->abbr;
    p->en_source = x->en ? x->evidence : NULL;
    p->en_score = x->confidence;
}

void extract_pair_to_model_in(const struct extract_doc *d, const struct extract_pair *x,
                              struct model_pair *p)
{
    extract_pair_to_model(x, p);
    p->pos = extract_doc_where(d, x->line);
}
