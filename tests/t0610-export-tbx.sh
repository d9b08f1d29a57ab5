#!/bin/sh
# dadeum export --format tbx / tbx3: TBX-Basic structure, the picklist values
# of termType and administrativeStatus (no schema checks them, so we do),
# and translate-toolkit reading TBX v2.
. "$(dirname "$0")/lib.sh"

cat >a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
미스트랄 AI 최고 경영자(CEO) 면담을 가졌다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
인터넷기반 자원공유(클라우드) 시장이 커지고 있다.
DOC

test_expect_success 'setup' '
	dadeum ingest --db t.db a.txt &&
	dadeum set --db t.db 1 --status approved >/dev/null &&
	dadeum export --db t.db --format tbx --date 2025-01-02 -o v2.tbx &&
	dadeum export --db t.db --format tbx3 --date 2025-01-02 -o v3.tbx &&
	xmllint --noout v2.tbx && xmllint --noout v3.tbx
'

test_expect_success 'v2: martif TBX-Basic, one termEntry per concept' '
	test_grep "^<martif type=\"TBX-Basic\" xml:lang=\"en-US\">" v2.tbx &&
	test "$(grep -c "<termEntry id=\"c[0-9]*\">" v2.tbx)" = 4 &&
	test "$(grep -c "<tig>" v2.tbx)" = "$(grep -c "<term>" v2.tbx)" &&
	test_grep "<langSet xml:lang=\"ko-KR\">" v2.tbx &&
	test_grep "<langSet xml:lang=\"en-US\">" v2.tbx &&
	test_grep "<p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>" v2.tbx
'

test_expect_success 'v3: tbx root, TBX-Basic, DCA style, ISO 30042:2019 namespace' '
	test_grep "^<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en-US\">" v3.tbx &&
	test "$(grep -c "<conceptEntry id=" v3.tbx)" = 4 &&
	test "$(grep -c "<termSec>" v3.tbx)" = "$(grep -c "<tig>" v2.tbx)" &&
	test_grep "<langSec xml:lang=\"ko-KR\">" v3.tbx &&
	! grep -q "<tig>\|<langSet\|<termEntry" v3.tbx
'

test_expect_success 'picklists: termType and administrativeStatus values' '
	for f in v2.tbx v3.tbx; do
		sed -n "s|.*<termNote type=\"termType\">\(.*\)</termNote>|\1|p" $f | sort -u >tt &&
		sed -n "s|.*<termNote type=\"administrativeStatus\">\(.*\)</termNote>|\1|p" $f | sort -u >as &&
		! grep -v -x -e fullForm -e acronym -e abbreviation -e shortForm -e variant tt &&
		! grep -v -x -e preferredTerm-admn-sts -e admittedTerm-admn-sts -e deprecatedTerm-admn-sts as &&
		test "$(grep -c "<termNote type=\"termType\">" $f)" = "$(grep -c "<term>" $f)" &&
		test "$(grep -c "<termNote type=\"administrativeStatus\">" $f)" = "$(grep -c "<term>" $f)" ||
		return 1
	done
'

test_expect_success 'each form gets its own term with the right categories' '
	# plain Korean preferred; its spacing variant preferred too
	grep -A2 "<term>자원 공유</term>" v2.tbx >t1 &&
	test_grep "termType\">fullForm<" t1 && test_grep "preferredTerm-admn-sts" t1 &&
	grep -A2 "<term>자원공유</term>" v2.tbx >t2 &&
	test_grep "termType\">variant<" t2 && test_grep "preferredTerm-admn-sts" t2 &&
	# loanword of an approved concept: deprecated (use the plain term)
	grep -A2 "<term>클라우드</term>" v2.tbx >t3 &&
	test_grep "deprecatedTerm-admn-sts" t3 &&
	grep -A2 "<term>CEO</term>" v2.tbx >t4 &&
	test_grep "termType\">acronym<" t4 && test_grep "admittedTerm-admn-sts" t4 &&
	grep -A2 "<term>과기정통부</term>" v2.tbx >t5 &&
	test_grep "termType\">shortForm<" t5
'

test_expect_success 'a candidate concept admits its loanword' '
	dadeum set --db t.db 1 --status candidate >/dev/null &&
	dadeum export --db t.db --format tbx -o cand.tbx &&
	grep -A2 "<term>클라우드</term>" cand.tbx >t &&
	test_grep "admittedTerm-admn-sts" t
'

test_expect_success 'context and source go with the preferred Korean term' '
	test_grep "<descrip type=\"context\">인공지능(AI) 안전연구소가 문을 열었다.</descrip>" v2.tbx &&
	test_grep "<admin type=\"source\">a.txt:2</admin>" v2.tbx &&
	test_grep "<note>x-status: approved</note>" v2.tbx
'

test_expect_success 'translate-toolkit reads TBX v2: same entries and languages' '
	cat >tt.py <<-\PY &&
	import sys
	from translate.storage import tbx
	t = tbx.tbxfile.parsefile(sys.argv[1])
	X = "{http://www.w3.org/XML/1998/namespace}lang"
	for u in t.units:
	    langs = [n.get(X) for n in u.getlanguageNodes()]
	    print("%s\t%s\t%s" % (u.source, u.target, ",".join(langs)))
	PY
	/usr/bin/python3 tt.py v2.tbx >tt.out &&
	test "$(wc -l <tt.out)" = 4 &&
	test_grep "^자원 공유	cloud	ko-KR,en-US$" tt.out &&
	test_grep "^최고 경영자	Chief Executive Officer	ko-KR,en-US$" tt.out
'

test_done
