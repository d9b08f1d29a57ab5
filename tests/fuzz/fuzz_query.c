/*
 * fuzz_query.c - libFuzzer harness for termbase lookups (termbase_lookup).
 *
 * On the first call a small termbase is built in a mkdtemp directory the way
 * `dadeum ingest`, `dadeum set` and `dadeum import` build one (documents
 * through termbase_doc_begin/_add/_commit, review decisions through
 * termbase_edit, a file's concept through termbase_merge_add): a few dozen
 * concepts from Korean administrative text, with loanwords, English forms,
 * acronyms, short forms, spacing variants, particles, a term whose stem key
 * is shorter than itself (어린이), Latin-1, hanja, and the characters
 * LIKE, GLOB and FTS5 give meaning to (% _ \ "). It is then opened read-only,
 * as `dadeum lookup` opens it, and removed at exit.
 *
 * The input, NUL-terminated, is the query, looked up with flags 0 and
 * TERMBASE_LOOKUP_EXACT and limits 0 and 5. Checked:
 *   - the four lookups fail together or not at all, and only with EINPUT
 *     (empty, over-long, not UTF-8), with a message of one line;
 *   - every concept has an id, a preferred form that is one of its 'ko'
 *     forms, valid UTF-8 everywhere, a match tier (EXACT or VARIANT only
 *     with TERMBASE_LOOKUP_EXACT), the matched text among its forms, a
 *     fuzzy distance within the threshold; no concept twice;
 *   - results come in rank order (tier, distance, status, count);
 *   - a limit of 5 returns at most 5 concepts, all found by the unlimited
 *     lookup at the same or a better tier, and the same leading exact and
 *     variant matches; TERMBASE_LOOKUP_EXACT returns exactly the exact and
 *     variant matches of the full lookup, in the same order;
 *   - text, TSV and JSON output of the result is valid UTF-8.
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/render.h"
#include "termbase/termbase.h"
#include "util/hash.h"
#include "util/jamo.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the termbase ------------------------------------------------------------------- */

struct seed_pair {
    const char *ko, *gloss;
    enum model_kind kind;
    const char *expansion, *en, *abbr; /* NULL when absent */
    unsigned count;
    int reversed;
    const char *context;
};

