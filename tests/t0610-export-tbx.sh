#!/bin/sh
# dadeum export --format tbx / tbx3: TBX-Basic structure, the picklist values
# of termType and administrativeStatus (no schema checks them, so we do),
# the DOCTYPE and our XCS (glossaries/dadeum-tbx-basic.xcs) that TBXChecker
# needs, and translate-toolkit reading TBX v2. The TBX-Basic DTD, RNG and
# TBXChecker cannot be kept here (no explicit licence): with TBX_BASIC_DIR
# naming a TBX-Basic package (TBXBasiccoreStructV02.dtd, tbxxcsdtd.dtd,
# tbxcheck-*.jar) the last test validates with them.
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
	test_grep "<p type=\"XCSURI\">dadeum-tbx-basic.xcs</p>" v2.tbx
'

test_expect_success 'v2: the DOCTYPE of the TBX-Basic sample, v3 none' '
	test "$(sed -n 2p v2.tbx)" = "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">" &&
	! grep -q "<!DOCTYPE" v3.tbx
'

XCS=$TEST_DIR/../glossaries/dadeum-tbx-basic.xcs

test_expect_success 'our XCS is there, well-formed, and lists every language tag used' '
	test -f "$XCS" && xmllint --noout "$XCS" &&
	test_grep "<!DOCTYPE TBXXCS SYSTEM \"tbxxcsdtd.dtd\">" "$XCS" &&
	sed -n "s|.*<langCode>\(.*\)</langCode>.*|\1|p" "$XCS" | sort -u >xcs-langs &&
	dadeum export --db t.db --format tbx --target-lang en-GB -o gb.tbx &&
	for f in v2.tbx gb.tbx; do
		sed -n "s|.*xml:lang=\"\([^\"]*\)\".*|\1|p" $f | sort -u >used &&
		test -s used &&
		comm -23 used xcs-langs >missing &&
		test_cmp /dev/null missing || return 1
	done
'

test_expect_success 'our XCS declares the picklists the export writes' '
	for v in fullForm variant shortForm acronym abbreviation preferredTerm-admn-sts \
		admittedTerm-admn-sts deprecatedTerm-admn-sts; do
		grep -q "datatype=\"picklist\">.*\<$v\>" "$XCS" || return 1
	done &&
	for dc in context source termType administrativeStatus; do
		grep -q "name=\"$dc\"" "$XCS" || return 1
	done
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

test_expect_success 'translate-toolkit reads every term of every entry of TBX v2' '
	cat >terms.py <<-\PY &&
	import sys
	from translate.storage import tbx
	t = tbx.tbxfile.parsefile(sys.argv[1])
	X = "{http://www.w3.org/XML/1998/namespace}lang"
	for u in t.units:
	    for ls in u.getlanguageNodes():
	        for term in ls.iter("term"):
	            print("%s\t%s" % (ls.get(X), term.text))
	PY
	/usr/bin/python3 terms.py v2.tbx | sort >tt-terms &&
	awk "/<langSet/{match(\$0,/xml:lang=\"[^\"]*\"/);l=substr(\$0,RSTART+10,RLENGTH-11)}
	     /<term>/{sub(/.*<term>/,\"\");sub(/<\/term>.*/,\"\");print l \"\t\" \$0}" v2.tbx | sort >our-terms &&
	test "$(wc -l <our-terms)" = "$(grep -c "<term>" v2.tbx)" &&
	test_cmp our-terms tt-terms
'

test_expect_success 'OmegaT reads TBX v2 (DOCTYPE, no DTD beside it): every Korean term' '
	if ! command -v java >/dev/null || ! test -f /usr/share/omegat/OmegaT.jar; then
		echo "# skipped: omegat is not installed (apt-get install omegat; make deps)" >&2
		exit 0
	fi
	# GlossaryReaderTBX, as OmegaT reads a .tbx in glossary/; it asks the
	# project for its languages, so a stand-in project answers that
	cat >LoadTbx.java <<-\JAVA &&
	import java.io.File;
	import java.lang.reflect.Proxy;
	import org.omegat.core.Core;
	import org.omegat.core.data.IProject;
	import org.omegat.core.data.ProjectProperties;
	import org.omegat.gui.glossary.GlossaryEntry;
	import org.omegat.gui.glossary.GlossaryReaderTBX;
	public class LoadTbx {
	    public static void main(String[] args) throws Exception {
	        File dir = new File("proj");
	        dir.mkdirs();
	        final ProjectProperties props = new ProjectProperties(dir);
	        props.setSourceLanguage("ko-KR");
	        props.setTargetLanguage("en-US");
	        IProject p = (IProject) Proxy.newProxyInstance(IProject.class.getClassLoader(),
	            new Class<?>[] {IProject.class},
	            (o, m, a) -> m.getName().equals("getProjectProperties") ? props : null);
	        Core.class.getDeclaredMethod("setProject", IProject.class).invoke(null, p);
	        for (GlossaryEntry e : GlossaryReaderTBX.read(new File(args[0]), false))
	            System.out.println(e.getSrcText() + "\t" + e.getLocText());
	    }
	}
	JAVA
	HOME=$PWD/home timeout 120 java -Djava.awt.headless=true \
		-cp "/usr/share/omegat/OmegaT.jar:/usr/share/omegat/lib/*" LoadTbx.java v2.tbx \
		>omegat.out 2>omegat.log &&
	cut -f1 omegat.out | sort -u >omegat.ko &&
	grep "^ko-KR	" our-terms | cut -f2 | sort -u >ko.want &&
	test -s ko.want &&
	test_cmp ko.want omegat.ko &&
	test_grep "^최고 경영자	Chief Executive Officer$" omegat.out
'

if test -n "${TBX_BASIC_DIR:-}" && command -v java >/dev/null 2>&1; then
test_expect_success 'TBXChecker accepts TBX v2 with our XCS (TBX_BASIC_DIR)' '
	mkdir check &&
	cp "$TBX_BASIC_DIR/TBXBasiccoreStructV02.dtd" "$TBX_BASIC_DIR/tbxxcsdtd.dtd" "$XCS" v2.tbx check/ &&
	xmllint --noout --valid check/v2.tbx &&
	xmllint --noout --valid check/dadeum-tbx-basic.xcs &&
	java -cp "$(ls "$TBX_BASIC_DIR"/tbxcheck-*.jar | head -1)" org.ttt.salt.Main check/v2.tbx >tbxcheck.out 2>&1 &&
	test_grep "^Valid file:" tbxcheck.out
'
fi

test_done
