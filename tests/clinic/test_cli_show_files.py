"""`reverie journal show` names each file of an entry in plain words, and --json lists them without their bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableJournal,
    dump_reverie_json,
)

pytestmark = pytest.mark.django_db

DRAWING = b"\x89PNG\r\n\x1a\n" + b"harbour-drawing-bytes" * 30  # 638 bytes
HUMMING = b"OggS\x00" + bytes(2043)  # 2 KB


def test_journal_show_names_a_picture_and_a_recording_with_their_sizes(cli: Any, tmp_path: Any) -> None:
    when = datetime(2026, 3, 12, 2, 14, tzinfo=UTC)
    entries = (
        PortableEntry(
            id="a-drawing",
            kind="art",
            body="the harbour",
            happened_at=when,
            written_at=when,
            attachments=(PortableAttachment("harbour at night.png", "image/png", DRAWING),),
        ),
        PortableEntry(
            id="a-tune",
            kind="music",
            body="",
            happened_at=when.replace(hour=3),
            written_at=when,
            attachments=(PortableAttachment("humming.ogg", "audio/ogg", HUMMING),),
        ),
    )
    export = tmp_path / "files.json"
    export.write_bytes(dump_reverie_json(PortableJournal(SCHEMA, when, entries)))
    cli("user", "create", "iris")
    cli("journal", "import", str(export), "-u", "iris")
    rows = {
        row["kind"]: row["id"][:8] for row in json.loads(cli("journal", "list", "-u", "iris", "--json")[1])
    }
    _, art, _ = cli("journal", "show", rows["art"], "-u", "iris")
    assert "Picture: harbour at night.png, 638 bytes" in art.splitlines()
    _, music, _ = cli("journal", "show", rows["music"], "-u", "iris")
    assert "Recording: humming.ogg, 2 KB" in music.splitlines()
    shown = json.loads(cli("journal", "show", rows["art"], "-u", "iris", "--json")[1])
    assert shown["attachments"] == [
        {"filename": "harbour at night.png", "kind": "picture", "media_type": "image/png", "size": 638}
    ]
