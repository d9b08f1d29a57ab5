#!/usr/bin/env python3
"""mkhwp.py OUT VARIANT - write a small HWP 5.0 file, sound or damaged.

For tests/t0250-doc-hwp.sh: the damaged inputs are made here rather than
committed as binaries, each with exactly one fault. The container is a
version 3 OLE2 compound file ([MS-CFB]: 512-byte sectors, one FAT sector,
streams under 4096 bytes in the mini stream); the body follows Hancom's
"HWP Document File Formats 5.0" (records: tag 10 bits, level 10, size 12).

Variants:
  ok           a paragraph with a TAB, a line break and a surrogate pair; a
               2x2 table; a paragraph with a footnote; a header (left out)
  plain        as ok, uncompressed (FileHeader flag 0)
  big          as ok, with the section stored in regular sectors (> 4096)
  fatloop      as big, with the FAT entry of the section's middle sector
               pointing back to its first sector
  recsize      a record whose size runs past the end of the section
  password     the FileHeader password flag set
  distribution the FileHeader distribution flag set
  bomb         a section of 16 MiB of zeros, deflated to 16 KiB (1000:1)
  nosection    no BodyText/Section0
  draft        as ok, then a paragraph using the loanword 클라우드
"""
import struct
import sys
import zlib

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
SS, MSS, CUTOFF = 512, 64, 4096


def record(tag, level, data):
    size = len(data)
    if size >= 0xFFF:
        return struct.pack('<II', tag | level << 10 | 0xFFF << 20, size) + data
    return struct.pack('<I', tag | level << 10 | size << 20) + data


def text(s, controls=()):
    """UTF-16LE of s; each (index, code, chid) in controls inserts an 8-unit control."""
    out = b''
    for i, ch in enumerate(s):
        for at, code, chid in controls:
            if at == i:
                out += struct.pack('<H', code) + chid[::-1].encode('ascii') + b'\0' * 8 + \
                    struct.pack('<H', code)
        out += ch.encode('utf-16-le')
    for at, code, chid in controls:
        if at == len(s):
            out += struct.pack('<H', code) + chid[::-1].encode('ascii') + b'\0' * 8 + \
                struct.pack('<H', code)
    return out + b'\r\0'


PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, TABLE = 66, 67, 71, 72, 77


def para(level, s, controls=()):
    return record(PARA_HEADER, level, b'\0' * 24) + record(PARA_TEXT, level + 1, text(s, controls))


def cell(level, col, row, s):
    lh = struct.pack('<HHIHHHH', 1, 0, 0x20, col, row, 1, 1) + b'\0' * 31
    return record(LIST_HEADER, level, lh) + para(level, s)


def body():
    tab = [(3, 9, '    ')]  # TAB is an inline control of 8 units
    s = para(0, '가나다라\n마\U0001D400', tab)
    s += para(0, '', [(0, 11, 'tbl ')])
    s += record(CTRL_HEADER, 1, b' lbt' + b'\0' * 40)
    s += record(TABLE, 2, struct.pack('<IHH', 0, 2, 2) + b'\0' * 16)
    s += cell(2, 0, 0, '이름') + cell(2, 1, 0, '값')
    s += cell(2, 0, 1, '인공지능(AI)') + cell(2, 1, 1, '1')
    s += para(0, '각주가 있는 문장.', [(9, 17, 'fn  ')])
    s += record(CTRL_HEADER, 1, b'  nf' + b'\0' * 12)
    s += record(LIST_HEADER, 2, b'\1\0\0\0' + b'\0' * 4)
    s += para(2, '각주 내용')
    s += para(0, '머리말이 붙은 문단', [(0, 16, 'head')])
    s += record(CTRL_HEADER, 1, b'daeh' + b'\0' * 12)
    s += record(LIST_HEADER, 2, b'\1\0\0\0' + b'\0' * 4)
    s += para(2, '머리말은 읽지 않는다')
    return s


