"""art and music attachments as material, seen by the client, their therapist and the export.

Each test is one fault a careful person would meet; its docstring says what they see and what they should see.
"""

from __future__ import annotations

import json
import re
import struct
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import journal, people
from web_client import form_fields

pytestmark = pytest.mark.django_db

# An 8 × 8 baseline JPEG (one orange block), as a phone camera's picture would carry it but without its metadata.
PLAIN_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d"
    "3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb0043011112121815182f1a1a2f63423842"
    "6363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363ffc00011"
    "080008000803012200021101031101ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b51000"
    "02010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f024336272820"
    "90a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a8384"
    "85868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3"
    "e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffc4001f0100030101010101010101010000000000000102030405060708090a0bffc400b5"
    "1100020102040403040705040400010277000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a"
    "162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82"
    "838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2"
    "e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9faffda000c03010002110311003f00ad451457987bc7ffd9"
)

# Where the client lives, as their phone's camera writes it: 51° 30' 26.40" N, 0° 7' 39.60" W (little-endian
# EXIF rationals). These 48 bytes appear in a file only as the GPS position.
LATITUDE = struct.pack("<6I", 51, 1, 30, 1, 2640, 100)
LONGITUDE = struct.pack("<6I", 0, 1, 7, 1, 3960, 100)


def _exif_with_gps() -> bytes:
    """An APP1 ``Exif`` segment as a phone writes it: IFD0 with the camera's make and a pointer to the GPS IFD
    (tag 0x8825), and the GPS IFD with latitude and longitude."""
    make = b"Pixel 8\x00"
    # TIFF header (little endian), IFD0 at offset 8 with two entries: Make (ASCII) and GPSInfo (LONG offset).
    ifd0_at = 8
    ifd0_size = 2 + 2 * 12 + 4
    make_at = ifd0_at + ifd0_size
    gps_at = make_at + len(make)
    gps_entries = 4
    gps_size = 2 + gps_entries * 12 + 4
    lat_at = gps_at + gps_size
    lon_at = lat_at + len(LATITUDE)
    tiff = b"II*\x00" + struct.pack("<I", ifd0_at)
    tiff += struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 0x010F, 2, len(make), make_at)
    tiff += struct.pack("<HHII", 0x8825, 4, 1, gps_at)
    tiff += struct.pack("<I", 0) + make
    tiff += struct.pack("<H", gps_entries)
    tiff += struct.pack("<HHI", 0x0001, 2, 2) + b"N\x00\x00\x00"  # GPSLatitudeRef
    tiff += struct.pack("<HHII", 0x0002, 5, 3, lat_at)  # GPSLatitude
    tiff += struct.pack("<HHI", 0x0003, 2, 2) + b"W\x00\x00\x00"  # GPSLongitudeRef
    tiff += struct.pack("<HHII", 0x0004, 5, 3, lon_at)  # GPSLongitude
    tiff += struct.pack("<I", 0) + LATITUDE + LONGITUDE
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def phone_photo() -> bytes:
    """The JPEG a phone's camera saves: the picture, with the place it was taken in its EXIF block."""
    return PLAIN_JPEG[:2] + _exif_with_gps() + PLAIN_JPEG[2:]


def _art_with(web: Any, data: bytes, name: str, body: str = "the view from my window tonight") -> Any:
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    return web.post(
        "/write/", {"kind": "art", "body": body, "entry_id": str(uuid.uuid4()), "attachment": upload}
    )


