"""A picture's place, camera and author are removed before it is stored, losslessly, and its orientation is kept
(reverie.clinic.services.picture_metadata, called by journal._store_attachment for every door)."""

from __future__ import annotations

import io
import re
import struct
import zlib
from typing import Any

import pytest
from PIL import Image, ImageOps, PngImagePlugin

from reverie.clinic.services import media
from reverie.clinic.services.picture_metadata import exif_orientation, strip

GPS_IFD, MAKE, MODEL, ORIENTATION, XMP = 0x8825, 0x010F, 0x0110, 0x0112, 0x02BC
WHERE = {1: "N", 2: (51.0, 30.0, 26.4), 3: "W", 4: (0.0, 7.0, 39.6)}
SECRET = b"Pixel 8 of Iris"


def _exif(orientation: int | None = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = SECRET.decode()
    exif[MODEL] = "Pixel 8"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update(WHERE)
    return exif


def _landscape() -> Image.Image:
    """A 40 × 24 picture with a gradient, so that any change of pixels shows."""
    picture = Image.new("RGB", (40, 24))
    picture.putdata([(x * 6, y * 10, (x + y) * 3) for y in range(24) for x in range(40)])
    return picture


def phone_jpeg(orientation: int | None = 6) -> bytes:
    """What a phone held upright writes: the sensor's landscape pixels, Orientation 6 (turn to portrait), GPS,
    make and model, an XMP packet and a comment; and a second picture after the end of the first (MPF-style)."""
    out = io.BytesIO()
    _landscape().save(out, "JPEG", quality=90, exif=_exif(orientation), comment=b"shot at home")
    data = out.getvalue()
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp + data[2:] + data


def _gps(data: bytes) -> dict[int, Any]:
    return dict(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD))


def test_a_phone_jpeg_loses_place_camera_and_xmp_keeps_pixels_and_orientation() -> None:
    """Stored: no GPS, no make or model, no XMP or comment, nothing after the picture; the same pixels (the
    compressed data copied, nothing re-encoded) and the Orientation, so a portrait photo is still portrait."""
    original = phone_jpeg()
    assert _gps(original) and SECRET in original
    stored = strip(original, "image/jpeg")
    assert SECRET not in stored and b"shot at home" not in stored and b"xmpmeta" not in stored
    assert _gps(stored) == {}
    picture = Image.open(io.BytesIO(stored))
    assert dict(picture.getexif()) == {ORIENTATION: 6}
    assert picture.tobytes() == Image.open(io.BytesIO(original)).tobytes()
    assert ImageOps.exif_transpose(picture).size == (24, 40)  # still portrait, as the phone showed it
    assert stored.endswith(b"\xff\xd9") and stored.count(b"\xff\xd8") == 1
    assert media.check_attachment("art", "photo.jpg", stored) == "image/jpeg"


def test_an_upright_jpeg_gets_no_exif_at_all() -> None:
    """Orientation 1 (or none) needs no EXIF block: none is written back."""
    for orientation in (1, None):
        stored = strip(phone_jpeg(orientation), "image/jpeg")
        assert b"Exif\x00\x00" not in stored
        assert not Image.open(io.BytesIO(stored)).getexif()


