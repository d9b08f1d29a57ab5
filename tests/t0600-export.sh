#!/bin/sh
# dadeum export: TMX 1.4b (DTD-valid, header, xml:lang, escaping, dates,
# determinism), TSV and CSV, options, temp file + rename; and real readers:
# xmllint, translate-toolkit, OmegaT (headless) apply what we write.
. "$(dirname "$0")/lib.sh"

DTD=$TEST_DATA/schemas/tmx14.dtd
cat >a.txt <<'DOC'
정부는 새로운 인터넷 기반 자원 공유(클라우드) 전략을 발표했다.
인공지능(AI) 안전연구소가 문을 열었다.
미스트랄 AI 최고 경영자(CEO) 면담을 가졌다.
DOC
cat >b.txt <<'DOC'
인터넷기반 자원공유(클라우드) 시장이 커지고 있다.
미지의 위험(Unknown Risk)에 대비한다.
과학기술정보통신부(이하 '과기정통부')는 발표했다.
데이터 센터(Data Center) 전력 사용이 늘었다.
인공지능(artificial intelligence) 기술을 지원한다.
DOC
# a control character and markup that must be escaped, through a TSV import
printf '제어 문자\tcontrol\001 char & <tag> "q"\t#90; approved; kind=english; type=english; note=a & b <c>\n' >ctl.tsv

test_expect_success 'setup: a termbase with decisions' '
	dadeum ingest --db t.db a.txt b.txt &&
	dadeum set --db t.db 1 --status approved --note "keep & use <this>" >/dev/null &&
	dadeum import --db t.db ctl.tsv
'

test_expect_success 'export --format tmx validates against the TMX 1.4b DTD' '
	dadeum export --db t.db --format tmx --date 2025-01-02 -o out.tmx 2>err &&
	test ! -s err &&
	xmllint --noout --dtdvalid "$DTD" out.tmx
'

test_expect_success 'the header has all seven required attributes' '
	for a in "creationtool=\"dadeum\"" "creationtoolversion=\"" "segtype=\"phrase\"" \
		"o-tmf=\"" "adminlang=\"en-US\"" "srclang=\"ko-KR\"" "datatype=\"plaintext\""; do
		grep "<header " out.tmx | grep -F "$a" >/dev/null || { echo "no $a"; return 1; }
	done
'

test_expect_success 'every tuv has xml:lang ko-KR or en-US, never lang=' '
	grep -c "<tuv " out.tmx >n &&
	test "$(cat n)" -gt 8 &&
	! grep -E "<tuv [^>]*[^:]lang=" out.tmx &&
	grep -o "<tuv xml:lang=\"[^\"]*\"" out.tmx | sort -u >langs &&
	printf "<tuv xml:lang=\"en-US\"\n<tuv xml:lang=\"ko-KR\"\n" >expect &&
	test_cmp expect langs
'

test_expect_success 'one tu per pair, with the concept props and notes' '
	test "$(grep -c "<tu " out.tmx)" = "$(grep -c "<tuv xml:lang=\"en-US\"" out.tmx)" &&
	test_grep "<prop type=\"x-concept-id\">2</prop>" out.tmx &&
	test_grep "<prop type=\"x-abbreviation\">AI</prop>" out.tmx &&
	test_grep "<prop type=\"x-status\">approved</prop>" out.tmx &&
	test_grep "<prop type=\"x-kind\">" out.tmx &&
	test_grep "<note>source: a.txt:2</note>" out.tmx &&
	test_grep "<note>example: 인공지능(AI) 안전연구소가 문을 열었다.</note>" out.tmx &&
	test "$(grep -c "<seg>artificial intelligence</seg>" out.tmx)" = 1
'

test_expect_success 'dates are YYYYMMDDThhmmssZ, from --date or SOURCE_DATE_EPOCH' '
	test_grep "creationdate=\"20250102T000000Z\"" out.tmx &&
	! grep -E "creationdate=\"[^\"]*\"" out.tmx | grep -v "20250102T000000Z" &&
	SOURCE_DATE_EPOCH=1735776000 dadeum export --db t.db -o sde.tmx &&
	test_cmp out.tmx sde.tmx &&
	dadeum export --db t.db --date 20250102T000000Z -o t2.tmx && test_cmp out.tmx t2.tmx &&
	test_expect_code 2 dadeum export --db t.db --date yesterday -o bad.tmx 2>err &&
	test ! -e bad.tmx
'

test_expect_success 'output is deterministic and UTF-8 without BOM' '
	dadeum export --db t.db --date 2025-01-02 -o again.tmx &&
	test_cmp out.tmx again.tmx &&
	head -c 5 out.tmx >start && printf "<?xml" >expect && test_cmp expect start &&
	iconv -f UTF-8 -t UTF-8 out.tmx >/dev/null
