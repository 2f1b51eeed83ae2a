"""The CLI shows and reads times in the person's own time zone (the one the web uses), with the zone named; the
stored instants stay UTC. Every time here is given explicitly, so no test depends on the clock."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.cli.local_times import read, stamp
from reverie.journal.interchange import SCHEMA, PortableEntry, PortableJournal, dump_markdown

BERLIN = ZoneInfo("Europe/Berlin")


def test_stamp_names_the_zone_and_read_places_a_bare_time_in_it() -> None:
    moment = datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    assert stamp(moment, BERLIN) == "2026-03-10 00:30 CET (Europe/Berlin)"
    assert stamp(datetime(2026, 7, 1, 8, 0, tzinfo=UTC), BERLIN) == "2026-07-01 10:00 CEST (Europe/Berlin)"
    assert stamp(moment, ZoneInfo("UTC")) == "2026-03-09 23:30 UTC"
    assert read("2026-03-10T00:30", BERLIN) == moment
    assert read("2026-03-10T00:30+00:00", BERLIN) == datetime(2026, 3, 10, 0, 30, tzinfo=UTC)


def test_markdown_export_in_the_persons_zone() -> None:
    entry = PortableEntry(
        id="e1",
        kind="dream",
        body="A dream.",
        happened_at=datetime(2026, 3, 9, 23, 30, tzinfo=UTC),
        written_at=datetime(2026, 3, 9, 23, 45, tzinfo=UTC),
    )
    journal = PortableJournal(
        schema=SCHEMA, exported_at=datetime(2026, 3, 10, 8, 0, tzinfo=UTC), entries=(entry,)
    )
    text = dump_markdown(journal, zone=BERLIN)
    assert "Exported 2026-03-10 09:00 CET · 1 entry · times in Europe/Berlin" in text
    assert "## 2026-03-10 00:30 CET · Dream" in text
    assert "## 2026-03-09 23:30 UTC · Dream" in dump_markdown(journal)  # no zone given: as stored


@pytest.mark.db
def test_cli_journal_times_are_local_with_the_zone_named(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "berta")
    assert cli("user", "time-zone", "-u", "berta")[1].strip() == "Your time zone: UTC"
    code, _, err = cli("user", "time-zone", "Mars/Olympus", "-u", "berta", check=False)
    assert code == 2 and "Unknown time zone" in err
    assert "Europe/Berlin" in cli("user", "time-zone", "Europe/Berlin", "-u", "berta")[1]
    # a bare time is read in Berlin (the web's form does the same); one with an offset is kept as given
    cli("journal", "write", "-u", "berta", "--kind", "dream", "--happened-at", "2026-03-10T00:30",
        input="The sea again.")  # fmt: skip
    cli("journal", "write", "-u", "berta", "--happened-at", "2026-01-05T20:15+00:00", input="A long meeting.")
    rows = json.loads(cli("journal", "list", "-u", "berta", "--json")[1])
    assert [(r["happened_at"], r["time_zone"]) for r in rows] == [
        ("2026-03-10T00:30:00+01:00", "Europe/Berlin"),
        ("2026-01-05T21:15:00+01:00", "Europe/Berlin"),
    ]
    assert datetime.fromisoformat(rows[0]["happened_at"]) == datetime(2026, 3, 9, 23, 30, tzinfo=UTC)
    listed = cli("journal", "list", "-u", "berta", COLUMNS="200")[1]
    assert "2026-03-10 00:30" in listed and "2026-01-05 21:15" in listed and "Europe/Berlin" in listed
    assert "23:30" not in listed and "20:15" not in listed
    shown = cli("journal", "show", rows[0]["id"][:8], "-u", "berta")[1]
    assert "2026-03-10 00:30 CET (Europe/Berlin)" in shown
    markdown = tmp_path / "journal.md"
    cli("journal", "export", "-u", "berta", "--format", "markdown", "-o", str(markdown))
    text = markdown.read_text()
    assert "## 2026-03-10 00:30 CET · Dream" in text and "times in Europe/Berlin" in text


def _link(cli: Any, client: str, therapist: str, zone: str) -> None:
    script = (
        "from reverie.cli.runtime import django_ready; django_ready()\n"
        "from reverie.clinic.models import User\nfrom reverie.clinic.services import people, local_time\n"
        f"c = User.objects.get(username='{client}'); t = User.objects.get(username='{therapist}')\n"
        "people.accept_invitation(t, people.issue_invitation(c))\n"
        f"local_time.set_time_zone(t, '{zone}')\n"
    )
    subprocess.run([sys.executable, "-c", script], env=cli.env, check=True, capture_output=True, timeout=180)


@pytest.mark.db
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_cli_course_show_uses_each_persons_zone(cli: Any) -> None:
    cli("user", "create", "tomas", "--role", "therapist")
    cli("user", "create", "clara")
    _link(cli, "clara", "tomas", "America/New_York")
    # no --tz: the course is in the therapist's own zone; the start is read there
    cli("course", "create", "-u", "tomas", "--client", "clara", "--programme", "dit",
        "--start", "2030-03-04T10:00")  # fmt: skip
    theirs = cli("course", "show", "-u", "tomas", "--client", "clara")[1]
    assert "Times in America/New_York" in theirs and "Mon 2030-03-04 10:00" in theirs
    mine = cli("course", "show", "-u", "clara")[1]  # the client has no zone set: UTC, and it says so
    assert "Times in UTC" in mine and "Mon 2030-03-04 15:00" in mine