/* A press release on cloud and AI policy. */
static const struct seed_pair doc1[] = {
    {"인터넷 기반 자원 공유", "클라우드", MODEL_KIND_LOANWORD, NULL, "cloud", NULL, 4, 0,
     "정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다."},
    {"클라우드 보안 인증", "CSAP", MODEL_KIND_ABBREV, "Cloud Security Assurance Program", NULL,
     "CSAP", 2, 0, "공공기관은 클라우드 보안 인증(CSAP)을 받은 서비스를 이용해야 한다."},
    {"인공지능", "AI", MODEL_KIND_ABBREV, NULL, "Artificial Intelligence", "AI", 6, 0,
     "인공지능(AI) 안전연구소가 문을 열었다."},
    {"인공지능 안전연구소", "AI Safety Institute", MODEL_KIND_ENGLISH, NULL, "AI Safety Institute",
     NULL, 1, 0, "인공지능 안전연구소(AI Safety Institute)는 판교에 있다."},
    {"과학기술정보통신부", "과기정통부", MODEL_KIND_SHORTFORM, NULL, "Ministry of Science and ICT",
     "MSIT", 3, 0, "과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 28일 발표했다."},
    {"정보통신기술 연구개발", "ICT R&D", MODEL_KIND_ABBREV,
     "Information and Communications Technology Research and Development", NULL, "ICT R&D", 1, 0,
     "정보통신기술 연구개발(ICT R&D) 예산을 늘린다."},
    {"추진 체계", "거버넌스", MODEL_KIND_LOANWORD, NULL, "governance", NULL, 2, 0,
     "범부처 추진 체계(거버넌스)를 마련한다."},
    {"해결책", "솔루션", MODEL_KIND_LOANWORD, NULL, "solution", NULL, 1, 0,
     "현장의 문제에 맞는 해결책(솔루션)을 찾는다."},
    {"국면전환요소", "게임체인저", MODEL_KIND_LOANWORD, NULL, "game changer", NULL, 1, 0,
     "인공지능은 산업의 국면전환요소(게임체인저)가 될 것이다."},
    {"최고 경영자", "CEO", MODEL_KIND_ABBREV, "Chief Executive Officer", NULL, "CEO", 1, 0,
     "미스트랄 AI 최고 경영자(CEO) 면담을 가졌다."},
    {"데이터 센터", "data center", MODEL_KIND_ENGLISH, NULL, "data center", "DC", 2, 0,
     "지역 거점 데이터 센터(data center)를 짓는다."},
    {"대규모 언어 모델", "LLM", MODEL_KIND_ABBREV, "Large Language Model", NULL, "LLM", 2, 0,
     "한국어 대규모 언어 모델(LLM)을 공개했다."},
    {"생성형 인공지능", "생성형 AI", MODEL_KIND_LOANWORD, NULL, "generative AI", NULL, 1, 0,
     "생성형 인공지능(생성형 AI) 활용 지침을 배포했다."},
    {"사물인터넷", "IoT", MODEL_KIND_ABBREV, "Internet of Things", NULL, "IoT", 1, 0,
     "사물인터넷(IoT) 기기의 보안을 점검한다."},
    {"한국인터넷진흥원", "KISA", MODEL_KIND_ABBREV, NULL, "Korea Internet & Security Agency",
     "KISA", 1, 0, "한국인터넷진흥원(KISA)이 점검을 맡는다."},
    {"한국지능정보사회진흥원", "NIA", MODEL_KIND_ABBREV, "National Information Society Agency",
     NULL, "NIA", 1, 0, "한국지능정보사회진흥원(NIA)과 협력한다."},
    {"디지털 플랫폼 정부", "디플정", MODEL_KIND_SHORTFORM, NULL, NULL, "DPG", 1, 0,
     "디지털 플랫폼 정부(이하 '디플정') 실현 계획"},
    {"업무협약", "MOU", MODEL_KIND_ABBREV, "Memorandum of Understanding", NULL, "MOU", 1, 0,
     "두 기관은 업무협약(MOU)을 맺었다."},
    {"새싹기업", "스타트업", MODEL_KIND_LOANWORD, NULL, "startup", NULL, 2, 1,
     "스타트업(새싹기업) 지원을 늘린다."},
    {"누리집", "홈페이지", MODEL_KIND_LOANWORD, NULL, "homepage", NULL, 1, 0,
     "자세한 내용은 누리집(홈페이지)에서 볼 수 있다."},
    {"어린이 보호구역", "스쿨존", MODEL_KIND_LOANWORD, NULL, "school zone", NULL, 1, 0,
     "어린이 보호구역(스쿨존)에서는 서행한다."},
    {"어린이", "아동", MODEL_KIND_NATIVE, NULL, "children", NULL, 1, 0, "어린이(아동) 수당"},
    {"카페", "café", MODEL_KIND_ENGLISH, NULL, "café", NULL, 1, 0, "동네 카페(café)에서 만났다."},
    {"인증", "認證", MODEL_KIND_NATIVE, NULL, "certification", NULL, 1, 0, "인증(認證) 절차"},
    {"할인율 50%", "50% off", MODEL_KIND_ENGLISH, NULL, "50% off", NULL, 1, 0,
     "할인율 50%(50% off) 행사"},
    {"밑줄_문자", "under_score", MODEL_KIND_ENGLISH, NULL, "underscore", NULL, 1, 0,
     "밑줄_문자(under_score)는 식별자에 쓴다."},
    {"큰따옴표", "\"quote\"", MODEL_KIND_ENGLISH, NULL, "double quotation mark", NULL, 1, 0,
     "큰따옴표(\"quote\")로 묶는다."},
    {"역빗금", "back\\slash", MODEL_KIND_ENGLISH, NULL, "backslash", NULL, 1, 0,
     "경로는 역빗금(back\\slash)으로 나눈다."},
};

