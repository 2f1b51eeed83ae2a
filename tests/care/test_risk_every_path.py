"""Issue 12 §1, the paths ``test_risk_at_save.py`` does not walk: the API's import, the CLI's import, jrnl's plain-
text journal file, Day One's zip; and the paths that are not journal entries: a progress note written on the web,
PHQ-9 item 9 on the web, through the API and through the CLI. Each is screened at the moment of saving (the worker
is off: no ``StoredAnalysis``), raises its content-free alert for the linked therapist, and leaves the client a
check-in when the client wrote it. ``test_every_path_is_walked`` checks that, together with the entry paths of
``test_risk_at_save.py``, every path the issue names is covered.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from test_risk_at_save import ENTRY_PATHS, PASSWORD, RISKY, _day_one, _jrnl, _reverie_json

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import Entry, EntryScreen, StoredAnalysis

pytestmark = pytest.mark.django_db
NOTE = "She said she wants to kill herself and has a plan."


def _token(user: Any) -> Client:
    from reverie.api import tokens

    return Client(headers={"Authorization": f"Bearer {tokens.issue(user, 'tests').secret}"})


def _soon() -> Any:
    return timezone.now().astimezone(UTC) + timedelta(minutes=2)


def _api_import(client: Any, **_: Any) -> None:
    body = json.dumps(_jrnl(_soon()))
    response = _token(client).post("/api/v1/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1, response.content


def _cli_import(client: Any, tmp_path: Path, monkeypatch: Any, **_: Any) -> None:
    from reverie.cli import journal_cmds

    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(_reverie_json(_soon())), encoding="utf-8")
    journal_cmds.import_(path, user=client.username)


def _jrnl_text(client: Any, **_: Any) -> None:
    from reverie.clinic.services import portability
    from reverie.clinic.services.local_time import zone_of

    local = _soon().astimezone(zone_of(client))
    text = f"[{local:%Y-%m-%d %H:%M}] A hard night.\n{RISKY}\n"
    assert portability.import_journal(client, text.encode()).created == 1


def _dayone_zip(client: Any, **_: Any) -> None:
    from reverie.clinic.services import portability

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Journal.json", json.dumps(_day_one(_soon())))
    assert portability.import_journal(client, buffer.getvalue()).created == 1


MORE_ENTRY_PATHS: dict[str, Callable[..., None]] = {
    "api-import": _api_import,
    "cli-import": _cli_import,
    "import-jrnl-text": _jrnl_text,
    "import-dayone-zip": _dayone_zip,
}


def _progress_note_web(course: Any, therapist: Any, web_as: Any, **_: Any) -> None:
    page = web_as(therapist).post(
        f"/courses/{course.id}/sessions/1/", {"action": "progress", "text": NOTE}, follow=False
    )
    assert page.status_code in (200, 302), page.status_code


def _phq9_web(client: Any, web_as: Any, **_: Any) -> None:
    form = {f"item{n}": "0" for n in range(1, 10)} | {"item9": "1", "session": "16"}  # the course is over
    page = web_as(client).post("/measures/fill/phq9/", form)
    assert page.status_code == 200 and b'href="tel:' in page.content  # the crisis lines, tappable, at once


def _phq9_api(client: Any, **_: Any) -> None:
    body = json.dumps({"questionnaire": "phq9", "answers": [0] * 8 + [1], "session_number": 16})
    response = _token(client).post("/api/v1/measures", body, content_type="application/json")
    assert response.status_code == 201 and response.json()["risk_item_positive"] is True, response.content


def _phq9_cli(client: Any, monkeypatch: Any, capsys: Any, **_: Any) -> None:
    from reverie.cli import care_cmds

    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    care_cmds.measure_fill("phq9", "0,0,0,0,0,0,0,0,1", user=client.username, session=16)
    assert "Crisis lines" in capsys.readouterr().out


OTHER_PATHS: dict[str, tuple[str, Callable[..., None]]] = {  # path → (alert source, how it saves)
    "session-note-web": ("session", _progress_note_web),
    "phq9-web": ("phq9_item9", _phq9_web),
    "phq9-api": ("phq9_item9", _phq9_api),
    "phq9-cli": ("phq9_item9", _phq9_cli),
}
# What issue 12 §1 names: web, API, CLI, import (jrnl, Day One, Reverie), recovery, edits, session notes, PHQ-9.
NAMED = {
    "web-write", "web-edit", "api-create", "api-update", "api-import", "cli-write", "cli-import", "cli-recover",
    "import-jrnl", "import-jrnl-text", "import-dayone", "import-dayone-zip", "import-reverie",
    "session-note-web", "phq9-web", "phq9-api", "phq9-cli",
}  # fmt: skip


def test_every_path_is_walked() -> None:
    walked = set(ENTRY_PATHS) | set(MORE_ENTRY_PATHS) | set(OTHER_PATHS)
    assert walked >= NAMED, sorted(NAMED - walked)


@pytest.mark.parametrize("path", MORE_ENTRY_PATHS, ids=list(MORE_ENTRY_PATHS))
def test_more_entry_paths_screen_before_they_return(
    path: str, paired: tuple[Any, Any], web_as: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    client, therapist = paired
    MORE_ENTRY_PATHS[path](client, web_as=web_as, tmp_path=tmp_path, monkeypatch=monkeypatch)

    entry = Entry.objects.get(client=client)
    screen = EntryScreen.objects.get(entry=entry, revision=entry.revision)
    assert screen.level in alerts.RISKY_LEVELS and RISKY.encode() not in bytes(screen.payload)
    alert = RiskAlert.objects.get(client=client, source="journal")
    assert alert.record_id == alerts.revision_record(entry.id, entry.revision)
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    assert CheckIn.objects.get(client=client, alert=alert).answered_at is None
    assert not StoredAnalysis.objects.exists()  # the worker is off: it came from the save's own screen


@pytest.mark.parametrize("path", OTHER_PATHS, ids=list(OTHER_PATHS))
def test_notes_and_measures_enter_the_same_flow_at_save(
    path: str, dit: tuple[Any, Any, Any], make_user: Any, web_as: Any, monkeypatch: Any, capsys: Any
) -> None:
    from reverie.clinic.services import people

    client, therapist, course = dit
    colleague = make_user(role="therapist")  # also linked: sees what the author of a note does not
    people.accept_invitation(colleague, people.issue_invitation(client))
    source, save = OTHER_PATHS[path]
    save(
        client=client,
        therapist=therapist,
        course=course,
        web_as=web_as,
        monkeypatch=monkeypatch,
        capsys=capsys,
    )

    alert = RiskAlert.objects.get(client=client, source=source)
    assert alert.id in {a.id for a in alerts.open_alerts(colleague)}
    if source == "session":  # the therapist wrote it: never alerts its author, no check-in for the client
        assert alert.level in alerts.RISKY_LEVELS and alert.raised_by == therapist
        assert alerts.open_alerts(therapist) == []
        assert not CheckIn.objects.filter(client=client).exists()
    else:
        assert alert.id in {a.id for a in alerts.open_alerts(therapist)}
        assert CheckIn.objects.get(client=client, alert=alert).answered_at is None


@pytest.mark.parametrize("path", ["cli-import", "cli-recover"])
def test_cli_import_and_recover_say_so_at_once(
    path: str, paired: tuple[Any, Any], tmp_path: Path, monkeypatch: Any, capsys: Any
) -> None:
    from test_risk_at_save import _cli_recover

    client, _ = paired
    save = _cli_import if path == "cli-import" else _cli_recover
    save(client, tmp_path=tmp_path, monkeypatch=monkeypatch)
    out = capsys.readouterr().out
    assert "Are you safe?" in out and "Crisis lines" in out and "never your words" in out
    assert RISKY not in out


def test_cli_check_in_shows_and_answers_with_the_same_service(
    paired: tuple[Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    from reverie.cli import journal_cmds
    from reverie.clinic.models import AuditEvent
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft
    from reverie.errors import InvalidInput

    client, therapist = paired
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    journal_cmds.check_in(user=client.username)
    assert "No check-in is waiting" in capsys.readouterr().out
    journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal_cmds.check_in(user=client.username)
    shown = capsys.readouterr().out
    assert "Are you safe?" in shown and "--answer safe" in shown and RISKY not in shown
    with pytest.raises(InvalidInput):
        journal_cmds.check_in(answer="fine", user=client.username)

    journal_cmds.check_in(answer="need_help", user=client.username)
    answered = capsys.readouterr().out
    assert "Please reach out now" in answered and "Crisis lines" in answered
    alert = RiskAlert.objects.get(client=client)
    assert (alert.answer, alert.urgency) == ("need_help", alerts.NEED_HELP_URGENCY)
    assert alerts.open_alerts(therapist)[0].id == alert.id
    assert AuditEvent.objects.filter(action="check_in.need_help", actor_id=client.pk).exists()
    assert alerts.pending_check_in(client) is None


def test_cli_check_in_refuses_an_unknown_answer_in_a_fresh_process(cli: Any) -> None:
    """Before: in a fresh process the check was reached before Django was ready, so a mistyped answer gave
    "unexpected ImproperlyConfigured" (exit 70) instead of naming the three answers."""
    cli("user", "create", "kim")
    code, _, err = cli("journal", "check-in", "--answer", "maybe", "-u", "kim", check=False)
    assert code not in (0, 70), err
    assert "I'm safe for now" in err and "You misunderstood" in err
    code, out, _ = cli("journal", "check-in", "-u", "kim")
    assert code == 0 and "No check-in is waiting" in out
