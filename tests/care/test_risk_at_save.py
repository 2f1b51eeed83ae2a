"""Issue 12 §1: every save path screens the text before the save returns, with the worker off.

Each path below saves one risky text; the screen is stored sealed (``EntryScreen``), the therapist's alert and the
client's check-in exist the moment the path returns, and no analysis has run (``REVERIE_ANALYSIS=off``; no
``StoredAnalysis``). The later full analysis never adds a second alert for the same revision, only upgrades it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts, measures, notes
from reverie.clinic.models import AuditEvent, Entry, EntryScreen, StoredAnalysis
from reverie.clinic.services import journal, risk_screen
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import ReverieError

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
QUIET = "A long walk by the river with my sister. Tea afterwards."
PASSWORD = "a long test password"


def _web_write(client: Any, web_as: Any, **_: Any) -> None:
    web = web_as(client)
    response = web.post("/write/", {"kind": "reflection", "body": RISKY})
    assert response.status_code == 302
    page = web.get(response.url)  # where the save's redirect lands: the check-in is at the top
    assert page.status_code == 200 and b'id="check-in"' in page.content


def _web_edit(client: Any, web_as: Any, **_: Any) -> None:
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=QUIET))
    response = web_as(client).post(f"/journal/{view.id}/edit/", {"kind": "reflection", "body": RISKY})
    assert response.status_code == 302


def _api(user: Any) -> Client:
    from reverie.api import tokens

    return Client(headers={"Authorization": f"Bearer {tokens.issue(user, 'tests').secret}"})


def _api_create(client: Any, **_: Any) -> None:
    body = json.dumps({"kind": "reflection", "body": RISKY})
    response = _api(client).post("/api/v1/entries", body, content_type="application/json")
    assert response.status_code == 201, response.content


def _api_update(client: Any, **_: Any) -> None:
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=QUIET))
    body = json.dumps({"body": RISKY})
    response = _api(client).patch(f"/api/v1/entries/{view.id}", body, content_type="application/json")
    assert response.status_code == 200, response.content


def _cli_write(client: Any, tmp_path: Path, monkeypatch: Any, **_: Any) -> None:
    from reverie.cli import journal_cmds

    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    text = tmp_path / "entry.txt"
    text.write_text(RISKY, encoding="utf-8")
    journal_cmds.write(user=client.username, kind="reflection", file=text)


def _cli_recover(client: Any, tmp_path: Path, monkeypatch: Any, **_: Any) -> None:
    """A save that failed (a date in the future) leaves a recovery copy; ``journal recover`` saves it."""
    from reverie.cli import journal_cmds

    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    text = tmp_path / "entry.txt"
    text.write_text(RISKY, encoding="utf-8")
    with pytest.raises(ReverieError):
        journal_cmds.write(user=client.username, kind="reflection", file=text, happened_at="2999-01-01T00:00")
    assert not Entry.objects.filter(client=client).exists()
    journal_cmds.recover(user=client.username)


def _import(build: Callable[[datetime], dict[str, Any]]) -> Callable[..., None]:
    """Import one risky entry written just now (after the link; within the clock skew a save allows)."""

    def run(client: Any, **_: Any) -> None:
        from reverie.clinic.services import portability

        soon = timezone.now().astimezone(UTC) + timedelta(minutes=2)
        assert portability.import_journal(client, json.dumps(build(soon)).encode()).created == 1

    return run


def _jrnl(at: datetime) -> dict[str, Any]:
    entry = {"title": "", "body": RISKY, "date": f"{at:%Y-%m-%d}", "time": f"{at:%H:%M}", "tags": []}
    return {"tags": {}, "entries": [{**entry, "starred": False}]}


def _day_one(at: datetime) -> dict[str, Any]:
    stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"metadata": {"version": "1.0"}, "entries": [{"uuid": "R1", "creationDate": stamp, "text": RISKY}]}


def _reverie_json(at: datetime) -> dict[str, Any]:
    entry = {
        "id": "5f0c1a52-7d7e-4d7a-9a3c-0f3e1d2c4b5a",
        "kind": "reflection",
        "happened_at": at.isoformat(),
        "written_at": at.isoformat(),
        "body": RISKY,
    }
    return {"schema": "reverie.export/1", "exported_at": at.isoformat(), "entries": [entry]}


ENTRY_PATHS = {
    "web-write": _web_write,
    "web-edit": _web_edit,
    "api-create": _api_create,
    "api-update": _api_update,
    "cli-write": _cli_write,
    "cli-recover": _cli_recover,
    "import-jrnl": _import(_jrnl),
    "import-dayone": _import(_day_one),
    "import-reverie": _import(_reverie_json),
}


@pytest.mark.parametrize("path", ENTRY_PATHS, ids=list(ENTRY_PATHS))
def test_every_entry_save_path_screens_before_it_returns(
    path: str, paired: tuple[Any, Any], web_as: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    client, therapist = paired
    ENTRY_PATHS[path](client, web_as=web_as, tmp_path=tmp_path, monkeypatch=monkeypatch)

    entry = Entry.objects.filter(client=client).order_by("-updated_at").first()
    assert entry is not None
    screen = EntryScreen.objects.get(entry=entry, revision=entry.revision)
    assert screen.level in alerts.RISKY_LEVELS
    assert RISKY.encode() not in bytes(screen.payload)  # sealed; and it holds spans, never the words
    doc = risk_screen.open_screen(entry, screen)
    assert (
        doc["format"] == "reverie.screen/2"  # with the names of the files it read (h122): none here
        and doc["files"] == []
        and doc["level"] == screen.level
        and "miss me" not in json.dumps(doc)
    )

    alert = RiskAlert.objects.get(client=client, source="journal")
    assert alert.record_id == alerts.revision_record(entry.id, entry.revision) and alert.level == screen.level
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    assert CheckIn.objects.get(client=client, alert=alert).answered_at is None
    assert not StoredAnalysis.objects.exists()  # the worker is off: nothing here came from the analysis


def test_session_note_is_screened_at_save_and_never_alerts_its_author(
    dit: tuple[Any, Any, Any], make_user: Any
) -> None:
    from reverie.clinic.services import people

    client, therapist, course = dit
    colleague = make_user(role="therapist")
    people.accept_invitation(colleague, people.issue_invitation(client))
    notes.write_progress_note(therapist, course.id, 1, "She said she wants to kill herself and has a plan.")
    alert = RiskAlert.objects.get(source="session")
    assert alert.raised_by == therapist and alert.level in alerts.RISKY_LEVELS
    assert alerts.open_alerts(therapist) == []  # the author is not alerted about their own note
    assert [a.id for a in alerts.open_alerts(colleague)] == [alert.id]  # another linked therapist is
    assert not CheckIn.objects.filter(client=client).exists()  # the client did not write it


def test_phq9_item_nine_goes_through_the_same_flow(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    done = measures.submit(client, "phq9", [0] * 8 + [1], session_number=1)
    assert done.alert is not None and done.alert.written_at is not None
    assert [a.id for a in alerts.open_alerts(therapist)] == [done.alert.id]
    assert CheckIn.objects.get(client=client, alert=done.alert).answered_at is None


def test_quiet_entries_are_screened_and_raise_nothing(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=QUIET))
    assert EntryScreen.objects.get(entry_id=view.id).level in ("none", "indicator")
    assert not RiskAlert.objects.exists() and alerts.pending_check_in(client) is None


def test_terse_entry_is_screened_even_where_the_language_check_gives_up(paired: tuple[Any, Any]) -> None:
    client, _therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body="Want to die. Done."))
    screen = EntryScreen.objects.get(entry_id=view.id)
    assert screen.level != "unscreened"  # the screen ran on the raw text


def test_full_analysis_never_duplicates_the_alert_and_only_upgrades_it(paired: tuple[Any, Any]) -> None:
    client, _therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    entry = Entry.objects.get(pk=view.id)
    (alert,) = RiskAlert.objects.filter(client=client)
    first_level = alert.level
    stored = StoredAnalysis.objects.create(
        entry=entry, revision=entry.revision, risk_level="attempt", payload=b"x"
    )
    alerts.on_analysis(entry, stored, {"findings": [], "notes": []})
    (alert,) = RiskAlert.objects.filter(client=client)
    assert alert.level == "attempt" and alerts.RANK["attempt"] >= alerts.RANK[first_level]
    assert alert.urgency == alerts.urgency_for("attempt")
    assert AuditEvent.objects.filter(action="risk.alert.upgrade").count() == (first_level != "attempt")
    stored.risk_level = "ideation"
    alerts.on_analysis(entry, stored, {"findings": [], "notes": ["The risk analyzer could not run."]})
    alerts.on_analysis(entry, stored, {"findings": [], "notes": []})
    (alert,) = RiskAlert.objects.filter(client=client)
    assert alert.level == "attempt"  # never lowered by a later reading
    assert CheckIn.objects.filter(client=client).count() == 1


def test_an_edit_is_a_new_revision_with_its_own_alert(paired: tuple[Any, Any]) -> None:
    client, _ = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal.update_entry(client, view.id, EntryDraft(kind="reflection", body=RISKY + " Still."))
    records = set(RiskAlert.objects.values_list("record_id", flat=True))
    assert records == {alerts.revision_record(view.id, 1), alerts.revision_record(view.id, 2)}
    assert EntryScreen.objects.filter(entry_id=view.id).count() == 2


def test_a_failing_screen_still_saves_and_answers_with_the_safety_flow(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    assert risk_screen.screen_text(RISKY, "reflection").level in alerts.RISKY_LEVELS
    broken = risk_screen.Screened(risk_screen.UNSCREENED, {"error": "RuntimeError"}, 0.0)
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=QUIET))
    entry = Entry.objects.get(pk=view.id)
    EntryScreen.objects.filter(entry=entry).delete()
    RiskAlert.objects.all().delete()
    journal.screen_saved(entry, broken, written_at=entry.written_at)
    (alert,) = alerts.open_alerts(therapist)
    assert alert.level == "unscreened"


def test_cli_write_of_a_risky_entry_says_so_at_once(
    paired: tuple[Any, Any], tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    client, _ = paired
    _cli_write(client, tmp_path=tmp_path, monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert "Are you safe?" in out and "988" in out and "never your words" in out
    assert RISKY not in out
    text = tmp_path / "quiet.txt"
    text.write_text(QUIET, encoding="utf-8")
    alerts.answer_check_in(client, CheckIn.objects.get(client=client).id, "safe")
    from reverie.cli import journal_cmds

    journal_cmds.write(user=client.username, kind="reflection", file=text)
    assert "Are you safe?" not in capsys.readouterr().out


def test_reverie_doctor_opens_the_sealed_screens(paired: tuple[Any, Any]) -> None:
    from reverie.clinic.services import doctor

    client, _ = paired
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    report = doctor.check()
    assert report.failures == [] and "clinic.entryscreen.payload" not in report.header_only
    assert report.per_person[client.pk]["clinic.entryscreen.payload"] == 1


def test_an_explicit_session_flag_is_on_the_authors_list_too(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    notes.write_progress_note(therapist, course.id, 1, "She said she wants to kill herself and has a plan.")
    assert alerts.open_alerts(therapist) == []
    flagged = notes.flag_session_risk(therapist, course.id, 1, "behavior")
    assert [a.id for a in alerts.open_alerts(therapist)] == [flagged.id]
    assert RiskAlert.objects.filter(source="session").count() == 1
