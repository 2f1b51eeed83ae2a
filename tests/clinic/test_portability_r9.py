"""r9 review of import de-duplication and safety plan restore: an imported entry is skipped as already here only
when everything the person wrote equals a stored entry (feelings, people, tags, mindful-choice fields included)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.journal.interchange import dump_reverie_json

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 2, 3, 10, 0, 0, 123456, tzinfo=UTC)


def _exported(user: Any) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(dump_reverie_json(portability.export_journal(user)))
    return doc


def _everything() -> EntryDraft:
    return EntryDraft(
        kind="reflection",
        body="other words",
        title="T",
        happened_at=WHEN,
        feelings=(Feeling("calm", 3), Feeling("sad", 1)),
        people=("Mia", "Ola"),
        tags=("river", "#night"),
        extra={"situation": "at the station", "urge": "to leave", "choice": "I stayed"},
    )


@pytest.mark.parametrize(
    "change",
    [
        {"feelings": (Feeling("calm", 3),)},
        {"people": ("Mia",)},
        {"tags": ("river",)},
        {"extra": {"situation": "at the station", "urge": "to leave", "choice": "I stayed"}},
    ],
)
def test_an_entry_differing_only_in_feelings_people_tags_or_mindful_fields_is_not_skipped(
    make_user: Any, change: dict[str, Any]
) -> None:
    """Before: kind, time, title, body and files only were compared, so what else the person wrote was dropped."""
    alice, bob = make_user(), make_user()
    journal.create_entry(alice, EntryDraft(kind="reflection", body="same words", happened_at=WHEN))
    journal.create_entry(bob, EntryDraft(kind="reflection", body="same words", happened_at=WHEN, **change))
    journal.create_entry(alice, _everything())
    report = portability.import_journal(alice, dump_reverie_json(portability.export_journal(bob)))
    assert (report.created, report.skipped) == (1, 0)
    assert Entry.objects.filter(client=alice).count() == 3
    # and a round trip of everything the person wrote still adds nothing
    portability.import_journal(bob, dump_reverie_json(portability.export_journal(alice)))
    back = portability.import_journal(alice, dump_reverie_json(portability.export_journal(bob)))
    assert (back.created, back.skipped, back.differ) == (0, 3, 0)


def test_a_plan_saved_while_importing_is_never_replaced_by_the_files(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the file's plan was saved without a base version, replacing one a therapist saved meanwhile."""
    from reverie.care.services import safety

    alice, bob = make_user(), make_user()
    safety.save_plan(alice, {"coping_steps": ["a walk by the river"]})
    journal.create_entry(alice, EntryDraft(kind="dream", body="w", happened_at=WHEN))
    exported = dump_reverie_json(portability.export_journal(alice))
    safety.save_plan(bob, {"coping_steps": ["call my sister"]})  # saved after the import looked: none then
    monkeypatch.setattr(safety, "get_plan", lambda actor, client=None: None)
    report = portability.import_journal(bob, exported)
    monkeypatch.undo()
    assert safety.get_plan(bob).coping_steps == ("call my sister",)  # type: ignore[union-attr]
    assert report.created == 1 and any(
        "it was kept and the file's was not applied" in n for n in report.notes
    )


