"""The readable Markdown export."""

from __future__ import annotations

import re
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


def test_interchange_markdown_holds_each_earlier_version_whole(journal_v9: PortableJournal) -> None:
    """h156: the Markdown export only counted an entry's earlier versions ("Earlier versions: 2") while the JSON
    export carries each whole: a person reading it now finds each, oldest first (said), with when it was saved, its
    date and parts under plain labels (never a key) and its text; one of which only the text was kept says so."""
    text = dump_markdown(journal_v9)
    # the entries' sections; the course record's ("## Your ...") follow them (review r127)
    dream, choice = (section for section in text.split("\n## ")[1:] if not section.startswith("Your "))
    assert "- **Earlier versions:** 2, after the text, oldest first" in dream
    assert "### Earlier versions (2, oldest first)" in dream
    first = dream.index("#### Version 1 of 3 · saved 2024-05-01 07:02 UTC+02:00")
    second = dream.index("#### Version 2 of 3 · saved 2024-05-01 07:05 UTC+02:00")
    assert (
        dream.index("found the kitchen from my childhood.") < first < second
    )  # after the text, oldest first
    oldest = dream[first:second]
    assert (
        "Only its text was kept with this version." in oldest and "\nA house with too many doors.\n" in oldest
    )
    whole = dream[second:]
    for line in (
        "- **Title:** The house",
        "- **When it happened:** 2024-05-01 06:00 UTC+02:00",
        "- **Feelings:** unease (5/5)",
        "- **People:** grandmother",
        "- **Tags:** house",
        "A house with too many doors. I opened one.",
    ):
        assert line in whole
    assert (
        "### The earlier version" in choice and "#### Version 1 of 2 · saved 2024-05-02 21:10 UTC" in choice
    )
    earlier = choice[choice.index("#### Version 1 of 2") :]
    for line in (
        "- **Title:** The message",
        "- **When it happened:** not kept with this version",
        "- **The situation:** Late reply from a friend.",
        "- **The reflexive urge:** Send a cutting message.",
        "- **The choice I made:** Sent it.",
        "I wanted to send the angry message.\n",
    ):
        assert line in earlier
    assert not re.search(r"\*\*(title|happened_at|feelings|situation|urge|choice|people|tags|body):", text)


def test_interchange_markdown_lists_earlier_versions_oldest_first_whatever_their_order(
    journal_v9: PortableJournal,
) -> None:
    """The order said ("oldest first") holds for a file whose versions came in another order (an imported file)."""
    dream = journal_v9.entries[0]
    backwards = replace(dream, revisions=tuple(reversed(dream.revisions)))
    text = dump_markdown(replace(journal_v9, entries=(backwards,)))
    assert text.index("saved 2024-05-01 07:02") < text.index("saved 2024-05-01 07:05")