/* A second one, overlapping: counts, spacing variants, particles. */
static const struct seed_pair doc2[] = {
    {"인공지능은", "AI", MODEL_KIND_ABBREV, NULL, NULL, "AI", 3, 0,
     "인공지능은(AI) 모든 산업을 바꾼다."},
    {"인터넷 기반 자원공유", "클라우드", MODEL_KIND_LOANWORD, NULL, "cloud", NULL, 2, 0,
     "인터넷 기반 자원공유(클라우드) 이용률이 높아졌다."},
    {"데이터센터", "data centre", MODEL_KIND_ENGLISH, NULL, "data centre", NULL, 1, 0,
     "데이터센터(data centre) 전력 사용량"},
    {"메타버스", "metaverse", MODEL_KIND_ENGLISH, NULL, "metaverse", NULL, 2, 0,
     "메타버스(metaverse) 플랫폼을 만든다."},
    {"마이데이터", "MyData", MODEL_KIND_ENGLISH, NULL, "MyData", NULL, 1, 0,
     "마이데이터(MyData) 사업을 넓힌다."},
    {"빅데이터", "big data", MODEL_KIND_ENGLISH, NULL, "big data", NULL, 1, 0,
     "빅데이터(big data) 분석"},
    {"클라우드 컴퓨팅", "cloud computing", MODEL_KIND_ENGLISH, NULL, "cloud computing", NULL, 1, 0,
     "클라우드 컴퓨팅(cloud computing) 시장"},
    {"양자 컴퓨터", "quantum computer", MODEL_KIND_ENGLISH, NULL, "quantum computer", NULL, 1, 0,
     "양자 컴퓨터(quantum computer) 개발"},
    {"자율주행", "autonomous driving", MODEL_KIND_ENGLISH, NULL, "autonomous driving", NULL, 1, 0,
     "자율주행(autonomous driving) 시범 지구"},
    {"전자정부", "e-Government", MODEL_KIND_ENGLISH, NULL, "e-Government", NULL, 1, 0,
     "전자정부(e-Government) 수출"},
    {"탄소중립", "Net-Zero", MODEL_KIND_ENGLISH, NULL, "net zero", NULL, 1, 0,
     "2050 탄소중립(Net-Zero) 목표"},
    {"중소기업", "SME", MODEL_KIND_ABBREV, "small and medium enterprise", NULL, "SME", 2, 0,
     "중소기업(SME) 지원 사업"},
    {"연구개발", "R&D", MODEL_KIND_ABBREV, "research and development", NULL, "R&D", 4, 0,
     "연구개발(R&D) 투자를 늘린다."},
    {"공공 데이터", "public data", MODEL_KIND_ENGLISH, NULL, "public data", NULL, 1, 0,
     "공공 데이터(public data) 개방"},
    {"디지털 전환", "DX", MODEL_KIND_ABBREV, "digital transformation", NULL, "DX", 1, 0,
     "디지털 전환(DX) 가속화"},
    {"초거대 인공지능", "hyperscale AI", MODEL_KIND_ENGLISH, NULL, "hyperscale AI", NULL, 1, 0,
     "초거대 인공지능(hyperscale AI) 경쟁"},
    {"반도체", "semiconductor", MODEL_KIND_ENGLISH, NULL, "semiconductor", NULL, 2, 0,
     "반도체(semiconductor) 수출이 늘었다."},
    {"클라우드 보안 인증", "CSAP", MODEL_KIND_ABBREV, NULL, NULL, "CSAP", 1, 0,
     "클라우드 보안 인증(CSAP) 등급제"},
};

static struct termbase *tb;
static char dir[64], db[96];

static void fail_tb(const char *what, const struct dd_error *err)
{
    fprintf(stderr, "fuzz_query: %s: %s\n", what, err->message);
    abort();
}

static void store(const char *path, const struct seed_pair *p, size_t n)
{
    struct dd_error err;
    struct content_hash h;
    int unchanged;

    memset(&err, 0, sizeof(err));
    content_hash_init(&h);
    for (size_t i = 0; i < n; i++)
        content_hash_add(&h, p[i].context, strlen(p[i].context));
    if (termbase_doc_begin(tb, path, h.hex, h.bytes, &unchanged, &err))
        fail_tb("doc_begin", &err);
    assert(!unchanged);
    for (size_t i = 0; i < n; i++) {
        struct model_pair q;
        memset(&q, 0, sizeof(q));
        q.ko = p[i].ko;
        q.gloss = p[i].gloss;
        q.kind = p[i].kind;
        q.line = i + 1;
        q.count = p[i].count;
        q.reversed = p[i].reversed;
        q.context = p[i].context;
        q.expansion = p[i].expansion;
        q.en = p[i].en;
        q.abbr = p[i].abbr;
        if (termbase_doc_add(tb, &q, &err))
            fail_tb("doc_add", &err);
    }
    if (termbase_doc_commit(tb, &err))
        fail_tb("doc_commit", &err);
}

static int64_t id_of(const char *ko)
{
    struct dd_error err;
    struct termbase_result *r = termbase_lookup(tb, ko, TERMBASE_LOOKUP_EXACT, 1, &err);
    int64_t id;
    if (!r)
        fail_tb("lookup", &err);
    assert(termbase_result_count(r) == 1);
    id = termbase_result_get(r, 0)->id;
    termbase_result_free(r);
    return id;
}

