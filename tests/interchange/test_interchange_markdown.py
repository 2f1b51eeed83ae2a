"""The readable Markdown export."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reverie.journal.interchange import SCHEMA, PortableJournal, dump_markdown


def test_interchange_markdown_has_one_section_per_entry(journal: PortableJournal) -> None:
    text = dump_markdown(journal)
    assert text.count("\n## ") == len(journal.entries)
    assert "## 2024-05-01 06:30 UTC+02:00 · Dream · The house" in text
    assert "## 2024-05-02 21:00 UTC · Mindful choice" in text


def test_interchange_markdown_shows_feelings_people_and_body(journal: PortableJournal) -> None:
    text = dump_markdown(journal)
    assert "- **Feelings:** unease (4/5), longing (2/5)" in text
    assert "- **People:** grandmother" in text
    assert (
        "- **Pictures and recordings, not in this file (the Reverie file keeps them):** sketch.png (picture, 8 bytes)"
        in text
    )
    assert "- **Shared with therapist:** yes" in text
    for entry in journal.entries:
        assert entry.body in text


def test_interchange_markdown_shows_mindful_choice_fields_in_order(journal: PortableJournal) -> None:
    text = dump_markdown(journal)
    situation = text.index("- **The situation:** Late reply from a friend.")
    urge = text.index("- **The reflexive urge:** Send a cutting message.")
    choice = text.index("- **The choice I made:** Wrote it down, did not send it.")
    assert situation < urge < choice


def test_interchange_markdown_labels_an_entrys_context_in_plain_words(journal: PortableJournal) -> None:
    """A Day One entry's place, weather and time zone are labelled as a person reads them, from the one table the
    write form and the entry page read (``journal.kinds.FIELD_WORDS``): "Time zone", never "Time_zone" (review
    r126)."""
    first = journal.entries[0]
    context = {"place": "Leith, Edinburgh", "weather": "Rain, 9 °C", "time_zone": "Europe/London"}
    text = dump_markdown(replace(journal, entries=(replace(first, extra=context),)))
    assert "- **Place:** Leith, Edinburgh" in text and "- **Weather:** Rain, 9 °C" in text
    assert "- **Time zone:** Europe/London" in text and "_zone" not in text


def test_interchange_markdown_says_at_its_top_that_pictures_are_not_in_it(journal: PortableJournal) -> None:
    """Under the heading, once, when an entry has files; never a raw media type; a journal without files says
    nothing of them."""
    text = dump_markdown(journal)
    top = text.split("\n## ", 1)[0]
    assert "Pictures and recordings are not in this file, only their names" in top
    assert "image/png" not in text
    without = replace(journal, entries=tuple(replace(e, attachments=()) for e in journal.entries))
    assert "Pictures and recordings" not in dump_markdown(without)


def test_interchange_markdown_of_empty_journal() -> None:
    empty = PortableJournal(SCHEMA, datetime(2024, 6, 1, 9, 30, tzinfo=UTC), ())
    assert dump_markdown(empty) == "# Journal\n\nExported 2024-06-01 09:30 UTC · 0 entries\n"


def test_interchange_markdown_names_what_it_was_made_without(journal_v5: PortableJournal) -> None:
    """Before: a Markdown export kept alone did not say it lacked the entries that could not be opened."""
    text = dump_markdown(journal_v5)
    assert "Made without 2 entries that could not be opened:" in text
    assert "- 2024-05-03 22:00 UTC · Dream\n" in text
    assert "- 2024-05-04 09:30 UTC+02:00 · Art · The blue door\n" in text
    assert "Made without" not in dump_markdown(replace(journal_v5, left_out=()))
