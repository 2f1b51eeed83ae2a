"""Issue 12 §4, walked point by point on the web: a pending check-in never blocks reading or writing (journal,
patterns, export, erase), and the therapist sees "I need help now" above "You misunderstood", and drawn differently."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reverie.care.models import RiskAlert
from reverie.care.services import alerts
from reverie.clinic.models import Entry, User
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
PASSWORD = "a long test password"
CSS = (
    Path(__file__).resolve().parents[2] / "src" / "reverie" / "clinic" / "static" / "reverie" / "reverie.css"
)


def _pending(client: Any) -> Any:
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    assert alerts.pending_check_in(client) is not None
    return view


def test_a_pending_check_in_never_blocks_reading_or_writing(paired: tuple[Any, Any], web_as: Any) -> None:
    client, _ = paired
    view = _pending(client)
    web = web_as(client)
    for path in ("/", "/journal/", f"/journal/{view.id}/", "/write/", "/insights/", "/dreams/", "/export/"):
        page = web.get(path)
        assert page.status_code == 200, path  # never a redirect to the check-in
        assert b'id="check-in"' in page.content, path  # the banner sits on top, the page below it
    assert RISKY.encode() in web.get(f"/journal/{view.id}/").content  # reading the entry itself

    written = web.post("/write/", {"kind": "dream", "body": "A boat at night."})  # writing
    assert written.status_code == 302 and Entry.objects.filter(client=client).count() == 2
    edited = web.post(f"/journal/{view.id}/edit/", {"kind": "reflection", "body": RISKY + " Tired."})
    assert edited.status_code == 302
    exported = web.post("/export/", {"format": "json"})  # export
    assert exported.status_code == 200 and exported["Content-Disposition"].startswith("attachment")
    assert len(json.loads(exported.content)["entries"]) == 2
    assert alerts.pending_check_in(client) is not None  # none of this answered the check-in for them

    erase_page = web.get("/account/erase/")  # erase: reachable and it works
    assert erase_page.status_code == 200 and b'id="check-in"' in erase_page.content
    erased = web.post("/account/erase/", {"confirm": client.username, "password": PASSWORD})
    # its result is behind a redirect (r134)
    assert erased.status_code == 303 and not User.objects.filter(pk=client.pk).exists()
    assert web.get(erased["Location"]).status_code == 200


def test_the_api_is_not_blocked_by_a_pending_check_in(paired: tuple[Any, Any]) -> None:
    from django.test import Client

    from reverie.api import tokens

    client, _ = paired
    view = _pending(client)
    api = Client(headers={"Authorization": f"Bearer {tokens.issue(client, 'tests').secret}"})
    for path in ("/api/v1/entries", f"/api/v1/entries/{view.id}", "/api/v1/export", "/api/v1/check-in"):
        assert api.get(path).status_code == 200, path
    body = json.dumps({"kind": "dream", "body": "A boat at night."})
    assert api.post("/api/v1/entries", body, content_type="application/json").status_code == 201


def _alert_item(page: str, client: str) -> str:
    items = re.findall(r'<li class="entry-row alert-row[^"]*">.*?</li>', page, flags=re.S)
    return next(item for item in items if f"<strong>{client}</strong>" in item)


def test_need_help_ranks_above_and_looks_different_from_misunderstood(make_user: Any, web_as: Any) -> None:
    therapist = make_user(role="therapist")
    asking, correcting = make_user(role="client"), make_user(role="client")
    for client in (correcting, asking):
        people.accept_invitation(therapist, people.issue_invitation(client))
    for client, answer in ((correcting, "misunderstood"), (asking, "need_help")):
        _pending(client)
        check_in = alerts.pending_check_in(client)
        assert check_in is not None
        web_as(client).post("/check-in/", {"check_in": str(check_in.id), "answer": answer})

    page = web_as(therapist).get("/alerts/").content.decode()
    need, wrong = _alert_item(page, asking.username), _alert_item(page, correcting.username)
    assert page.index(need) < page.index(wrong)  # "I need help now" first
    assert "urgency-row-5" in need and 'class="urgency urgency-5"' in need and "I need help now" in need
    assert "urgency-row-1" in wrong and 'class="urgency urgency-1"' in wrong and "You misunderstood" in wrong
    assert "urgent (asked for help now)" in need and "low (the client says we misunderstood)" in wrong
    assert RISKY not in page
    assert RiskAlert.objects.filter(answer="misunderstood").count() == 1  # kept, only lowered

    css = CSS.read_text(encoding="utf-8")  # and the two classes are drawn differently
    rules = {cls: re.search(r"\." + cls + r" \{([^}]*)\}", css) for cls in ("urgency-5", "urgency-1")}
    assert all(rules.values()) and rules["urgency-5"].group(1) != rules["urgency-1"].group(1)  # type: ignore[union-attr]
    assert "background:var(--warn)" in rules["urgency-5"].group(1)  # type: ignore[union-attr]
