"""Pure: a first-person reading of journal text told in an unusual way, for the episode rules (episodes 1.5.0).

Two ways of telling defeat rules written for "I … my …" diary prose:

- **Dictated text** with its punctuation spoken as words ("told my therapist today period she said fine comma
  …"): the spoken marks become the marks they name, so the text splits into sentences.
- **Second-person narration** ("You walk into your father's room and he looks right past you."): in a journal
  text (never a session, where "you" is the therapist) whose narrator is "you" (at least two sentences open with
  "you"/"your", "you"-words at least three times as frequent as "I"-words and at least four of them), "you" is
  read as the writer: "you" becomes "I" before a verb or at a sentence's start and "me" elsewhere, "your" "my",
  "yourself" "myself", "you're" "I'm". A letter to someone ("You never listened to me. I …") keeps its "you".

:func:`first_person` returns the rewritten text with a map back to the original's offsets, or None when the
text reads as it is. Nothing here stores or logs text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from reverie.analysis.findings import Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SPOKEN: Final = re.compile(
    r"\s*\b(?:(full stop|period|new line|new paragraph)|(comma)|(exclamation mark|exclamation point)"
    r"|(question mark))\b",
    re.IGNORECASE,
)
_MIN_SPOKEN: Final = 2  # spoken marks needed before a text counts as dictated
_WORD: Final = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_YOU: Final = frozenset({"you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"})
_I: Final = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
_SENTENCE_OPENER: Final = re.compile(r"(?:^|[.!?]\s+)[\"'“]?(?:you|your)\b", re.IGNORECASE)
_QUOTED: Final = re.compile(r"[\"“][^\"”]*[\"”]")
# After these words "you" is an object ("looks right past you", "tells you"): unless a verb follows.
_SUBJECT_NEXT: Final = _words(
    "am are were was do did don't didn't can can't could couldn't will won't would wouldn't should shouldn't "
    "have has had haven't hasn't hadn't must might may just still never always really only then also both"
)
_OBJECT_BEFORE: Final = _words(
    "to at for with past about on of from like than behind over into onto after before without towards toward "
    "around near by against under beside"
)
_OBJECT_VERBS: Final = _words(
    "thank tell ask give let make see call love hate want need help show hear meet get find leave keep take "
    "told asked gave let made saw called left kept took found met heard"
)
_SUBJECT_BEFORE: Final = _words(
    "and but so then when while because if as that until before after once though although since where or "
    "till"
)
_REPLACE: Final = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """The rewritten text and, per rewritten piece, where it starts in the new and in the original text."""

    text: str
    starts: tuple[int, ...]  # offsets in ``text`` where a piece starts
    origins: tuple[tuple[int, int, int], ...]  # per piece: original start, original end, new length

    def original(self, span: Span) -> Span:
        """``span`` of the rewritten text as offsets of the original text."""
        return Span(self._at(span.start, end=False), self._at(span.end, end=True))

    def _at(self, offset: int, *, end: bool) -> int:
        k = max(0, bisect_right(self.starts, offset) - 1)
        if end and k > 0 and offset == self.starts[k]:
            k -= 1  # an end at a piece's start belongs to the piece before
        start, stop, length = self.origins[k]
        inside = offset - self.starts[k]
        if stop - start == length:  # an unchanged piece
            return start + inside
        return stop if end or inside >= length else start


def first_person(text: str, kind: str) -> Reading | None:
    """A first-person, punctuated reading of ``text`` when it is dictated or told in the second person."""
    pieces: list[tuple[int, int, str]] = []  # original start, end, new text (changed pieces only)
    dictated = kind != "session" and len(_SPOKEN.findall(text)) >= _MIN_SPOKEN
    if dictated:
        pieces.extend(_punctuation(text))
    if kind == "journal" and _second_person(text):
        pieces.extend(_pronouns(text, {start for start, _, _ in pieces}))
    if not pieces:
        return None
    pieces.sort()
    new: list[str] = []
    starts: list[int] = []
    origins: list[tuple[int, int, int]] = []
    at, length = 0, 0
    for start, end, replacement in pieces:
        if start < at:
            continue  # overlapping pieces: the first wins
        if start > at:
            starts.append(length)
            origins.append((at, start, start - at))
            new.append(text[at:start])
            length += start - at
        starts.append(length)
        origins.append((start, end, len(replacement)))
        new.append(replacement)
        length += len(replacement)
        at = end
    starts.append(length)
    origins.append((at, len(text), len(text) - at))
    new.append(text[at:])
    return Reading("".join(new), tuple(starts), tuple(origins))


def _punctuation(text: str) -> list[tuple[int, int, str]]:
    """Spoken marks as marks; the word after a sentence mark gets a capital (a change of one letter)."""
    out: list[tuple[int, int, str]] = []
    for match in _SPOKEN.finditer(text):
        mark = "." if match.group(1) else "," if match.group(2) else "!" if match.group(3) else "?"
        out.append((match.start(), match.end(), mark))
        if mark != ",":
            following = re.compile(r"\s+([a-z])").match(text, match.end())
            if following is not None:
                out.append((following.start(1), following.end(1), following.group(1).upper()))
    return out


def _second_person(text: str) -> bool:
    bare = _QUOTED.sub(" ", text)
    words = [w.lower().replace("’", "'") for w in _WORD.findall(bare)]
    you = sum(w in _YOU for w in words)
    me = sum(w in _I for w in words)
    return len(_SENTENCE_OPENER.findall(bare)) >= 2 and you >= 4 and you >= 3 * me


def _pronouns(text: str, taken: set[int]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    matches = list(_WORD.finditer(text))
    for k, match in enumerate(matches):
        word = match.group().lower().replace("’", "'")
        if word not in _YOU or match.start() in taken:
            continue
        replacement = _REPLACE.get(word) or ("I" if _subject(text, matches, k) else "me")
        if match.group()[0].isupper() and replacement != "I":
            replacement = replacement[0].upper() + replacement[1:]
        out.append((match.start(), match.end(), replacement))
    return out


def _subject(text: str, matches: list[re.Match[str]], k: int) -> bool:
    """Whether "you" is a subject: at a sentence's start, after a conjunction, or before a verb-like word."""
    before = text[matches[k - 1].end() : matches[k].start()] if k else ""
    if k == 0 or re.search(r"[.!?;:]", before):
        return True
    previous = matches[k - 1].group().lower()
    following = matches[k + 1].group().lower() if k + 1 < len(matches) else ""
    if following in _SUBJECT_NEXT or previous in _SUBJECT_BEFORE or "," in before:
        return True
    return not (previous in _OBJECT_BEFORE or previous in _OBJECT_VERBS or previous.endswith(("s", "ed")))
