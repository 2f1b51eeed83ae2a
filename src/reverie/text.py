"""Text from a person: the one check of free text for every surface (the API's schemas, the web's forms, the
services), and the one decoding of text handed over in a file.

The one rule for an empty text (:func:`is_blank`: only white space); any other text is kept as typed.

Pure: no Django. Text that cannot be encoded as UTF-8 (a lone surrogate, which JSON's ``\\ud800`` escape can carry)
and text with a NUL character (which no database column and no sealed JSON keeps) are refused in words that never
quote what was sent.
"""

from __future__ import annotations

import unicodedata

from reverie.errors import InvalidInput

NOT_TEXT = "contains characters that are not valid text (malformed UTF-8)"
HAS_NUL = "contains a NUL character"


def not_utf8(value: str) -> bool:
    """True when ``value`` cannot be encoded as UTF-8 (a lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def problem(value: str) -> str | None:
    """What is wrong with ``value`` as text (words to follow "The title …"), or ``None`` when nothing is."""
    if not_utf8(value):
        return NOT_TEXT
    if "\x00" in value:
        return HAS_NUL
    return None


def is_blank(value: str) -> bool:
    """True when ``value`` holds nothing but white space (spaces, tabs, line breaks): the one rule for an "empty"
    text. A text that is not blank is kept exactly as typed, its leading indentation and trailing spaces too (a poem,
    a dream's indented lines): no surface strips a person's writing (the web's forms use ``strip=False``)."""
    return not value.strip()


def check_text(value: str, what: str) -> str:
    """``value`` unchanged when it is text a person could have typed; otherwise :class:`InvalidInput` naming
    ``what`` ("entry", "goal title"), never quoting the value."""
    found = problem(value)
    if found is not None:
        raise InvalidInput(f"The {what} {found}.")
    return value


def check_label(value: str, what: str) -> str:
    """:func:`check_text`, then the one Unicode form (NFC) for a short text a person names something by: a title, a
    person, a tag, a feeling. "café" typed composed (U+00E9) or decomposed ("e" + U+0301, pasted from some apps) is
    then one word: the same feeling twice is "listed twice", a search finds either (review r64). An entry's own
    words are never changed (:func:`check_text` alone); search compares them through :func:`folded`."""
    return unicodedata.normalize("NFC", check_text(value, what))


# What a search reads as one character (review r126). Variation selectors 15 and 16 (the text or emoji look of the
# character before them, "❤" and "❤️", never a letter) are left out. A keyboard's typographic apostrophes, quotes and
# dashes are their plain forms: a phone types "didn’t" (U+2019, iOS Smart Punctuation, many Android keyboards), a
# laptop and the API's clients "didn't", and a word processor's pasted text “quotes” and – or — dashes.
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u02bc\u2032"  # ‘ ’ ‚ ‛ ʼ ′ → '
_QUOTES = "\u201c\u201d\u201e\u201f\u2033"  # “ ” „ ‟ ″ → "
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # ‐ ‑ ‒ – — ― − → -
_SEARCHED_ALIKE = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_QUOTES, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys("\ufe0e\ufe0f"),
    }
)


def folded(value: str) -> str:
    """The one form in which a search compares text (the web's, the API's and the command line's, on both sides):
    NFC, then case-folded (``"CAFE\u0301"`` and ``"café"`` alike); every run of white space (spaces, tabs, a line
    break, the ``\r\n`` a browser's text box sends) is one space, and none at either end, so words split over two
    lines are found as typed on one (review r68); an emoji's presentation selector (U+FE0F, U+FE0E) is left out, so
    "❤️" and "❤" are one; a typographic apostrophe, quote or dash is its plain form (``_SEARCHED_ALIKE``: "didn’t"
    and "didn't" alike, “ ” and ", – and — and -, review r126).

    Nothing folded is stored: a search opens each entry in memory and folds it there, as it folds the words
    searched for (``journal._haystack``), so a change of this folding reaches every entry already saved at once,
    with nothing to migrate or re-encrypt."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", value).casefold())
    return " ".join(text.translate(_SEARCHED_ALIKE).split())


def decoded(raw: bytes) -> str:
    """``raw`` as UTF-8 text without the byte-order mark an editor (Windows Notepad) may put first; raises
    :class:`UnicodeDecodeError` for bytes that are not UTF-8, for the caller to say so in its own words.

    The one decoding for every text a person hands over in a file: ``journal write -f``, ``journal import``, the
    editor's file of ``journal write``, and the text analysed from the command line."""
    return bytes(raw).decode("utf-8-sig")