def file_header(flags):
    return b'HWP Document File'.ljust(32, b'\0') + struct.pack('<II', 0x05000304, flags) + \
        b'\0' * 216


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def ole2(streams):
    """streams: list of (path, data). Returns (file bytes, {path: [sectors]})."""
    entries = [{'name': 'Root Entry', 'type': 5, 'kids': []}]
    index = {'': 0}
    for path, data in streams:
        parts = path.split('/')
        for i in range(len(parts)):
            p = '/'.join(parts[:i + 1])
            if p in index:
                continue
            e = {'name': parts[i], 'type': 2 if i == len(parts) - 1 else 1, 'kids': []}
            if e['type'] == 2:
                e['data'] = data
            index[p] = len(entries)
            entries.append(e)
            entries[index['/'.join(parts[:i])]]['kids'].append(index[p])
    mini = b''
    big = []
    for e in entries:
        if e['type'] != 2:
            continue
        if len(e['data']) < CUTOFF:
            e['mstart'] = len(mini) // MSS if e['data'] else ENDOFCHAIN
            mini += e['data'] + b'\0' * (-len(e['data']) % MSS)
        else:
            big.append(e)
    nmini = len(mini) // MSS
    dir_bytes = 128 * len(entries)
    ndir = -(-dir_bytes // SS)
    nminifat = -(-(nmini * 4) // SS) if nmini else 0
    nministream = -(-len(mini) // SS)
    nbig = [-(-len(e['data']) // SS) for e in big]
    total = 1 + ndir + nminifat + nministream + sum(nbig)
    assert total <= SS // 4, 'one FAT sector only'
    fat = [FREESECT] * (SS // 4)
    fat[0] = FATSECT
    chains = {}
    nxt = 1

    def chain(n):
        nonlocal nxt
        first = nxt
        for k in range(n):
            fat[nxt + k] = nxt + k + 1 if k < n - 1 else ENDOFCHAIN
        nxt += n
        return first, list(range(first, first + n))

    dir_start, _ = chain(ndir)
    minifat_start, _ = chain(nminifat) if nminifat else (ENDOFCHAIN, [])
    ministream_start, _ = chain(nministream) if nministream else (ENDOFCHAIN, [])
    for e, n in zip(big, nbig):
        e['start'], chains[e['name']] = chain(n)
    minifat = []
    for e in entries:
        if e['type'] == 2 and len(e['data']) < CUTOFF and e['data']:
            n = -(-len(e['data']) // MSS)
            for k in range(n):
                minifat.append(e['mstart'] + k + 1 if k < n - 1 else ENDOFCHAIN)
    # each storage's children as a chain of right siblings
    for e in entries:
        e['left'] = e['right'] = e['child'] = 0xFFFFFFFF
    for e in entries:
        kids = e['kids']
        if kids:
            e['child'] = kids[0]
            for a, b in zip(kids, kids[1:]):
                entries[a]['right'] = b
    d = b''
    for i, e in enumerate(entries):
        name = e['name'].encode('utf-16-le') + b'\0\0'
        if e['type'] == 5:
            start, size = ministream_start, len(mini)
        elif e['type'] == 1:
            start, size = 0, 0
        elif len(e['data']) < CUTOFF:
            start, size = e['mstart'], len(e['data'])
        else:
            start, size = e['start'], len(e['data'])
        d += name.ljust(64, b'\0') + struct.pack('<HBBIII', len(name), e['type'], 1, e['left'],
                                                e['right'], e['child'])
        d += b'\0' * 16 + b'\0' * 4 + b'\0' * 16 + struct.pack('<IQ', start, size)
    head = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 16 + struct.pack(
        '<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\0' * 6 + struct.pack(
        '<IIIIIIIII', 0, 1, dir_start, 0, CUTOFF, minifat_start, nminifat, ENDOFCHAIN, 0)
    head += struct.pack('<I', 0) + struct.pack('<I', FREESECT) * 108
    assert len(head) == SS

    def pad(b):
        return b + b'\0' * (-len(b) % SS)

    out = head + pad(b''.join(struct.pack('<I', x) for x in fat))
    out += pad(d)
    if nminifat:
        out += pad(b''.join(struct.pack('<I', x) for x in minifat) +
                   struct.pack('<I', FREESECT) * (nminifat * SS // 4 - len(minifat)))
    out += pad(mini)
    for e in big:
        out += pad(e['data'])
    return out, chains


def main():
    out, variant = sys.argv[1], sys.argv[2]
    flags = {'plain': 0, 'password': 3, 'distribution': 5}.get(variant, 1)
    sec = body()
    if variant == 'draft':
        sec += para(0, '클라우드 기술을 소개한다.')
    if variant in ('big', 'fatloop'):
        # padding records nobody reads (PARA_LINE_SEG-like, tag 69 at level 1 under a paragraph)
        sec += record(PARA_HEADER, 0, b'\0' * 24) + record(69, 1, b'\0' * 8000)
    if variant == 'recsize':
        sec += struct.pack('<I', PARA_TEXT | 1 << 10 | 0xFFF << 20) + struct.pack('<I', 1 << 30)
    if variant == 'bomb':
        stored = deflate(b'\0' * (16 << 20))
    else:
        stored = deflate(sec) if flags & 1 else sec
    if variant == 'big' or variant == 'fatloop':
        stored = sec  # uncompressed so that it stays over the cutoff
        flags = 0
    streams = [('FileHeader', file_header(flags))]
    if variant != 'nosection':
        streams.append(('BodyText/Section0', stored))
    data, chains = ole2(streams)
    if variant == 'fatloop':
        sectors = chains['Section0']
        data = bytearray(data)
        struct.pack_into('<I', data, SS + 4 * sectors[len(sectors) // 2], sectors[0])
        data = bytes(data)
    with open(out, 'wb') as f:
        f.write(data)


main()
