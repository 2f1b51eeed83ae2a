"""Day One exports as Day One writes them (a module of its own: imported by a unique name)."""

from __future__ import annotations

import io
import json
import zipfile

JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffd9")
M4A = bytes(4) + b"ftypM4A " + bytes(20)
PHOTO_MD5 = "0cc175b9c0f1b6a831c399e269772661"
AUDIO_MD5 = "92eb5ffee6ae2fec3ad71c777531578f"


def _entry(uuid: str, **fields: object) -> dict[str, object]:
    return {"uuid": uuid, "creationDate": "2026-03-09T23:30:00Z", "timeZone": "Europe/Berlin", **fields}


def dayone_zip(entries: list[dict[str, object]], *, name: str = "Journal.json") -> bytes:
    """A zip laid out as Day One writes it: the journal JSON at the top, photos/ and audios/ by MD5."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        document = {"metadata": {"version": "1.0"}, "entries": entries}
        archive.writestr(name, json.dumps(document, indent=2).replace("/", "\\/"))
        archive.writestr(f"photos/{PHOTO_MD5}.jpeg", JPEG)
        archive.writestr(f"audios/{AUDIO_MD5}.m4a", M4A)
    return buffer.getvalue()


FULL = _entry(
    "AAAA0000AAAA0000AAAA0000AAAA0001",
    text="# A night walk\n\nThe river was high\\. I felt *calm* \\- mostly\\!\n\n![](dayone-moment://PHOTO1)\n",
    photos=[{"identifier": "PHOTO1", "md5": PHOTO_MD5, "type": "jpeg", "orderInEntry": 0}],
    location={
        "placeName": "Oberbaumbrücke",
        "localityName": "Berlin",
        "country": "Germany",
        "latitude": 52.5,
    },
    weather={"conditionsDescription": "Clear", "temperatureCelsius": 3.6},
    tags=["walk"],
)
