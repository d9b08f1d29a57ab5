#!/usr/bin/env python3
"""make-fixtures.py - writes the hand-made test documents of tests/data/doc/.

    python3 tests/data/doc/make-fixtures.py tests/data/doc

tracked.docx  WordprocessingML (ECMA-376 Part 1) with what an office suite's
              plain-text conversion never makes: a table, tracked changes
              (w:del/w:delText, w:ins, w:moveFrom), tabs and breaks, a tab stop
              in w:pPr, a text box as mc:AlternateContent, footnotes and an
              endnote.
tracked.hwpx  OWPML (KS X 6101) with tracked changes (hp:deleteBegin/End,
              hp:insertBegin/End inside hp:t, one deletion over two
              paragraphs), a table anchored in a paragraph, a footnote, a page
              header, hp:tab and hp:lineBreak.
image-only.pdf  a one-page PDF whose only content is an 8x8 grey image:
              no text for pdftotext (a scanned page).
two-pages.pdf a two-page PDF of ASCII text in Helvetica: a paragraph over two
              lines, a blank line, two list items, and a second page.

Every file is written with fixed timestamps, so a rerun gives the same bytes.
"""
import os
import sys
import zipfile
import zlib

DATE = (2026, 1, 1, 0, 0, 0)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w") as z:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = method
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'


def docx(path):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
        '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
        '</Relationships>')
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        '<w:r><w:t>인공지능(AI) 기본법</w:t></w:r></w:p>'
        # tracked changes: deletion left out, insertion kept
        '<w:p><w:r><w:t xml:space="preserve">과학기술정보통신부는 </w:t></w:r>'
        '<w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>어제</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:t>오늘</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> 발표했다</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
        # tab, line break, moved-away text
        '<w:p><w:r><w:t>담당</w:t><w:tab/><w:t>김지혜</w:t><w:br/><w:t>(044-202-4363)</w:t></w:r>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>옮긴 글</w:t></w:r></w:moveFrom></w:p>'
        # a table: header row, a row with two paragraphs in a cell, an empty cell
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:tc><w:p><w:r><w:t>용어</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>영문</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>비고</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>클라우드</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p><w:r><w:t>cloud</w:t></w:r></w:p><w:p><w:r><w:t>computing</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p/></w:tc></w:tr>'
        '</w:tbl>'
        # a text box: mc:Choice and mc:Fallback hold the same text
        '<w:p><w:r><w:t xml:space="preserve">본문 </w:t></w:r><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>글상자</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>글상자</w:t></w:r></w:p>'
        '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
        '<w:r><w:t xml:space="preserve"> 끝</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>'
        '<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>'
        '<w:sectPr/>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document {W}><w:body>{body}</w:body></w:document>')
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes {W}>'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 2026년 1월 1일 기준</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>둘째 문단</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>')
    endnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:endnotes {W}>'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
        '<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> 미주</w:t></w:r></w:p></w:endnote>'
        '</w:endnotes>')
    D = zipfile.ZIP_DEFLATED
    write_zip(path, [("[Content_Types].xml", content_types, D), ("_rels/.rels", rels, D),
                     ("word/_rels/document.xml.rels", doc_rels, D),
                     ("word/document.xml", document, D), ("word/footnotes.xml", footnotes, D),
                     ("word/endnotes.xml", endnotes, D)])


HP = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" ' \
     'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'