# What a person is told of text their editor saved in an encoding that is not UTF-8 (nor unambiguous UTF-16): kept as
# its bytes, never read as a guess, saved only in the encoding they choose (h103, review r86).
NOT_UTF8 = (
    "It is not UTF-8 text (your editor saved it in another encoding), and Reverie does not guess which: see how it"
    " reads with `reverie journal recover --show NUMBER` (add `--encoding NAME` to read it as you say, e.g. cp1251"
    " for Russian), then save it with `reverie journal recover NUMBER --encoding NAME`."
)


def decoded_western(raw: bytes) -> str:
    """``raw`` read as Western European text: Windows-1252, else Latin-1 where a byte has no Windows-1252
    character. Never raises. Only a *reading* shown to the person beside others (`journal recover --show`): a guess,
    never saved without their word (h103)."""
    try:
        return bytes(raw).decode("cp1252")
    except UnicodeDecodeError:
        return bytes(raw).decode("latin-1")


def decoded_utf16(raw: bytes) -> str | None:
    """``raw`` as UTF-16 text where that is unambiguous, else None: a byte-order mark (``FF FE``, ``FE FF``), or
    none and the pattern a UTF-16 text of mostly Latin letters has, zero bytes all in the even or all in the odd
    places (Windows' "Unicode" Notepad). The text must then read strictly, with no NUL and no control character
    but tab and line breaks. Text in one of the old 8-bit encodings never holds a zero byte, so it is never taken
    for UTF-16; anything else is left for the person to choose (:data:`NOT_UTF8`)."""
    data = bytes(raw)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"  # the mark says the order, and is dropped
    elif len(data) % 2 or 0 not in data:
        return None
    else:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        if even and odd:
            return None
        codec = "utf-16-le" if odd else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        return None
    return text


def read_typed(raw: bytes, encoding: str | None = None) -> str | None:
    """Text a person typed in their editor: UTF-16 where unambiguous (:func:`decoded_utf16`), else UTF-8
    (:func:`decoded`), else None: the bytes are kept as they are for the person to choose how they read.
    With ``encoding`` (the person's choice): read so, strictly; raises :class:`UnicodeDecodeError` for bytes that
    are not text in it and :class:`LookupError` for a name that is no text encoding ("base64" too)."""
    if encoding is not None:
        text = bytes(raw).decode(encoding)
        return text.removeprefix("\ufeff")
    utf16 = decoded_utf16(raw)  # before UTF-8: "hi" in UTF-16 is "h\0i\0", valid UTF-8 with NULs in it
    if utf16 is not None:
        return utf16
    try:
        return decoded(raw)
    except UnicodeDecodeError:
        return None


def one_line_ending(text: str) -> str:
    """``text`` with every line ending as ``\\n``: Windows' ``\\r\\n``, the old Mac's lone ``\\r`` and a file that mixes
    them read alike. The one line splitting of a journal file handed over (``journal import``'s jrnl text, on the
    command line, the web and the API alike): whatever splits it into entries or lines does so after this."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def file_size_words(size: int) -> str:
    """A size as a person reads it: "10 MB", "10.5 MB", "4 KB", "900 bytes" (1 MB = 1,048,576 bytes, as file
    managers count)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


def counted(n: int, one: str, many: str) -> str:
    """'1 entry', '3 entries': a count with its noun, singular or plural (the one place for this)."""
    return f"{n} {one if n == 1 else many}"
