"""Art and music attachments: the type is read from the content, never taken from the browser; allow-list; sizes.

Each allowed format is one entry of :data:`FORMATS`, recognised by an exact structural check of its header (no
guessing from a signature database: a RIFF file is a picture only when its form is ``WEBP`` with a VP8 chunk, a
recording only when its form is ``WAVE``; an MP4 file is a recording only under an audio-capable brand; an MP3 by its
ID3 tag or a valid MPEG audio frame header, MPEG-1, 2 and 2.5 alike). Only these formats are accepted, by entry kind:
pictures for art, recordings for music (no SVG or other scriptable formats). What is stored and later served is the
canonical media type of the entry that matched; the ``Content-Type`` a browser or an import claimed is ignored.

A picture's width and height are read from its header (PNG ``IHDR``, JPEG ``SOFn``, GIF screen and frames, WebP
``VP8``/``VP8L``/``VP8X``) without decoding it: one declaring more than :data:`MAX_SIDE` pixels a side or
:data:`MAX_PIXELS` in all is refused, so a file of a few bytes cannot make a reader's browser decode gigabytes.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings

from reverie.errors import InvalidInput, TooLarge, UnsupportedMedia
from reverie.text import file_size_words as file_size_words  # the one rule, pure (the export says sizes too)


def _png(data: bytes) -> bool:
    return data[:8] == b"\x89PNG\r\n\x1a\n"


def _jpeg(data: bytes) -> bool:
    return data[:3] == b"\xff\xd8\xff"


def _gif(data: bytes) -> bool:
    return data[:6] in (b"GIF87a", b"GIF89a")


def _riff(data: bytes, form: bytes) -> bool:
    return len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == form


def _webp(data: bytes) -> bool:
    return _riff(data, b"WEBP") and data[12:16] in (b"VP8 ", b"VP8L", b"VP8X")


def _wav(data: bytes) -> bool:
    return _riff(data, b"WAVE")


def _ogg(data: bytes) -> bool:
    return data[:4] == b"OggS" and data[4:5] == b"\x00"  # capture pattern, stream structure version 0


def _flac(data: bytes) -> bool:
    return data[:4] == b"fLaC"


def _webm(data: bytes) -> bool:
    """An EBML document whose DocType (element 0x4282) is ``webm``."""
    head = data[:64]
    if head[:4] != b"\x1a\x45\xdf\xa3":
        return False
    at = head.find(b"\x42\x82")
    return at > 0 and b"webm" in head[at + 2 : at + 12]


# ISO base media (MP4) brands under which a file is audio a browser plays: Apple's M4A/M4B, and the general MP4
# brands Android's MediaRecorder writes for its .m4a recordings (mp42, isom …).
M4A_BRANDS = frozenset(
    {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"dash"}
)


def _m4a(data: bytes) -> bool:
    """An ``ftyp`` box first whose major or a compatible brand is one of :data:`M4A_BRANDS`."""
    if len(data) < 16 or data[4:8] != b"ftyp":
        return False
    size = (
        int.from_bytes(data[:4], "big") or 16
    )  # 0 is "to the end of the file": then the major brand decides
    if size < 16 or size % 4 or size > 4096:
        return False
    brands = [data[8:12]] + [data[at : at + 4] for at in range(16, min(size, len(data)) - 3, 4)]
    return any(brand in M4A_BRANDS for brand in brands)


# kbit/s by (MPEG-1?, layer) and bitrate index 1..14; index 0 is "free", 15 is forbidden
_BITRATES = {
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
# sample rates by the version bits: 0 MPEG-2.5, 2 MPEG-2, 3 MPEG-1 (1 is reserved)
_RATES = {0: (11025, 12000, 8000), 2: (22050, 24000, 16000), 3: (44100, 48000, 32000)}


def mpeg_frame_length(header: bytes) -> int | None:
    """The length in bytes of the MPEG audio frame whose 4-byte header this is (0 for a "free" bitrate), or None
    when it is not a valid frame header (no 11-bit sync, a reserved version, layer, bitrate or sample rate)."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer_bits = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index, padding = header[2] >> 4, (header[2] >> 2) & 3, (header[2] >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_index == 15 or rate_index == 3:
        return None
    layer, mpeg1 = 4 - layer_bits, version == 3
    if bitrate_index == 0:
        return 0
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index - 1] * 1000
    rate = _RATES[version][rate_index]
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4
    return (144 if mpeg1 or layer == 2 else 72) * bitrate // rate + padding


def _mp3(data: bytes) -> bool:
    """An ID3v2 tag (version 2-4, a sync-safe size), or an MPEG audio frame whose next frame, when the data holds
    it, is a frame too."""
    if data[:3] == b"ID3":
        return len(data) >= 10 and data[3] in (2, 3, 4) and all(b < 0x80 for b in data[6:10])
    length = mpeg_frame_length(data[:4])
    if length is None:
        return False
    if length == 0 or len(data) < length + 4:
        return True
    return mpeg_frame_length(data[length : length + 4]) is not None


@dataclass(frozen=True)
class Format:
    """One allowed format: the name a person knows it by, the canonical type stored and served, the kind of entry
    that takes it and the exact check of its header."""

    name: str
    media_type: str
    kind: str
    matches: Callable[[bytes], bool]


