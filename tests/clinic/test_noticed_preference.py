"""r39: "What Reverie noticed" on the client's entry page follows their choice (ask first by default, always,
never); the risk note and the safety link sit outside the panel and no choice hides them. The therapist's view of
a shared entry is unchanged."""

from __future__ import annotations

import re
from typing import Any

import pytest
from test_observation_feedback import _analysed

from reverie.clinic.models import AuditEvent, NoticedOnEntries
from reverie.clinic.services import observations
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _panel(html: str) -> str:
    return html.split('id="noticed"')[1].split("</section>")[0] if 'id="noticed"' in html else ""


def _risk_outside_the_panel(html: str) -> None:
    before = html.split('id="noticed"')[0] if 'id="noticed"' in html else html
    assert 'id="risk-note"' in before and "sounds heavy" in before and 'href="/safety/"' in before
    assert "sounds heavy" not in _panel(html) and 'href="/safety/"' not in _panel(html)


def _choose(client: Any, value: str) -> None:
    client.noticed_on_entries = value
    client.save(update_fields=["noticed_on_entries"])


def test_ask_first_is_the_default_a_closed_panel_that_says_how_many(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    assert alice.noticed_on_entries == NoticedOnEntries.ASK
    view = _analysed(alice)
    found = observations.noticed(alice, view.id)
    assert found is not None and found.shown
    html = web_as(alice).get(f"/journal/{view.id}/").content.decode()
    opening = re.search(r"<details class=\"noticed-panel\"([^>]*)>\s*<summary[^>]*>([^<]*)</summary>", html)
    assert opening is not None and "open" not in opening.group(1)  # closed until the client opens it
    n = len(found.shown)
    assert opening.group(2) == f"Show what Reverie noticed ({n} reading{'s' if n != 1 else ''})"
    _risk_outside_the_panel(html)
    shown = (
        web_as(alice).get(f"/journal/{view.id}/?show=1").content.decode()
    )  # asked: open (kept after an answer)
    assert '<details class="noticed-panel" open>' in shown


def test_always_opens_the_panel(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    _choose(alice, NoticedOnEntries.ALWAYS)
    view = _analysed(alice)
    html = web_as(alice).get(f"/journal/{view.id}/").content.decode()
    assert '<details class="noticed-panel" open>' in html and "Does this fit?" in _panel(html)
    _risk_outside_the_panel(html)


def test_never_shows_no_panel_reads_no_observations_and_keeps_the_risk_note(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = make_user()
    _choose(alice, NoticedOnEntries.NEVER)
    view = _analysed(alice)

    def refuse(*_: Any, **__: Any) -> None:
        raise AssertionError("observations were read for a client who chose never")

    monkeypatch.setattr(observations, "noticed", refuse)
    html = web_as(alice).get(f"/journal/{view.id}/?show=1").content.decode()
    assert 'id="noticed"' not in html and "What Reverie noticed" not in html and "Does this fit?" not in html
    _risk_outside_the_panel(html)


def test_the_fit_answer_comes_back_to_the_open_panel(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = _analysed(alice)
    ref = observations.noticed(alice, view.id).shown[0].observation.ref  # type: ignore[union-attr]
    page = web_as(alice).post(f"/journal/{view.id}/fit/", {"observation": ref, "answer": "fits"})
    assert page.status_code == 302 and page["Location"] == f"/journal/{view.id}/?show=1#noticed"


def test_the_therapist_view_is_unchanged_whatever_the_client_chose(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    view = _analysed(client, shared=True)
    for value in NoticedOnEntries.values:
        _choose(client, value)
        html = web_as(therapist).get(f"/journal/{view.id}/").content.decode()
        assert "noticed-panel" not in html and 'id="risk-note"' not in html
        assert '<h2 id="noticed-title">What Reverie noticed</h2>' in html
        assert "The risk screen flagged this entry" in _panel(html)


def test_the_settings_page_offers_the_choice_to_a_client_only(
    make_user: Any, web_as: Any, paired: tuple[Any, Any]
) -> None:
    alice = make_user()
    web = web_as(alice)
    html = web.get("/account/settings/").content.decode()
    assert "What Reverie noticed on my entries" in html
    assert 'name="noticed_on_entries" value="ask" checked' in html
    saved = web.post("/account/settings/", {"noticed_on_entries": "never"})
    assert saved.status_code == 200 and "never show" in saved.content.decode()
    alice.refresh_from_db()
    assert alice.noticed_on_entries == "never" and alice.time_zone == "UTC"  # the zone is left alone
    assert AuditEvent.objects.filter(action="user.noticed_on_entries").count() == 1
    refused = web.post("/account/settings/", {"noticed_on_entries": "sometimes"})
    assert refused.status_code == 400
    alice.refresh_from_db()
    assert alice.noticed_on_entries == "never"
    with pytest.raises(InvalidInput):
        observations.set_preference(alice, "")
    therapist = paired[1]
    assert "noticed_on_entries" not in web_as(therapist).get("/account/settings/").content.decode()
