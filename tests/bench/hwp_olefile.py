#!/usr/bin/python3
"""hwp_olefile.py FILE... - the reference for tests/bench/documents.sh.

What a Python user would write with Debian's python3-olefile and zlib: every
BodyText/SectionN inflated, its records walked, the text of each PARA_TEXT
written as one line (controls of 8 code units skipped, no tables as rows, no
normalisation). Less work than dadeum text does; a floor for a Python reader.
"""
import struct
import sys
import zlib

import olefile


def para_text(b):
    out, i, n = [], 0, len(b) // 2
    units = struct.unpack('<%dH' % n, b[:2 * n])
    while i < n:
        c = units[i]
        if c < 32:
            if c == 13:
                break
            if c in (0, 10, 24, 25, 26, 27, 28, 29, 30, 31):
                i += 1
                continue
            if c == 9:
                out.append('\t')
            i += 8
            continue
        out.append(chr(c))
        i += 1
    return ''.join(out)


def main():
    w = sys.stdout.write
    for path in sys.argv[1:]:
        ole = olefile.OleFileIO(path)
        flags = struct.unpack('<I', ole.openstream('FileHeader').read()[36:40])[0]
        s = 0
        while ole.exists('BodyText/Section%d' % s):
            data = ole.openstream('BodyText/Section%d' % s).read()
            if flags & 1:
                data = zlib.decompress(data, -15)
            pos = 0
            while pos + 4 <= len(data):
                h = struct.unpack_from('<I', data, pos)[0]
                size = h >> 20
                pos += 4
                if size == 0xFFF:
                    size = struct.unpack_from('<I', data, pos)[0]
                    pos += 4
                if h & 0x3FF == 67:
                    t = para_text(data[pos:pos + size])
                    if t.strip():
                        w(t + '\n')
                pos += size
            s += 1
        ole.close()


main()