def hwpx(path):
    hpf = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        '<opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version="" unique-identifier="" id="">'
        '<opf:metadata/><opf:manifest>'
        '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
        '<opf:item id="section1" href="Contents/section1.xml" media-type="application/xml"/>'
        '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '</opf:manifest><opf:spine><opf:itemref idref="header"/>'
        '<opf:itemref idref="section0"/><opf:itemref idref="section1"/></opf:spine></opf:package>')

    def p(inner):
        return f'<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">{inner}</hp:run></hp:p>'

    def cell(text):
        return f'<hp:tc><hp:subList>{p(f"<hp:t>{text}</hp:t>")}</hp:subList></hp:tc>'

    sec0 = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
        f'<hs:sec {HP}>'
        # a page header: repeated on every page, not text
        + p('<hp:ctrl><hp:header applyPageType="BOTH"><hp:subList>'
            + p('<hp:t>머리말</hp:t>') + '</hp:subList></hp:header></hp:ctrl><hp:t>제목</hp:t>')
        # deletion and insertion inside one hp:t
        + p('<hp:t>변경<hp:deleteBegin Id="2" TcId="2"/> 추적<hp:deleteEnd Id="2" TcId="2" paraend="0"/>'
            ' 문서<hp:tab width="3112" leader="0" type="1"/><hp:insertBegin Id="1" TcId="1"/>인간은'
            '<hp:insertEnd Id="1" TcId="1" paraend="0"/></hp:t>')
        # a deletion over the end of a paragraph and into the next
        + p('<hp:t>남는 글<hp:deleteBegin Id="3" TcId="3"/>지운 글</hp:t>')
        + p('<hp:t>지운 끝<hp:deleteEnd Id="3" TcId="3" paraend="1"/>다음 글</hp:t>')
        # a table anchored in a paragraph, with text before and after it
        + p('<hp:t>표 앞</hp:t><hp:tbl rowCnt="2" colCnt="2">'
            f'<hp:tr>{cell("가")}{cell("나")}</hp:tr>'
            f'<hp:tr>{cell("다")}<hp:tc><hp:subList>{p("<hp:t>라</hp:t>")}{p("<hp:t>마</hp:t>")}'
            '</hp:subList></hp:tc></hp:tr></hp:tbl><hp:t>표 뒤</hp:t>')
        # a footnote and a line break
        + p('<hp:t>각주가<hp:lineBreak/>있는 문단</hp:t><hp:ctrl><hp:footNote number="1">'
            '<hp:subList>' + p('<hp:t>각주 내용</hp:t>') + '</hp:subList></hp:footNote></hp:ctrl>'
            '<hp:t>.</hp:t>')
        + '</hs:sec>')
    sec1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'
            f'<hs:sec {HP}>' + p('<hp:t>둘째 구역</hp:t>') + '</hs:sec>')
    S, D = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
    write_zip(path, [("mimetype", "application/hwp+zip", S),
                     ("Contents/content.hpf", hpf, D),
                     ("Contents/header.xml", f'<hh:head xmlns:hh="h"/>', D),
                     ("Contents/section0.xml", sec0, D), ("Contents/section1.xml", sec1, D)])


def write_pdf(path, objs):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def two_pages_pdf(path):
    """Two pages of ASCII text in Helvetica: a paragraph wrapped over two lines,
    a blank line, two list items, and a second page."""
    def content(lines):
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            ops.append(b"(%s) Tj T*" % line.encode("ascii"))
        ops.append(b"ET")
        return b"\n".join(ops)

    pages = [["Cloud computing (CC) is a model", "for network access.", "",
              "- first item", "- second item"],
             ["Second page text."]]
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"]
    for i in range(2):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 5 0 R >> >> /Contents %d 0 R >>" % (6 + i))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for lines in pages:
        c = content(lines)
        objs.append(b"<< /Length %d >>\nstream\n" % len(c) + c + b"\nendstream")
    write_pdf(path, objs)


def image_pdf(path):
    pixels = zlib.compress(bytes([128]) * 64)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels)
        + pixels + b"\nendstream",
    ]
    content = b"q 200 0 0 200 0 0 cm /Im0 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    write_pdf(path, objs)


if __name__ == "__main__":
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    docx(os.path.join(d, "tracked.docx"))
    hwpx(os.path.join(d, "tracked.hwpx"))
    image_pdf(os.path.join(d, "image-only.pdf"))
    two_pages_pdf(os.path.join(d, "two-pages.pdf"))