def test_phone_photo_location_reaches_the_therapist(make_user: Any, web_as: Any) -> None:
    """A client photographs the view from their window at 2 a.m. on their phone and attaches it to an art entry,
    then shares the entry with their therapist. The therapist's browser receives the file exactly as the phone wrote
    it: the EXIF block with the GPS latitude and longitude of the client's home (and the phone's make). Nothing on
    the write page, the share page or in docs/usage.md or docs/security.md says a picture carries where it was
    taken. A careful client expects the place stripped before anyone else sees the picture (or at the very least to
    be told before sharing). The therapist should get the picture without its GPS position."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    response = _art_with(web_as(client), phone_photo(), "IMG_20260312_021455.jpg")
    assert response.status_code == 302, response.content[:500]
    entry = Entry.objects.get(client=client)
    journal.set_shared(client, entry.id, True)
    att = Attachment.objects.get(entry=entry)
    served = web_as(therapist).get(f"/attachments/{att.id}/")
    assert served.status_code == 200
    got = b"".join(served) if served.streaming else served.content
    assert got[:3] == b"\xff\xd8\xff"  # the picture itself is served
    assert LATITUDE not in got and LONGITUDE not in got, (
        "the therapist received the GPS position of where the client took the photo"
    )


def _picture_only_export(path: Any) -> None:
    """A Reverie export holding one art entry that is a picture and nothing else (no title, no words)."""
    from datetime import UTC, datetime

    from reverie.journal.interchange import (
        SCHEMA,
        PortableAttachment,
        PortableEntry,
        PortableJournal,
        dump_reverie_json,
    )

    when = datetime(2026, 3, 12, 2, 14, tzinfo=UTC)
    entry = PortableEntry(
        id="picture-only",
        kind="art",
        body="",
        happened_at=when,
        written_at=when,
        attachments=(PortableAttachment("harbour at night.jpg", "image/jpeg", PLAIN_JPEG),),
    )
    path.write_bytes(dump_reverie_json(PortableJournal(SCHEMA, when, (entry,))))


def test_cli_show_of_a_picture_only_entry_says_nothing_of_the_picture(cli: Any, tmp_path: Any) -> None:
    """A client who draws rather than writes keeps art entries that are a picture and nothing else (the web saves
    them: "the recording is the entry"). On the command line ``reverie journal show`` prints the header line and an
    empty body, and ``journal show --json`` has no field for files at all: the entry looks empty, as if the picture
    were lost, and nothing says how to get it. The person should see that the entry holds a picture, by its name
    ("harbour at night.jpg"), with its type and size, in the text and in the JSON."""
    export = tmp_path / "art.json"
    _picture_only_export(export)
    cli("user", "create", "iris")
    cli("journal", "import", str(export), "-u", "iris")
    _, listed, _ = cli("journal", "list", "-u", "iris", "--json")
    rows = json.loads(listed)
    assert len(rows) == 1 and rows[0]["kind"] == "art"
    _, shown, _ = cli("journal", "show", rows[0]["id"][:8], "-u", "iris")
    assert "harbour at night.jpg" in shown, f"the picture is not mentioned: {shown!r}"
    _, as_json, _ = cli("journal", "show", rows[0]["id"][:8], "-u", "iris", "--json")
    files = json.loads(as_json).get("attachments")
    assert files and files[0]["filename"] == "harbour at night.jpg", as_json


def test_markdown_export_does_not_say_the_pictures_are_not_in_it(make_user: Any, web_as: Any) -> None:
    """A client who draws keeps their journal before erasing their account: on the Export page (whose "Erase my
    account" link sits just below) they choose "Markdown (easy to read)". The file holds the words, and for each
    picture one line, "- **Attachments:** harbour at night.jpg (image/jpeg, 632 bytes)": the picture itself is not
    in the file, nothing in the file or on the page says so, and the line reads as if it were (a raw media type and
    a byte count, jargon to a client). docs/usage.md calls the export "everything you wrote, in one file". The file
    (or the choice on the page) should say in plain words that pictures and recordings are not in a Markdown
    export, only in the Reverie file, and name them without "image/jpeg"."""
    client = make_user(role="client")
    web = web_as(client)
    response = _art_with(web, PLAIN_JPEG, "harbour at night.jpg")
    assert response.status_code == 302, response.content[:500]
    page = web.get("/export/").content.decode()
    exported = web.post("/export/", {"format": "markdown"})
    assert exported.status_code == 200
    text = (b"".join(exported.streaming_content) if exported.streaming else exported.content).decode()
    assert "harbour at night.jpg" in text
    told = re.compile(r"(pictures?|recordings?|files?)\b[^.\n]*\bnot (in|included)", re.IGNORECASE)
    assert told.search(text) or told.search(page), "nothing says the picture is not in the Markdown file"
    assert "image/jpeg" not in text, "the client's file names the picture by its raw media type"


def test_a_refused_form_does_not_say_the_picture_must_be_attached_again(make_user: Any, web_as: Any) -> None:
    """A client attaches a drawing to an art entry, types "awe 9" in Other feelings and presses Save. The page comes
    back refused: "The intensity of the 1st feeling must be a whole number from 1 to 5. Your text is still here."
    The text is there, but the picture is not (a browser never refills a file input) and nothing says so: no "Your
    picture/recording was not kept: attach it again." as the sign-in path says (drafts.FILE_LOST). The person fixes
    the feeling, presses Save, and the entry is saved as "saved" without the drawing. The refused page should say
    the picture was not kept and must be attached again."""
    client = make_user(role="client")
    web = web_as(client)
    upload = SimpleUploadedFile("drawing of the sea.jpg", PLAIN_JPEG, content_type="image/jpeg")
    refused = web.post(
        "/write/",
        {
            "kind": "art",
            "body": "what the sea felt like",
            "entry_id": str(uuid.uuid4()),
            "other_feelings": "awe 9",
            "attachment": upload,
        },
    )
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "what the sea felt like" in page  # the words are kept
    fields = form_fields(page)
    fields["other_feelings"] = "awe 4"
    saved = web.post("/write/", fields)  # the browser sends the form back with the file input empty
    assert saved.status_code == 302
    assert Entry.objects.filter(client=client).count() == 1
    told = re.search(r"(picture|recording|drawing|file)[^<]*(not kept|attach it again)", page, re.IGNORECASE)
    assert told or Attachment.objects.filter(entry__client=client).exists(), (
        "the entry was saved without the drawing and the refused page never said to attach it again"
    )
