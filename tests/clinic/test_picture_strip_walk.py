"""Pictures walked as their decoders walk them when their place and camera are removed (picture_metadata.strip), and
what relies on the bytes being stored stripped (holes found by review r77 in h85)."""

from __future__ import annotations

import io
import struct
import uuid
import zlib
from typing import Any

import pytest
from PIL import Image

from reverie.clinic.models import Entry
from reverie.clinic.services import media
from reverie.clinic.services.picture_metadata import strip

GPS_IFD, MAKE, ORIENTATION = 0x8825, 0x010F, 0x0112
SECRET = b"Pixel 8 of Iris"


def phone_jpeg() -> bytes:
    """A 40 x 24 photo as a phone writes it: Orientation 6, GPS, the camera's make and an XMP packet naming it."""
    picture = Image.new("RGB", (40, 24))
    picture.putdata([(x * 6, y * 10, (x + y) * 3) for y in range(24) for x in range(40)])
    exif = Image.Exif()
    exif[MAKE] = SECRET.decode()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)})
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90, exif=exif)
    data = out.getvalue()
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp + data[2:]


def test_a_jpeg_with_a_fill_byte_before_its_exif_loses_place_and_camera() -> None:
    """JPEG allows any number of 0xFF fill bytes before a marker (ITU T.81 B.1.1.2); libjpeg and Pillow skip them
    and read the EXIF block that follows, GPS and all. The stripper stops at the first fill byte ('not a segment a
    decoder reads') and keeps the rest as it is, so such a phone photo is stored and shared with its place and
    camera. It should skip fill bytes as a decoder does and drop the EXIF/XMP as for any other JPEG."""
    original = phone_jpeg()
    padded = original[:2] + b"\xff" + original[2:]  # one fill byte before the first APP1
    assert dict(Image.open(io.BytesIO(padded)).getexif().get_ifd(GPS_IFD))  # a decoder reads the place
    assert Image.open(io.BytesIO(padded)).tobytes() == Image.open(io.BytesIO(original)).tobytes()
    assert media.check_attachment("art", "photo.jpg", padded) == "image/jpeg"
    stored = strip(padded, "image/jpeg")
    assert dict(Image.open(io.BytesIO(stored)).getexif().get_ifd(GPS_IFD)) == {}, "GPS kept"
    assert SECRET not in stored, "camera owner / XMP kept"
    assert Image.open(io.BytesIO(stored)).tobytes() == Image.open(io.BytesIO(original)).tobytes()


def _photo(name: str) -> io.BytesIO:
    upload = io.BytesIO(phone_jpeg())
    upload.name = name
    return upload


@pytest.mark.django_db
def test_back_then_save_with_a_phone_photo_keeps_one_entry(make_user: Any, web_as: Any) -> None:
    """Back after saving an art entry re-fetches the write page (a fresh token) and the browser sends the same
    words and the same photo again. For a text entry or a recording that is recognised as the same submission and
    kept once (journal.recent_same); for a phone photo it is not, because the photo is compared as sent (with its
    GPS and camera) against the copy stored without them: sizes and digests never match, so a second, duplicate
    entry is saved. The replay should be kept once, as for every other entry."""
    web = web_as(make_user())
    fields = {"kind": "art", "body": "the harbour at dusk", "title": "Harbour"}
    first = web.post(
        "/write/", {**fields, "entry_id": str(uuid.uuid4()), "attachment": _photo("IMG_0042.jpg")}
    )
    again = web.post(
        "/write/", {**fields, "entry_id": str(uuid.uuid4()), "attachment": _photo("IMG_0042.jpg")}
    )
    assert first.status_code == again.status_code == 302
    assert Entry.objects.count() == 1, "the same form sent again after Back saved a second entry"
    assert again["Location"].startswith(first["Location"])


def _pixels(data: bytes) -> bytes:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture.tobytes()


