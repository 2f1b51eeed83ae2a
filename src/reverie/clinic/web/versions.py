"""The "Earlier versions" page's words: each kept version of one's own entry beside the one after it (the current
entry last), through the pure comparison of :mod:`reverie.journal.history`, dates read in the reader's zone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.template.defaultfilters import date as date_words

from reverie.clinic.services.journal import EarlierVersion, EntryView
from reverie.clinic.services.local_time import shown
from reverie.journal.history import NOT_KEPT, Compared, changed_words, compare, parts

WHEN = "j M Y, H:i"  # as the entry page shows a date


@dataclass(frozen=True, slots=True)
class ShownVersion:
    """One earlier version on the page: its number, when it was saved, its parts and a sentence on what the next
    version (``next_number``; ``next_is_current``: the entry as it is now) changed."""

    number: int
    saved_at: datetime
    compared: Compared
    next_number: int
    next_is_current: bool
    summary: str


def _when(at: datetime | None) -> str | None:
    return None if at is None else str(date_words(shown(at), WHEN))  # in the reader's zone, as the entry page


def _parts_of(version: EarlierVersion | EntryView) -> dict[str, str]:
    if isinstance(version, EntryView):
        when = f"a date out of range (saved as {version.stored_date})" if version.date_out_of_range else None
        at: str | None = when or _when(version.happened_at)
    else:
        at = _when(version.happened_at)
    return parts(
        title=version.title,
        body=version.body,
        feelings=((f.name, f.intensity) for f in version.feelings),
        people=version.people,
        tags=version.tags,
        extra=version.extra,
        when=at,
    )


def _summary(
    compared: Compared, older: dict[str, str], newer: dict[str, str], later: str, files: bool
) -> str:
    if compared.changed:
        return f"Changed in {later}: {changed_words(compared.changed)}."
    if compared.only_text:
        return f"Its text is the same in {later}."
    if NOT_KEPT in (older["happened_at"], newer["happened_at"]):
        return (
            f"What it held is the same in {later}, apart perhaps from its date, which was not kept with it."
        )
    if files:
        return f"What it held is the same in {later}: a picture or recording was added or removed."
    return f"What it held is the same in {later}."


def shown_versions(entry: EntryView, earlier: Sequence[EarlierVersion]) -> list[ShownVersion]:
    """Each earlier version of ``entry`` (oldest first) with its parts in words and what the next one changed."""
    files = entry.kind in ("art", "music")
    out = []
    for index, version in enumerate(earlier):
        newer: EarlierVersion | EntryView = earlier[index + 1] if index + 1 < len(earlier) else entry
        next_number = newer.number if isinstance(newer, EarlierVersion) else entry.revision
        is_current = isinstance(newer, EntryView)
        later = f"version {next_number}" + (", the current one" if is_current else "")
        older_parts, newer_parts = _parts_of(version), _parts_of(newer)
        next_only_text = isinstance(newer, EarlierVersion) and newer.only_text
        compared = compare(
            older_parts, newer_parts, only_text=version.only_text, next_only_text=next_only_text
        )
        summary = _summary(compared, older_parts, newer_parts, later, files)
        out.append(ShownVersion(version.number, version.saved_at, compared, next_number, is_current, summary))
    return out
