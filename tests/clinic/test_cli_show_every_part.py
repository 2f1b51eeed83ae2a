"""`reverie journal show` prints every part a person wrote in an entry, as the entry page shows it: a mindful
choice's three parts and where a Day One entry was written, each under its plain label (``journal.kinds.FIELD_WORDS``,
the same table), never a stored key ("urge", "time_zone"); and its people and tags. --json carries them as
``extra``."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.journal.interchange import SCHEMA, PortableEntry, PortableJournal, dump_reverie_json
from reverie.journal.kinds import FIELD_WORDS

pytestmark = pytest.mark.django_db

CHOICE = {
    "situation": "He talked over me at dinner\nagain.",
    "urge": "Leave the table without a word.",
    "choice": "Said I wanted to finish my sentence.",
}
WHERE = {"place": "Harbour café", "weather": "Rain, 9 °C", "time_zone": "Europe/Jersey"}


def test_journal_show_prints_each_field_under_its_plain_label(cli: Any, tmp_path: Any) -> None:
    when = datetime(2026, 3, 12, 20, 5, tzinfo=UTC)
    entries = (
        PortableEntry(
            id="a-choice",
            kind="mindful_choice",
            body="At dinner.",
            happened_at=when,
            written_at=when,
            people=("Tom",),
            tags=("family",),
            extra=dict(CHOICE),
        ),
        PortableEntry(
            id="a-walk",
            kind="reflection",
            body="A walk by the water.",
            happened_at=when.replace(hour=9),
            written_at=when,
            extra=dict(WHERE),
        ),
    )
    export = tmp_path / "fields.json"
    export.write_bytes(dump_reverie_json(PortableJournal(SCHEMA, when, entries)))
    cli("user", "create", "iris")
    cli("journal", "import", str(export), "-u", "iris")
    rows = {
        row["kind"]: row["id"][:8] for row in json.loads(cli("journal", "list", "-u", "iris", "--json")[1])
    }
    _, choice, _ = cli("journal", "show", rows["mindful_choice"], "-u", "iris")
    lines = choice.splitlines()
    assert f"{FIELD_WORDS['situation']}: He talked over me at dinner" in lines
    assert "again." in lines  # the rest of the part, as written
    assert f"{FIELD_WORDS['urge']}: {CHOICE['urge']}" in lines
    assert f"{FIELD_WORDS['choice']}: {CHOICE['choice']}" in lines
    assert "People: Tom" in lines and "Tags: family" in lines
    _, walk, _ = cli("journal", "show", rows["reflection"], "-u", "iris")
    for key, value in WHERE.items():
        assert f"{FIELD_WORDS[key]}: {value}" in walk.splitlines()
    for shown in (choice, walk):  # a label, never the key it is stored under
        assert not any(
            line.startswith(tuple(f"{key}:" for key in FIELD_WORDS)) for line in shown.splitlines()
        )
        assert not any(
            line.lower().startswith(("situation:", "urge:", "time_zone:")) for line in shown.splitlines()
        )
    as_json = json.loads(cli("journal", "show", rows["mindful_choice"], "-u", "iris", "--json")[1])
    assert as_json["extra"] == CHOICE
