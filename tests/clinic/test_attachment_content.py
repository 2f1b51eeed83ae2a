"""Review r27: art and music attachments as phones and people send them: exact structural checks of each allowed
format, a picture's size read from its header (tests moved from tests/review_r27)."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Attachment, Entry
from reverie.clinic.services import media
from reverie.errors import InvalidInput

# A WAV recording, an AVI video and a RIFF header followed by a web page: none of them is a picture.
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x44\xac\x00\x00" + bytes(40)
AVI = b"RIFF\x00\x00\x00\x00AVI LIST" + bytes(40)
RIFF_PAGE = b"RIFF<html><body><script>alert(document.cookie)</script></body></html>"
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + bytes(40)

# Phone recordings: Android's MediaRecorder (MPEG_4 output, AAC) writes .m4a files with the "mp42" or "isom"
# brand; voice-quality MP3 is MPEG-2 layer III (frame sync 0xFFF3), e.g. 22.05 kHz mono.
ANDROID_M4A_MP42 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42" + bytes(60)
ANDROID_M4A_ISOM = b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00isomiso2mp41" + bytes(60)
MP3_MPEG2 = (b"\xff\xf3\x64\xc4" + bytes(140)) * 4


@pytest.mark.parametrize("data", [WAV, AVI, RIFF_PAGE], ids=["wav", "avi", "riff-page"])
def test_a_riff_file_that_is_not_webp_is_not_taken_as_a_picture(data: bytes) -> None:
    """Only a RIFF file of form WEBP is an art picture; a recording, a video or junk after "RIFF" is refused."""
    assert media.sniff(data, media.IMAGE_TYPES) is None


@pytest.mark.parametrize("data", [WEBP, AVI, RIFF_PAGE], ids=["webp", "avi", "riff-page"])
def test_a_riff_file_that_is_not_wave_is_not_taken_as_a_recording(data: bytes) -> None:
    """Only a RIFF file of form WAVE is a music recording; a picture, a video or junk after "RIFF" is refused."""
    assert media.sniff(data, media.AUDIO_TYPES) is None


@pytest.mark.django_db
def test_a_wav_recording_on_an_art_entry_is_refused_not_stored_as_webp(make_user: Any, web_as: Any) -> None:
    """A recording attached to an art entry is refused in words, never stored and shown as a broken picture."""
    web = web_as(make_user())
    upload = SimpleUploadedFile("voice.wav", WAV, content_type="audio/wav")
    response = web.post("/write/", {"kind": "art", "body": "", "attachment": upload})
    assert response.status_code == 400
    assert not Attachment.objects.filter(media_type="image/webp").exists()
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    "data", [ANDROID_M4A_MP42, ANDROID_M4A_ISOM, MP3_MPEG2], ids=["m4a-mp42", "m4a-isom", "mp3-mpeg2"]
)
def test_phone_recordings_are_taken_as_music(data: bytes) -> None:
    """An Android .m4a (mp42/isom brand) and a voice-quality MPEG-2 MP3 are recordings the music entry takes."""
    assert media.sniff(data, media.AUDIO_TYPES) in ("audio/mp4", "audio/mpeg")


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.django_db
def test_a_picture_of_absurd_dimensions_in_a_few_bytes_is_refused(make_user: Any, web_as: Any) -> None:
    """A ~70-byte PNG declaring 100,000 × 100,000 pixels (40 GB to decode in the reader's browser) is refused."""
    web = web_as(make_user())
    bomb = _png(100_000, 100_000)
    assert len(bomb) < 100
    upload = SimpleUploadedFile("harbour.png", bomb, content_type="image/png")
    response = web.post("/write/", {"kind": "art", "body": "The harbour.", "attachment": upload})
    assert response.status_code == 400
    assert not Attachment.objects.exists()


def _jpeg(width: int, height: int) -> bytes:
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8" + app0 + b"\xff\xc2" + struct.pack(">H", len(frame) + 2) + frame + b"\xff\xd9"


def _gif(screen: tuple[int, int], frame: tuple[int, int]) -> bytes:
    head = b"GIF89a" + struct.pack("<HH", *screen) + b"\x00\x00\x00"
    return head + b"\x2c" + struct.pack("<HHHH", 0, 0, *frame) + b"\x00" + b"\x02\x02\x44\x01\x00" + b"\x3b"


def _webp_vp8x(width: int, height: int) -> bytes:
    canvas = b"\x00\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 22) + b"WEBPVP8X" + struct.pack("<I", 10) + canvas


def _webp_vp8l(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    return (
        b"RIFF"
        + struct.pack("<I", 17)
        + b"WEBPVP8L"
        + struct.pack("<I", 5)
        + b"\x2f"
        + struct.pack("<I", bits)
    )


@pytest.mark.parametrize(
    ("data", "media_type", "size"),
    [
        (_png(4032, 3024), "image/png", (4032, 3024)),
        (_jpeg(4032, 3024), "image/jpeg", (4032, 3024)),
        (_gif((300, 200), (300, 200)), "image/gif", (300, 200)),
        (_gif((10, 10), (30_000, 10)), "image/gif", (30_000, 10)),  # a frame beyond its screen counts
        (_webp_vp8x(4000, 3000), "image/webp", (4000, 3000)),
        (_webp_vp8l(640, 480), "image/webp", (640, 480)),
    ],
    ids=["png", "jpeg", "gif", "gif-frame-beyond-screen", "webp-vp8x", "webp-vp8l"],
)
def test_a_picture_s_size_is_read_from_its_header(
    data: bytes, media_type: str, size: tuple[int, int]
) -> None:
    """Width and height come from the header of every allowed picture format, nothing decoded."""
    assert media.sniff(data, media.IMAGE_TYPES) == media_type
    assert media.image_size(data, media_type) == size


@pytest.mark.parametrize(
    "data",
    [_jpeg(60_000, 60_000), _gif((10, 10), (30_000, 10)), _webp_vp8x(16_000, 16_000), _png(8_000, 8_000)],
    ids=["jpeg-side", "gif-frame", "webp-pixels", "png-64-megapixels"],
)
def test_a_picture_over_the_size_limit_is_refused_in_plain_words(data: bytes) -> None:
    """Over 20,000 pixels a side or 50 megapixels in all: refused, saying the picture's size and the limit."""
    with pytest.raises(
        InvalidInput, match=r"pixels; the largest taken is 20,000 pixels a side and 50 megapixels"
    ):
        media.check_attachment("art", "picture", data)
    assert (
        media.check_attachment("art", "photo.jpg", _jpeg(4032, 3024)) == "image/jpeg"
    )  # a phone photo is taken


MP3_MPEG1 = (b"\xff\xfb\x90\x64" + bytes(413)) * 3  # 128 kbit/s, 44.1 kHz: 417-byte frames
MP3_MPEG25 = (b"\xff\xe3\x18\xc4" + bytes(68)) * 3  # MPEG-2.5 layer III, 8 kbit/s, 8 kHz: 72-byte frames
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"
MATROSKA = WEBM.replace(b"\x84webm", b"\x88matroska")


@pytest.mark.parametrize(
    ("data", "expected"),
    [(MP3_MPEG1, "audio/mpeg"), (MP3_MPEG25, "audio/mpeg"), (WEBM + bytes(40), "audio/webm")],
    ids=["mp3-mpeg1", "mp3-mpeg2.5", "webm"],
)
def test_other_recordings_are_taken_by_their_structure(data: bytes, expected: str) -> None:
    assert media.sniff(data, media.AUDIO_TYPES) == expected


@pytest.mark.parametrize(
    "data",
    [
        MATROSKA + bytes(40),  # a Matroska video is not a WebM recording
        b"\xff\xf1\x50\x80" + bytes(60),  # ADTS sync with MPEG audio's reserved layer
        b"\xff\xfb\xf0\x64" + bytes(60),  # a forbidden bitrate
        b"\xff\xfb\x90\x64"
        + bytes(413)
        + b"<html>",  # one frame header, then no frame where the next must be
        b"\x00\x00\x00\x18ftypqt  \x00\x00\x00\x00qt  " + bytes(40),  # QuickTime, no audio brand
        b"OggS\x01" + bytes(60),  # an Ogg stream version that does not exist
    ],
    ids=["matroska", "adts-reserved-layer", "bad-bitrate", "no-second-frame", "quicktime", "ogg-version"],
)
def test_near_misses_are_not_taken_as_recordings(data: bytes) -> None:
    assert media.sniff(data, media.AUDIO_TYPES) is None