def test_a_png_loses_exif_and_text_keeps_colour_and_orientation() -> None:
    """eXIf (with GPS), tEXt/iTXt/zTXt and tIME go; iCCP, gAMA and the pixels stay; orientation is written back."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Iris at home")
    info.add_itxt("Description", "taken at 2 a.m.", zip=True)
    info.add_text("Comment", "z" * 40, zip=True)
    out = io.BytesIO()
    _landscape().save(out, "PNG", pnginfo=info, exif=_exif(8), icc_profile=b"profile-bytes" * 4)
    data = out.getvalue()
    data = data[:33] + _chunk(b"gAMA", struct.pack(">I", 45455)) + _chunk(b"tIME", bytes(7)) + data[33:]
    assert b"eXIf" in data and b"tEXt" in data and b"iTXt" in data and b"zTXt" in data
    stored = strip(data, "image/png")
    for kind in (b"tEXt", b"iTXt", b"zTXt", b"tIME"):
        assert kind not in stored
    assert SECRET not in stored and b"Iris at home" not in stored
    assert b"iCCP" in stored and b"gAMA" in stored
    picture = Image.open(io.BytesIO(stored))
    assert dict(picture.getexif()) == {ORIENTATION: 8}
    assert picture.tobytes() == Image.open(io.BytesIO(data)).tobytes()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_a_webp_loses_exif_and_xmp_keeps_orientation() -> None:
    """A WebP's EXIF (GPS) and XMP chunks go; the header's flags and the RIFF size match what is left."""
    out = io.BytesIO()
    _landscape().save(
        out, "WEBP", lossless=True, exif=_exif(3), xmp=b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"
    )
    data = out.getvalue()
    assert SECRET in data
    stored = strip(data, "image/webp")
    assert SECRET not in stored and b"XMP " not in stored
    assert struct.unpack("<I", stored[4:8])[0] == len(stored) - 8
    picture = Image.open(io.BytesIO(stored))
    assert picture.getexif().get(ORIENTATION) == 3 and not picture.getexif().get_ifd(GPS_IFD)
    assert picture.convert("RGB").tobytes() == Image.open(io.BytesIO(data)).convert("RGB").tobytes()
    assert media.check_attachment("art", "p.webp", stored) == "image/webp"


def test_a_gif_loses_comments_and_application_blocks_keeps_the_loop() -> None:
    """A comment and an XMP application block go; the animation loop block and every frame stay."""
    frames = [_landscape(), _landscape().rotate(180)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], loop=0, comment=b"made at home")
    data = out.getvalue()
    at = data.index(b"!\xff\x0bNETSCAPE2.0")
    xmp = b"!\xff\x0bXMP DataXMP" + bytes([len(SECRET)]) + SECRET + b"\x00"
    data = data[:at] + xmp + data[at:]
    stored = strip(data, "image/gif")
    assert b"made at home" not in stored and SECRET not in stored and b"NETSCAPE2.0" in stored
    before, after = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(stored))
    assert after.n_frames == before.n_frames == 2
    for index in range(2):
        before.seek(index)
        after.seek(index)
        assert after.convert("RGB").tobytes() == before.convert("RGB").tobytes()


@pytest.mark.parametrize(
    "data, media_type",
    [
        (b"\x89PNG\r\n\x1a\n" + b"x" * 40, "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(50), "image/jpeg"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(40), "image/webp"),
        (b"GIF89a" + bytes(40), "image/gif"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40), "audio/wav"),
    ],
)
def test_a_file_without_metadata_is_stored_unchanged(data: bytes, media_type: str) -> None:
    """Nothing to remove: the very bytes given (a recording is never touched)."""
    assert strip(data, media_type) is data


def test_orientation_is_read_in_either_byte_order() -> None:
    """Motorola and Intel TIFF orders alike."""
    little = b"II*\x00" + struct.pack("<IHHHIHHI", 8, 1, ORIENTATION, 3, 1, 5, 0, 0)
    big = b"MM\x00*" + struct.pack(">IHHHIHHI", 8, 1, ORIENTATION, 3, 1, 5, 0, 0)
    assert exif_orientation(little) == exif_orientation(big) == 5
    assert exif_orientation(b"II*\x00" + bytes(4)) is None


@pytest.mark.django_db
def test_the_attach_control_says_location_and_camera_details_are_removed(make_user: Any, web_as: Any) -> None:
    """The person reads it where they attach a picture, tied to the control for a screen reader."""
    page = web_as(make_user()).get("/write/").content.decode()
    said = re.search(r'<div class="helptext" id="(id_attachment_helptext)">([^<]*)</div>', page)
    assert said and said.group(2) == "Location and camera details are removed from pictures."
    assert f'aria-describedby="{said.group(1)}"' in page


@pytest.mark.django_db
def test_a_picture_stored_before_metadata_was_removed_is_served_without_it(make_user: Any) -> None:
    """A photo attached before Reverie removed place and camera on storing still holds them in its sealed bytes:
    opened (served to the therapist, exported), it comes out without them, orientation kept, as one stored now."""
    from reverie.clinic.models import Attachment
    from reverie.clinic.services import journal, keys

    client = make_user()
    draft = journal.AttachmentDraft("bay.jpg", "image/jpeg", phone_jpeg())
    view = journal.create_entry(client, journal.EntryDraft(kind="art", body="The bay."), [draft])
    att = Attachment.objects.get(entry_id=view.id)
    att.payload = keys.seal_for(client, str(att.id), "attachment.data", phone_jpeg())  # as stored before
    att.save(update_fields=["payload"])
    _, _, served = journal.attachment_data(client, att.id)
    assert SECRET not in served and _gps(served) == {}
    assert dict(Image.open(io.BytesIO(served)).getexif()) == {ORIENTATION: 6}