'

test_expect_success 'illegal characters are removed (import made the control a space), markup is escaped' '
	! grep -q "$(printf "\001")" out.tmx &&
	test_grep "<seg>control  char &amp; &lt;tag&gt; \"q\"</seg>" out.tmx &&
	test_grep "<note>a &amp; b &lt;c&gt;</note>" out.tmx &&
	test_grep "<note>keep &amp; use &lt;this&gt;</note>" out.tmx
'

test_expect_success 'stdout by default; format from the extension of -o' '
	dadeum export --db t.db --date 2025-01-02 >stdout.tmx &&
	test_cmp out.tmx stdout.tmx &&
	dadeum export --db t.db --date 2025-01-02 -o ext.tbx &&
	test_grep "^<martif type=\"TBX-Basic\"" ext.tbx
'

test_expect_success '--source-lang / --target-lang set the codes, canonicalised' '
	dadeum export --db t.db --source-lang ko_kr --target-lang EN-gb -o gb.tmx &&
	test_grep "srclang=\"ko-KR\"" gb.tmx &&
	test_grep "<tuv xml:lang=\"en-GB\">" gb.tmx &&
	xmllint --noout --dtdvalid "$DTD" gb.tmx &&
	test_expect_code 2 dadeum export --db t.db --target-lang "e n" 2>err &&
	test_grep "BCP 47" err
'

test_expect_success '--target abbrev and --target loanword' '
	dadeum export --db t.db --target abbrev -o abbr.tmx &&
	xmllint --noout --dtdvalid "$DTD" abbr.tmx &&
	test_grep "<seg>CEO</seg>" abbr.tmx &&
	! grep -q "<seg>Chief Executive Officer</seg>" abbr.tmx &&
	dadeum export --db t.db --target loanword -o loan.tmx &&
	xmllint --noout --dtdvalid "$DTD" loan.tmx &&
	test "$(grep -c "<tu " loan.tmx)" = 2 &&
	! grep -q "en-US\"><seg>" loan.tmx &&
	test_grep "<tuv xml:lang=\"ko-KR\"><seg>클라우드</seg></tuv>" loan.tmx
'

test_expect_success '--status filters' '
	dadeum export --db t.db --status approved --format tsv -o approved.tsv &&
	dadeum export --db t.db --format tsv -o all.tsv &&
	grep -v "^#" approved.tsv >got &&
	grep -v "^#" all.tsv | grep "; approved;" >want &&
	test_cmp want got &&
	test_grep "#1; approved" got &&
	test_grep "^제어 문자	" got
'

test_expect_success 'TSV is what OmegaT reads: 3 columns, # comments, no quoting' '
	dadeum export --db t.db --format tsv -o g.tsv &&
	grep -v "^#" g.tsv >rows &&
	awk -F "\t" "NF != 3 { exit 1 }" rows &&
	test_grep "^최고 경영자	Chief Executive Officer	#3; candidate; kind=abbrev; type=english$" g.tsv &&
	! grep -q "\"control" g.tsv
'

test_expect_success 'omegat: the TSV rows, UTF-8, 3 columns, no header; the format of .txt' '
	dadeum export --db t.db --format omegat -o om.out &&
	grep -v "^#" g.tsv >expect &&
	test_cmp expect om.out &&
	! grep -q "^#" om.out &&
	awk -F "\t" "NF != 3 { exit 1 }" om.out &&
	iconv -f UTF-8 -t UTF-8 om.out >/dev/null &&
	! grep -q "$(printf "\r")" om.out &&
	dadeum export --db t.db -o g.txt &&
	test_cmp om.out g.txt &&
	dadeum export --db t.db -o g.utf8 &&
	test_cmp om.out g.utf8
'

test_expect_success 'omegat: import reads it back, and export gives the same rows' '
	dadeum import --db om.db g.txt &&
	dadeum export --db om.db --format omegat -o again.txt &&
	test_cmp g.txt again.txt
'

