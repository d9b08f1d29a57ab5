/*
 * test_util.c - unit tests for src/util: strbuf, strmap, utf8 and outfile.
 *
 * strbuf: growth through add/addch/addf, trim, remove, detach, setlen, and
 * the invariant that an empty strbuf points at the shared static empty
 * string, which no operation may write or free (git's strbuf_slopbuf).
 * strpool: copies that survive later copies and new blocks, clear and reuse.
 * strmap: put/get, overwriting a value, growth to 100,000 keys, iteration
 * and release with a value destructor. utf8: RFC 3629 decoding of valid,
 * invalid, overlong, surrogate and truncated sequences (each test buffer is
 * allocated to its exact length so that ASan catches an over-read), and an
 * encode/decode round trip over every scalar value. outfile: the atomic
 * temp + rename protocol and its failure paths, and what a replacement keeps
 * (mode, symlinks) and removes (stale temporary files; issue 16).
 * handoff: records reach the consumer thread in order and whole, one larger
 * than a batch included; a consumer that stops drops the rest, and its
 * errno reaches the producer.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "util/ascii.h"
#include "util/handoff.h"
#include "util/outfile.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/strpool.h"
#include "util/utf8.h"
#include "util/utf8_int.h"
#include "util/wordlist.h"
#include "util/wordset.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- strbuf ------------------------------------------------------------------- */

/* The shared empty string is untouched: still empty, and sb uses it. */
static void check_static_empty(const struct strbuf *sb, const char *what)
{
    INT_EQ(sb->alloc, 0, "%s: alloc", what);
    INT_EQ(sb->len, 0, "%s: len", what);
    OK(sb->buf == strbuf_slopbuf, "%s: buf is not the static empty string", what);
    INT_EQ(strbuf_slopbuf[0], '\0', "%s: the static empty string was written", what);
}

static void test_strbuf_init(void)
{
    struct strbuf sb = STRBUF_INIT;

    check_static_empty(&sb, "STRBUF_INIT");
    STR_EQ(sb.buf, "", "STRBUF_INIT reads as \"\"");
    strbuf_release(&sb);
    check_static_empty(&sb, "release of an empty strbuf");

    strbuf_init(&sb, 100);
    OK(sb.alloc >= 101, "init with a hint allocates (alloc %zu)", sb.alloc);
    OK(sb.buf != strbuf_slopbuf, "init with a hint has its own buffer");
    INT_EQ(sb.len, 0, "init with a hint is empty");
    STR_EQ(sb.buf, "", "init with a hint is terminated");
    strbuf_release(&sb);
    check_static_empty(&sb, "release");

    strbuf_init(&sb, 0);
    check_static_empty(&sb, "init without a hint");
}

/* Operations that add nothing keep the static empty string. */
static void test_strbuf_static_empty(void)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_add(&sb, "x", 0);
    check_static_empty(&sb, "add of 0 bytes");
    strbuf_addstr(&sb, "");
    check_static_empty(&sb, "addstr of \"\"");
    strbuf_setlen(&sb, 0);
    check_static_empty(&sb, "setlen 0");
    strbuf_reset(&sb);
    check_static_empty(&sb, "reset");
    strbuf_trim(&sb);
    check_static_empty(&sb, "trim");
    strbuf_remove(&sb, 0, 0);
    check_static_empty(&sb, "remove 0 bytes");
    strbuf_remove(&sb, 0, 5);
    check_static_empty(&sb, "remove past the end");

    /* a detached empty strbuf gives a fresh, freeable "" */
    size_t len = 99;
    char *s = strbuf_detach(&sb, &len);
    OK(s != strbuf_slopbuf, "detach of an empty strbuf returned the static string");
    STR_EQ(s, "", "detach of an empty strbuf");
    INT_EQ(len, 0, "detach length");
    free(s);
    check_static_empty(&sb, "after detach");

    /* releasing a used strbuf goes back to the static string */
    strbuf_addstr(&sb, "abc");
    OK(sb.buf != strbuf_slopbuf, "add moved off the static string");
    strbuf_reset(&sb);
    OK(sb.alloc > 0 && sb.len == 0 && sb.buf[0] == '\0', "reset keeps the allocation");
    strbuf_release(&sb);
    check_static_empty(&sb, "release after use");
}

static void test_strbuf_add_growth(void)
{
    struct strbuf sb = STRBUF_INIT, other = STRBUF_INIT;
    size_t i, bad = 0;

    for (i = 0; i < 100000; i++) {
        strbuf_addch(&sb, 'a' + (int)(i % 26));
        if (sb.len != i + 1 || sb.alloc <= sb.len || sb.buf[sb.len] != '\0')
            bad++;
    }
    INT_EQ(bad, 0, "addch: len, alloc or terminator wrong");
    for (i = 0; i < sb.len; i++)
        if (sb.buf[i] != 'a' + (int)(i % 26))
            break;
    INT_EQ(i, 100000, "addch: contents survive reallocation");

    strbuf_reset(&sb);
    for (i = 0; i < 1000; i++)
        strbuf_add(&sb, "0123456789", 10);
    INT_EQ(sb.len, 10000, "add: length");
    OK(sb.alloc > sb.len, "add: room for the NUL");
    OK(!memcmp(sb.buf + 9990, "0123456789", 11), "add: last block and NUL");

    /* bytes may include NULs: len, not strlen, counts */
    strbuf_reset(&sb);
    strbuf_add(&sb, "a\0b", 3);
    INT_EQ(sb.len, 3, "add with a NUL inside");
    OK(!memcmp(sb.buf, "a\0b\0", 4), "NUL kept and terminated");

    strbuf_addstr(&other, "xyz");
    strbuf_addbuf(&sb, &other);
    INT_EQ(sb.len, 6, "addbuf length");
    OK(!memcmp(sb.buf, "a\0bxyz", 7), "addbuf contents");

    /* a part of sb appended to itself: with room (the inline path) and when it must grow */
    strbuf_reset(&sb);
    strbuf_grow(&sb, 64);
    strbuf_addstr(&sb, "abcdef");
    strbuf_add(&sb, sb.buf + 2, 3);
    STR_EQ(sb.buf, "abcdefcde", "self-append with room");
    while (sb.len < sb.alloc - 1)
        strbuf_addch(&sb, '.');
    strbuf_add(&sb, sb.buf, 4);
    OK(!memcmp(sb.buf + sb.len - 4, "abcd", 5), "self-append that moves the buffer");
    strbuf_add(&sb, NULL, 0);
    OK(sb.buf[sb.len] == '\0', "adding nothing (NULL, 0) keeps the terminator");

    strbuf_release(&sb);
    strbuf_release(&other);
}

static void test_strbuf_addf(void)
{
    struct strbuf sb = STRBUF_INIT;
    char big[5000];
    size_t i;

    strbuf_addf(&sb, "%s:%d", "file", 42);
    STR_EQ(sb.buf, "file:42", "addf on an empty strbuf");
    INT_EQ(sb.len, 7, "addf length");
    strbuf_addf(&sb, " [%05.1f]", 2.5);
    STR_EQ(sb.buf, "file:42 [002.5]", "addf appends");

    /* longer than the current allocation: the second vsnprintf must run */
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    strbuf_addf(&sb, "<%s>", big);
    INT_EQ(sb.len, 15 + 2 + 4999, "addf that grows");
    OK(sb.buf[15] == '<' && sb.buf[16] == 'x' && sb.buf[sb.len - 1] == '>', "addf contents");
    INT_EQ(sb.buf[sb.len], '\0', "terminated");

    /* many small appends, each close to the allocation's end */
    strbuf_release(&sb);
    for (i = 0; i < 10000; i++)
        strbuf_addf(&sb, "%zu,", i % 10);
    INT_EQ(sb.len, 20000, "10000 appends");
    STR_EQ(sb.buf + 19990, "5,6,7,8,9,", "last appends");

    strbuf_release(&sb);
    strbuf_addf(&sb, "%s", "");
    INT_EQ(sb.len, 0, "addf of nothing");
    STR_EQ(sb.buf, "", "addf of nothing reads as \"\"");
    INT_EQ(strbuf_slopbuf[0], '\0', "static empty string untouched");
    strbuf_release(&sb);
}

static void test_strbuf_trim(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"  a b \t\n", "a b"},
        {"\r\n\v\fx", "x"},
        {"x", "x"},
        {"   ", ""},
        {"\t\n", ""},
        {"가 나", "가 나"},
        {" 가 ", "가"},
        {"a  ", "a"},
        {"\xC2\xA0"
         "a",
         "\xC2\xA0"
         "a"}, /* U+00A0 is not ASCII white space */
    };
    struct strbuf sb = STRBUF_INIT;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        strbuf_reset(&sb);
        strbuf_addstr(&sb, cases[i].in);
        strbuf_trim(&sb);
        STR_EQ(sb.buf, cases[i].want, "trim \"%s\"", cases[i].in);
        INT_EQ(sb.len, strlen(cases[i].want), "trim \"%s\" length", cases[i].in);
    }
    strbuf_release(&sb);
}

