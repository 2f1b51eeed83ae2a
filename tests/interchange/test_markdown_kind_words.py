"""The Markdown export names each entry's kind in the words a person reads everywhere else (``journal.kinds``'s one
table, ``KIND_WORDS``), never a form of its code: a daydream's heading read "Daydream" where every page, the write
form and the command line say "Daydream or fantasy" (h161, point 4)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reverie.journal.interchange import SCHEMA, PortableEntry, PortableJournal, dump_markdown
from reverie.journal.kinds import KIND_WORDS, KINDS

WHEN = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)


def _one(kind: str) -> str:
    body = "" if kind in ("art", "music") else "Words."
    entry = PortableEntry(
        id=f"e-{kind}", kind=kind, body=body or "A tune.", happened_at=WHEN, written_at=WHEN
    )
    return dump_markdown(PortableJournal(schema=SCHEMA, exported_at=WHEN, entries=(entry,)))


@pytest.mark.parametrize("kind", KINDS)
def test_an_entry_heading_names_its_kind_in_the_table_s_words(kind: str) -> None:
    (heading,) = [line for line in _one(kind).splitlines() if line.startswith("## ")]
    assert heading == f"## 2026-03-01 08:30 UTC · {KIND_WORDS[kind]}"


def test_a_daydream_is_a_daydream_or_fantasy() -> None:
    assert "## 2026-03-01 08:30 UTC · Daydream or fantasy" in _one("daydream")
