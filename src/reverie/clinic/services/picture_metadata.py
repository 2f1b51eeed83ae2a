"""Where a picture was taken and with what: removed before a picture is stored, losslessly (nothing decoded).

A phone writes the place a photo was taken (GPS), the camera's make and model, the time and often a thumbnail into
the picture's file; a drawing app writes the author and the software. None of it is the picture, and a client who
shares an art entry with their therapist shares the file. :func:`strip` (called by the one place every door stores
a file, ``journal._store_attachment``) keeps what a browser needs to draw the picture as it was seen and drops the
rest, by format:

- JPEG: every ``APPn`` segment but ``APP0`` (JFIF), ``APP2`` holding an ICC colour profile and ``APP14`` (Adobe's
  colour transform), every comment (``COM``), and whatever follows the end of the image (a phone's second pictures,
  a motion photo's video). The compressed picture is copied byte for byte: the pixels are unchanged. A photo held
  sideways keeps its orientation: a minimal ``Exif`` block holding only the Orientation tag is written back.
- PNG: every ancillary chunk but those that change how it is drawn (colour, transparency, pixel size, animation);
  so ``eXIf``, ``tEXt``, ``zTXt``, ``iTXt``, ``tIME`` and private chunks go. An ``eXIf`` orientation is kept as
  for JPEG.
- WebP: the ``EXIF`` and ``XMP`` chunks and any chunk not in the format (orientation kept as for JPEG), the header's
  flags and the RIFF size set to match.
- GIF: comments and application blocks, but the animation loop blocks (``NETSCAPE2.0``, ``ANIMEXTS1.0``).

A file whose structure stops being walkable (a decoder stops there too) keeps the rest as it is; a file from which
nothing is removed is returned unchanged, the very bytes given.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

# What the person reads on the attach control (the write page) and in docs/usage.md.
REMOVED_WORDS = "Location and camera details are removed from pictures."

# The one tag of a camera's EXIF block that changes how a picture is drawn.
ORIENTATION_TAG = 0x0112


def exif_orientation(tiff: bytes) -> int | None:
    """The Orientation (1–8) in a TIFF-structured EXIF block (``II*\\0``/``MM\\0*`` first), or None."""
    if len(tiff) < 8 or tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return None
    order = "<" if tiff[:2] == b"II" else ">"
    (ifd,) = struct.unpack(order + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    for index in range(count):
        at = ifd + 2 + 12 * index
        if at + 12 > len(tiff):
            return None
        tag, kind, number = struct.unpack(order + "HHI", tiff[at : at + 8])
        if tag == ORIENTATION_TAG and kind == 3 and number == 1:
            (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
            return value if 1 <= value <= 8 else None
    return None


def orientation_only(orientation: int) -> bytes:
    """A TIFF-structured EXIF block holding the Orientation tag and nothing else (big-endian, one IFD)."""
    return b"MM\x00*" + struct.pack(">IHHHIHHI", 8, 1, ORIENTATION_TAG, 3, 1, orientation, 0, 0)


def _kept_orientation(tiff: bytes) -> bytes | None:
    """The minimal EXIF block to write back for ``tiff``'s orientation, or None when it is upright (or unsaid)."""
    orientation = exif_orientation(tiff)
    return orientation_only(orientation) if orientation is not None and orientation != 1 else None


# --- JPEG ---------------------------------------------------------------------------------------------------------

_EXIF = b"Exif\x00\x00"


def _jpeg_segment_kept(marker: int, body: bytes) -> bool:
    if marker == 0xE0 or marker == 0xEE:  # JFIF / Adobe
        return True
    if marker == 0xE2:
        return body.startswith(b"ICC_PROFILE\x00")
    return not (0xE1 <= marker <= 0xEF or marker == 0xFE)


def _jpeg_entropy_end(data: bytes, at: int) -> int:
    """The offset of the first marker after entropy-coded data starting at ``at`` (stuffed 0xFF00 and restart
    markers are part of the data), or ``len(data)`` when none follows."""
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            return len(data)
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            at += 1
            continue
        return at


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(b"\xff\xd8")
    orientation: bytes | None = None
    orientation_at = 2  # after SOI, or after JFIF's APP0 when it comes first
    at, changed = 2, False
    while True:
        if at + 4 > len(data) or data[at] != 0xFF:
            out += data[at:]  # not a segment a decoder reads: kept as it is
            break
        marker = data[at + 1]
        if marker == 0xD9:  # end of image: what follows is not this picture
            out += data[at : at + 2]
            changed = changed or at + 2 < len(data)
            break
        if marker == 0xFF or marker == 0x01 or 0xD0 <= marker <= 0xD8:
            out += data[at:]
            break
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        end = at + 2 + length
        if length < 2 or end > len(data):
            out += data[at:]
            break
        body = data[at + 4 : end]
        if marker == 0xDA:  # a scan: its header, then the compressed data up to the next marker
            scan_end = _jpeg_entropy_end(data, end)
            out += data[at:scan_end]
            at = scan_end
            continue
        if _jpeg_segment_kept(marker, body):
            out += data[at:end]
            if marker == 0xE0 and orientation_at == 2 and len(out) == end - at + 2:
                orientation_at = len(out)
        else:
            changed = True
            if marker == 0xE1 and body.startswith(_EXIF) and orientation is None:
                orientation = _kept_orientation(body[len(_EXIF) :])
        at = end
    if not changed:
        return data
    if orientation is not None:
        block = _EXIF + orientation
        out[orientation_at:orientation_at] = b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block
    return bytes(out)


