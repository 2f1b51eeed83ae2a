"""A seeded fuzz of ``picture_metadata.strip``: phone pictures of every format, each damaged the ways files are
(a byte changed, fill or stray bytes put in, a few bytes written twice or cut out, the tail cut off or more added;
one to three at once, a fixed seed), stored as every door stores them (a file no longer sniffed as its format is
refused at the door). For each: no crash; a picture Pillow draws is still drawn once stored; nothing stored holds the place or the
camera (review r77: a fill byte, a stray byte or a RIFF end let them through)."""

from __future__ import annotations

import io
import random
import re
import struct
import warnings

import pytest
from PIL import Image

from reverie.clinic.services import media
from reverie.clinic.services.picture_metadata import as_stored, orientation_only

GPS_IFD, MAKE, ORIENTATION = 0x8825, 0x010F, 0x0112
SECRET = b"Pixel 8 of Iris"
XMP = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><tiff:Make>" + SECRET + b"</tiff:Make></x:xmpmeta>"
SEED, PER_FORMAT = 20261206, 150


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = SECRET.decode()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)})
    return exif


def _picture() -> Image.Image:
    picture = Image.new("RGB", (24, 16))
    picture.putdata([(x * 9, y * 14, (x + y) * 5) for y in range(16) for x in range(24)])
    return picture


def _saved(fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    _picture().save(out, fmt, **options)
    return out.getvalue()


def phone_pictures() -> dict[str, bytes]:
    """One picture per format, each carrying the camera (EXIF Make and an XMP packet naming it) and, where the
    format holds EXIF, the place."""
    jpeg = _saved("JPEG", quality=85, exif=_exif())
    xmp_segment = b"\xff\xe1" + struct.pack(">H", len(XMP) + 31) + b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    return {
        "image/jpeg": jpeg[:2] + xmp_segment + jpeg[2:],
        "image/png": _saved("PNG", exif=_exif(), pnginfo=_png_text()),
        "image/webp": _saved("WEBP", exif=_exif().tobytes(), xmp=XMP),
        "image/gif": _saved("GIF", comment=SECRET),
    }


def _png_text() -> object:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("XML:com.adobe.xmp", XMP.decode())
    return info


def _damaged(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if len(out) < 4:
            break
        at = rng.randrange(2, len(out))
        how = rng.randrange(7)
        if how == 0:
            out[at] = rng.randrange(256)
        elif how == 1:
            out[at:at] = b"\xff" * rng.randint(1, 3)
        elif how == 2:
            out[at:at] = bytes([rng.randrange(256)])
        elif how == 3:
            del out[at : at + rng.randint(1, 16)]
        elif how == 4:
            del out[at:]
        elif how == 5:
            out += bytes(rng.randrange(256) for _ in range(rng.randint(1, 24)))
        else:
            out[at:at] = out[max(0, at - rng.randint(1, 8)) : at]  # a stutter
    return bytes(out)


def _drawn(data: bytes) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            picture = Image.open(io.BytesIO(data))
            picture.load()
    except Exception:
        return False
    return True


# An EXIF block (but one holding the orientation alone) or an XMP packet, anywhere in the bytes.
METADATA_BLOCK = re.compile(
    rb"Exif\x00\x00(?!"
    + b"|".join(re.escape(orientation_only(n)) for n in range(1, 9))
    + rb")|xmpmeta|ns\.adobe\.com/xap"
)


def _place_or_camera(data: bytes) -> str | None:
    """What a reader of ``data``'s metadata finds of the place or the camera: Pillow's EXIF (GPS, Make) and what it
    reads besides (XMP, comments, PNG text); where Pillow cannot open it, an EXIF block or XMP packet anywhere."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            picture = Image.open(io.BytesIO(data))
            exif = picture.getexif()
            read = [str(value) for value in picture.info.values()]
    except Exception:
        block = METADATA_BLOCK.search(data)
        return None if block is None else f"a block of metadata at {block.start()}"
    if dict(exif.get_ifd(GPS_IFD)):
        return "the GPS position"
    if MAKE in exif:
        return "the camera make"
    if any("Pixel" in value for value in read):
        return "the camera's name"
    return None


@pytest.mark.parametrize("media_type", ["image/jpeg", "image/png", "image/webp", "image/gif"])
def test_damaged_pictures_are_stored_without_place_or_camera_and_still_drawn(media_type: str) -> None:
    rng = random.Random(f"{SEED}-{media_type}")
    original = phone_pictures()[media_type]
    assert _drawn(original) and _place_or_camera(original)
    seen = 0
    for case in range(PER_FORMAT):
        damaged = _damaged(original, rng)
        if media.sniff(damaged, media.ALLOWED["art"]) != media_type:
            continue  # refused at the door: not stored
        seen += 1
        stored = as_stored("art", damaged)
        found = _place_or_camera(stored)
        assert found is None, f"case {case}: {found} stored"
        if _drawn(damaged):
            assert _drawn(stored), f"case {case}: drawn as sent, not once stored"
    assert seen > PER_FORMAT // 2
