"""Art and music attachments: accepted types, checked by their first bytes, and size limits."""

from __future__ import annotations

from django.conf import settings

from reverie.errors import InvalidInput

# media type -> magic-byte checks (offset, bytes)
IMAGE_TYPES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "image/png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "image/jpeg": ((0, b"\xff\xd8\xff"),),
    "image/gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    "image/webp": ((8, b"WEBP"),),
}
AUDIO_TYPES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "audio/mpeg": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")),
    "audio/ogg": ((0, b"OggS"),),
    "audio/wav": ((8, b"WAVE"),),
    "audio/flac": ((0, b"fLaC"),),
    "audio/mp4": ((4, b"ftyp"),),
    "audio/webm": ((0, b"\x1a\x45\xdf\xa3"),),
}
ALLOWED = {"art": IMAGE_TYPES, "music": AUDIO_TYPES}
MAX_NAME_CHARS = 200


def sniff(data: bytes, table: dict[str, tuple[tuple[int, bytes], ...]]) -> str | None:
    for media_type, checks in table.items():
        if any(data[offset : offset + len(magic)] == magic for offset, magic in checks):
            return media_type
    return None


def check_attachment(kind: str, filename: str, media_type: str, data: bytes) -> str:
    """Return the media type detected from the bytes, or raise :class:`InvalidInput`."""
    table = ALLOWED.get(kind)
    if table is None:
        raise InvalidInput("Only art and music entries take attachments.")
    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    if not data:
        raise InvalidInput("The attached file is empty.")
    if len(data) > limit:
        raise InvalidInput(f"The attached file is {len(data):,} bytes; the limit is {limit:,}.")
    if not filename or len(filename) > MAX_NAME_CHARS:
        raise InvalidInput(f"The file needs a name of 1–{MAX_NAME_CHARS} characters.")
    detected = sniff(data, table)
    wanted = (
        "an image (PNG, JPEG, GIF, WebP)" if kind == "art" else "a recording (MP3, Ogg, WAV, FLAC, M4A, WebM)"
    )
    if detected is None:
        raise InvalidInput(f"That file is not {wanted}.")
    if media_type and media_type != detected and media_type != "application/octet-stream":
        raise InvalidInput(f"The file says it is {media_type[:60]} but its content is {detected}.")
    return detected