static void test_strbuf_remove_setlen(void)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_addstr(&sb, "0123456789");
    strbuf_remove(&sb, 2, 3);
    STR_EQ(sb.buf, "0156789", "remove from the middle");
    strbuf_remove(&sb, 0, 1);
    STR_EQ(sb.buf, "156789", "remove at the start");
    strbuf_remove(&sb, 4, 2);
    STR_EQ(sb.buf, "1567", "remove at the end");
    strbuf_remove(&sb, 4, 0);
    STR_EQ(sb.buf, "1567", "remove nothing at the end");
    strbuf_remove(&sb, 5, 0);
    STR_EQ(sb.buf, "1567", "remove past the end is ignored");
    strbuf_remove(&sb, 2, 3);
    STR_EQ(sb.buf, "1567", "remove of too many bytes is ignored");
    strbuf_remove(&sb, 0, 4);
    STR_EQ(sb.buf, "", "remove everything");
    INT_EQ(sb.len, 0, "remove everything: len");

    strbuf_reset(&sb);
    strbuf_addstr(&sb, "abcdef");
    strbuf_setlen(&sb, 3);
    STR_EQ(sb.buf, "abc", "setlen truncates");
    INT_EQ(sb.len, 3, "setlen len");
    strbuf_setlen(&sb, 0);
    STR_EQ(sb.buf, "", "setlen 0");
    OK(sb.alloc > 0, "setlen keeps the allocation");
    strbuf_release(&sb);

    /* setlen on the static empty string allocates instead of writing it */
    strbuf_setlen(&sb, 4);
    OK(sb.buf != strbuf_slopbuf && sb.alloc >= 5, "setlen 4 on an empty strbuf allocates");
    INT_EQ(sb.len, 4, "setlen 4 len");
    INT_EQ(sb.buf[4], '\0', "setlen 4 terminates");
    INT_EQ(strbuf_slopbuf[0], '\0', "static empty string untouched");
    strbuf_release(&sb);
}

static void test_strbuf_detach(void)
{
    struct strbuf sb = STRBUF_INIT;
    size_t len = 0;
    char *s;

    strbuf_addstr(&sb, "클라우드");
    const char *before = sb.buf;
    s = strbuf_detach(&sb, &len);
    OK(s == before, "detach hands over the buffer itself");
    STR_EQ(s, "클라우드", "detached contents");
    INT_EQ(len, strlen("클라우드"), "detached length");
    check_static_empty(&sb, "after detach");
    strbuf_addstr(&sb, "again");
    STR_EQ(sb.buf, "again", "reusable after detach");
    OK(sb.buf != s, "a new buffer after detach");
    free(s);
    s = strbuf_detach(&sb, NULL);
    STR_EQ(s, "again", "detach with a NULL length");
    free(s);
}

/* ---- strpool ------------------------------------------------------------------ */

/* Copies stay put while later ones fill new blocks; clear keeps one block within the cap. */
static void test_strpool(void)
{
    struct strpool p = STRPOOL_INIT;
    const char *first, *copies[2000];
    char word[32], *big;

    first = strpool_dup(&p, "abc", 2);
    STR_EQ(first, "ab", "copy is NUL-terminated at len");
    STR_EQ(strpool_dup(&p, "", 0), "", "empty copy");
    /* 2000 copies of up to 9 bytes: several blocks */
    for (int i = 0; i < 2000; i++) {
        snprintf(word, sizeof(word), "w%d", i * 7919);
        copies[i] = strpool_dup(&p, word, strlen(word));
    }
    STR_EQ(first, "ab", "first copy moved or was overwritten");
    for (int i = 0; i < 2000; i++) {
        snprintf(word, sizeof(word), "w%d", i * 7919);
        STR_EQ(copies[i], word, "copy %d", i);
    }
    /* a string larger than any block gets a block of its own */
    big = malloc(STRPOOL_KEEP * 2 + 1);
    memset(big, 'x', STRPOOL_KEEP * 2);
    big[STRPOOL_KEEP * 2] = '\0';
    first = strpool_dup(&p, big, STRPOOL_KEEP * 2);
    INT_EQ(strlen(first), STRPOOL_KEEP * 2, "big copy");
    OK(!memcmp(first, big, STRPOOL_KEEP * 2), "big copy's bytes");
    STR_EQ(copies[1999], "w15830081", "earlier copy after the big one");
    strpool_clear(&p);
    OK(p.head != NULL, "clear keeps a block for reuse");
    first = strpool_dup(&p, "again", 5);
    STR_EQ(first, "again", "copy after clear");
    strpool_clear(&p);
    strpool_clear(&p);
    strpool_release(&p);
    OK(p.head == NULL && p.used == 0, "release empties the pool");
    STR_EQ(strpool_dup(&p, "reuse", 5), "reuse", "a released pool is reusable");
    strpool_release(&p);
    free(big);
}

/* ---- strmap ------------------------------------------------------------------- */

static void test_strmap_basics(void)
{
    struct strmap m = STRMAP_INIT;
    struct strmap_entry *e, *e2;
    char key[8] = "alpha";
    int created = -1;

    OK(strmap_get(&m, "x", 1) == NULL, "get on an empty map");
    e = strmap_put(&m, key, 5, &created);
    INT_EQ(created, 1, "first put creates");
    OK(e && e->value == NULL, "a new entry has value NULL");
    STR_EQ(e->key, "alpha", "key copied");
    INT_EQ(e->keylen, 5, "keylen");
    OK(e->key != key, "the map keeps its own copy");
    e->value = (void *)"A";
    memcpy(key, "omega", 5); /* the caller's buffer changes; the map's key must not */
    STR_EQ(strmap_get(&m, "alpha", 5), "A", "get after the caller's key changed");
    OK(strmap_get(&m, "omega", 5) == NULL, "the changed key is not in the map");
    OK(strmap_get(&m, "alph", 4) == NULL, "a prefix is another key");
    OK(strmap_get(&m, "alphabet", 5) != NULL, "only len bytes of the key count");

    e2 = strmap_put(&m, "alpha", 5, &created);
    INT_EQ(created, 0, "second put finds the entry");
    OK(e2 == e, "same entry");
    STR_EQ(e2->value, "A", "value kept");
    e2->value = (void *)"B";
    STR_EQ(strmap_get(&m, "alpha", 5), "B", "value overwritten");
    INT_EQ(m.len, 1, "one key");

    /* keys are byte strings: NULs and empty keys are keys too */
    strmap_put(&m, "a\0b", 3, &created)->value = (void *)"nul";
    INT_EQ(created, 1, "a key with a NUL");
    strmap_put(&m, "a", 1, &created)->value = (void *)"a";
    INT_EQ(created, 1, "its prefix is another key");
    strmap_put(&m, "", 0, &created)->value = (void *)"empty";
    INT_EQ(created, 1, "the empty key");
    STR_EQ(strmap_get(&m, "a\0b", 3), "nul", "get a key with a NUL");
    STR_EQ(strmap_get(&m, "a", 1), "a", "get its prefix");
    STR_EQ(strmap_get(&m, "", 0), "empty", "get the empty key");
    strmap_put(&m, "nothing", 7, NULL);
    INT_EQ(m.len, 5, "put with a NULL created");
    OK(strmap_get(&m, "nothing", 7) == NULL, "a key whose value is NULL reads as NULL");
    strmap_release(&m, NULL);
    OK(m.slots == NULL && m.cap == 0 && m.len == 0, "release empties the map");
    OK(strmap_get(&m, "alpha", 5) == NULL, "get after release");
    strmap_put(&m, "again", 5, &created);
    INT_EQ(created, 1, "reusable after release");
    strmap_release(&m, NULL);
    strmap_release(&m, NULL); /* twice is harmless */
}

static void test_strmap_hash(void)
{
    /* FNV-1a 64-bit reference values */
    OK(strmap_hash("", 0) == 0xcbf29ce484222325ull, "FNV-1a of \"\"");
    OK(strmap_hash("a", 1) == 0xaf63dc4c8601ec8cull, "FNV-1a of \"a\"");
    OK(strmap_hash("foobar", 6) == 0x85944171f73967e8ull, "FNV-1a of \"foobar\"");
}

#define MANY 100000

