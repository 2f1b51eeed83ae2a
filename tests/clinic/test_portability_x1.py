"""Export and import say what a person needs to know (x1): the file names the entries it was made without, an
edited copy imported again is kept and said, and a long import commits in batches that a re-run completes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.models import AuditEvent, Entry
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json, load

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)


def _jrnl(*entries: tuple[str, str, str]) -> bytes:
    """jrnl's JSON export of (time, title, body) entries, all on 2026-02-03."""
    items = [
        {"date": "2026-02-03", "time": t, "title": title, "body": body, "tags": []}
        for t, title, body in entries
    ]
    return json.dumps({"tags": {}, "entries": items}).encode()


def test_the_file_names_what_it_was_made_without_and_an_import_says_it(make_user: Any) -> None:
    """Before: the entries an export left out were named on the page, the header and stderr, never in the file."""
    from test_portability_never_traps import _alter, _three

    alice, bob = make_user(), make_user()
    _, drawn, secret = _three(alice)
    _alter(drawn, secret)
    data = dump_reverie_json(portability.export_journal(alice))
    document = json.loads(data)
    assert document["schema"] == "reverie.export/10"
    assert document["left_out"] == [
        {"happened_at": WHEN.isoformat(), "kind": "art", "title": "The red house"},
        {"happened_at": WHEN.isoformat(), "kind": "reflection"},  # its title does not open: none
    ]
    assert b"secret words" not in data and b"Hidden title" not in data
    assert len(load(data).left_out) == 2
    report = portability.import_journal(bob, data)
    assert report.created == 1
    assert (
        "This file was made without 2 entries that could not be opened; they are not in the file."
        in report.notes
    )
    whole = dump_reverie_json(portability.export_journal(bob))
    assert "left_out" not in json.loads(whole)  # bob's own export lacks nothing
    assert not any("made without" in note for note in portability.import_journal(alice, whole).notes)


def test_a_jrnl_entry_edited_and_imported_again_is_kept_and_said(make_user: Any) -> None:
    """Before: jrnl's ids come from the words, so an edited entry came in as a second one, silently."""
    alice = make_user()
    first = portability.import_journal(
        alice, _jrnl(("09:00", "Morning", "first words"), ("21:00", "Night", "dark"))
    )
    assert first.created == 2 and first.notes == ()
    edited = _jrnl(("09:00", "Morning", "first words, and more"), ("21:00", "Night", "dark"))
    again = portability.import_journal(alice, edited)
    assert (again.created, again.skipped, again.edited) == (1, 1, 1)
    assert again.notes == (
        "1 entry looks like an edited copy of an entry already here (same date and title); both were kept.",
    )
    assert Entry.objects.filter(client=alice).count() == 3  # nothing lost: both versions are here
    repeat = portability.import_journal(alice, edited)  # the same file again: already here, nothing to say
    assert (repeat.created, repeat.skipped, repeat.edited, repeat.notes) == (0, 2, 0, ())
    other_day = _jrnl(("09:05", "Morning", "another morning"))  # another time: not a copy
    assert portability.import_journal(alice, other_day).edited == 0


def test_a_one_line_jrnl_entry_is_matched_by_its_first_line(make_user: Any) -> None:
    alice = make_user()
    portability.import_journal(alice, _jrnl(("09:00", "", "Walked to the sea.\nCold.")))
    again = portability.import_journal(alice, _jrnl(("09:00", "", "Walked to the sea.\nCold and bright.")))
    assert (again.created, again.edited) == (1, 1)