static void edit(const char *ko, int status, const char *en, const char *abbr, const char *note)
{
    struct termbase_edit e = {status, en, abbr, note};
    struct dd_error err;
    if (termbase_edit(tb, id_of(ko), &e, &err))
        fail_tb("edit", &err);
}

/* A concept as `dadeum import` would merge it from a TBX file. */
static void merge(void)
{
    struct model_form forms[] = {
        {"가상 저장 공간", MODEL_FORM_KO, 0, 0},
        {"클라우드 스토리지", MODEL_FORM_LOANWORD, 0, 0},
        {"cloud storage", MODEL_FORM_ENGLISH, 0, 0},
        {"저장소", MODEL_FORM_NATIVE, 0, 0},
    };
    struct model_concept c;
    struct dd_error err;
    struct termbase_merge *m = termbase_merge_begin(tb, &err);

    if (!m)
        fail_tb("merge_begin", &err);
    memset(&c, 0, sizeof(c));
    c.ko = "가상 저장 공간";
    c.kind = "loanword";
    c.status = MODEL_APPROVED;
    c.note = "from another tool";
    c.forms = forms;
    c.nforms = sizeof(forms) / sizeof(forms[0]);
    c.example = "자료는 가상 저장 공간(클라우드 스토리지)에 둔다.";
    c.example_path = "other.tbx";
    c.example_line = 12;
    c.match = MODEL_MATCH_NONE;
    if (termbase_merge_add(m, &c, &err))
        fail_tb("merge_add", &err);
    if (termbase_merge_commit(m, &err))
        fail_tb("merge_commit", &err);
}