test_expect_success 'OmegaT loads the .txt glossary as it loads glossary/ (every row an entry)' '
	if ! command -v omegat >/dev/null || ! command -v java >/dev/null ||
		! test -f /usr/share/omegat/OmegaT.jar; then
		echo "# skipped: omegat is not installed (apt-get install omegat; make deps)" >&2
		exit 0
	fi
	# GlossaryManager picks the reader by file name, as for a project glossary/
	cat >Load.java <<-\JAVA &&
	import java.io.File;
	import java.lang.reflect.Field;
	import java.lang.reflect.Method;
	import java.util.List;
	import org.omegat.gui.glossary.GlossaryEntry;
	import org.omegat.gui.glossary.GlossaryManager;
	public class Load {
	    public static void main(String[] args) throws Exception {
	        GlossaryManager gm = new GlossaryManager(null);
	        Field f = GlossaryManager.class.getDeclaredField("priorityGlossary");
	        f.setAccessible(true);
	        f.set(gm, new File("glossary.txt"));
	        Method m = GlossaryManager.class.getDeclaredMethod("loadGlossaryFile", File.class);
	        m.setAccessible(true);
	        for (String a : args) {
	            @SuppressWarnings("unchecked")
	            List<GlossaryEntry> l = (List<GlossaryEntry>) m.invoke(gm, new File(a));
	            if (l == null)
	                System.out.println("# ignored: " + a);
	            else
	                for (GlossaryEntry e : l)
	                    System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t" + e.getCommentText());
	        }
	    }
	}
	JAVA
	HOME=$PWD/home timeout 120 java -Djava.awt.headless=true \
		-cp "/usr/share/omegat/OmegaT.jar:/usr/share/omegat/lib/*" Load.java g.txt g.tsv \
		>omegat.out 2>omegat.log &&
	printf "# ignored: g.tsv\n" >ign &&
	grep -v "^# ignored" omegat.out >entries &&
	grep "^# ignored" omegat.out >ignored &&
	test_cmp ign ignored &&
	test_cmp g.txt entries
'

test_expect_success 'CSV is RFC 4180: header, CRLF, quoting' '
	dadeum export --db t.db --format csv -o g.csv &&
	head -n 1 g.csv >h &&
	printf "ko-KR,en-US,concept_id,status,kind,type,abbreviation,note,source,example,confidence\r\n" >expect &&
	test_cmp expect h &&
	test "$(grep -c "$(printf "\r")\$" g.csv)" = "$(wc -l <g.csv)" &&
	test_grep "^제어 문자,\"control.* char & <tag> \"\"q\"\"\",90,approved" g.csv
'

test_expect_success 'an export that fails leaves the old file alone and no temp file' '
	echo old >keep.tmx &&
	test_expect_code 3 dadeum export --db missing.db -o keep.tmx 2>err &&
	echo old >expect && test_cmp expect keep.tmx &&
	test "$(ls | grep -c "keep.tmx.")" = 0 &&
	mkdir ro && chmod 555 ro &&
	if [ "$(id -u)" != 0 ]; then
		test_expect_code 4 dadeum export --db t.db -o ro/x.tmx 2>err && test ! -e ro/x.tmx
	fi
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 dadeum export --db t.db --format pdf 2>err &&
	test_grep "unknown format" err &&
	test_expect_code 2 dadeum export --db t.db --status maybe &&
	test_expect_code 2 dadeum export --db t.db --target french &&
	test_expect_code 2 dadeum export --db t.db extra
'

test_expect_success 'translate-toolkit reads the same units and languages' '
	cat >tt.py <<-\PY &&
	import sys
	from translate.storage import tmx
	t = tmx.tmxfile.parsefile(sys.argv[1])
	X = "{http://www.w3.org/XML/1998/namespace}lang"
	for u in t.units:
	    langs = [n.get(X) for n in u.getlanguageNodes()]
	    print("%s\t%s\t%s" % (u.source, u.target, ",".join(langs)))
	PY
	/usr/bin/python3 tt.py out.tmx >tt.out &&
	sed -n "s|.*<tuv xml:lang=\"ko-KR\"><seg>\(.*\)</seg></tuv>|\1|p" out.tmx >ko &&
	sed -n "s|.*<tuv xml:lang=\"en-US\"><seg>\(.*\)</seg></tuv>|\1|p" out.tmx |
		sed "s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g" >en &&
	paste ko en | sed "s/\$/	ko-KR,en-US/" >expect &&
	test_cmp expect tt.out
'

test_expect_success 'OmegaT applies the TMX headless (ko-KR -> en-US)' '
	if ! command -v omegat >/dev/null; then
		echo "# skipped: omegat is not installed (apt-get install omegat; make deps)" >&2
		exit 0
	fi
	mkdir -p proj/source proj/target proj/tm/auto proj/glossary proj/dictionary proj/omegat &&
	cp out.tmx proj/tm/auto/dadeum.tmx &&
	printf "데이터 센터\n\n미지의 위험\n\n최고 경영자\n" >proj/source/terms.txt &&
	omegat_translate proj &&
	printf "Data Center\n\nUnknown Risk\n\nChief Executive Officer\n" >expect &&
	test_cmp expect proj/target/terms.txt
'

test_done