FORMATS: tuple[Format, ...] = (
    Format("PNG", "image/png", "art", _png),
    Format("JPEG", "image/jpeg", "art", _jpeg),
    Format("GIF", "image/gif", "art", _gif),
    Format("WebP", "image/webp", "art", _webp),
    Format("MP3", "audio/mpeg", "music", _mp3),
    Format("Ogg", "audio/ogg", "music", _ogg),
    Format("WAV", "audio/wav", "music", _wav),
    Format("FLAC", "audio/flac", "music", _flac),
    Format("M4A", "audio/mp4", "music", _m4a),
    Format("WebM", "audio/webm", "music", _webm),
)
IMAGE_TYPES: tuple[Format, ...] = tuple(f for f in FORMATS if f.kind == "art")
AUDIO_TYPES: tuple[Format, ...] = tuple(f for f in FORMATS if f.kind == "music")
ALLOWED = {"art": IMAGE_TYPES, "music": AUDIO_TYPES}
SERVABLE = frozenset(f.media_type for f in FORMATS)
WANTED = {
    "art": f"an image ({', '.join(f.name for f in IMAGE_TYPES)})",
    "music": f"a recording ({', '.join(f.name for f in AUDIO_TYPES)})",
}
MAX_NAME_CHARS = 200
# The largest picture taken: 20,000 pixels a side and 50 megapixels in all (a 50-megapixel phone photo; already
# 200 MB to decode). A header declaring more is refused before anything is stored.
MAX_SIDE = 20_000
MAX_PIXELS = 50_000_000


def sniff(data: bytes, table: Sequence[Format]) -> str | None:
    """The canonical media type of ``data`` if its content is one of ``table``'s formats, else None."""
    for entry in table:
        if entry.matches(data):
            return entry.media_type
    return None


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[8:16] != b"\x00\x00\x00\x0dIHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The widest and tallest frame (``SOFn``) declared before the scan starts, walking the segments as a decoder does
    (fill bytes skipped, stray bytes between segments passed over to the next marker)."""
    best: tuple[int, int] | None = None
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            at = data.find(b"\xff", at)
            if at < 0:
                break
        while at < len(data) and data[at] == 0xFF:
            at += 1
        if at >= len(data):
            break
        marker = data[at]
        at += 1
        if marker in (0x00, 0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            continue  # no length follows
        if marker in (0xD9, 0xDA) or at + 2 > len(data):
            break  # end of image, or the scan begins: every frame header comes before it
        length = int.from_bytes(data[at : at + 2], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and at + 7 <= len(data):
            height, width = struct.unpack(">HH", data[at + 3 : at + 7])
            best = (width, height) if best is None else (max(best[0], width), max(best[1], height))
        at += max(length, 2)
    return best


def _gif_blocks(data: bytes, at: int) -> int:
    """Skip a run of GIF data sub-blocks, returning the offset after its terminator."""
    while at < len(data) and data[at]:
        at += data[at] + 1
    return at + 1


def _gif_size(data: bytes) -> tuple[int, int] | None:
    """The logical screen, grown to hold every frame (a frame may lie beyond it)."""
    if len(data) < 13:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    at = 13 + ((3 << ((data[10] & 7) + 1)) if data[10] & 0x80 else 0)
    while at < len(data):
        block = data[at]
        if block == 0x21:  # extension: label, then sub-blocks
            at = _gif_blocks(data, at + 2)
        elif block == 0x2C and at + 10 <= len(data):  # image descriptor
            left, top, w, h = struct.unpack("<HHHH", data[at + 1 : at + 9])
            width, height = max(width, left + w), max(height, top + h)
            flags = data[at + 9]
            at += 10 + ((3 << ((flags & 7) + 1)) if flags & 0x80 else 0)
            at = _gif_blocks(data, at + 1)  # after the LZW minimum code size
        else:
            break  # the trailer, or something a decoder stops at
    return width, height


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    return None


_SIZES: dict[str, Callable[[bytes], tuple[int, int] | None]] = {
    "image/png": _png_size,
    "image/jpeg": _jpeg_size,
    "image/gif": _gif_size,
    "image/webp": _webp_size,
}


def image_size(data: bytes, media_type: str) -> tuple[int, int] | None:
    """Width and height in pixels as the picture's header declares them (nothing decoded), or None when the header
    does not say (a file no browser draws either)."""
    reader = _SIZES.get(media_type)
    return reader(data) if reader is not None else None


def check_dimensions(data: bytes, media_type: str) -> None:
    """Raise the plain refusal for a picture declaring more than :data:`MAX_SIDE` a side or :data:`MAX_PIXELS`."""
    size = image_size(data, media_type)
    if size is None:
        return
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise InvalidInput(
            f"That picture is {width:,} × {height:,} pixels; the largest taken is {MAX_SIDE:,} pixels a side and "
            f"{MAX_PIXELS // 1_000_000} megapixels in all. Make it smaller and attach it again. Nothing was saved."
        )


def check_size(size: int) -> None:
    """Raise the plain refusal for a file over the attachment limit (however large: it may not even have been kept)."""
    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    if size > limit:
        said, most = file_size_words(size), file_size_words(limit)
        over = f"just over the limit of {most}" if said == most else f"{said}; the limit is {most}"
        raise TooLarge(f"The attached file is {over}. Nothing was saved.")


def check_attachment(kind: str, filename: str, data: bytes) -> str:
    """Return the media type detected from the bytes (the one to store), or raise :class:`InvalidInput`."""
    table = ALLOWED.get(kind)
    if table is None:
        raise InvalidInput("Only art and music entries take attachments.")
    if not data:
        raise InvalidInput("The attached file is empty.")
    check_size(len(data))
    if not filename or len(filename) > MAX_NAME_CHARS:
        raise InvalidInput(f"The file needs a name of 1–{MAX_NAME_CHARS} characters.")
    detected = sniff(data, table)
    if detected is None:
        raise UnsupportedMedia(f"That file is not {WANTED[kind]}, judging by its content. Nothing was saved.")
    check_dimensions(data, detected)
    return detected


def served_type(stored: str) -> str:
    """The type to serve a stored attachment with: attachments stored before sniffing fall back to bytes."""
    return stored if stored in SERVABLE else "application/octet-stream"
