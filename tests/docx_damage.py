"""Damage a .docx the ways downloads, disks, other programs and hostile senders do: at the byte
level, at the zip level (whole directory, broken data; odd compression; encryption flags; lying
sizes) and at the XML level (broken or hostile XML, re-zipped whole)."""

from __future__ import annotations

import copy
import io
import random
import struct
import zipfile
from collections.abc import Callable

from lxml import etree

LOCAL = b"PK\x03\x04"
CENTRAL = b"PK\x01\x02"


def entries(data: bytes) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: info for info in archive.infolist()}


def data_offset(data: bytes, info: zipfile.ZipInfo) -> int:
    """Where an entry's compressed data starts: after its local header."""
    start = info.header_offset
    name_length, extra_length = struct.unpack("<HH", data[start + 26:start + 30])
    return start + 30 + name_length + extra_length


def damage_compressed_data(data: bytes, name: str = "word/document.xml", *, at: float = 0.3,
                           length: int = 40) -> bytes:
    """A broken download: the zip's directory is whole, but an entry's compressed data is not."""
    info = entries(data)[name]
    start = data_offset(data, info) + int(info.compress_size * at)
    damaged = bytearray(data)
    for index in range(start, min(start + length, start + info.compress_size)):
        damaged[index] ^= 0x55
    return bytes(damaged)


def _central_headers(data: bytes) -> list[int]:
    found, start = [], 0
    while (at := data.find(CENTRAL, start)) != -1:
        found.append(at)
        start = at + 4
    return found


def set_compression(data: bytes, method: int, name: str | None = None) -> bytes:
    """Say an entry (or every entry) is packed with ``method``: 9 is Deflate64, which Word never
    writes and Python cannot unpack; 99 is nothing at all."""
    damaged = bytearray(data)
    for filename, info in entries(data).items():
        if name is None or filename == name:
            damaged[info.header_offset + 8:info.header_offset + 10] = struct.pack("<H", method)
    for at in _central_headers(data):
        name_length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if name is None or data[at + 46:at + 46 + name_length] == name.encode():
            damaged[at + 10:at + 12] = struct.pack("<H", method)
    return bytes(damaged)


def set_encrypted_flag(data: bytes) -> bytes:
    """Mark every entry as encrypted, as a zip made with a password is."""
    damaged = bytearray(data)
    for signature, offset in ((LOCAL, 6), (CENTRAL, 8)):
        start = 0
        while (found := damaged.find(signature, start)) != -1:
            damaged[found + offset] |= 0x1
            start = found + 4
    return bytes(damaged)


def set_sizes(data: bytes, name: str, *, unpacked: int | None = None, packed: int | None = None,
              crc: int | None = None) -> bytes:
    """Make the central directory lie about an entry."""
    damaged = bytearray(data)
    for at in _central_headers(data):
        name_length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + name_length] != name.encode():
            continue
        if crc is not None:
            damaged[at + 16:at + 20] = struct.pack("<I", crc & 0xFFFFFFFF)
        if packed is not None:
            damaged[at + 20:at + 24] = struct.pack("<I", packed & 0xFFFFFFFF)
        if unpacked is not None:
            damaged[at + 24:at + 28] = struct.pack("<I", unpacked & 0xFFFFFFFF)
    return bytes(damaged)


def rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The same document with some parts replaced (or, for None, left out), zipped again whole."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in change:
                replacement = change[info.filename]
                if replacement is not None:
                    target.writestr(info.filename, replacement)
            else:
                target.writestr(info.filename, source.read(info))
        for name, replacement in change.items():
            if name not in source.NameToInfo and replacement is not None:
                target.writestr(name, replacement)
    return out.getvalue()


