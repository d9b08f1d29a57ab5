#!/bin/sh
# Issue 17: TBX import keeps every TBX-Basic data category. The hand-written
# fixture tests/data/formats/tbx-basic-all.tbx has each of them at each level
# TBX-Basic allows (entry, language section, term; groups; targets; a
# deprecated term of a candidate concept; an English shortForm; notes at
# every level); imported and exported as TBX v2 and v3, and converted
# without a termbase, the (entry, language, term, category, value) tuples
# of input and output are compared field by field. TBX v3 DCT elements
# (<basic:context>) are read; what is still not kept is reported once per
# kind with a count.
. "$(dirname "$0")/lib.sh"

ALL=$TEST_DATA/formats/tbx-basic-all.tbx

# tuples.py FILE: one line per data category, "entry|lang|term|category|value",
# sorted; categories are element[type]@target with the group around them;
# TBX v3 DCT names (basic:context) are read as their DCA element and type;
# dadeum's own x-status, x-kind and x-dadeum-confidence notes are left out.
cat >tuples.py <<'PY'
import sys
import xml.etree.ElementTree as ET

XL = "{http://www.w3.org/XML/1998/namespace}lang"
DCT = {"context": "descrip", "definition": "descrip", "subjectField": "descrip",
       "termType": "termNote", "administrativeStatus": "termNote", "partOfSpeech": "termNote",
       "grammaticalGender": "termNote", "geographicalUsage": "termNote",
       "termLocation": "termNote", "source": "admin", "customerSubset": "admin",
       "projectSubset": "admin", "crossReference": "ref", "externalCrossReference": "xref",
       "xGraphic": "xref", "transactionType": "transac", "responsibility": "transacNote"}

def local(tag):
    return tag.rsplit("}", 1)[-1]

def category(el):
    name, typ = local(el.tag), el.get("type")
    if ":" in name or (name in DCT and el.tag.startswith("{")):
        name = name.split(":")[-1]
        if name in DCT:
            name, typ = DCT[name], name
    cat = name + ("[%s]" % typ if typ else "")
    if el.get("target"):
        cat += "@" + el.get("target")
    return cat

def text(el):
    return " ".join("".join(el.itertext()).split())

def walk(parent, where, out, prefix=""):
    for el in parent:
        name = local(el.tag)
        if name in ("langSet", "langSec"):
            walk(el, (where[0], el.get(XL), ""), out)
        elif name in ("tig", "termSec", "ntig"):
            terms = [t for t in el.iter() if local(t.tag) == "term"]
            walk(el, (where[0], where[1], text(terms[0])), out)
        elif name in ("termGrp",):
            walk(el, where, out)
        elif name == "term":
            continue
        elif name.endswith("Grp"):
            walk(el, where, out, name + "/")
        else:
            value = text(el)
            if name == "note" and value.startswith(("x-status: ", "x-kind: ", "x-dadeum-confidence: ")):
                continue
            out.append("|".join(where + (prefix + category(el), value)))

out = []
for entry in ET.parse(sys.argv[1]).getroot().iter():
    if local(entry.tag) in ("termEntry", "conceptEntry"):
        walk(entry, (entry.get("id"), "", ""), out)
print("\n".join(sorted(out)))
PY

test_expect_success 'setup: the fixture has every TBX-Basic data category' '
	/usr/bin/python3 tuples.py "$ALL" >in.tuples &&
	for dc in "descrip\[subjectField\]" "descrip\[definition\]" "descrip\[context\]" \
		"admin\[source\]" "admin\[customerSubset\]" "admin\[projectSubset\]" "|note|" \
		"termNote\[termType\]" "termNote\[administrativeStatus\]" "termNote\[partOfSpeech\]" \
		"termNote\[grammaticalGender\]" "termNote\[geographicalUsage\]" \
		"termNote\[termLocation\]" "ref\[crossReference\]@c2" \
		"xref\[externalCrossReference\]@" "xref\[xGraphic\]@" \
		"transacGrp/transac\[transactionType\]" "transacGrp/date" \
		"transacGrp/transacNote\[responsibility\]" "descripGrp/descrip\[definition\]" \
		"descripGrp/admin\[source\]" "deprecatedTerm-admn-sts" "supersededTerm-admn-sts" \
		"en-US|artificial intel.|termNote\[termType\]|shortForm"; do
		grep -q -e "$dc" in.tuples || { echo "fixture lacks $dc"; return 1; }
	done &&
	test "$(wc -l <in.tuples)" -ge 55
'

test_expect_success 'import, export TBX v2: every data category kept, field by field' '
	dadeum import --db t.db "$ALL" 2>err &&
	test_cmp /dev/null err &&
	dadeum export --db t.db --format tbx --date 2025-01-02 -o out.tbx &&
	xmllint --noout out.tbx &&
	/usr/bin/python3 tuples.py out.tbx >out.tuples &&
	test_cmp in.tuples out.tuples
'

test_expect_success 'and TBX v3: the same tuples' '
	dadeum export --db t.db --format tbx3 --date 2025-01-02 -o out.tbx3 &&
	/usr/bin/python3 tuples.py out.tbx3 >out3.tuples &&
	test_cmp in.tuples out3.tuples
'

test_expect_success 'the cases of issue 17 by name' '
	grep -A2 "<term>에이아이</term>" out.tbx >t &&
	test_grep "deprecatedTerm-admn-sts" t &&
	grep -A1 "<term>artificial intel.</term>" out.tbx >t &&
	test_grep "shortForm" t &&
	test_grep "<descrip type=\"definition\">" out.tbx &&
	test_grep "<descrip type=\"subjectField\">" out.tbx &&
	test_grep "<termNote type=\"partOfSpeech\">" out.tbx &&
	test_grep "<note>용어 수준의 메모</note>" out.tbx &&
	test_grep "<note>second entry note: keep both</note>" out.tbx
