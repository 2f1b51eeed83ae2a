"""h10: entries stored before the year range check (h8's ``local_time.check_year``, years 1900-9998) may hold a
``happened_at`` in year 1 or 9999. Such a row broke every page that showed it in a zone where its local time leaves
Python's years 1-9999 (500, OverflowError: the journal in New York, the entry page and edit form, the markdown
export, the therapist's prep, home and client insights in Kiritimati). Now an entry is read through
``local_time.within_years`` (the nearest instant every zone can show), the pages say "date out of range" with the
saved date in UTC, and the edit form lets the person give the real date. The rows are written with the model field
directly, as an old database holds them; only the clock is real."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from api_client import as_token

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.django_db, pytest.mark.db]

EDGES = [datetime(1, 1, 1, 0, 30, tzinfo=UTC), datetime(9999, 12, 31, 23, 30, tzinfo=UTC)]


def _old_rows(client: Any) -> list[Any]:
    """Two shared entries whose stored happened_at is at either edge of Python's calendar (written directly)."""
    made = []
    for when in EDGES:
        entry = journal.create_entry(
            client, EntryDraft(kind="dream", body=f"an old dream of year {when.year}")
        )
        Entry.objects.filter(id=entry.id).update(happened_at=when)
        journal.set_shared(client, entry.id, True)
        made.append(entry)
    return made


def _in_zone(person: Any, zone: str) -> None:
    person.time_zone = zone
    person.save(update_fields=["time_zone"])


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati", "UTC"])
def test_every_page_shows_an_entry_dated_year_one_or_9999(
    dit: tuple[Any, Any, Any], web_as: Any, zone: str
) -> None:
    """The owner's journal, entry, edit and history pages, insights, home and both exports, the API list, and the
    therapist's prep, week, home, course and client insights all answer 200 in this zone."""
    client, therapist, course = dit
    rows = _old_rows(client)
    _in_zone(client, zone)
    _in_zone(therapist, zone)
    browser = web_as(client)
    browser.raise_request_exception = False
    pages = ["/journal/", "/insights/", "/dreams/", "/export/", "/"]
    pages += [f"/journal/{row.id}/{tail}" for row in rows for tail in ("", "edit/", "history/")]
    for page in pages:
        assert browser.get(page).status_code == 200, page
    listing = browser.get("/journal/").content.decode()
    assert "an old dream of year 1" in listing and "an old dream of year 9999" in listing
    assert listing.count("date out of range") == 2
    shown = browser.get(f"/journal/{rows[0].id}/").content.decode()
    assert "date out of range (saved as 0001-01-01, UTC" in shown
    for form in ("json", "markdown"):
        exported = browser.post("/export/", {"format": form, "anyway": "yes"})
        assert exported.status_code == 200, form
        assert b"an old dream of year 9999" in exported.getvalue()
    listed = as_token(client).get("entries")
    assert listed.status_code == 200 and len(json.loads(listed.content)) == 2
    other = web_as(therapist)
    other.raise_request_exception = False
    for page in (
        f"/journal/{rows[0].id}/",
        f"/journal/{rows[1].id}/",
        f"/courses/{course.id}/prep/",
        f"/courses/{course.id}/",
        "/week/",
        "/",
        f"/clients/{client.id}/insights/",
    ):
        assert other.get(page).status_code == 200, page


def test_the_owner_gives_the_real_date_on_edit(paired: tuple[Any, Any], web_as: Any) -> None:
    """The edit form names the saved date as out of range; saving it with a date given stores that date. (Linked:
    the rows are shared, and a share needs a link open, h9.)"""
    client, _therapist = paired
    _in_zone(client, "America/New_York")
    entry = _old_rows(client)[0]
    browser = web_as(client)
    form = browser.get(f"/journal/{entry.id}/edit/").content.decode()
    assert "(0001-01-01, UTC) is out of range" in form
    answer = browser.post(
        f"/journal/{entry.id}/edit/",
        {
            "kind": "dream",
            "body": "an old dream of year 1",
            "happened_at": "2019-03-04T07:15",
            "base_revision": 1,
        },
    )
    assert answer.status_code == 302, answer.content.decode()[-600:]
    fixed = Entry.objects.get(id=entry.id).happened_at
    assert fixed == datetime(2019, 3, 4, 12, 15, tzinfo=UTC)
    assert "date out of range" not in browser.get(f"/journal/{entry.id}/").content.decode()


def test_cli_export_and_list_survive_an_entry_dated_year_one(cli: Any, tmp_path: Path) -> None:
    """`reverie journal export` (json and markdown) and `journal list` for a New York person whose database holds
    an entry dated 0001-01-01 00:30 UTC: no crash, the entry is in the export."""
    if cli.env.get("REVERIE_DATABASE_URL"):
        pytest.skip(
            "writes the year-1 row into the embedded SQLite file; the web tests above cover PostgreSQL"
        )
    cli("user", "create", "olga")
    cli("user", "time-zone", "America/New_York", "-u", "olga")
    cli("journal", "write", "-u", "olga", "--kind", "dream", input=b"an old dream of year 1")
    with sqlite3.connect(cli.data_dir / "reverie.sqlite3") as db:
        assert db.execute("UPDATE clinic_entry SET happened_at = '0001-01-01 00:30:00'").rowcount == 1
    for form in ("json", "markdown"):
        out = tmp_path / f"export.{form}"
        code, _, err = cli("journal", "export", "-u", "olga", "--format", form, "-o", str(out), check=False)
        assert code == 0 and "unexpected" not in err, err
        assert "an old dream of year 1" in out.read_text()
    code, listed, err = cli("journal", "list", "-u", "olga", check=False)
    assert "an old dream" in listed or "dream" in listed
    assert code == 0 and "unexpected" not in err, err