# --- PNG ----------------------------------------------------------------------------------------------------------

# Ancillary chunks that change how a PNG is drawn: colour, transparency, pixel size, animation (APNG).
PNG_DRAWING = frozenset(
    {b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs", b"cICP", b"mDCV", b"cLLI"}
    | {b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT"}
)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _strip_png(data: bytes) -> bytes:
    out = bytearray(data[:8])
    orientation: bytes | None = None
    at, changed = 8, False
    while True:
        if at + 12 > len(data):
            out += data[at:]
            break
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        if end > len(data) or not kind.isalpha() or not kind.isascii():
            out += data[at:]  # not a chunk: kept as it is
            break
        critical = kind[0:1].isupper()
        if critical or kind in PNG_DRAWING:
            if kind == b"IDAT" and orientation is not None:
                out += _png_chunk(b"eXIf", orientation)  # eXIf goes before the image data
                orientation = None
            out += data[at:end]
        else:
            changed = True
            if kind == b"eXIf" and orientation is None:
                orientation = _kept_orientation(data[at + 8 : at + 8 + length])
        at = end
        if kind == b"IEND":
            changed = changed or at < len(data)
            break
    return bytes(out) if changed else data


# --- WebP ---------------------------------------------------------------------------------------------------------

WEBP_CHUNKS = frozenset({b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def _strip_webp(data: bytes) -> bytes:
    out = bytearray()
    orientation: bytes | None = None
    at, changed = 12, False
    while True:
        if at + 8 > len(data):
            out += data[at:]
            break
        kind = data[at : at + 4]
        length = int.from_bytes(data[at + 4 : at + 8], "little")
        end = at + 8 + length + (length % 2)
        if at + 8 + length > len(data) or not all(0x20 <= b < 0x7F for b in kind) or kind[0] == 0x20:
            out += data[at:]  # not a chunk: kept as it is
            break
        if kind in WEBP_CHUNKS:
            out += data[at : min(end, len(data))]
        else:
            changed = True
            if kind == b"EXIF" and orientation is None:
                body = data[at + 8 : at + 8 + length]
                orientation = _kept_orientation(body[len(_EXIF) :] if body.startswith(_EXIF) else body)
        at = end
    if not changed:
        return data
    if out[:4] == b"VP8X" and len(out) >= 12:
        out[8] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
        if orientation is not None:
            out[8] |= _VP8X_EXIF
            out += _riff_chunk(b"EXIF", orientation)
    return b"RIFF" + struct.pack("<I", len(out) + 4) + b"WEBP" + bytes(out)


# --- GIF ----------------------------------------------------------------------------------------------------------

GIF_LOOPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")


def _gif_blocks_end(data: bytes, at: int) -> int | None:
    """The offset after a run of data sub-blocks and its terminator, or None when the data ends first."""
    while at < len(data) and data[at]:
        at += data[at] + 1
    return at + 1 if at < len(data) else None


def _strip_gif(data: bytes) -> bytes:
    if len(data) < 13:
        return data
    at = 13 + ((3 << ((data[10] & 7) + 1)) if data[10] & 0x80 else 0)
    out = bytearray(data[:at])
    changed = False
    while True:
        if at >= len(data):
            break
        block = data[at]
        if block == 0x3B:  # trailer: what follows is not this picture
            out += data[at : at + 1]
            changed = changed or at + 1 < len(data)
            break
        if block == 0x21 and at + 2 < len(data):
            label = data[at + 1]
            end = _gif_blocks_end(data, at + 2)
            if end is None:
                out += data[at:]
                break
            head = data[at + 3 : at + 3 + data[at + 2]] if label == 0xFF else b""
            if label == 0xFE or (label == 0xFF and head not in GIF_LOOPS):
                changed = True
            else:
                out += data[at:end]
            at = end
            continue
        if block == 0x2C and at + 10 <= len(data):
            flags = data[at + 9]
            start = at + 10 + ((3 << ((flags & 7) + 1)) if flags & 0x80 else 0)
            end = _gif_blocks_end(data, start + 1)
            if end is None:
                out += data[at:]
                break
            out += data[at:end]
            at = end
            continue
        out += data[at:]  # not a block a decoder reads: kept as it is
        break
    return bytes(out) if changed else data


_STRIPPERS: dict[str, Callable[[bytes], bytes]] = {
    "image/jpeg": _strip_jpeg,
    "image/png": _strip_png,
    "image/webp": _strip_webp,
    "image/gif": _strip_gif,
}


def as_stored(kind: str, data: bytes) -> bytes:
    """A file's bytes as storing them on an entry of ``kind`` keeps them (its type sniffed from the bytes, as
    :func:`media.check_attachment` does; a picture without its place, camera or author): what an upload sent again,
    or an imported file, is compared with."""
    from reverie.clinic.services import media

    sniffed = media.sniff(data, media.ALLOWED.get(kind, ()))
    return data if sniffed is None else strip(data, sniffed)


def strip(data: bytes, media_type: str) -> bytes:
    """``data`` (a picture of the sniffed ``media_type``) without where it was taken, the camera or the author;
    recordings and anything else unchanged."""
    stripper = _STRIPPERS.get(media_type)
    return stripper(data) if stripper is not None else data
