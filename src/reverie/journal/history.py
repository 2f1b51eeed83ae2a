"""Pure: an entry's versions in plain words, each beside the one after it: what each version held and which of its
parts the next version changed (the "Earlier versions" page).

A version is given as its parts, already in words (:func:`parts`): the date as the reader reads it, each feeling as
"anger 5/5", each list joined. :func:`compare` then marks the parts the next version changed. No field key ever
reaches the reader: each part carries its label (``LABELS``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Every part of an entry a version may hold, in the order the page shows them, with the words a person reads.
LABELS: dict[str, str] = {
    "title": "Title",
    "happened_at": "When it happened",
    "feelings": "Feelings",
    "body": "Text",
    "situation": "The situation",
    "urge": "The reflexive urge",
    "choice": "The choice I made",
    "people": "People",
    "tags": "Tags",
    "place": "Place",
    "weather": "Weather",
    "time_zone": "Time zone",
}
LONG = frozenset({"body", "situation", "urge", "choice"})  # shown as paragraphs
NOT_KEPT = "not kept with this version"  # the date of a version saved before dates were kept with it


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a version in words: ``label`` (never a key), ``text`` ("" when the version left it empty),
    ``changed``: the next version holds something else there."""

    key: str
    label: str
    text: str
    changed: bool = False

    @property
    def long(self) -> bool:
        return self.key in LONG


@dataclass(frozen=True, slots=True)
class Compared:
    """One version's parts to show (those it held and those the next one changed) and the labels of the changed
    ones, in the page's order; ``only_text``: only its text was kept, so only that is compared."""

    parts: tuple[Part, ...]
    changed: tuple[str, ...]
    only_text: bool = False


def parts(
    *,
    title: str = "",
    body: str = "",
    feelings: Iterable[tuple[str, int]] = (),
    people: Iterable[str] = (),
    tags: Iterable[str] = (),
    extra: Mapping[str, str] | None = None,
    when: str | None = None,
) -> dict[str, str]:
    """A version's parts in words, by key: every part of ``LABELS`` (empty where the version held nothing).
    ``when``: the date it gave, as the reader reads it; None where it was not kept (``NOT_KEPT``)."""
    fields = dict(extra or {})
    words = {
        "title": title,
        "happened_at": NOT_KEPT if when is None else when,
        "feelings": ", ".join(f"{name} {strength}/5" for name, strength in feelings),
        "body": body,
        "people": ", ".join(people),
        "tags": ", ".join(tags),
    }
    return {key: words.get(key, fields.get(key, "")) for key in LABELS}


def compare(
    older: Mapping[str, str],
    newer: Mapping[str, str],
    *,
    only_text: bool = False,
    next_only_text: bool = False,
) -> Compared:
    """``older`` beside the version after it (``newer``; both from :func:`parts`): the parts to show and which
    changed. ``only_text``: the older version's text alone was kept: only that is shown. Only what both versions
    kept is compared (``next_only_text``: the newer one kept its text alone; a date not kept is never counted as
    changed: nothing is known of it)."""
    keys: Sequence[str] = ("body",) if only_text else tuple(LABELS)
    shown: list[Part] = []
    for key in keys:
        text, then = older.get(key, ""), newer.get(key, "")
        known = (key == "body" or not next_only_text) and NOT_KEPT not in (text, then)
        changed = known and text != then
        if text or changed:
            shown.append(Part(key, LABELS[key], text, changed))
    return Compared(tuple(shown), tuple(p.label for p in shown if p.changed), only_text)


def changed_words(labels: Sequence[str]) -> str:
    """The labels of changed parts as the end of a sentence: "title, feelings and the choice I made"."""
    words = [label[:1].lower() + label[1:] for label in labels]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