static void test_strmap_growth(void)
{
    struct strmap m = STRMAP_INIT;
    struct strmap_entry *e;
    char key[32];
    size_t i, missing = 0, wrong = 0, seen = 0;
    uintptr_t sum = 0;

    for (i = 0; i < MANY; i++) {
        int created;
        int n = snprintf(key, sizeof(key), "key-%zu", i);
        e = strmap_put(&m, key, (size_t)n, &created);
        if (!created)
            wrong++;
        e->value = (void *)(uintptr_t)(i + 1);
    }
    INT_EQ(wrong, 0, "every new key created");
    INT_EQ(m.len, MANY, "len");
    OK((m.cap & (m.cap - 1)) == 0, "capacity %zu is a power of two", m.cap);
    OK(m.len * 2 <= m.cap, "load factor <= 1/2 (len %zu, cap %zu)", m.len, m.cap);
    for (i = 0; i < MANY; i++) {
        int n = snprintf(key, sizeof(key), "key-%zu", i);
        void *v = strmap_get(&m, key, (size_t)n);
        if (!v)
            missing++;
        else if ((uintptr_t)v != i + 1)
            wrong++;
    }
    INT_EQ(missing, 0, "keys lost in growth");
    INT_EQ(wrong, 0, "values mixed up in growth");
    OK(strmap_get(&m, "key-100000", 10) == NULL, "absent key");

    /* overwriting does not add entries */
    for (i = 0; i < MANY; i += 2) {
        int n = snprintf(key, sizeof(key), "key-%zu", i);
        int created;
        strmap_put(&m, key, (size_t)n, &created)->value = (void *)(uintptr_t)1;
        if (created)
            wrong++;
    }
    INT_EQ(wrong, 0, "overwrite created a key");
    INT_EQ(m.len, MANY, "len after overwriting");

    strmap_for_each(&m, e)
    {
        seen++;
        sum += (uintptr_t)e->value;
        if (e->hash != (uint32_t)strmap_hash(e->key, e->keylen)) /* its low 32 bits */
            wrong++;
    }
    INT_EQ(seen, MANY, "iteration visits every key once");
    INT_EQ(wrong, 0, "cached hashes");
    /* odd i keep i + 1, even i hold 1 */
    uintptr_t want = 0;
    for (i = 0; i < MANY; i++)
        want += i % 2 ? i + 1 : 1;
    OK(sum == want, "sum of values %lu, want %lu", (unsigned long)sum, (unsigned long)want);
    strmap_release(&m, NULL);

    seen = 0;
    strmap_for_each(&m, e) seen++;
    INT_EQ(seen, 0, "iteration over an empty map");
}

static size_t freed_values;

static void free_value(void *v)
{
    freed_values++;
    free(v);
}

static void test_strmap_release_destructor(void)
{
    struct strmap m = STRMAP_INIT;
    char key[16];

    for (int i = 0; i < 1000; i++) {
        int n = snprintf(key, sizeof(key), "%d", i);
        struct strmap_entry *e = strmap_put(&m, key, (size_t)n, NULL);
        e->value = xstrdup(key);
    }
    /* overwrite one value, freeing the old one ourselves */
    struct strmap_entry *e = strmap_put(&m, "7", 1, NULL);
    free(e->value);
    e->value = xstrdup("seven");
    STR_EQ(strmap_get(&m, "7", 1), "seven", "overwritten value");
    freed_values = 0;
    strmap_release(&m, free_value);
    INT_EQ(freed_values, 1000, "destructor called once per value");
    OK(m.slots == NULL && m.len == 0 && m.cap == 0, "released");
    freed_values = 0;
    strmap_release(&m, free_value);
    INT_EQ(freed_values, 0, "release of an empty map calls nothing");
}

/* ---- utf8 --------------------------------------------------------------------- */

/* Decodes len bytes copied into a buffer of exactly len bytes (ASan bound). */
static size_t decode_exact(const char *bytes, size_t len, uint32_t *cp)
{
    char *buf = xmalloc(len);
    memcpy(buf, bytes, len);
    size_t n = utf8_decode(buf, len, cp);
    free(buf);
    return n;
}

