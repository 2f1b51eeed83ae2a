"""Art and music attachments: the type is sniffed from the content, never taken from the browser; allow-list; sizes.

The bytes are identified with ``puremagic`` (a maintained signature database). Only the types below are accepted,
by entry kind: images for art, recordings for music (no SVG or other scriptable formats). What is stored and later
served is the sniffed, canonical media type; the ``Content-Type`` a browser or an import claimed is ignored.
"""

from __future__ import annotations

import puremagic
from django.conf import settings

from reverie.errors import InvalidInput

# file extension puremagic reports -> the canonical media type Reverie stores and serves
IMAGE_TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jpe": "image/jpeg",
    ".jfif": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
AUDIO_TYPES: dict[str, str] = {
    ".mp3": "audio/mpeg",
    ".mpga": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".m4a": "audio/mp4",
    ".f4a": "audio/mp4",
    ".webm": "audio/webm",
}
ALLOWED = {"art": IMAGE_TYPES, "music": AUDIO_TYPES}
SERVABLE = frozenset(IMAGE_TYPES.values()) | frozenset(AUDIO_TYPES.values())
WANTED = {
    "art": "an image (PNG, JPEG, GIF, WebP)",
    "music": "a recording (MP3, Ogg, WAV, FLAC, M4A, WebM)",
}
MAX_NAME_CHARS = 200


def sniff(data: bytes, table: dict[str, str]) -> str | None:
    """The canonical media type of ``data`` if its content is one of ``table``'s kinds, else None."""
    try:
        matches = puremagic.magic_string(data)
    except (puremagic.PureError, ValueError):
        return None
    for match in matches:  # most confident first
        media_type = table.get(str(match.extension).lower())
        if media_type is not None:
            return media_type
    return None


def check_size(size: int) -> None:
    """Raise the plain refusal for a file over the attachment limit (however large: it may not even have been kept)."""
    limit = int(settings.REVERIE["REVERIE_MAX_ATTACHMENT_BYTES"])
    if size > limit:
        said, most = file_size_words(size), file_size_words(limit)
        over = f"just over the limit of {most}" if said == most else f"{said}; the limit is {most}"
        raise InvalidInput(f"The attached file is {over}. Nothing was saved.")


def file_size_words(size: int) -> str:
    """A size as a person reads it: "10 MB", "10.5 MB", "4 KB", "900 bytes" (1 MB = 1,048,576 bytes, as file
    managers count)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


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
        raise InvalidInput(f"That file is not {WANTED[kind]}, judging by its content. Nothing was saved.")
    return detected


def served_type(stored: str) -> str:
    """The type to serve a stored attachment with: attachments stored before sniffing fall back to bytes."""
    return stored if stored in SERVABLE else "application/octet-stream"
