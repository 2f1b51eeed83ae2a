"""The kinds of journal entry and the words a person reads for each: the one table (``EntryKind`` takes its labels
from here, the web form and the command line show them), and the same for an entry's other fields
(:data:`FIELD_WORDS`). Pure: no Django, so ``reverie --help`` can list them."""

from __future__ import annotations

import re

from reverie.errors import InvalidInput
from reverie.text import file_size_words

KIND_WORDS: dict[str, str] = {
    "free_association": "Free association",
    "dream": "Dream",
    "daydream": "Daydream or fantasy",
    "reflection": "Reflection",
    "mindful_choice": "Mindful choice",
    "art": "Art",
    "music": "Music",
}
KINDS = tuple(KIND_WORDS)

# An entry's other fields (``extra``: a mindful choice's three parts, and where a Day One entry was written) as a
# person reads them: the write form's labels, the entry page, the Markdown export and ``journal recover --show`` all
# read this one table (review r126: never the stored key, "urge" or "Time_zone").
FIELD_WORDS: dict[str, str] = {
    "situation": "The situation",
    "urge": "The reflexive urge",
    "choice": "The choice I made",
    "place": "Place",
    "weather": "Weather",
    "time_zone": "Time zone",
}


def field_words(key: str) -> str:
    """The label of an entry's field ``key``; a key the table lacks (none is stored today) in words all the same."""
    return FIELD_WORDS.get(key) or key.replace("_", " ").capitalize()


# A file of an entry as a person names it, by the first part of its media type: never "image/jpeg".
FILE_WORDS: dict[str, str] = {"image": "picture", "audio": "recording"}


def file_word(media_type: str) -> str:
    """ "picture", "recording", or "file" for anything else (a type stored before sniffing)."""
    return FILE_WORDS.get(media_type.partition("/")[0], "file")


# A name a camera or phone gives a photo: a maker's prefix, then a date, a time or a count (IMG_20260312_021455,
# PXL_20260312_021455123.MP, DSC_0042, 20260312_021455): it says nothing of the picture, so it is never alt text.
_CAMERA_PREFIX = re.compile(
    r"^(?:img|dsc[nf]?|pxl|mvimg|pano|vid|photo|image|screenshot|p)?[ _-]*", re.IGNORECASE
)
PICTURE_ALT = "Picture attached to this entry"


def file_stem(filename: str) -> str:
    """A file's name as a picture's alt text shows it: its extension (the last dot and what follows) taken off."""
    return filename.rsplit(".", 1)[0] if "." in filename else filename


def camera_like(filename: str) -> bool:
    """Whether ``filename`` is a name a camera made (its stem, less a maker's prefix, has no word of 3 letters)."""
    rest = _CAMERA_PREFIX.sub("", file_stem(filename), count=1)
    return re.search(r"[^\W\d_]{3}", rest) is None


def picture_alt(filename: str) -> str:
    """A picture's alt text: "Picture attached to this entry", with the name the person gave it ("harbour at
    night") but never a camera's (``IMG_20260312_021455.jpg``) and never the entry's own words."""
    if camera_like(filename):
        return PICTURE_ALT
    return f"{PICTURE_ALT}: {file_stem(filename).strip() or filename}"


def file_words(filename: str, media_type: str, size: int) -> str:
    """``harbour at night.jpg (picture, 632 bytes)``: a file's name, kind and size in plain words."""
    return f"{filename} ({file_word(media_type)}, {file_size_words(size)})"


def _typed(code: str) -> str:
    return code.replace("_", " ")


def _other_words(code: str) -> tuple[str, ...]:
    """The other words a kind's label offers for it: "Daydream or fantasy" → ("fantasy",)."""
    rest = KIND_WORDS[code].lower().removeprefix(_typed(code)).strip()
    return tuple(word.strip() for word in rest.removeprefix("or ").split(" or ") if word.strip())


def kinds_in_words() -> str:
    """The kinds as a person types them: "free association, dream, daydream (or fantasy), …, art or music". Every
    word shown here is accepted by :func:`kind_from` (the same table says both)."""
    words = []
    for code in KIND_WORDS:
        others = " or ".join(_other_words(code))
        words.append(f"{_typed(code)} (or {others})" if others else _typed(code))
    return ", ".join(words[:-1]) + f" or {words[-1]}"


def unknown_kind() -> InvalidInput:
    """The refusal of a kind that is none of these, naming the kinds as the Kind list shows them ("Free
    association, Dream, …"), never their codes (review r68): for a kind given in an address or a form."""
    return InvalidInput(f"Unknown entry kind. Choose one of: {', '.join(KIND_WORDS.values())}.")


def kind_from(raw: str) -> str:
    """The kind's code for what a person typed: its code, its words, its label or any other word its label offers,
    in any case ("free association", "free-association", "Daydream or fantasy", "fantasy"); :class:`InvalidInput`
    naming the accepted kinds otherwise."""
    said = " ".join(raw.replace("_", " ").replace("-", " ").lower().split())
    for code, label in KIND_WORDS.items():
        if said in (_typed(code), label.lower(), *_other_words(code)):
            return code
    raise InvalidInput(f"Unknown entry kind. Choose one of: {kinds_in_words()}.")
