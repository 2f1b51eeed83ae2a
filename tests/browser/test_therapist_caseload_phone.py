"""A therapist between sessions reads the caseload (home) page and a client's session-prep page on a 360x740 phone
(h65). With a realistic caseload (25 clients each on a course, 5 with a risk alert, 8 with a session this week, 20
entries shared) each page stays under about four screens, by design: summaries first, long lists behind a plain
"show all" control; the risk alerts are never folded away and come first with their urgency and the client's own
answer. The survey's other goals hold too (text at least 12 px, no tap target under 24x24 px, nothing sideways)."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from phone_measure import measure
from test_check_in_390 import RISKY, _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MOST_THERAPIST_PAGE_PX = 3000  # about four screens of a 740-px phone
CLIENTS, ALERTS, THIS_WEEK = 25, 5, 8


def caseload_world(shared: tuple[Any, Any, Any, dict[str, str]], make_user: Any) -> dict[str, Any]:
    """The r30 client and course with its 20 shared entries and one open alert, and 24 more clients on courses: the
    first 8 have a session this week, the others start in two to five weeks; the first 4 wrote a risky entry (an
    alert each), and the first of them answered the check-in "I need help now"."""
    from reverie.care.services import alerts
    from reverie.care.services.course import CourseDraft, create_course
    from reverie.clinic.services import journal, people
    from reverie.clinic.services.journal import EntryDraft

    client, therapist, course, _ids = shared
    # the r30 history's risky entries left alerts: all but the latest acknowledged, so the prep page shows one
    for alert in alerts.open_alerts(therapist)[1:]:
        alerts.acknowledge(therapist, alert.pk)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for n in range(1, CLIENTS):
        other = make_user(f"client-{n:02}")
        people.accept_invitation(therapist, people.issue_invitation(other))
        # weekly courses at different hours of the week, so that no two sessions overlap
        later = timedelta(weeks=2 + n % 4, hours=3 + 7 * (n - THIS_WEEK))
        start = now + (timedelta(hours=2 + 20 * n) if n <= THIS_WEEK else later)
        create_course(
            therapist, CourseDraft(client=other.username, programme="dit", start=start, timezone="UTC")
        )
        if n < ALERTS:  # with the r30 client's open alert, five alerts
            journal.create_entry(other, EntryDraft(kind="reflection", body=RISKY))
            if n == 1:  # one client answered the check-in: the therapist reads the answer on the first screen
                pending = alerts.pending_check_in(other)
                assert pending is not None
                alerts.answer_check_in(other, pending.pk, "need_help")
    return {"therapist": therapist, "course": course, "client": client}


def first_screen(page: Any) -> str:
    """The text a phone shows before any scrolling (the top 740 px of the page)."""
    return str(page.evaluate(FIRST_SCREEN))


FIRST_SCREEN = """() => { const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) { const p = n.parentElement; if (!p || !n.textContent.trim()) continue;
    const r = p.getBoundingClientRect(); if (!r.height || r.top + window.scrollY >= 740) continue;
    if (p.closest('details:not([open])') && !p.closest('summary')) continue; out.push(n.textContent.trim()); }
  return out.join(' '); }"""


URGENCIES_SHOWN = """() => [...document.querySelectorAll('main .urgency')].filter(e => e.getClientRects().length
  && !e.closest('details:not([open])')).length"""


def test_caseload_and_prep_fit_a_phone_with_a_full_caseload(
    chromium: Any, live_server: Any, shared_history: Any, make_user: Any
) -> None:
    w = caseload_world(shared_history, make_user)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, w["therapist"], live_server)
    rows = {}
    for path in ("/", f"/courses/{w['course'].id}/prep/"):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        # what the phone shows as it opens, before measure() opens every <details> to look for raw codes
        urgencies, screen = page.evaluate(URGENCIES_SHOWN), first_screen(page)
        if os.environ.get("H65_SHOTS"):
            page.screenshot(
                path=f"{os.environ['H65_SHOTS']}/{'prep' if 'prep' in path else 'home'}.png", full_page=True
            )
        rows[path] = measure(page)
        rows[path].update(urgencies=urgencies, first_screen=screen)
    context.close()
    for path, row in rows.items():
        print(f"\n{path}: {row['height']} px tall at 360 px")
    for path, row in rows.items():
        assert row["height"] <= MOST_THERAPIST_PAGE_PX, (path, row["height"])
        assert row["font"] >= 12, (path, row["fontText"])
        assert not row["small"], (path, row["small"])
        assert row["scrollWidth"] <= 360, (path, row["widest"])
    home, prep = rows.values()
    # the first screen answers "what needs me now": the alerts with their urgency and the client's own answer, and
    # today's sessions (or that there are none)
    assert "urgency: urgent" in home["first_screen"] and "I need help now" in home["first_screen"]
    assert "Sessions today" in home["first_screen"] or "No sessions today" in home["first_screen"]
    assert (
        home["urgencies"] == ALERTS
        and prep["urgencies"] == 1
        and "Risk alerts to acknowledge" in prep["first_screen"]
    )