def test_a_jpeg_with_a_stray_byte_between_segments_loses_its_place_and_still_opens() -> None:
    """A stray byte between two segments (after the XMP block, before the EXIF block) is skipped by decoders
    (libjpeg warns "extraneous bytes before marker"; Pillow skips it): the photo opens and its GPS is read. The
    stripper drops the XMP block, meets the stray byte, and keeps everything after it as it is: the stored copy still
    holds the GPS and the camera, and now begins SOI + stray byte, which Pillow no longer recognises as a JPEG at
    all. It should skip what a decoder skips, drop the EXIF, and store a picture that opens with the same pixels."""
    original = phone_jpeg()
    after_xmp = 4 + int.from_bytes(original[4:6], "big")
    odd = original[:after_xmp] + b"\x00" + original[after_xmp:]
    assert _pixels(odd) == _pixels(original)
    assert dict(Image.open(io.BytesIO(odd)).getexif().get_ifd(GPS_IFD))  # a decoder reads the place
    assert media.check_attachment("art", "photo.jpg", odd) == "image/jpeg"
    stored = strip(odd, "image/jpeg")
    assert SECRET not in stored, "camera / XMP kept"
    assert _pixels(stored) == _pixels(original), "the stored picture no longer opens"


def test_a_webp_with_bytes_after_its_riff_end_still_opens_once_stored() -> None:
    """A WebP whose file goes on after its RIFF chunk ends (a few bytes appended by a sharing app or a download)
    opens everywhere: decoders read the RIFF size and stop there. With an EXIF chunk inside, the stripper walks to
    the end of the file instead, takes the appended bytes for a chunk it cannot read, keeps them inside a RIFF
    whose size it recomputes to include them, and the stored picture no longer decodes (Pillow/libwebp: "could not
    create decoder object"). The person's picture is lost; what follows the RIFF end should be dropped (as for
    what follows a JPEG's EOI or a PNG's IEND), the picture kept."""
    out = io.BytesIO()
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.4)})
    picture = Image.new("RGB", (40, 24))
    picture.putdata([(x * 6, y * 10, (x + y) * 3) for y in range(24) for x in range(40)])
    picture.save(out, "WEBP", exif=exif.tobytes())
    original = out.getvalue() + b"trailing data"
    assert media.check_attachment("art", "drawing.webp", original) == "image/webp"
    before = _pixels(original)
    stored = strip(original, "image/webp")
    assert _pixels(stored) == before


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_a_png_whose_exif_follows_its_image_data_keeps_its_orientation() -> None:
    """PNG allows the eXIf chunk after IDAT (decoders read it there too): it goes, the orientation stays, written back
    before the image data."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = SECRET.decode()
    out = io.BytesIO()
    Image.new("RGB", (8, 4), (200, 120, 40)).save(out, "PNG")
    plain = out.getvalue()
    iend = plain.rindex(b"IEND") - 4
    late = plain[:iend] + _chunk(b"eXIf", exif.tobytes().removeprefix(b"Exif\x00\x00")) + plain[iend:]
    stored = strip(late, "image/png")
    assert SECRET not in stored
    picture = Image.open(io.BytesIO(stored))
    assert dict(picture.getexif()) == {ORIENTATION: 6}
    assert stored.index(b"eXIf") < stored.index(b"IDAT")
    assert _pixels(stored) == _pixels(plain)


def test_what_cannot_be_walked_is_dropped_when_it_shows_metadata_and_kept_otherwise() -> None:
    """Where a decoder stops (a segment running past the file's end), the rest is not stored unread if it shows a
    sign of metadata (an EXIF block, an XMP packet); bytes that show none are kept as they are, so a file from which
    nothing is removed is still the very bytes given."""
    original = phone_jpeg()
    cut = original[: original.index(b"Exif\x00\x00") + 40]  # the file ends inside its EXIF block
    stored = strip(cut, "image/jpeg")
    assert b"Exif" not in stored and SECRET not in stored
    junk = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(11) + b"\xff\xdb\x09\x00" + b"some bytes"
    assert strip(junk, "image/jpeg") is junk