def test_a_plan_whose_sections_are_not_a_list_is_refused_plainly(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", body="w", happened_at=WHEN))
    doc = _exported(alice)
    doc["record"] = {"safety_plan": {"sections": "junk"}}
    report = portability.import_journal(bob, json.dumps(doc).encode())
    assert report.created == 1
    assert report.notes == (
        "The file's safety plan could not be restored (The file's safety plan is not in the export's form.); "
        "nothing of it was applied.",
    )


def test_a_reimport_over_an_entry_that_no_longer_opens_imports_the_files_copy_as_a_new_entry(
    make_user: Any,
) -> None:
    """Before (r9): the file's readable copy was not imported ("keep the file"), so the words were still only in the
    file; r10: it is imported as a new entry beside the one here, which is left as it is (for reverie doctor)."""
    alice = make_user()
    row = journal.create_entry(alice, EntryDraft(kind="dream", body="words", happened_at=WHEN))
    exported = dump_reverie_json(portability.export_journal(alice))
    blob = bytearray(bytes(Entry.objects.get(pk=row.id).payload))
    blob[-3] ^= 0x01
    Entry.objects.filter(pk=row.id).update(payload=bytes(blob))
    report = portability.import_journal(alice, exported)
    assert (report.created, report.skipped, report.differ) == (1, 0, 0)
    assert report.notes == (
        "1 entry here could not be opened; its copy in the file was imported as a new entry (the one here was left"
        " as it is: `reverie doctor` says why it does not open).",
    )
    assert bytes(Entry.objects.get(pk=row.id).payload) == bytes(blob)  # nothing overwritten
    copy = Entry.objects.get(client=alice, pk__in=[e.id for e in Entry.objects.exclude(pk=row.id)])
    assert journal.get_entry(alice, copy.id).body == "words"
    again = portability.import_journal(alice, exported)  # importing the file again adds nothing
    assert (again.created, again.skipped, again.differ, again.notes) == (0, 1, 0, ())
    assert Entry.objects.filter(client=alice).count() == 2


def test_an_entry_already_here_in_the_trash_is_skipped_and_said(make_user: Any) -> None:
    """Before: an entry whose copy here is in the trash counted as "already here" without a word, so the person
    looked for it in the journal and did not find it."""
    alice, bob = make_user(), make_user()
    same_id = journal.create_entry(alice, EntryDraft(kind="dream", body="by id", happened_at=WHEN))
    same_words = journal.create_entry(alice, EntryDraft(kind="dream", body="by content", happened_at=WHEN))
    exported = dump_reverie_json(portability.export_journal(alice))
    portability.import_journal(bob, exported)
    from_b = dump_reverie_json(portability.export_journal(bob))  # other ids: matched by content
    journal.create_entry(alice, EntryDraft(kind="dream", body="live", happened_at=WHEN))
    for entry in (same_id, same_words):
        journal.trash_entry(alice, entry.id)
    report = portability.import_journal(alice, exported)
    assert (report.created, report.skipped) == (0, 2)
    assert report.notes == ("2 of the entries already here are in your trash: restore them there.",)
    from django.test import Client

    from reverie.api import tokens

    api = Client(headers={"Authorization": f"Bearer {tokens.issue(alice, 'tests').secret}"})
    answer = api.post("/api/v1/import", exported, content_type="application/json").json()
    assert answer["notes"] == ["2 of the entries already here are in your trash: restore them there."]
    journal.restore_entry(alice, same_id.id)
    back = portability.import_journal(alice, from_b)
    assert (back.created, back.skipped) == (0, 2)
    assert back.notes == ("1 of the entries already here is in your trash: restore it there.",)


def test_cli_export_says_how_many_entries_in_the_trash_are_not_in_it(cli: Any) -> None:
    """Before: `reverie journal export` never said the trash is left out (the web page does)."""
    cli("user", "create", "hana")
    cli("journal", "write", "-u", "hana", "--kind", "dream", "--title", "Boat", input="a boat")
    out_file = cli.data_dir.parent / "out.json"
    code, _, err = cli("journal", "export", "-u", "hana", "-o", str(out_file), check=False)
    assert code == 0 and "trash" not in err
    script = (
        "import reverie.cli.runtime as r; r.django_ready()\n"
        "from django.utils import timezone\n"
        "from reverie.clinic.models import Entry\n"
        "Entry.objects.update(deleted_at=timezone.now())\n"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", script], env=cli.env, check=True)
    code, _, err = cli("journal", "export", "-u", "hana", "-o", str(out_file), check=False)
    assert code == 0 and "1 entry in your trash is not in this export." in err


def test_recover_show_prints_everything_the_copy_holds(
    make_user: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: --show printed kind, title and text only, so the date, feelings, people, tags and the mindful-choice
    fields of a copy that can never be saved were lost once it was discarded (the hint says: --show, then
    --discard)."""
    from reverie.cli import journal_cmds
    from reverie.clinic.services import recovery

    alice = make_user()
    path = recovery.keep(alice, _everything(), tmp_path)
    monkeypatch.setattr(recovery, "pending", lambda owner, data_dir=None: [path])
    journal_cmds._show(alice, 1)
    out = capsys.readouterr().out
    assert out.startswith("Reflection · T\nother words\n")
    for words in (
        "When: 2026-02-03 10:00",
        "Feelings: calm (3), sad (1)",
        "People: Mia, Ola",
        "Tags: river, #night",
        "The situation: at the station",
        "The reflexive urge: to leave",
        "The choice I made: I stayed",
    ):
        assert words in out


def test_two_equal_entries_in_a_file_match_two_here_not_one(make_user: Any) -> None:
    """Before: one stored entry made every equal entry of the file "already here": bob wrote the same words twice,
    alice had them once, and the import to alice added none."""
    alice, bob = make_user(), make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", body="the same", happened_at=WHEN))
    for _ in range(2):
        journal.create_entry(bob, EntryDraft(kind="dream", body="the same", happened_at=WHEN))
    report = portability.import_journal(alice, dump_reverie_json(portability.export_journal(bob)))
    assert (report.created, report.skipped) == (1, 1)
    back = portability.import_journal(bob, dump_reverie_json(portability.export_journal(alice)))
    assert (back.created, back.skipped) == (0, 2)  # a round trip still adds nothing


def test_the_left_out_page_still_says_the_trash_is_not_in_the_export(make_user: Any, web_as: Any) -> None:
    """Before: the page naming the entries left out passed trash=0, so "Download the rest" also left out the trash
    without a word (the plain export page says it)."""
    alice = make_user()
    altered = journal.create_entry(alice, EntryDraft(kind="dream", body="altered", happened_at=WHEN))
    trashed = journal.create_entry(alice, EntryDraft(kind="dream", body="trashed", happened_at=WHEN))
    journal.trash_entry(alice, trashed.id)
    blob = bytearray(bytes(Entry.objects.get(pk=altered.id).payload))
    blob[-3] ^= 0x01
    Entry.objects.filter(pk=altered.id).update(payload=bytes(blob))
    text = web_as(alice).post("/export/", {"format": "json"}).content.decode()
    assert "1 entry could not be opened" in text
    assert "entry in your trash is not in it" in text