'

test_expect_success 'convert keeps them too (no termbase)' '
	dadeum convert --date 2025-01-02 "$ALL" conv.tbx &&
	/usr/bin/python3 tuples.py conv.tbx >conv.tuples &&
	test_cmp in.tuples conv.tuples
'

test_expect_success 'export, import, export: the same bytes (same and empty termbase)' '
	dadeum import --db t.db out.tbx &&
	dadeum export --db t.db --format tbx --date 2025-01-02 -o again.tbx &&
	test_cmp out.tbx again.tbx &&
	dadeum import --db e.db out.tbx &&
	dadeum export --db e.db --format tbx --date 2025-01-02 -o fresh.tbx &&
	test_cmp out.tbx fresh.tbx &&
	dadeum import --db e3.db out.tbx3 &&
	dadeum export --db e3.db --format tbx3 --date 2025-01-02 -o fresh.tbx3 &&
	test_cmp out.tbx3 fresh.tbx3
'

test_expect_success 'the termbase decides: a second file does not add a second termType' '
	sed "s|<termNote type=\"partOfSpeech\">properNoun</termNote>|<termNote type=\"partOfSpeech\">noun</termNote>|" \
		"$ALL" >other.tbx &&
	dadeum import --db t.db other.tbx &&
	dadeum export --db t.db --format tbx --date 2025-01-02 -o after.tbx &&
	test_cmp out.tbx after.tbx
'

test_expect_success 'a termbase of schema version 2 gets the datcat table on its first write' '
	printf "인공지능(AI) 안전연구소가 문을 열었다.\n" >a.txt &&
	dadeum ingest --db v2.db a.txt &&
	sqlite3 v2.db "DROP TRIGGER datcat_form_ad; DROP TRIGGER datcat_concept_ad;
		DROP TABLE datcat; ALTER TABLE evidence DROP COLUMN pos; ALTER TABLE evidence DROP COLUMN source;
		ALTER TABLE evidence DROP COLUMN score; ALTER TABLE form DROP COLUMN source;
		ALTER TABLE form DROP COLUMN score; PRAGMA user_version = 2" &&
	test_expect_code 3 dadeum export --db v2.db --format tbx -o x.tbx 2>err &&
	test_grep "schema version 2 needs migrating to" err &&
	dadeum import --db v2.db "$ALL" &&
	test "$(sqlite3 v2.db "PRAGMA user_version")" -ge 3 &&
	dadeum export --db v2.db --format tbx -o v2.tbx &&
	test_grep "<descrip type=\"subjectField\">" v2.tbx &&
	dadeum review --db v2.db --dump >dump &&
	test_grep "^datcat	기계학습	0	0			" dump
'

cat >dct.tbx <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic"
     type="TBX-Basic" style="dct" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>DCT style</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c7">
      <basic:subjectField>정보통신</basic:subjectField>
      <langSec xml:lang="ko">
        <termSec>
          <term>클라우드</term>
          <basic:termType>fullForm</basic:termType>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
          <basic:partOfSpeech>noun</basic:partOfSpeech>
          <basic:context>클라우드 전략을 발표했다.</basic:context>
        </termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec>
          <term>cloud</term>
          <basic:termType>fullForm</basic:termType>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
          <basic:context>The cloud strategy was announced.</basic:context>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
XML

test_expect_success 'TBX v3 DCT: <basic:context> and the other basic: categories are kept' '
	dadeum convert --to tbx3 --source-lang ko --target-lang en dct.tbx dct-out.tbx3 &&
	test_grep "<descrip type=\"context\">클라우드 전략을 발표했다.</descrip>" dct-out.tbx3 &&
	test_grep "<descrip type=\"context\">The cloud strategy was announced.</descrip>" dct-out.tbx3 &&
	test_grep "<descrip type=\"subjectField\">정보통신</descrip>" dct-out.tbx3 &&
	test_grep "<termNote type=\"partOfSpeech\">noun</termNote>" dct-out.tbx3 &&
	/usr/bin/python3 tuples.py dct.tbx >dct.in &&
	/usr/bin/python3 tuples.py dct-out.tbx3 >dct.out &&
	test_cmp dct.in dct.out
'

test_expect_success 'what is still not kept: one warning per kind, with a count' '
	cat >drop.tbx <<-\XML &&
	<?xml version="1.0" encoding="UTF-8"?>
	<martif type="TBX-Basic" xml:lang="en"><text><body>
	  <termEntry id="c1">
	    <descrip type="definition">정의 <hi type="entailedTerm">용어</hi> 안</descrip>
	    <unknownThing>x</unknownThing>
	    <langSet xml:lang="ko"><tig><term>자원 공유</term></tig></langSet>
	    <langSet xml:lang="fr"><descrip type="definition">déf</descrip>
	      <tig><term>nuage</term></tig><tig><term>infonuagique</term></tig></langSet>
	  </termEntry>
	  <termEntry id="c2">
	    <unknownThing>y</unknownThing>
	    <langSet xml:lang="ko"><tig><term>인공지능</term></tig></langSet>
	  </termEntry>
	</body></text></martif>
	XML
	dadeum import --db w.db drop.tbx 2>err &&
	test_grep "<unknownThing> elements not kept: 2" err &&
	test_grep "terms in other languages not kept: 2" err &&
	test_grep "data categories in other languages not kept: 1" err &&
	test_grep "<hi> markup inside a text (the text is kept) not kept: 1" err &&
	test "$(grep -c "unknownThing" err)" = 1 &&
	dadeum export --db w.db --format tbx -o w.tbx &&
	test_grep "<descrip type=\"definition\">정의 용어 안</descrip>" w.tbx
'

test_done
