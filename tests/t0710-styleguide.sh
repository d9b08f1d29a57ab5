#!/bin/sh
# The style guide (src/io/styleguide.h) of a termbase, in Markdown and HTML:
# goldens, filters, and an HTML check without a browser (python3's
# html.parser: well-formed, every concept present, index links resolve,
# nothing fetched, no script). tests/styleguide-screenshot.sh renders the
# same file in headless Chromium for a look.
#
# The writer is reached through `dadeum export --format md|html`;
# sg FORMAT DB [STATUS|- [KIND|- [MIN]]] is the one place that says how.
. "$(dirname "$0")/lib.sh"

DATA=$TEST_DATA/check
unset DADEUM_DB
sg() {
	fmt=$1 db=$2 st=${3:--} kind=${4:--} min=${5:-}
	set -- export --format "$fmt" --db "$db"
	[ "$st" = - ] || set -- "$@" --status "$st"
	[ "$kind" = - ] || set -- "$@" --kind "$kind"
	[ -z "$min" ] || set -- "$@" --min-count "$min"
	"$DADEUM" "$@"
}

dadeum ingest --quiet --from-jsonl "$DATA/terms.jsonl" >/dev/null 2>&1
for term in "인터넷 기반 자원 공유" 인공지능; do
	dadeum lookup --exact --format tsv "$term" >lookup.tsv
	dadeum set "$(sed -n 2p lookup.tsv | cut -f1)" --status approved >/dev/null
done
dadeum lookup --exact --format tsv 종잣돈 >lookup.tsv
dadeum set "$(sed -n 2p lookup.tsv | cut -f1)" --status rejected >/dev/null

test_expect_success 'export -h lists the style-guide formats' '
	dadeum export -h >help &&
	test_grep "^  md " help &&
	test_grep "^  html " help
'

test_expect_success 'Markdown golden' '
	sg md dadeum.db >out.md &&
	test_cmp "$DATA/styleguide.md" out.md
'

test_expect_success 'HTML golden' '
	sg html dadeum.db >out.html &&
	test_cmp "$DATA/styleguide.html" out.html
'

test_expect_success 'Korean dictionary order, Latin after Hangul, rejected left out' '
	sg md dadeum.db >out.md &&
	grep "^## " out.md >sections &&
	printf "## %s\n" ㄱ ㄴ ㄷ ㅁ ㅂ ㅇ ㅈ >want &&
	test_cmp want sections &&
	grep "^### " out.md >terms &&
	printf "### %s\n" "가상 저장 공간" 거점 기반 누리집 "단계별 이행안" "미지의 위험" 분과 \
		"업무 협약" 인공지능 "인터넷 기반 자원 공유" 점검표 "주요 7개국" >want &&
	test_cmp want terms
'

test_expect_success 'filters: status, kind, minimum count' '
	sg md dadeum.db approved >out.md &&
	test "$(grep -c "^### " out.md)" = 2 &&
	sg md dadeum.db rejected >out.md &&
	grep "^### " out.md >terms && echo "### 종잣돈" >want && test_cmp want terms &&
	sg md dadeum.db - abbrev >out.md &&
	grep "^### " out.md >terms &&
	printf "### %s\n" "업무 협약" 인공지능 "주요 7개국" >want && test_cmp want terms &&
	sg md dadeum.db - loanword 3 >out.md &&
	grep "^### " out.md >terms &&
	printf "### %s\n" 기반 누리집 "인터넷 기반 자원 공유" >want && test_cmp want terms
'

cat >check_html.py <<'PY'
import sys
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}

class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.hrefs, self.h3 = [], set(), [], []
        self.errors, self.cur = [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.errors.append("script element")
        for k in ("src", "href"):
            v = a.get(k)
            if v and not v.startswith("#"):
                self.errors.append("external reference %s=%s" % (k, v))
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append("duplicate id " + a["id"])
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "h3":
            self.cur = ""
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unbalanced </%s> (open: %s)" % (tag, self.stack[-3:]))
            return
        self.stack.pop()
        if tag == "h3":
            self.h3.append(self.cur)
            self.cur = None
    def handle_data(self, data):
        if self.cur is not None:
            self.cur += data

html = open(sys.argv[1], encoding="utf-8").read()
p = Check()
p.feed(html)
p.close()
errors = p.errors
if not html.startswith("<!DOCTYPE html>"):
    errors.append("no doctype")
if p.stack:
    errors.append("unclosed: %s" % p.stack)
for h in p.hrefs:
    if h.startswith("#") and h[1:] not in p.ids:
        errors.append("index link %s resolves to nothing" % h)
want = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
if p.h3 != want:
    errors.append("entries %s, want %s" % (p.h3, want))
if want and not p.hrefs:
    errors.append("no index")
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
PY

test_expect_success 'HTML: well-formed, every concept once, index links resolve, self-contained' '
	sg html dadeum.db >out.html &&
	dadeum review --all --format tsv >all.tsv &&
	awk -F "\t" "NR > 1 && \$0 !~ /rejected/ { print \$3 }" all.tsv | sort >want.unsorted &&
	sg md dadeum.db >out.md &&
	sed -n "s/^### //p" out.md >want &&
	sort want >want.sorted &&
	test_cmp want.unsorted want.sorted &&
	python3 check_html.py out.html want
'

test_expect_success 'the HTML check can fail' '
	sed "s|</section>||" out.html >broken.html &&
	test_must_fail python3 check_html.py broken.html want &&
	sed "s|href=\"#s00\"|href=\"#nowhere\"|" out.html >broken.html &&
	test_must_fail python3 check_html.py broken.html want
'

test_expect_success 'text from the termbase is escaped' '
	rec() { printf "{\"file\":\"%s\",\"line\":1,\"ko\":\"%s\",\"gloss\":\"%s\",\"kind\":\"loanword\",\"count\":1,\"reversed\":false,\"expansion\":null,\"context\":\"%s\"}\n" "$@"; }
	rec "<b>x.txt" "꺾쇠 <i>괄호</i> & 따옴표" "<script>" "꺾쇠 <i>괄호</i> & 따옴표(<script>) 예문" >x.jsonl &&
	dadeum ingest --db x.db --quiet --from-jsonl x.jsonl &&
	sg html x.db >x.html &&
	! grep "<script>\|<i>\|<b>" x.html &&
	test_grep "꺾쇠 &lt;i&gt;괄호&lt;/i&gt; &amp; 따옴표" x.html &&
	echo "꺾쇠 <i>괄호</i> & 따옴표" >want &&
	python3 check_html.py x.html want &&
	sg md x.db >x.md &&
	test_grep "^### 꺾쇠 \\\\<i\\\\>괄호\\\\</i\\\\> \\\\& 따옴표$" x.md
'

test_expect_success 'an empty termbase gives an empty guide' '
	printf "" >none.jsonl &&
	dadeum ingest --db empty.db --quiet --from-jsonl none.jsonl &&
	sg md empty.db >e.md &&
	test_grep "^용어 0개$" e.md &&
	sg html empty.db >e.html &&
	printf "" >want &&
	python3 check_html.py e.html want
'

test_done