static void test_utf8_decode_valid(void)
{
    static const struct {
        const char *s;
        size_t len, n;
        uint32_t cp;
    } cases[] = {
        {"A", 1, 1, 0x41},
        {"\0", 1, 1, 0},
        {"\x7F", 1, 1, 0x7F},
        {"\xC2\x80", 2, 2, 0x80},
        {"\xC3\xA9", 2, 2, 0xE9},
        {"\xDF\xBF", 2, 2, 0x7FF},
        {"\xE0\xA0\x80", 3, 3, 0x800},
        {"\xEA\xB0\x80", 3, 3, 0xAC00}, /* 가 */
        {"\xED\x9F\xBF", 3, 3, 0xD7FF}, /* last before the surrogates */
        {"\xEE\x80\x80", 3, 3, 0xE000}, /* first after them */
        {"\xEF\xBB\xBF", 3, 3, 0xFEFF}, /* BOM */
        {"\xEF\xBF\xBD", 3, 3, 0xFFFD}, /* U+FFFD itself, 3 bytes */
        {"\xEF\xBF\xBF", 3, 3, 0xFFFF},
        {"\xF0\x90\x80\x80", 4, 4, 0x10000},
        {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
        {"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF},
        {"\xEA\xB0\x80\xEA\xB0\x81", 6, 3, 0xAC00}, /* only the first */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t cp = 0;
        size_t n = decode_exact(cases[i].s, cases[i].len, &cp);
        INT_EQ(n, cases[i].n, "case %zu length", i);
        INT_EQ(cp, cases[i].cp, "case %zu code point", i);
    }
}

static void test_utf8_trim_invalid(void)
{
    char cut[] = "\xEC\x98\xA4\xEB\xA5\x98 \xED\x81"; /* "오류 " and a cut 큰 */
    char whole[] = "클라우드";
    STR_EQ(utf8_trim_invalid(cut), "오류 ", "a character cut by snprintf goes");
    STR_EQ(utf8_trim_invalid(whole), "클라우드", "valid text stays");
}

static void test_utf8_decode_invalid(void)
{
    static const struct {
        const char *s;
        size_t len;
        const char *what;
    } cases[] = {
        {"\x80", 1, "lone continuation byte"},
        {"\xBF\x80", 2, "continuation first"},
        {"\xFF", 1, "0xFF"},
        {"\xFE\xFE", 2, "0xFE"},
        {"\xC0\x80", 2, "overlong NUL"},
        {"\xC1\xBF", 2, "overlong U+007F"},
        {"\xE0\x80\x80", 3, "overlong 3-byte NUL"},
        {"\xE0\x9F\xBF", 3, "overlong U+07FF"},
        {"\xF0\x80\x80\x80", 4, "overlong 4-byte NUL"},
        {"\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF"},
        {"\xED\xA0\x80", 3, "surrogate U+D800"},
        {"\xED\xAD\xBF", 3, "surrogate U+DB7F"},
        {"\xED\xB0\x80", 3, "surrogate U+DC00"},
        {"\xED\xBF\xBF", 3, "surrogate U+DFFF"},
        {"\xF4\x90\x80\x80", 4, "U+110000"},
        {"\xF5\x80\x80\x80", 4, "lead byte F5"},
        {"\xF8\x88\x80\x80\x80", 5, "5-byte form"},
        {"\xC3", 1, "truncated 2-byte"},
        {"\xEA\xB0", 2, "truncated 3-byte"},
        {"\xEA", 1, "truncated 3-byte, lead only"},
        {"\xF0\x9F\x98", 3, "truncated 4-byte"},
        {"\xC3\x41", 2, "bad continuation (ASCII)"},
        {"\xEA\xB0\x41", 3, "bad third byte"},
        {"\xEA\xC0\x80", 3, "bad second byte"},
        {"\xF0\x9F\x98\xC0", 4, "bad fourth byte"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t cp = 0;
        size_t n = decode_exact(cases[i].s, cases[i].len, &cp);
        INT_EQ(n, 1, "%s: consumes one byte", cases[i].what);
        INT_EQ(cp, UTF8_REPLACEMENT, "%s: U+FFFD", cases[i].what);
    }
    /* a valid sequence cut by len is truncated, even if more bytes follow */
    uint32_t cp = 0;
    INT_EQ(utf8_decode("\xEA\xB0\x80", 2, &cp), 1, "len cuts a sequence");
    INT_EQ(cp, UTF8_REPLACEMENT, "len cuts a sequence: U+FFFD");
}

/* The ways of validating (util/utf8_int.h): utf8_valid_prefix, then each one it may choose. */
static size_t (*const valid_prefix_ways[])(const char *, size_t) = {
    utf8_valid_prefix,
    utf8__valid_prefix_sse2,
    utf8__valid_prefix_ssse3,
};
static const char *const valid_prefix_names[] = {"utf8_valid_prefix", "sse2", "ssse3"};

/* How many of valid_prefix_ways this CPU runs (the SSSE3 one needs SSSE3). */
static size_t valid_prefix_ways_here(void)
{
    return utf8__have_ssse3() ? 3 : 2;
}

static void test_utf8_valid_prefix(void)
{
    static const struct {
        const char *s;
        size_t len, want;
    } cases[] = {
        {"", 0, 0},
        {"abc", 3, 3},
        {"가나다", 9, 9},
        {"가나\xFF다", 10, 6},
        {"\xFF", 1, 0},
        {"a\xC0\x80", 3, 1},
        {"가\xEA\xB0", 5, 3},     /* truncated at the end */
        {"가\xED\xA0\x80", 6, 3}, /* surrogate */
        {"\xF0\x9F\x98\x80z", 5, 5},
        {"ab\0cd", 5, 5},       /* NUL is valid UTF-8 */
        {"\xEF\xBF\xBD", 3, 3}, /* an encoded U+FFFD is valid */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *buf = xmalloc(cases[i].len + 1);
        memcpy(buf, cases[i].s, cases[i].len);
        for (size_t w = 0; w < valid_prefix_ways_here(); w++)
            INT_EQ(valid_prefix_ways[w](buf, cases[i].len), cases[i].want, "case %zu, %s", i,
                   valid_prefix_names[w]);
        free(buf);
    }
}

/* utf8_valid_prefix a character at a time, with the general decoder: the reference. */
static size_t valid_prefix_ref(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t c;
        size_t n = utf8_decode_slow(s + i, len - i, &c);
        if (c == UTF8_REPLACEMENT && n == 1)
            return i;
        i += n;
    }
    return len;
}

/*
 * utf8_valid_prefix reads ASCII, two- and three-byte sequences 16 bytes at a
 * time: each kind of sequence (the first and last syllables and their
 * neighbours, the ends of the two- and three-byte ranges, overlongs, a
 * surrogate, a bad or cut sequence) at every offset of a long Korean line,
 * so that it meets every place in a block.
 */
static void test_utf8_valid_prefix_blocks(void)
{
    static const char *const odd[] = {
        "\xEA\xB0\x80",     /* U+AC00, the first syllable */
        "\xED\x9E\xA3",     /* U+D7A3, the last */
        "\xED\x9E\xA4",     /* U+D7A4, a valid non-syllable */
        "\xEA\xAF\xBF",     /* U+ABFF, before the block */
        "\xED\x9F\xBF",     /* U+D7FF, after it */
        "\xED\xA0\x80",     /* a surrogate: invalid */
        "\xEA\xB0",         /* cut short: invalid */
        "\xB0",             /* a lone continuation: invalid */
        "\xFF",             /* never UTF-8 */
        "\xC2\xB7",         /* middle dot, two bytes */
        "\xC2\x80",         /* the first two-byte sequence */
        "\xDF\xBF",         /* the last */
        "\xC1\xBF",         /* overlong: invalid */
        "\xE0\xA0\x80",     /* the first three-byte sequence */
        "\xE0\x9F\xBF",     /* overlong: invalid */
        "\xEF\xBF\xBF",     /* U+FFFF */
        "\xE2\x80\x98",     /* a quote */
        "\xF4\x90\x80\x80", /* past U+10FFFF: invalid */
        "\xF0\x9F\x98\x80",
        "  ",
    };
    struct strbuf sb = STRBUF_INIT;
    size_t bad = 0, checked = 0;

    for (size_t k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
        for (size_t at = 0; at < 40; at++) {
            strbuf_reset(&sb);
            for (size_t i = 0; i < at; i++)
                strbuf_addstr(&sb, i % 5 == 4 ? " " : i % 3 ? "힣" : "가");
            strbuf_addstr(&sb, odd[k]);
            for (size_t i = 0; i < 12; i++)
                strbuf_addstr(&sb, i % 4 == 3 ? "a " : "한");
            for (size_t cut = sb.len > 40 ? sb.len - 40 : 0; cut <= sb.len; cut++)
                for (size_t w = 0; w < valid_prefix_ways_here(); w++) {
                    checked++;
                    if (valid_prefix_ways[w](sb.buf, cut) != valid_prefix_ref(sb.buf, cut) &&
                        !bad++)
                        fprintf(stderr, "  first difference: %s, sequence %zu at %zu, length %zu\n",
                                valid_prefix_names[w], k, at, cut);
                }
        }
    INT_EQ(bad, 0, "of %zu strings, prefixes unlike the decoder's", checked);
    strbuf_release(&sb);
}

/*
 * Random strings of whole, cut and bad sequences of every length (one to
 * four bytes, overlongs, surrogates, past U+10FFFF, lone continuations),
 * up to 100 bytes so that they cross blocks at every place: each way of
 * validating gives the reference's prefix.
 */
static void test_utf8_valid_prefix_random(void)
{
    static const char *const pieces[] = {
        "a",
        " ",
        "\xEA\xB0\x80",
        "\xED\x9E\xA3",
        "\xC2\xB7",
        "\xE2\x80\x98",
        "\xF0\x9F\x98\x80",
        "\xF4\x8F\xBF\xBF",
        "\xE0\xA0\x80",
        "\xEF\xBF\xBF",
        "\xED\x9F\xBF",
        "\xEA\xB0",
        "\xF0\x9F\x98",
        "\xB0",
        "\xFF",
        "\xC1\xBF",
        "\xE0\x9F\xBF",
        "\xED\xA0\x80",
        "\xF4\x90\x80\x80",
        "\xF0\x8F\xBF\xBF",
        "\xF5\x80\x80\x80",
        "\xC2",
    };
    struct strbuf sb = STRBUF_INIT;
    size_t bad = 0, checked = 0;
    unsigned seed = 8;

    for (int n = 0; n < 30000; n++) {
        strbuf_reset(&sb);
        seed = seed * 1103515245u + 12345u;
        /* mostly good pieces, so that the first bad one falls anywhere */
        int good_only = (seed >> 16) % 3 == 0;
        while (sb.len < 100) {
            size_t k;
            seed = seed * 1103515245u + 12345u;
            k = (seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]));
            if ((good_only || (seed >> 8) % 8) && k > 10)
                k %= 11;
            strbuf_addstr(&sb, pieces[k]);
        }
        for (size_t w = 0; w < valid_prefix_ways_here(); w++) {
            size_t len = n % 101;
            checked++;
            if (valid_prefix_ways[w](sb.buf, len) != valid_prefix_ref(sb.buf, len) && !bad++)
                fprintf(stderr, "  first difference: %s, string %d, length %zu\n",
                        valid_prefix_names[w], n, len);
        }
    }
    INT_EQ(bad, 0, "of %zu strings, prefixes unlike the decoder's", checked);
    strbuf_release(&sb);
}

/* Every scalar value encodes to its RFC 3629 length and decodes back. */
static void test_utf8_round_trip(void)
{
    struct strbuf sb = STRBUF_INIT;
    size_t bad_len = 0, bad_cp = 0, bad_valid = 0, bad_count = 0, checked = 0;
    uint32_t first_bad = 0;

    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        uint32_t got = 0;
        size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        strbuf_reset(&sb);
        utf8_add(&sb, c);
        checked++;
        if (sb.len != want) {
            if (!bad_len++)
                first_bad = c;
            continue;
        }
        if (utf8_decode(sb.buf, sb.len, &got) != want || got != c) {
            if (!bad_cp++)
                first_bad = c;
        }
        if (utf8_valid_prefix(sb.buf, sb.len) != sb.len)
            bad_valid++;
        if (utf8_count(sb.buf, sb.len) != 1)
            bad_count++;
    }
    INT_EQ(checked, 0x110000 - 0x800, "scalar values checked");
    INT_EQ(bad_len, 0, "encoded length wrong (first U+%04X)", (unsigned)first_bad);
    INT_EQ(bad_cp, 0, "decode(encode(c)) != c (first U+%04X)", (unsigned)first_bad);
    INT_EQ(bad_valid, 0, "an encoded scalar value is not valid UTF-8");
    INT_EQ(bad_count, 0, "an encoded scalar value does not count as one");

    /* surrogates and values beyond U+10FFFF become U+FFFD */
    static const uint32_t bad[] = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0xFFFFFFFF};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        strbuf_reset(&sb);
        utf8_add(&sb, bad[i]);
        STR_EQ(sb.buf, "\xEF\xBF\xBD", "utf8_add(0x%X)", (unsigned)bad[i]);
    }
    /* utf8_add appends */
    strbuf_reset(&sb);
    strbuf_addstr(&sb, "a");
    utf8_add(&sb, 0xAC00);
    utf8_add(&sb, 0x1F600);
    STR_EQ(sb.buf, "a가\xF0\x9F\x98\x80", "appends");
    strbuf_release(&sb);
}

