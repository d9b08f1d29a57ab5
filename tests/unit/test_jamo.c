/*
 * test_jamo.c - unit tests for src/util/jamo: decomposition (The Unicode
 * Standard 3.12, compared against NFD spellings) and the weighted distance.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "util/jamo.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int dist(const char *a, const char *b)
{
    return jamo_distance(a, strlen(a), b, strlen(b), 1000);
}

static void test_decompose(void)
{
    uint32_t out[16];
    size_t n = jamo_decompose("한", strlen("한"), out, 16);
    INT_EQ(n, 3, "한 has three jamo");
    INT_EQ(out[0], 0x1112, "ᄒ");
    INT_EQ(out[1], 0x1161, "ᅡ");
    INT_EQ(out[2], 0x11AB, "ᆫ");
    n = jamo_decompose("가A", strlen("가A"), out, 16);
    INT_EQ(n, 3, "가 has no final; A passes through");
    INT_EQ(out[2], 'A', "Latin unchanged");
    n = jamo_decompose("ㅋㄳㅏ", strlen("ㅋㄳㅏ"), out, 16);
    INT_EQ(n, 3, "compatibility jamo map one to one");
    INT_EQ(out[0], 0x110F, "ㅋ as an initial");
    INT_EQ(out[1], 0x11AA, "ㄳ as a final (no initial form)");
    INT_EQ(out[2], 0x1161, "ㅏ as a vowel");
    n = jamo_decompose("힣", strlen("힣"), out, 1);
    INT_EQ(n, 3, "the needed size is returned even when cap is small");
    INT_EQ(out[0], 0x1112, "first jamo written");
    n = jamo_decompose("\xff", 1, out, 16);
    INT_EQ(n, 1, "bad byte is one code point");
    INT_EQ(out[0], 0xFFFD, "as U+FFFD");
    INT_EQ(jamo_decompose("", 0, out, 16), 0, "empty");
}

static void test_distance(void)
{
    INT_EQ(dist("클라우드", "클라우드"), 0, "equal");
    INT_EQ(dist("클라우디", "클라우드"), JAMO_COST_UNIT, "one vowel");
    INT_EQ(dist("클라우드", "클라우디"), JAMO_COST_UNIT, "symmetric");
    INT_EQ(dist("가", "카"), JAMO_COST_UNIT / 2, "ㄱ/ㅋ are similar");
    INT_EQ(dist("게", "개"), JAMO_COST_UNIT / 2, "ㅔ/ㅐ are similar");
    INT_EQ(dist("가", "나"), JAMO_COST_UNIT, "ㄱ/ㄴ are not");
    INT_EQ(dist("각", "가"), JAMO_COST_UNIT * 7 / 10, "dropping a final is cheap");
    INT_EQ(dist("데이타", "데이터"), JAMO_COST_UNIT, "ㅏ/ㅓ are not similar");
    INT_EQ(dist("커피", "코피"), JAMO_COST_UNIT / 2, "ㅓ/ㅗ are");
    INT_EQ(dist("cloud", "clowd"), JAMO_COST_UNIT, "Latin letters");
    INT_EQ(dist("", "가"), 2 * JAMO_COST_UNIT, "insert two jamo");
    INT_EQ(jamo_distance("클라우드", strlen("클라우드"), "인공지능", strlen("인공지능"), 10), 11,
           "cut off at max + 1");
    INT_EQ(jamo_sub_cost(0x1100, 0x11A8), JAMO_COST_UNIT / 2, "initial ㄱ vs final ㄱ");
}

static void test_long(void)
{
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    for (int i = 0; i < 300; i++) {
        strbuf_addstr(&a, "가");
        strbuf_addstr(&b, "가");
    }
    strbuf_addstr(&b, "나");
    INT_EQ(jamo_distance(a.buf, a.len, b.buf, b.len, 100000), 2 * JAMO_COST_UNIT,
           "900 jamo use the heap path");
    INT_EQ(jamo_distance(a.buf, a.len, a.buf, a.len, 0), 0, "equal long strings at max 0");
    strbuf_release(&a);
    strbuf_release(&b);
}

int main(void)
{
    RUN(test_decompose);
    RUN(test_distance);
    RUN(test_long);
    return harness_done();
}
