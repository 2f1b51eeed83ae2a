"""The kinds of journal entry and the words a person reads for each: the one table (``EntryKind`` takes its labels
from here, the web form and the command line show them). Pure: no Django, so ``reverie --help`` can list them."""

from __future__ import annotations

from reverie.errors import InvalidInput

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
