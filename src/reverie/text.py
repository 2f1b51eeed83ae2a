"""Text read from a file, a pipe or an editor's file: UTF-8, with a leading byte-order mark dropped."""

from __future__ import annotations


def decoded(raw: bytes) -> str:
    """``raw`` as UTF-8 text without the byte-order mark an editor (Windows Notepad) may put first; raises
    :class:`UnicodeDecodeError` for bytes that are not UTF-8, for the caller to say so in its own words.

    The one decoding for every text a person hands over in a file: ``journal write -f``, ``journal import``, the
    editor's file of ``journal write``, and the text analysed from the command line."""
    return bytes(raw).decode("utf-8-sig")