static struct strbuf visible_buf = STRBUF_INIT;

/* utf8_add_visible of s under flags, in visible_buf. */
static const char *visible(const char *s, size_t len, unsigned flags, size_t *escaped)
{
    strbuf_reset(&visible_buf);
    *escaped = utf8_add_visible(&visible_buf, s, len, flags);
    return visible_buf.buf;
}

/* Issue 16: names and texts for people and terminals, and imported controls. */
static void test_utf8_visible(void)
{
    static const struct {
        const char *in;
        size_t len;
        unsigned flags;
        const char *want;
        size_t escaped;
    } cases[] = {
        {"plain 클라우드 text", 23, 0, "plain 클라우드 text", 0},
        {"caf\xe9.txt", 8, 0, "caf\\xe9.txt", 1},
        {"\x1b]0;t\x07", 6, 0, "\\x1b]0;t\\x07", 2},
        {"a\x7f"
         "b\xc2\x9b"
         "2J",
         7, 0, "a\\x7fb\\xc2\\x9b2J", 3},
        {"\xc2\xa0\xef\xbf\xbd", 5, 0, "\xc2\xa0\xef\xbf\xbd", 0}, /* NBSP, U+FFFD: not controls */
        {"\xea\xb0", 2, 0, "\\xea\\xb0", 2},                       /* a cut sequence */
        {"\xed\xa0\x80", 3, 0, "\\xed\\xa0\\x80", 3},              /* a surrogate */
        {"a\0b", 3, 0, "a\\x00b", 1},
        {"t\tn\nr\r", 6, 0, "t\\x09n\\x0ar\\x0d", 3},
        {"t\tn\nr\r", 6, UTF8_VISIBLE_BLANK, "t n r ", 0},
        {"t\tn\nr\r", 6, UTF8_VISIBLE_TAB | UTF8_VISIBLE_NEWLINE, "t\tn\nr\r", 0},
        {"t\tn\n\x1b", 5, UTF8_VISIBLE_TAB | UTF8_VISIBLE_BLANK, "t\tn \\x1b", 1},
    };
    size_t escaped, again;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *got = visible(cases[i].in, cases[i].len, cases[i].flags, &escaped);
        char *copy = xstrdup(got);
        STR_EQ(got, cases[i].want, "case %zu", i);
        INT_EQ(escaped, cases[i].escaped, "case %zu: bytes escaped", i);
        INT_EQ(utf8_valid_prefix(copy, strlen(copy)), strlen(copy), "case %zu: UTF-8", i);
        STR_EQ(visible(copy, strlen(copy), cases[i].flags, &again), copy, "case %zu: idempotent",
               i);
        INT_EQ(again, 0, "case %zu: nothing left to escape", i);
        INT_EQ(utf8_visible_prefix(copy, strlen(copy), cases[i].flags), strlen(copy),
               "case %zu: prefix", i);
        free(copy);
    }
    INT_EQ(utf8_visible_prefix("ab\x1b", 3, 0), 2, "prefix stops at the control");

    /* import: controls become spaces in place, TAB/LF/CR by flags */
    char s[] = "a\x1b]0;t\x07"
               "b\xc2\x9b"
               "2J\x7f\tc\n";
    size_t n = utf8_blank_controls(s, sizeof(s) - 1, UTF8_VISIBLE_TAB);
    STR_EQ(s, "a ]0;t b 2J \tc ", "blanked, TAB kept");
    INT_EQ(n, strlen(s), "new length");
    char t[] = "\xc2\xa0가\xff";
    INT_EQ(utf8_blank_controls(t, sizeof(t) - 1, 0), sizeof(t) - 1, "NBSP, Hangul, bad byte stay");
    strbuf_release(&visible_buf);

    /* the eight-bytes-a-step scan: every byte value at every position */
    size_t wrong = 0;
    for (int b = 1; b < 256; b++)
        for (size_t pos = 0; pos < 19; pos++) {
            char buf[19];
            int control = b < 0x20 || b == 0x7F || b == 0xC2;
            memset(buf, 'a', sizeof(buf));
            buf[pos] = (char)b;
            wrong += utf8_control_free_prefix(buf, sizeof(buf)) != (control ? pos : sizeof(buf));
            wrong += utf8_visible_prefix(buf, sizeof(buf), 0) > pos && (control || b >= 0x80);
        }
    INT_EQ(wrong, 0, "control_free_prefix and visible_prefix stop at the first control");

    /*
     * control_free_prefix's steps of 16 and of 8 to 15 bytes: every length,
     * every byte at every position, in Hangul (three-byte) text, and a second
     * control after the first
     */
    wrong = 0;
    for (size_t len = 1; len <= 40; len++)
        for (int b = 1; b < 256; b++)
            for (size_t pos = 0; pos < len; pos++) {
                char buf[40];
                int control = b < 0x20 || b == 0x7F || b == 0xC2;
                size_t want = control ? pos : len;
                for (size_t i = 0; i < len; i++)
                    buf[i] = "\xea\xb0\x80"[i % 3];
                buf[pos] = (char)b;
                if (pos + 5 < len) {
                    buf[pos + 5] = '\n';
                    want = control ? pos : pos + 5;
                }
                wrong += utf8_control_free_prefix(buf, len) != want;
            }
    INT_EQ(wrong, 0, "control_free_prefix at every length");

    /* the printable-ASCII steps of visible_prefix: every length, every byte at every position */
    wrong = 0;
    for (size_t len = 1; len <= 19; len++)
        for (int b = 1; b < 256; b++)
            for (size_t pos = 0; pos < len; pos++) {
                char buf[19];
                int stop = b < 0x20 || b >= 0x7F; /* a control, or a lone byte that is not UTF-8 */
                memset(buf, 'a', sizeof(buf));
                buf[pos] = (char)b;
                wrong += utf8_visible_prefix(buf, len, 0) != (stop ? pos : len);
            }
    INT_EQ(wrong, 0, "visible_prefix at every length");
}

/* Only A-Z and a-z change; the bytes around them and UTF-8 bytes do not. */
static void test_ascii_fold(void)
{
    char buf[16];

    INT_EQ(ascii_lower('A'), 'a', "A");
    INT_EQ(ascii_lower('Z'), 'z', "Z");
    INT_EQ(ascii_lower('@'), '@', "before A");
    INT_EQ(ascii_lower('['), '[', "after Z");
    INT_EQ(ascii_lower('a'), 'a', "already lower");
    INT_EQ(ascii_upper('a'), 'A', "a");
    INT_EQ(ascii_upper('z'), 'Z', "z");
    INT_EQ(ascii_upper('`'), '`', "before a");
    INT_EQ(ascii_upper('{'), '{', "after z");
    INT_EQ(ascii_lower(0xC3), 0xC3, "a UTF-8 lead byte");
    INT_EQ(ascii_upper((char)0xA9), (char)0xA9, "a negative char");
    INT_EQ(ascii_casecmp_n("R&D", "r&d", 3), 0, "equal but for case");
    OK(ascii_casecmp_n("abc", "abd", 3) < 0, "ordered like memcmp");
    OK(ascii_casecmp_n("B", "a", 1) > 0, "on the folded bytes");
    INT_EQ(ascii_casecmp_n("a\0b", "A\0c", 2), 0, "NUL is an ordinary byte, n bounds it");
    OK(ascii_casecmp_n("a\0b", "A\0c", 3) != 0, "past the NUL");
    memcpy(buf, "ICT 연구", sizeof("ICT 연구"));
    ascii_fold_buf(buf, buf, strlen(buf));
    STR_EQ(buf, "ict 연구", "in place, Hangul kept");
    INT_EQ(ascii_skip_nonletters("5G", 2), 1, "past a digit");
    INT_EQ(ascii_skip_nonletters("(F)TA", 5), 1, "past a bracket");
    INT_EQ(ascii_skip_nonletters("KCI", 3), 0, "a letter first");
    INT_EQ(ascii_skip_nonletters("연구A", 7), 6, "Hangul bytes are no letters");
    INT_EQ(ascii_skip_nonletters("12A", 2), 2, "len when none, len bounds it");
}