def part(data: bytes, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


# Random damage, for fuzzing ---------------------------------------------------------------------


def damage_bytes(data: bytes, rng: random.Random) -> bytes:
    """One to six byte-level damages anywhere in the file."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buffer))
        kind = rng.randrange(4)
        if kind == 0:
            buffer[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            del buffer[at:at + rng.randint(1, 64)]
        elif kind == 2:
            buffer[at:at] = rng.randbytes(rng.randint(1, 8))
        else:
            buffer[at] = rng.randrange(256)
    return bytes(buffer)


def damage_zip(data: bytes, rng: random.Random) -> bytes:
    """One damage to the zip's structure, its directory left readable."""
    names = [name for name, info in entries(data).items() if info.compress_size > 0]
    name = rng.choice(names)
    info = entries(data)[name]
    choices: list[Callable[[], bytes]] = [
        lambda: damage_compressed_data(data, name, at=rng.random(), length=rng.randint(1, 64)),
        lambda: set_compression(data, rng.choice([1, 6, 9, 12, 14, 95, 98, 99]), name),
        lambda: set_encrypted_flag(data),
        lambda: set_sizes(data, name, unpacked=rng.choice([0, 1, info.file_size // 2, info.file_size * 3,
                                                            2**31, 2**32 - 1])),
        lambda: set_sizes(data, name, packed=rng.choice([0, 1, info.compress_size // 2, info.compress_size + 9])),
        lambda: set_sizes(data, name, crc=rng.randrange(2**32)),
        lambda: data[:rng.randrange(len(data))],
        lambda: data + rng.randbytes(rng.randint(1, 64)),
    ]
    return rng.choice(choices)()


_HOSTILE = [
    b"<!DOCTYPE w:document [<!ENTITY x \"y\">]>", b"&x;", b"&amp;", b"&#0;", b"&#xD800;", b"<![CDATA[",
    b"<w:p>", b"</w:p>", b"<w:tr>", b"</w:tc>", b"<w:t>", b"\xff\xfe", b"\x00", b"<a>" * 300,
    b"<?xml version='1.0' encoding='utf-16'?>", b'w:val="99999999999999999999"', b'w:gridSpan w:val="-3"',
    b"<w:vMerge/>", b"<w:ins>", b"</w:ins>", b"<w:sdt><w:sdtContent>", b"\xc3",
]


def damage_xml(data: bytes, rng: random.Random, name: str = "word/document.xml") -> bytes:
    """The document's XML damaged or made hostile, then zipped again whole, so the damage reaches
    the XML reader rather than stopping at the zip."""
    xml = bytearray(part(data, name))
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(xml))
        kind = rng.randrange(4)
        if kind == 0:
            xml[at:at] = rng.choice(_HOSTILE)
        elif kind == 1:
            del xml[at:at + rng.randint(1, 80)]
        elif kind == 2:
            xml[at] = rng.randrange(256)
        else:  # move a piece of the document elsewhere, as a bad merge does
            start = rng.randrange(len(xml))
            xml[at:at] = xml[start:start + rng.randint(1, 400)]
    return rezip(data, {name: bytes(xml)})


_VALUES = ["", "0", "-1", "2", "9", "99999", "restart", "continue", "nil", "true", "x" * 300, "\u202e", "😀"]


def reshape_xml(data: bytes, rng: random.Random, name: str = "word/document.xml") -> bytes:
    """The document's XML kept well formed but reshaped, as a hand edit, another program or a
    hostile sender might: elements deleted, copied, moved or emptied, attributes and text
    changed. This damage gets past the XML reader to what reads the plan out of it."""
    root = etree.fromstring(part(data, name))
    elements = [element for element in root.iter() if isinstance(element.tag, str) and element is not root]
    for _ in range(rng.randint(1, 6)):
        element = rng.choice(elements)
        parent = element.getparent()
        kind = rng.randrange(6)
        if parent is None:
            continue
        if kind == 0:
            parent.remove(element)
        elif kind == 1:
            parent.insert(parent.index(element), copy.deepcopy(element))
        elif kind == 2:  # move it somewhere else
            target = rng.choice(elements)
            if target is not element and element not in target.iterancestors() and target not in element.iter():
                parent.remove(element)
                target.append(element)
        elif kind == 3 and element.attrib:
            attribute = rng.choice(list(element.attrib))
            element.set(attribute, rng.choice(_VALUES))
        elif kind == 4:
            element.text = rng.choice(_VALUES + ["Priority concerns", "Key concerns", "Rec No", "Ongoing"])
        else:
            for child in list(element):
                element.remove(child)
        elements = [e for e in root.iter() if isinstance(e.tag, str) and e is not root]
        if not elements:
            break
    return rezip(data, {name: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)})
