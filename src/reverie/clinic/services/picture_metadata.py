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
  so ``eXIf``, ``tEXt``, ``zTXt``, ``iTXt``, ``tIME`` and private chunks go. An ``eXIf`` orientation (before or
  after the image data) is kept as for JPEG, written back before the first ``IDAT``.
- WebP: the ``EXIF`` and ``XMP`` chunks and any chunk not in the format (orientation kept as for JPEG), and whatever
  follows the RIFF size (a decoder stops there); the header's flags and the RIFF size set to match.
- GIF: comments and application blocks, but the animation loop blocks (``NETSCAPE2.0``, ``ANIMEXTS1.0``).

Each file is walked as its decoders walk it (review r77): a JPEG's 0xFF fill bytes before a marker and stray bytes
between segments are skipped (libjpeg's ``next_marker``, Pillow alike) and not stored, and a GIF's stray bytes too
(Pillow skips them). Where the walk must stop (a length past the file's end, a second SOI, a chunk that is no chunk:
a decoder stops there too), the rest is dropped, unread, when it shows a sign of metadata (an EXIF block, an XMP
packet, IPTC, a PNG or WebP metadata chunk's name, a JPEG ``APPn`` or comment marker), and kept as it is otherwise;
a block the walk would keep that holds such a sign (a JPEG table, a PNG chunk, a WebP chunk: not what it says it is)
is dropped too. Compressed pixels are looked at for the long signs only (any four bytes occur in megabytes of them):
PNG's, WebP's and GIF's image data; a JPEG scan not at all (a marker ends it: no segment hides inside). A file from which nothing is removed is returned unchanged, the very bytes given.
"""

from __future__ import annotations

import re
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


# --- what a walk could not read -------------------------------------------------------------------------------------

# Signs of a block of metadata: an EXIF block, an XMP packet, IPTC (long enough never to be met by chance, even in
# megabytes of compressed pixels), then TIFF's headers and the names of the chunks that carry them in PNG and WebP
# (short: looked for outside compressed pixels only).
_METADATA_SIGNS = (
    b"Exif\x00\x00",
    b"ns.adobe.com/xap",
    b"adobe:ns:meta",
    b"<?xpacket",
    b"xmpmeta",
    b"Photoshop 3.0",
)
_SHORT_SIGNS = (b"MM\x00*", b"II*\x00", b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"EXIF", b"XMP ")


def _may_hold_metadata(block: bytes, *, pixels: bool = False) -> bool:
    """Whether ``block`` shows a sign of metadata (``pixels``: it is compressed image data, where only the long signs
    mean anything): bytes a walk could not read, or a block it would keep, are then dropped, never stored."""
    signs = _METADATA_SIGNS if pixels else _METADATA_SIGNS + _SHORT_SIGNS
    return any(sign in block for sign in signs)


def _rest_dropped(data: bytes, rest: bytes, stop: int) -> bool:
    """Whether the ``rest`` a walk could not read (it ends at ``stop``) is dropped: when it, or a sign begun in the
    bytes just before it, shows metadata."""
    start = stop - len(rest)
    return bool(rest) and _may_hold_metadata(data[max(0, start - 15) : stop])


# --- JPEG ---------------------------------------------------------------------------------------------------------

_EXIF = b"Exif\x00\x00"
_JPEG_APP_OR_COMMENT = re.compile(rb"\xff[\xe1-\xef\xfe]")


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


def _jpeg_next_marker(data: bytes, at: int) -> int | None:
    """Where the next marker's last 0xFF is, from ``at``, as libjpeg's ``next_marker`` finds it: stray bytes and
    0xFF fill bytes skipped, a stuffed 0xFF00 too; None when the file ends first."""
    while True:
        at = data.find(b"\xff", at)
        while 0 <= at < len(data) - 1 and data[at + 1] == 0xFF:
            at += 1
        if at < 0 or at + 1 >= len(data):
            return None
        if data[at + 1] != 0x00:
            return at
        at += 2


def _strip_jpeg(data: bytes) -> bytes:
    out = bytearray(b"\xff\xd8")
    orientation: bytes | None = None
    orientation_at = 2  # after SOI, or after JFIF's APP0 when it comes first
    at, changed, scanned, rest = 2, False, False, b""
    while at < len(data):
        marker_at = _jpeg_next_marker(data, at)
        if marker_at is None:
            rest = data[at:]
            break
        marker = data[marker_at + 1]
        length = int.from_bytes(data[marker_at + 2 : marker_at + 4], "big")
        end = marker_at + 2 + max(length, 2)  # a length under 2: libjpeg and Pillow go on after it
        standalone = marker == 0x01 or 0xD0 <= marker <= 0xD7 or marker == 0xD9  # TEM, RSTn, EOI
        if not standalone and (marker == 0xD8 or end > len(data)):
            rest = data[at:]  # a second SOI, a length past the file's end: a decoder stops here
            break
        changed = changed or marker_at != at  # fill or stray bytes skipped on the way
        at = marker_at
        if marker == 0xD9:  # end of image: what follows is not this picture
            out += data[at : at + 2]
            changed = changed or at + 2 < len(data)
            break
        if standalone:
            out += data[at : at + 2]
            at += 2
            continue
        body = data[at + 4 : end]
        if marker == 0xDA:  # a scan: its header, then the compressed data up to the next marker
            scan_end = _jpeg_entropy_end(data, end)  # a marker ends it: no APPn segment inside
            out += data[at:scan_end]
            at, scanned = scan_end, True
            continue
        if _jpeg_segment_kept(marker, body) and not _may_hold_metadata(body):
            out += data[at:end]
            if marker == 0xE0 and orientation_at == 2 and len(out) == end - at + 2:
                orientation_at = len(out)
        else:
            changed = True
            if marker == 0xE1 and body.startswith(_EXIF) and orientation is None:
                orientation = _kept_orientation(body[len(_EXIF) :])
        at = end
    if _rest_dropped(data, rest, len(data)) or _JPEG_APP_OR_COMMENT.search(rest):
        changed = True  # dropped, unread
        if scanned:
            out += b"\xff\xd9"  # the picture ends where the walk stopped
    else:
        out += rest
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
    first_idat: int | None = None
    at, changed, rest = 8, False, b""
    while at < len(data):
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        end = at + 12 + length
        if end > len(data) or not kind.isalpha() or not kind.isascii():
            rest = data[at:]  # not a chunk (or one cut short): a decoder stops here
            break
        pixels = kind in (b"IDAT", b"fdAT")
        if (kind[0:1].isupper() or kind in PNG_DRAWING) and not _may_hold_metadata(
            data[at + 8 : end], pixels=pixels
        ):
            if kind == b"IDAT" and first_idat is None:
                first_idat = len(out)
            out += data[at:end]
        else:
            changed = True
            if kind == b"eXIf" and orientation is None:
                body = data[at + 8 : at + 8 + length]
                orientation = _kept_orientation(body[len(_EXIF) :] if body.startswith(_EXIF) else body)
        at = end
        if kind == b"IEND":
            changed = changed or at < len(data)
            break
    if _rest_dropped(data, rest, len(data)):
        changed = True  # dropped, unread
        if first_idat is not None:
            out += _png_chunk(b"IEND", b"")  # the picture ends where the walk stopped
    else:
        out += rest
    if not changed:
        return data
    if (
        orientation is not None and first_idat is not None
    ):  # an eXIf after the image data keeps its orientation too
        out[first_idat:first_idat] = _png_chunk(b"eXIf", orientation)  # eXIf goes before the image data
    return bytes(out)


# --- WebP ---------------------------------------------------------------------------------------------------------

WEBP_CHUNKS = frozenset({b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP"})
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _riff_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def _strip_webp(data: bytes) -> bytes:
    riff_end = 8 + int.from_bytes(data[4:8], "little")
    if not 12 <= riff_end <= len(data):
        riff_end = len(data)  # a RIFF size no decoder follows (cut short, or too small to hold a chunk)
    out = bytearray()
    orientation: bytes | None = None
    at, changed, rest = 12, riff_end < len(data), b""  # what follows the RIFF is not this picture
    while at < riff_end:
        kind = data[at : at + 4]
        length = int.from_bytes(data[at + 4 : at + 8], "little")
        if at + 8 + length > riff_end or not all(0x20 <= b < 0x7F for b in kind) or kind[0] == 0x20:
            rest = data[at:riff_end]  # not a chunk (or one cut short): a decoder stops here
            break
        end = min(at + 8 + length + (length % 2), riff_end)
        pixels = kind in (b"VP8 ", b"VP8L", b"ALPH", b"ANMF")
        if kind in WEBP_CHUNKS and not _may_hold_metadata(data[at + 8 : end], pixels=pixels):
            out += data[at:end]
        else:
            changed = True
            if kind == b"EXIF" and orientation is None:
                body = data[at + 8 : at + 8 + length]
                orientation = _kept_orientation(body[len(_EXIF) :] if body.startswith(_EXIF) else body)
        at = end
    if _rest_dropped(data, rest, riff_end):
        changed = True  # dropped, unread
    else:
        out += rest
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
    changed, rest, read = False, b"", at  # read: where the last block walked ends
    while at < len(data):
        block = data[at]
        if block == 0x3B:  # trailer: what follows is not this picture
            out += data[at : at + 1]
            changed = changed or at != read or at + 1 < len(data)
            read = len(data)
            break
        end: int | None = None
        if block == 0x21 and at + 2 < len(data):
            label = data[at + 1]
            end = _gif_blocks_end(data, at + 2)
            head = data[at + 3 : at + 3 + data[at + 2]] if label == 0xFF else b""
            dropped = label == 0xFE or (label == 0xFF and head not in GIF_LOOPS)
            dropped = dropped or _may_hold_metadata(data[at:end])
        elif block == 0x2C and at + 10 <= len(data):
            flags = data[at + 9]
            start = at + 10 + ((3 << ((flags & 7) + 1)) if flags & 0x80 else 0)
            end = _gif_blocks_end(data, start + 1)
            dropped = _may_hold_metadata(data[at:end], pixels=True)
        else:
            at += 1  # a byte that begins no block: Pillow skips it
            continue
        if end is None:
            break  # a block cut short by the file's end: a decoder stops here
        changed = changed or at != read or dropped  # stray bytes skipped on the way
        if not dropped:
            out += data[at:end]
        at = read = end
    rest = data[read:]
    if _rest_dropped(data, rest, len(data)):
        changed = True  # dropped, unread
    else:
        out += rest
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
