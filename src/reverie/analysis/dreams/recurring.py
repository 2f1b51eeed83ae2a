"""Elements that recur across a dream series: characters, settings, emotions and interactions, with counts
and the dreams they appear in."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reverie.analysis.dreams.codes import (
    EMOTION_NAMES,
    SETTING_FAMILIARITY,
    Character,
    DreamCoding,
    Interaction,
)

_SETTING_WORDS = {"I": "indoor", "O": "outdoor", "A": "ambiguous"}
_FAMILIARITY_WORDS = SETTING_FAMILIARITY  # the one table of familiarity words (codes.setting_words)


@dataclass(frozen=True, slots=True)
class RecurringElement:
    kind: str  # "character", "setting", "emotion", "interaction"
    label: str
    count: int  # dreams it appears in
    dream_ids: tuple[str, ...]


def recurring_elements(codings: Sequence[DreamCoding], *, min_dreams: int = 2) -> list[RecurringElement]:
    """Elements found in at least ``min_dreams`` dreams, most frequent first. A dream without an id is
    named by its position in the series (``#1``, ``#2`` …)."""
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for position, coding in enumerate(codings, start=1):
        dream_id = coding.dream_id or f"#{position}"
        for key in sorted(set(_elements(coding))):
            seen[key].append(dream_id)
    found = [
        RecurringElement(kind, label, len(ids), tuple(ids))
        for (kind, label), ids in seen.items()
        if len(ids) >= min_dreams
    ]
    return sorted(found, key=lambda e: (-e.count, e.kind, e.label))


def _elements(coding: DreamCoding) -> Iterable[tuple[str, str]]:
    for c in coding.characters:
        yield "character", character_label(c)
    for s in coding.settings:
        if s.location != "N":
            words = [_FAMILIARITY_WORDS.get(s.familiarity, ""), _SETTING_WORDS.get(s.location, "")]
            yield "setting", " ".join(w for w in words if w) + " setting"
    for e in coding.emotions:
        who = "dreamer" if e.dreamer_feels else "another character"
        yield "emotion", f"{EMOTION_NAMES.get(e.code, e.code)} ({who})"
    for i in coding.interactions:
        yield "interaction", interaction_label(i)


def character_label(c: Character) -> str:
    """The words for a character when known (``mother``, ``Anna``), else its code."""
    return c.label.lower() if c.label else c.code


# The dreamer's role in an interaction, in the coder's words (the label ``interaction_label`` writes, which the
# analysis and its tests read) and in a person's words (what a page shows). One table: a page never matches the
# coder's phrases by copies of its own, so changing a phrase here cannot leave the coder's words on a page.
ROLE_WORDS: dict[str, tuple[str, str]] = {
    "initiator": ("by the dreamer", "by you"),
    "recipient": ("toward the dreamer", "toward you"),
    "mutual": ("mutual, with the dreamer", "both ways, with you"),
    "self": ("by the dreamer", "by you"),
    "witness": ("between others", "between other people"),
}


def interaction_label(i: Interaction) -> str:
    return f"{i.kind} {ROLE_WORDS[i.dreamer_role][0]}"


def interaction_in_words(label: str) -> str:
    """An ``interaction_label`` with the dreamer's role in a person's words ("aggression toward the dreamer" →
    "aggression toward you"); a label without a known role is returned as it is."""
    for coded, plain in sorted(ROLE_WORDS.values(), key=lambda pair: -len(pair[0])):
        if label == coded or label.endswith(f" {coded}"):
            return label[: len(label) - len(coded)] + plain
    return label


# A dream the person says came back (review r134 fault 8): only from their own tag or their own words, never read
# into a dream from its contents. The tag, in any case, with or without "#", "-" or "_": "recurring", "Recurring
# dream", "#recurrent".
CAME_BACK_TAGS = frozenset({"recurring", "recurrent", "recurring dream", "recurrent dream"})
CAME_BACK_WORDS = re.compile(
    r"\b(?:(?:the |that |this )?same dream (?:again|once more|as before)"
    r"|(?:had|have|having|dreamt|dreamed) (?:the|that) same dream"
    r"|(?:had|have|having|dreamt|dreamed|dream) (?:that|this|the|my|the same)(?: \w+)? dream again"
    r"|that dream again"
    r"|recurr(?:ing|ent) dream)\b",
    re.IGNORECASE,
)
# Words in the few before a phrase that keep it from saying the dream came back: a denial ("I haven't had that dream
# again"), a fear or a wish about the future ("I hope I never have that dream again"), a question ("Was it the same
# dream?" is read only to its question mark, so it reads as not said).
_NOT_SAID = frozenset(
    {
        "not", "no", "never", "nor", "without", "hope", "hoping", "afraid", "scared", "worried", "fear", "if",
        "might", "may", "will", "would", "could", "want", "wish", "whether", "unless", "longer",
    }
)  # fmt: skip
_BEFORE = 5


def came_back(text: str, tags: Iterable[str]) -> str:
    """How the person said this dream came back: ``"tag"`` (a tag "recurring", any case), the words they wrote
    ("had that dream again", "the same dream again", "my recurring dream"), or "" when they said neither. It
    abstains where the phrase is denied, feared or wished in the same sentence ("I hope I never have that dream
    again", "it wasn't the same dream"), and where it is asked ("the same dream again?")."""
    for tag in tags:
        if " ".join(re.sub(r"[#_\-]+", " ", tag).lower().split()) in CAME_BACK_TAGS:
            return "tag"
    for found in CAME_BACK_WORDS.finditer(text):
        start = max(text.rfind(stop, 0, found.start()) for stop in ".!?;\n")
        before = re.findall(r"[\w']+", text[start + 1 : found.start()].lower())[-_BEFORE:]
        if any(word in _NOT_SAID or word.endswith("n't") or word.endswith("'ll") for word in before):
            continue
        if text[found.end() : found.end() + 2].lstrip().startswith("?"):
            continue
        return " ".join(found.group(0).split())
    return ""