static void cleanup(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    termbase_free(tb);
    tb = NULL;
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        char path[128];
        snprintf(path, sizeof(path), "%s%s", db, suffixes[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void build(void)
{
    struct dd_error err;
    const char *tmp = getenv("TMPDIR");

    snprintf(dir, sizeof(dir), "%s/dadeum-fuzz-query.XXXXXX",
             tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    assert(mkdtemp(dir));
    snprintf(db, sizeof(db), "%s/fuzz.db", dir);
    atexit(cleanup);
    if (!(tb = termbase_open(db, TERMBASE_CREATE, &err)))
        fail_tb("open", &err);
    store("press/cloud.txt", doc1, sizeof(doc1) / sizeof(doc1[0]));
    store("press/ai.txt", doc2, sizeof(doc2) / sizeof(doc2[0]));
    edit("인공지능", MODEL_APPROVED, NULL, NULL, "checked against the lexicon");
    edit("클라우드 보안 인증", MODEL_APPROVED, NULL, NULL, NULL);
    edit("국면전환요소", MODEL_REJECTED, NULL, NULL, "too long");
    edit("디지털 플랫폼 정부", -1, "Digital Platform Government", NULL, NULL);
    edit("누리집", MODEL_APPROVED, "website", NULL, NULL);
    merge();
    if (termbase_check(tb, &err))
        fail_tb("check", &err);
    termbase_free(tb);
    if (!(tb = termbase_open(db, TERMBASE_READONLY, &err)))
        fail_tb("open read-only", &err);
}

/* ---- checks ------------------------------------------------------------------------- */

static void check_str(const char *s)
{
    if (s)
        assert(utf8_valid_prefix(s, strlen(s)) == strlen(s));
}

static int status_rank(enum model_status s)
{
    return s == MODEL_APPROVED ? 0 : s == MODEL_REJECTED ? 2 : 1;
}

static void check_result(const struct termbase_result *r, unsigned flags, size_t limit)
{
    size_t n = termbase_result_count(r);

    assert(!limit || n <= limit);
    for (size_t i = 0; i < n; i++) {
        const struct model_concept *c = termbase_result_get(r, i);
        int ko_is_a_form = 0, matched_is_a_form = 0;

        assert(c->id > 0);
        assert(c->ko && *c->ko);
        check_str(c->ko);
        check_str(c->kind);
        check_str(c->note);
        check_str(c->example);
        check_str(c->example_path);
        assert((unsigned)c->status <= MODEL_REJECTED);
        assert(c->match < MODEL_MATCH_NONE);
        if (flags & TERMBASE_LOOKUP_EXACT)
            assert(c->match <= MODEL_MATCH_VARIANT);
        assert(c->matched);
        assert(c->distance >= 0);
        if (c->match <= MODEL_MATCH_VARIANT)
            assert(c->distance == 0);
        if (c->match == MODEL_MATCH_FUZZY)
            assert(c->distance > 0 && c->distance <= 2 * JAMO_COST_UNIT);
        assert(c->nforms >= 1 && c->forms);
        for (size_t k = 0; k < c->nforms; k++) {
            const struct model_form *f = &c->forms[k];
            assert(f->text && *f->text);
            check_str(f->text);
            assert((unsigned)f->type < MODEL_FORM_NTYPES);
            ko_is_a_form |= f->type == MODEL_FORM_KO && !strcmp(f->text, c->ko);
            matched_is_a_form |= !strcmp(f->text, c->matched);
        }
        assert(ko_is_a_form);
        assert(matched_is_a_form);
        for (size_t j = 0; j < i; j++)
            assert(termbase_result_get(r, j)->id != c->id);
        if (i) {
            const struct model_concept *p = termbase_result_get(r, i - 1);
            assert(p->match <= c->match);
            if (p->match == c->match) {
                assert(p->distance <= c->distance);
                if (p->distance == c->distance) {
                    assert(status_rank(p->status) <= status_rank(c->status));
                    if (p->status == c->status)
                        assert(p->count >= c->count);
                }
            }
        }
    }
}

static int same_concept(const struct model_concept *a, const struct model_concept *b)
{
    return a->id == b->id && a->match == b->match && a->distance == b->distance &&
           !strcmp(a->matched, b->matched);
}

/* A lookup with limit 5 against the same lookup without a limit. */
static void check_limited(const struct termbase_result *lim, const struct termbase_result *all)
{
    size_t nl = termbase_result_count(lim), na = termbase_result_count(all);

    assert(nl <= (na < 5 ? na : 5));
    for (size_t i = 0; i < nl; i++) {
        const struct model_concept *c = termbase_result_get(lim, i);
        size_t j = 0;
        while (j < na && termbase_result_get(all, j)->id != c->id)
            j++;
        assert(j < na);
        assert(termbase_result_get(all, j)->match <= c->match);
    }
    /* exact and variant matches need no capped scan: the same, in the same places */
    for (size_t i = 0; i < na && i < 5; i++) {
        const struct model_concept *c = termbase_result_get(all, i);
        if (c->match > MODEL_MATCH_VARIANT)
            break;
        assert(i < nl && same_concept(termbase_result_get(lim, i), c));
    }
}

/* TERMBASE_LOOKUP_EXACT against the full lookup, both without a limit. */
static void check_exact(const struct termbase_result *exact, const struct termbase_result *all)
{
    size_t ne = termbase_result_count(exact), na = termbase_result_count(all);

    assert(ne <= na);
    for (size_t i = 0; i < ne; i++)
        assert(same_concept(termbase_result_get(exact, i), termbase_result_get(all, i)));
    assert(ne == na || termbase_result_get(all, ne)->match > MODEL_MATCH_VARIANT);
}

static void check_output(const struct termbase_result *r)
{
    for (int fmt = RENDER_TEXT; fmt <= RENDER_JSON; fmt++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        assert(fp);
        render_concepts(termbase_result_items(r), termbase_result_count(r), fp,
                        (enum render_format)fmt);
        assert(!ferror(fp));
        fclose(fp);
        assert(utf8_valid_prefix(buf, len) == len);
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned flags[2] = {0, TERMBASE_LOOKUP_EXACT};
    static const size_t limits[2] = {0, 5};
    struct termbase_result *r[2][2];
    struct dd_error err;
    char *q;
    int failed = 0;

    if (!tb)
        build();
    q = malloc(size + 1);
    assert(q);
    memcpy(q, data, size);
    q[size] = '\0';
    for (int f = 0; f < 2; f++)
        for (int l = 0; l < 2; l++) {
            memset(&err, 0x5a, sizeof(err));
            r[f][l] = termbase_lookup(tb, q, flags[f], limits[l], &err);
            if (!r[f][l]) {
                assert(err.detail == TERMBASE_EINPUT);
                assert(memchr(err.message, '\0', sizeof(err.message)));
                assert(err.message[0] && !strchr(err.message, '\n'));
                failed++;
            } else {
                assert(err.detail == TERMBASE_OK);
                check_result(r[f][l], flags[f], limits[l]);
            }
        }
    assert(failed == 0 || failed == 4);
    if (!failed) {
        check_limited(r[0][1], r[0][0]);
        check_limited(r[1][1], r[1][0]);
        check_exact(r[1][0], r[0][0]);
        check_output(r[0][0]);
    }
    for (int f = 0; f < 2; f++)
        for (int l = 0; l < 2; l++)
            termbase_result_free(r[f][l]);
    free(q);
    return 0;
}