static void test_utf8_count_prev(void)
{
    /* a(0) 가(1..3) 😀(4..7) b(8) */
    const char *s = "a가\xF0\x9F\x98\x80"
                    "b";
    size_t len = strlen(s);

    INT_EQ(len, 9, "test string length");
    INT_EQ(utf8_count(s, len), 4, "count");
    INT_EQ(utf8_count("", 0), 0, "count of nothing");
    INT_EQ(utf8_count("가나다", 9), 3, "count Hangul");
    INT_EQ(utf8_count("가나다", 6), 2, "count a prefix");
    INT_EQ(utf8_count("abc", 3), 3, "count ASCII");

    INT_EQ(utf8_prev(s, 9), 8, "prev from the end");
    INT_EQ(utf8_prev(s, 8), 4, "prev over a 4-byte character");
    INT_EQ(utf8_prev(s, 4), 1, "prev over a 3-byte character");
    INT_EQ(utf8_prev(s, 1), 0, "prev to the start");
    INT_EQ(utf8_prev(s, 0), 0, "prev at the start");
    INT_EQ(utf8_prev(s, 6), 4, "prev from inside a character");
    INT_EQ(utf8_prev("\x80\x80\x80", 3), 0, "prev over stray continuations stops at 0");

    /* walking back visits every character start */
    size_t pos = len, steps = 0;
    while (pos > 0) {
        pos = utf8_prev(s, pos);
        steps++;
    }
    INT_EQ(steps, 4, "steps back to the start");

    /* the Latin words of a gloss, whole characters: 3 André-Lee 가 (0..16) */
    const char *g = "3 Andr\xC3\xA9-Lee 가";
    size_t gl = strlen(g), at = 0;
    INT_EQ(utf8_next_latin_run(g, gl, &at), 6, "André, é whole");
    INT_EQ(at, 2, "past the digit and the space");
    at += 6;
    INT_EQ(utf8_next_latin_run(g, gl, &at), 3, "Lee");
    INT_EQ(at, 9, "past the hyphen");
    at += 3;
    INT_EQ(utf8_next_latin_run(g, gl, &at), 0, "none in Hangul");
    INT_EQ(at, gl, "at the end");
}

/* ---- outfile ------------------------------------------------------------------ */

static char tmpdir[64];

static void make_tmpdir(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/dadeum-test-util-XXXXXX");
    OK(mkdtemp(tmpdir) != NULL, "mkdtemp: %s", strerror(errno));
}

/* Number of entries in dir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void read_file(const char *path, struct strbuf *sb)
{
    char buf[256];
    FILE *fp = fopen(path, "rb");
    size_t n;

    strbuf_reset(sb);
    if (!fp) {
        strbuf_addstr(sb, "<missing>");
        return;
    }
    while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
        strbuf_add(sb, buf, n);
    fclose(fp);
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    OK(fp != NULL, "cannot write %s", path);
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
}

static void test_outfile_commit(void)
{
    struct outfile o = OUTFILE_INIT;
    struct strbuf path = STRBUF_INIT, got = STRBUF_INIT, prefix = STRBUF_INIT;
    struct stat st;
    mode_t old_mask = umask(022);

    make_tmpdir();
    strbuf_addf(&path, "%s/out.tsv", tmpdir);
    strbuf_addf(&prefix, "%s.tmp.", path.buf);
    INT_EQ(outfile_open(&o, path.buf), 0, "open");
    OK(o.fp && o.fp != stdout, "a file stream");
    OK(outfile_get_tmp(&o) != NULL, "a temporary path");
    if (outfile_get_tmp(&o)) {
        OK(!strncmp(outfile_get_tmp(&o), prefix.buf, prefix.len), "temporary path %s",
           outfile_get_tmp(&o));
        OK(access(outfile_get_tmp(&o), F_OK) == 0, "the temporary file exists");
    }
    fputs("hello\n", o.fp);
    fflush(o.fp);
    OK(access(path.buf, F_OK) != 0, "the target does not exist before commit");
    INT_EQ(count_entries(tmpdir), 1, "only the temporary file");
    INT_EQ(outfile_commit(&o), 0, "commit");
    OK(o.fp == NULL && outfile_get_tmp(&o) == NULL, "commit clears the handle");
    read_file(path.buf, &got);
    STR_EQ(got.buf, "hello\n", "committed contents");
    INT_EQ(count_entries(tmpdir), 1, "no temporary file left");
    OK(stat(path.buf, &st) == 0 && (st.st_mode & 0777) == 0644, "mode %o, want 644 (umask 022)",
       (unsigned)(st.st_mode & 0777));
    INT_EQ(outfile_commit(&o), 0, "commit again is harmless");
    outfile_abort(&o); /* abort after commit is harmless and keeps the file */
    read_file(path.buf, &got);
    STR_EQ(got.buf, "hello\n", "abort after commit keeps the file");

    /* replacing an existing target */
    INT_EQ(outfile_open(&o, path.buf), 0, "open over an existing file");
    fputs("second\n", o.fp);
    read_file(path.buf, &got);
    STR_EQ(got.buf, "hello\n", "the old target is intact while writing");
    INT_EQ(outfile_commit(&o), 0, "commit over an existing file");
    read_file(path.buf, &got);
    STR_EQ(got.buf, "second\n", "replaced");
    INT_EQ(count_entries(tmpdir), 1, "no temporary file left");

    unlink(path.buf);
    rmdir(tmpdir);
    umask(old_mask);
    strbuf_release(&path);
    strbuf_release(&got);
    strbuf_release(&prefix);
}

static void test_outfile_abort(void)
{
    struct outfile o = OUTFILE_INIT;
    struct strbuf path = STRBUF_INIT, got = STRBUF_INIT, tmp = STRBUF_INIT;

    outfile_abort(&o); /* on OUTFILE_INIT */
    OK(o.fp == NULL && o.tmp == NULL && o.path == NULL, "abort of an unopened outfile");

    make_tmpdir();
    strbuf_addf(&path, "%s/keep.tsv", tmpdir);
    write_file(path.buf, "old contents\n");
    INT_EQ(outfile_open(&o, path.buf), 0, "open");
    if (outfile_get_tmp(&o))
        strbuf_addstr(&tmp, outfile_get_tmp(&o));
    fputs("new contents\n", o.fp);
    INT_EQ(count_entries(tmpdir), 2, "target and temporary file");
    outfile_abort(&o);
    OK(o.fp == NULL && outfile_get_tmp(&o) == NULL, "abort clears the handle");
    OK(tmp.len && access(tmp.buf, F_OK) != 0, "the temporary file is gone");
    INT_EQ(count_entries(tmpdir), 1, "only the old target is left");
    read_file(path.buf, &got);
    STR_EQ(got.buf, "old contents\n", "the old target is kept");
    outfile_abort(&o); /* twice */

    /* abort without an old target leaves nothing */
    unlink(path.buf);
    INT_EQ(outfile_open(&o, path.buf), 0, "open without a target");
    fputs("x", o.fp);
    outfile_abort(&o);
    INT_EQ(count_entries(tmpdir), 0, "nothing left");

    rmdir(tmpdir);
    strbuf_release(&path);
    strbuf_release(&got);
    strbuf_release(&tmp);
}

static void test_outfile_stdout(void)
{
    struct outfile o = OUTFILE_INIT;

    INT_EQ(outfile_open(&o, NULL), 0, "open NULL");
    OK(o.fp == stdout, "NULL is stdout");
    OK(outfile_get_tmp(&o) == NULL, "no temporary file for stdout");
    INT_EQ(outfile_commit(&o), 0, "commit stdout");
    OK(o.fp == NULL, "commit clears fp");
    INT_EQ(outfile_open(&o, "-"), 0, "open -");
    OK(o.fp == stdout, "- is stdout");
    outfile_abort(&o);
    OK(o.fp == NULL, "abort clears fp");
    OK(fflush(stdout) == 0 && !ferror(stdout), "stdout still usable");
}