def test_entries_of_the_same_file_are_never_each_others_edited_copies(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An earlier batch's entries are this import's own: never the model of an edited copy, nor the same words."""
    monkeypatch.setattr(portability, "IMPORT_BATCH", 1)
    alice = make_user()
    data = _jrnl(("09:00", "Morning", "same"), ("09:00", "Morning", "same"), ("09:00", "Morning", "other"))
    report = portability.import_journal(alice, data)
    assert (report.created, report.skipped, report.edited, report.notes) == (3, 0, 0, ())


def test_reveries_own_format_an_entry_edited_elsewhere_and_brought_back(make_user: Any) -> None:
    """A → B (new ids) → edited in B → back to A: the id is B's, so it comes in as a new entry; said so."""
    alice, bob = make_user(), make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", title="The house", body="doors", happened_at=WHEN))
    portability.import_journal(bob, dump_reverie_json(portability.export_journal(alice)))
    (bobs,) = Entry.objects.filter(client=bob)
    journal.update_entry(
        bob,
        bobs.id,
        EntryDraft(kind="dream", title="The house", body="doors, then a garden", happened_at=WHEN),
    )
    back = portability.import_journal(alice, dump_reverie_json(portability.export_journal(bob)))
    assert (back.created, back.edited) == (1, 1)
    assert any("looks like an edited copy" in note for note in back.notes)


@pytest.mark.parametrize("source", ["jrnl", "reverie"])
def test_an_import_interrupted_midway_keeps_its_batches_and_a_rerun_completes_it(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    """Before: one transaction for the whole file (minutes for 10,000 entries, every other writer waiting on
    SQLite); now batches commit, and a re-run after a crash brings every entry exactly once."""
    alice, bob = make_user(), make_user()
    if source == "jrnl":
        data = _jrnl(*((f"{10 + n // 60:02d}:{n % 60:02d}", f"Entry {n}", f"words {n}") for n in range(12)))
    else:
        for n in range(12):
            draft = EntryDraft(kind="reflection", body=f"words {n}", happened_at=WHEN + timedelta(minutes=n))
            journal.create_entry(bob, draft)
        data = dump_reverie_json(portability.export_journal(bob))
    monkeypatch.setattr(portability, "IMPORT_BATCH", 5)
    real = portability._store_imported
    stored = 0

    def crashing(*args: Any, **kwargs: Any) -> Any:
        nonlocal stored
        stored += 1
        if stored == 8:  # in the second batch
            raise RuntimeError("the power went out")
        return real(*args, **kwargs)

    monkeypatch.setattr(portability, "_store_imported", crashing)
    with pytest.raises(RuntimeError):
        portability.import_journal(alice, data)
    assert Entry.objects.filter(client=alice).count() == 5  # the first batch is committed, the second is not
    imports = AuditEvent.objects.filter(action="journal.import")
    assert imports.count() == 1  # what was committed is audited, with its first batch
    monkeypatch.setattr(portability, "_store_imported", real)
    report = portability.import_journal(alice, data)
    assert (report.created, report.skipped, report.differ, report.edited) == (7, 5, 0, 0)
    assert report.notes == () and imports.count() == 2
    bodies = sorted(journal.get_entry(alice, row.id).body for row in Entry.objects.filter(client=alice))
    assert bodies == sorted(f"words {n}" for n in range(12))  # every entry exactly once


def test_all_or_nothing_stays_one_transaction(make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    alice = make_user()
    data = _jrnl(*((f"10:{n:02d}", f"Entry {n}", f"words {n}") for n in range(8)))
    monkeypatch.setattr(portability, "IMPORT_BATCH", 3)
    real, stored = portability._store_imported, []

    def crashing(*args: Any, **kwargs: Any) -> Any:
        stored.append(1)
        if len(stored) == 6:
            raise RuntimeError("the power went out")
        return real(*args, **kwargs)

    monkeypatch.setattr(portability, "_store_imported", crashing)
    with pytest.raises(RuntimeError):
        portability.import_journal(alice, data, all_or_nothing=True)
    assert Entry.objects.filter(client=alice).count() == 0


def test_progress_still_counts_every_entry(make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(portability, "IMPORT_BATCH", 2)
    seen: list[tuple[int, int]] = []
    data = _jrnl(*((f"10:{n:02d}", f"Entry {n}", f"words {n}") for n in range(5)))
    portability.import_journal(make_user(), data, lambda done, total: seen.append((done, total)))
    assert seen == [(n, 5) for n in range(1, 6)]


@pytest.mark.parametrize("batch", [200, 1])
@pytest.mark.parametrize("held_first", [True, False])
def test_a_files_second_identical_entry_is_imported_when_the_first_is_here_by_id(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, batch: int, held_first: bool
) -> None:
    """x2: a file with two identical entries, one of them stored here under the same id, added neither: the stored
    entry, matched by its id, was counted again in the comparison by content and so also "accounted for" the
    second copy. Each stored entry accounts for one entry of the file, in either order and across batches."""
    alice = make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", title="The house", body="doors", happened_at=WHEN))
    document = json.loads(dump_reverie_json(portability.export_journal(alice)))
    (entry,) = document["entries"]
    copy = {**entry, "id": "d6a1c3f2-0b8e-4c55-9a77-2f3e1d4c5b6a"}
    document["entries"] = [entry, copy] if held_first else [copy, entry]
    monkeypatch.setattr(portability, "IMPORT_BATCH", batch)
    report = portability.import_journal(alice, json.dumps(document).encode())
    assert (report.created, report.skipped, report.differ, report.edited) == (1, 1, 0, 0)
    assert Entry.objects.filter(client=alice).count() == 2
    again = portability.import_journal(alice, json.dumps(document).encode())
    assert (again.created, again.skipped) == (0, 2)  # a repeated import adds nothing