static void test_outfile_failures(void)
{
    struct outfile o = OUTFILE_INIT;
    struct strbuf path = STRBUF_INIT, sub = STRBUF_INIT, got = STRBUF_INIT, tmp = STRBUF_INIT;

    make_tmpdir();

    /* a missing directory: open fails with ENOENT and creates nothing */
    strbuf_addf(&path, "%s/no/such/out.tsv", tmpdir);
    errno = 0;
    INT_EQ(outfile_open(&o, path.buf), -1, "open in a missing directory");
    INT_EQ(errno, ENOENT, "errno");
    OK(o.fp == NULL && outfile_get_tmp(&o) == NULL, "nothing open");
    outfile_abort(&o); /* safe after a failed open */
    INT_EQ(count_entries(tmpdir), 0, "nothing created");

    /* commit into a directory made read-only after open: rename fails */
    strbuf_reset(&path);
    strbuf_addf(&sub, "%s/ro", tmpdir);
    OK(mkdir(sub.buf, 0755) == 0, "mkdir %s", sub.buf);
    strbuf_addf(&path, "%s/out.tsv", sub.buf);
    write_file(path.buf, "old\n");
    INT_EQ(outfile_open(&o, path.buf), 0, "open in ro/");
    fputs("new\n", o.fp);
    chmod(sub.buf, 0555);
    if (access(sub.buf, W_OK) == 0) {
        /* root ignores directory permissions */
        printf("# skip outfile commit to a read-only directory: running as root\n");
        outfile_abort(&o);
    } else {
        if (outfile_get_tmp(&o))
            strbuf_addstr(&tmp, outfile_get_tmp(&o));
        errno = 0;
        INT_EQ(outfile_commit(&o), -1, "commit into a read-only directory");
        INT_EQ(errno, EACCES, "errno after a failed rename");
        OK(o.fp == NULL && outfile_get_tmp(&o) == NULL, "commit cleared the handle");
        read_file(path.buf, &got);
        STR_EQ(got.buf, "old\n", "the old target is kept");
        outfile_abort(&o);
    }
    chmod(sub.buf, 0755);
    /* unlink(2) needs a writable directory too: the failed commit could not
     * remove its temporary file from ro/, so the test does */
    if (tmp.len)
        unlink(tmp.buf);
    INT_EQ(count_entries(sub.buf), 1, "only the old target in ro/");
    unlink(path.buf);

    /*
     * commit over a non-empty directory fails for every user (rename(2)
     * gives EISDIR), and the temporary file must go.
     */
    strbuf_reset(&path);
    strbuf_addf(&path, "%s/target", sub.buf);
    OK(mkdir(path.buf, 0755) == 0, "mkdir target");
    strbuf_reset(&got);
    strbuf_addf(&got, "%s/inside", path.buf);
    write_file(got.buf, "x");
    INT_EQ(outfile_open(&o, path.buf), 0, "open over a directory");
    fputs("data\n", o.fp);
    errno = 0;
    INT_EQ(outfile_commit(&o), -1, "commit over a directory fails");
    OK(errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST, "errno %d (%s)", errno,
       strerror(errno));
    OK(o.fp == NULL && outfile_get_tmp(&o) == NULL, "commit cleared the handle");
    INT_EQ(count_entries(sub.buf), 1, "the temporary file was removed");
    unlink(got.buf);
    rmdir(path.buf);
    rmdir(sub.buf);
    rmdir(tmpdir);
    strbuf_release(&path);
    strbuf_release(&sub);
    strbuf_release(&got);
    strbuf_release(&tmp);
}

/* issue 16: the old file's mode survives, links are followed, stale temporaries go */
static void test_outfile_keeps(void)
{
    struct outfile o = OUTFILE_INIT;
    struct strbuf path = STRBUF_INIT, link = STRBUF_INIT, stale = STRBUF_INIT, other = STRBUF_INIT,
                  got = STRBUF_INIT;
    struct stat st;

    make_tmpdir();
    strbuf_addf(&path, "%s/draft.txt", tmpdir);
    strbuf_addf(&link, "%s/link.txt", tmpdir);
    strbuf_addf(&stale, "%s.tmp.AbC123", path.buf);
    strbuf_addf(&other, "%s.tmp.AbC1234", path.buf);
    write_file(path.buf, "old\n");
    chmod(path.buf, 0600);
    write_file(stale.buf, "left by a killed writer\n");
    write_file(other.buf, "not our pattern\n");
    OK(symlink("draft.txt", link.buf) == 0, "symlink: %s", strerror(errno));

    INT_EQ(outfile_open(&o, link.buf), 0, "open through a symlink");
    OK(access(stale.buf, F_OK) != 0, "the stale temporary file is removed");
    OK(access(other.buf, F_OK) == 0, "a name outside the pattern is kept");
    OK(outfile_get_tmp(&o) && !stat(outfile_get_tmp(&o), &st) && (st.st_mode & 0777) == 0600,
       "the temporary file is 0600 while written");
    INT_EQ((int)o.nlink, 1, "one hard link");
    fputs("new\n", o.fp);
    INT_EQ(outfile_commit(&o), 0, "commit");
    OK(!lstat(link.buf, &st) && S_ISLNK(st.st_mode), "the link stays a link");
    read_file(path.buf, &got);
    STR_EQ(got.buf, "new\n", "the file it names is replaced");
    OK(!stat(path.buf, &st) && (st.st_mode & 07777) == 0600, "mode %o, want 600",
       (unsigned)(st.st_mode & 07777));

    OK(outfile_same_file(link.buf, path.buf), "a symlink is the same file");
    OK(!outfile_same_file(other.buf, path.buf), "another file is not");
    OK(!outfile_same_file("-", path.buf) && !outfile_same_file(path.buf, "-"), "- is not");

    unlink(other.buf);
    unlink(link.buf);
    unlink(path.buf);
    INT_EQ(count_entries(tmpdir), 0, "nothing left");
    rmdir(tmpdir);
    strbuf_release(&path);
    strbuf_release(&link);
    strbuf_release(&stale);
    strbuf_release(&other);
    strbuf_release(&got);
}

/* ---- handoff ------------------------------------------------------------------------------ */

/* Record n holds "n:" and this many bytes of handoff_letter(n); record 1999 is 300 KB. */
static size_t handoff_len(unsigned long n)
{
    return n == 1999 ? 300000 : n % 1000 * 37;
}

static char handoff_letter(unsigned long n)
{
    return (char)('a' + n % 26);
}

/* What the consumer saw. */
struct handoff_seen {
    unsigned long next;    /* the record expected */
    unsigned long bad;     /* records out of order or damaged */
    unsigned long stop_at; /* stop (ENOSPC) at this record; 0: never */
};

static int handoff_check(void *ctx, void *record)
{
    struct handoff_seen *seen = ctx;
    const char *r = record;
    unsigned long n = strtoul(r, NULL, 10);
    const char *body = strchr(r, ':') + 1;
    size_t len = handoff_len(n);

    if (n != seen->next || strlen(body) != len ||
        (len && (body[0] != handoff_letter(n) || body[len - 1] != handoff_letter(n))))
        seen->bad++;
    seen->next++;
    if (seen->stop_at && n == seen->stop_at) {
        errno = ENOSPC;
        return 1;
    }
    return 0;
}

static char *handoff_put(struct handoff *h, unsigned long n)
{
    size_t len = handoff_len(n);
    char *r = handoff_reserve(h, 32 + len);
    if (r) {
        int head = snprintf(r, 32, "%lu:", n);
        memset(r + head, handoff_letter(n), len);
        r[head + len] = '\0';
    }
    return r;
}

/* Hands records first..last-1 through batches of size bytes and checks what came out. */
static void handoff_run(unsigned long first, unsigned long last, size_t size, unsigned nbatches)
{
    struct handoff_seen seen = {first, 0, 0};
    struct handoff *h = handoff_start(handoff_check, &seen, size, nbatches);

    OK(h != NULL, "started");
    if (!h)
        return;
    for (unsigned long n = first; n < last; n++)
        OK(handoff_put(h, n) != NULL, "record %lu", n);
    INT_EQ(handoff_finish(h), 0, "no stop");
    INT_EQ(seen.next, last, "every record");
    INT_EQ(seen.bad, 0, "in order and whole");
}

static void test_handoff_order(void)
{
    handoff_run(0, 5000, 64 * 1024, 3); /* 1999 is larger than a batch */
}

/* Batches smaller than most records: each gets one of its own size. */
static void test_handoff_large(void)
{
    handoff_run(1995, 2003, 1024, 2);
}

static void test_handoff_stop(void)
{
    struct handoff_seen seen = {0, 0, 20}; /* in the middle of the first batch */
    struct handoff *h = handoff_start(handoff_check, &seen, 16 * 1024, 2);
    unsigned long n = 0;

    while (n < 100000 && handoff_put(h, n))
        n++;
    OK(n > 20 && n < 100000, "the producer saw the stop (%lu records)", n);
    OK(!handoff_put(h, n), "and keeps seeing it");
    errno = 0;
    OK(handoff_finish(h) != 0, "the stop is returned");
    INT_EQ(errno, ENOSPC, "with the consumer's errno");
    INT_EQ(seen.next, 21, "nothing after the stop reached the consumer");
    INT_EQ(seen.bad, 0, "in order");
}

/* A size near SIZE_MAX, rounded up to the alignment, must not wrap to a small record. */
static void test_handoff_huge(void)
{
    int status = 0;
    pid_t pid;

    fflush(NULL);
    if ((pid = fork()) == 0) {
        struct handoff_seen seen = {0, 0, 0};
        struct handoff *h = handoff_start(handoff_check, &seen, 1024, 2);
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2); /* die_oom's message */
        _exit(h && handoff_reserve(h, SIZE_MAX - 8) ? 0 : 1);
    }
    OK(pid > 0 && waitpid(pid, &status, 0) == pid, "forked");
    OK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "aborts (status %d)", status);
}

/* ---- path --------------------------------------------------------------------------------- */

static void check_normalize(const char *in, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    path_normalize(in, &sb);
    STR_EQ(sb.buf, want, "path_normalize(%s)", in);
    strbuf_release(&sb);
}

static void test_path_normalize(void)
{
    check_normalize("a.txt", "a.txt");
    check_normalize("./a//b/./c.txt", "a/b/c.txt");
    check_normalize("a/../b", "b");
    check_normalize("../../a", "../../a");
    check_normalize("a/../../b", "../b");
    check_normalize("/a/b/../../..", "/");
    check_normalize("/", "/");
    check_normalize("", ".");
    check_normalize(".", ".");
    check_normalize("a/..", ".");
    STR_EQ(path_basename("/x/y/a.txt"), "a.txt", "basename");
    STR_EQ(path_basename("a.txt"), "a.txt", "basename");
    STR_EQ(path_basename("/a.txt"), "a.txt", "basename");
    OK(path_is_absolute("/a") && !path_is_absolute("a") && !path_is_absolute(""), "absolute");
}

static void check_relative(const char *in, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    path_relative_to_cwd(in, &sb);
    STR_EQ(sb.buf, want, "path_relative_to_cwd(%s)", in);
    strbuf_release(&sb);
}

static void test_path_relative(void)
{
    char tmpl[] = "/tmp/dadeum-path.XXXXXX", *dir = mkdtemp(tmpl), *old = getcwd(NULL, 0);
    struct strbuf sb = STRBUF_INIT, link = STRBUF_INIT;

    OK(dir && old, "%s", "setup");
    strbuf_addf(&sb, "%s/work", dir);
    OK(!mkdir(sb.buf, 0700), "%s", "setup");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/work/sub", dir);
    OK(!mkdir(sb.buf, 0700), "%s", "setup");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/work", dir);
    OK(!chdir(sb.buf), "%s", "setup");
    check_relative("a.txt", "a.txt");
    check_relative("../x/a.txt", "../x/a.txt");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/work/sub/a.txt", dir);
    check_relative(sb.buf, "sub/a.txt");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/work/./sub/../a.txt", dir);
    check_relative(sb.buf, "a.txt");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/other/b.txt", dir);
    check_relative(sb.buf, "../other/b.txt");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%s/work", dir);
    check_relative(sb.buf, ".");
    /* a symbolic link to the working directory resolves to it */
    strbuf_addf(&link, "%s/link", dir);
    OK(!symlink(sb.buf, link.buf), "%s", "setup");
    strbuf_addstr(&link, "/sub/c.txt");
    check_relative(link.buf, "sub/c.txt");
    strbuf_reset(&sb);
    OK(!path_absolute("sub/../d.txt", &sb), "%s", "setup");
    strbuf_reset(&link);
    strbuf_addf(&link, "%s/work/d.txt", dir);
    {
        char *real = realpath(link.buf, NULL); /* NULL: d.txt does not exist */
        struct strbuf want = STRBUF_INIT;
        char *rdir = realpath(dir, NULL);
        strbuf_addf(&want, "%s/work/d.txt", rdir);
        STR_EQ(sb.buf, want.buf, "path_absolute");
        free(real);
        free(rdir);
        strbuf_release(&want);
    }
    OK(!chdir(old), "%s", "setup");
    strbuf_reset(&sb);
    strbuf_addf(&sb, "rm -rf '%s'", dir);
    OK(!system(sb.buf), "%s", "setup");
    free(old);
    strbuf_release(&sb);
    strbuf_release(&link);
}

static void test_wordlist_find(void)
{
    static const char list[] = "ab\0abc\0b\0zz\0\xea\xb0\x80\0"; /* byte order */
    size_t size = sizeof(list) - 1;
    INT_EQ(wordlist_find(list, size, "ab", 2), 0, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "abc", 3), 3, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "b", 1), 7, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "\xea\xb0\x80", 3), 12, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "zz", 2), 9, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "a", 1), -1, "%s", "a prefix of a word");
    INT_EQ(wordlist_find(list, size, "abcd", 4), -1, "%s", "a word is its prefix");
    INT_EQ(wordlist_find(list, size, "zzz", 3), -1, "%s", "lookup");
    INT_EQ(wordlist_find(list, size, "", 0), -1, "%s", "lookup");
    INT_EQ(wordlist_find(list, 0, "ab", 2), -1, "%s", "an empty list");
    INT_EQ(wordlist_find(list, size, "ab\0c", 4), -1, "%s", "a NUL inside the query");
}

/* A set answers as a walk of its list would: the first place of a word, every
 * suffix that begins a character, nothing cut inside one. */
static void test_wordset(void)
{
    static const char *const words[] = {"위원회", "협회", "원", "Agency", "협회", "위원", NULL};
    struct wordset set;
    wordset_build(&set, words);
    INT_EQ(wordset_index(&set, "위원회", 9), 0, "%s", "first word");
    INT_EQ(wordset_index(&set, "협회", 6), 1, "%s", "a word listed twice keeps its first place");
    INT_EQ(wordset_index(&set, "위원", 6), 5, "%s", "last word");
    INT_EQ(wordset_index(&set, "위", 3), -1, "%s", "a prefix of a word");
    INT_EQ(wordset_index(&set, "위원회의", 12), -1, "%s", "longer than any word");
    INT_EQ(wordset_index(&set, "", 0), -1, "%s", "empty");
    OK(wordset_has(&set, "Agency", 6) && !wordset_has(&set, "agency", 6), "%s", "bytes, not case");
    OK(wordset_suffix_of(&set, "한국방송협회", 18), "%s", "ends with a word");
    OK(wordset_suffix_of(&set, "위원", 6), "%s", "is a word");
    OK(wordset_suffix_of(&set, "연구원", 9), "%s", "one syllable");
    OK(!wordset_suffix_of(&set, "협회장", 9), "%s", "a word inside, not at the end");
    OK(wordset_suffix_of(&set, "Korea Agency", 12), "%s", "Latin");
    OK(!wordset_suffix_of(&set, "", 0), "%s", "empty");
    /* the last bytes of 원 (EC 9B 90) alone are not 원 */
    OK(!wordset_suffix_of(&set, "\x9b\x90", 2), "%s", "continuation bytes");

    /* against a walk of a list of every syllable pair of a small alphabet */
    static const char *const syl[] = {"가", "나", "다", "라"};
    static char pool[16][7];
    static const char *pairs[17];
    for (int i = 0; i < 16; i++) {
        snprintf(pool[i], sizeof(pool[i]), "%s%s", syl[i / 4], syl[i % 4]);
        pairs[i] = pool[i];
    }
    static const char *some[9];
    for (int i = 0; i < 8; i++)
        some[i] = pairs[(i * 5) % 16];
    free(set.slot);
    wordset_build(&set, some);
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++)
            for (int c = 0; c < 4; c++) {
                char tok[10];
                snprintf(tok, sizeof(tok), "%s%s%s", syl[a], syl[b], syl[c]);
                int walk = 0;
                for (int i = 0; some[i]; i++)
                    walk |= !strcmp(tok + 3, some[i]) || !strcmp(tok + 6, some[i]);
                INT_EQ(wordset_suffix_of(&set, tok, 9), walk, "%s", tok);
            }
    free(set.slot);
}

int main(void)
{
    RUN(test_wordlist_find);
    RUN(test_wordset);
    RUN(test_strbuf_init);
    RUN(test_strbuf_static_empty);
    RUN(test_strbuf_add_growth);
    RUN(test_strbuf_addf);
    RUN(test_strbuf_trim);
    RUN(test_strbuf_remove_setlen);
    RUN(test_strbuf_detach);
    RUN(test_strpool);
    RUN(test_strmap_basics);
    RUN(test_strmap_hash);
    RUN(test_strmap_growth);
    RUN(test_strmap_release_destructor);
    RUN(test_utf8_decode_valid);
    RUN(test_utf8_decode_invalid);
    RUN(test_utf8_trim_invalid);
    RUN(test_utf8_valid_prefix);
    RUN(test_utf8_valid_prefix_blocks);
    RUN(test_utf8_valid_prefix_random);
    RUN(test_utf8_round_trip);
    RUN(test_utf8_visible);
    RUN(test_ascii_fold);
    RUN(test_utf8_count_prev);
    RUN(test_outfile_commit);
    RUN(test_outfile_abort);
    RUN(test_outfile_stdout);
    RUN(test_outfile_failures);
    RUN(test_outfile_keeps);
    RUN(test_handoff_order);
    RUN(test_handoff_large);
    RUN(test_handoff_stop);
    RUN(test_handoff_huge);
    RUN(test_path_normalize);
    RUN(test_path_relative);
    return harness_done();
}
