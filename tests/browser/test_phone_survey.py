"""Every page a client and a therapist reach, on a 360x740 phone in real headless Chromium (review r45's survey, kept):
on every page the visible text is at least 12 px, no tap target is under 24x24 CSS px (WCAG 2.2), nothing overflows
sideways, a client's page is at most 6,000 px tall, a client reads no raw code, and every phone number can be tapped
(tel:/sms:). The table of measures is printed too (run with -s); ``REVERIE_PHONE_SURVEY_OUT=FILE`` writes every row
as JSON. The faults the survey found have their own tests in test_phone_faults.py."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import RISKY, _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SMALLEST_TEXT_PX = 12
SMALLEST_TARGET_PX = 24  # phone_measure lists every target under 24x24 that is not a link inside a sentence
PHONE_WIDTH_PX = 360
MOST_CLIENT_PAGE_PX = 6000  # about eight screens of a 740-px phone
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
OGG = b"OggS\x00" + bytes(40)


def world(shared: tuple[Any, Any, Any, dict[str, str]], make_user: Any) -> dict[str, Any]:
    """The r30 client and course, with a risky entry waiting for its check-in, art and music, a safety plan, a
    measure, a progress note, and two more clients whose risky entries give the therapist several alerts."""
    from reverie.care.services import measures, notes, safety
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal, people
    from reverie.clinic.services.journal import AttachmentDraft, EntryDraft

    client, therapist, course, ids = shared
    safety.save_plan(
        client,
        {
            "trusted_contacts": [{"name": "Ana", "phone": "+44 7700 900123"}],
            "warning_signs": ["not sleeping"],
            "crisis_country": "GB",
        },
    )
    art = journal.create_entry(
        client, EntryDraft(kind="art", body="A drawing"), [AttachmentDraft("d.png", "image/png", PNG)]
    )
    music = journal.create_entry(
        client, EntryDraft(kind="music", body="A song"), [AttachmentDraft("s.ogg", "audio/ogg", OGG)]
    )
    response = measures.submit(client, "phq9", [1] * 9, course_id=course.id, session_number=2).response
    notes.write_progress_note(therapist, course.id, 1, "Talked about the father's calls and the loan.")
    for name in ("ruth", "omar"):
        other = make_user(name)
        people.accept_invitation(therapist, people.issue_invitation(other))
        journal.create_entry(other, EntryDraft(kind="reflection", body=RISKY))
    risky = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    dream = Entry.objects.filter(client=client, kind="dream").first()
    return {
        "client": client,
        "therapist": therapist,
        "course": course,
        "risky": risky.id,
        "art": art.id,
        "music": music.id,
        "dream": dream.pk if dream else risky.id,
        "first": next(iter(ids.values())),
        "response": response.pk,
    }


def client_pages(w: dict[str, Any]) -> list[str]:
    r, first = w["risky"], w["first"]
    return [
        "/",
        "/write/",
        "/journal/",
        f"/journal/{r}/",
        "/check-in/",
        f"/journal/{first}/",
        f"/journal/{w['dream']}/",
        f"/journal/{w['art']}/",
        f"/journal/{w['music']}/",
        f"/journal/{first}/edit/",
        f"/journal/{first}/history/",
        "/trash/",
        "/insights/",
        "/insights/?show=1",
        "/dreams/",
        "/fit/",
        "/directory/",
        "/measures/",
        "/measures/fill/phq9/",
        f"/measures/{w['response']}/",
        "/safety/",
        "/safety/plan/",
        "/export/",
        "/account/erase/",
        "/account/settings/",
        "/account/password/",
        "/account/2fa/",
        "/account/audit/",
        "/pair/",
        "/courses/",
        f"/courses/{w['course'].id}/",
        f"/courses/{w['course'].id}/measures/",
        "/measures/fill/gad7/",
    ]


def therapist_pages(w: dict[str, Any]) -> list[str]:
    base, cid = f"/courses/{w['course'].id}/", w["client"].pk
    return [
        "/",
        "/alerts/",
        "/courses/",
        "/courses/new/",
        base,
        base + "sessions/1/",
        base + "record/",
        base + "prep/",
        base + "formulation/",
        base + "letter/",
        base + "measures/",
        base + "goals/",
        base + "end/",
        f"/measures/{w['response']}/",
        "/week/",
        f"/clients/{cid}/insights/",
        f"/clients/{cid}/safety-plan/",
        "/directory/profile/",
        "/directory/import/",
        "/refer/",
        "/account/settings/",
        "/account/audit/",
        "/account/2fa/",
        "/account/erase/",
        "/insights/",
        "/journal/",
        f"/journal/{w['first']}/",
        "/safety/",
        "/pair/",
    ]


def survey(page: Any, paths: list[str], who: str) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        response = page.goto(path)
        found = measure(page)
        found.update(who=who, path=path, status=response.status if response else 0, url=page.url)
        if who == "therapist":
            found["jargon"] = []
        found["html"] = page.content() if os.environ.get("REVERIE_PHONE_SURVEY_OUT") else ""
        rows.append(found)
    return rows


def faults(row: dict[str, Any]) -> list[str]:
    """What one page misses of the goals, in words (empty when it meets them all)."""
    where, client = f"{row['who']} {row['path']}", row["who"] == "client"
    found = []
    if row["status"] != 200:
        found.append(f"{where}: answered {row['status']}")
    if row["font"] < SMALLEST_TEXT_PX:
        found.append(f"{where}: text of {row['font']} px ({row['fontText']})")
    found += [f"{where}: a target under {SMALLEST_TARGET_PX}x{SMALLEST_TARGET_PX}: {s}" for s in row["small"]]
    if row["scrollWidth"] > PHONE_WIDTH_PX:
        found.append(f"{where}: {row['scrollWidth']} px wide (widest {row['widest']})")
    if client and row["height"] > MOST_CLIENT_PAGE_PX:
        found.append(f"{where}: {row['height']} px tall")
    found += [f"{where}: raw {j}" for j in row["jargon"]] if client else []
    found += [f"{where}: a number that cannot be tapped: {p}" for p in row["phones"]]
    return found


def test_every_page_meets_the_phone_goals_at_360px(
    chromium: Any, live_server: Any, shared_history: Any, make_user: Any
) -> None:
    """Every page a client and a therapist reach meets the phone goals at 360x740 (the therapist's height is printed,
    not held to 6,000 px here: the home and prep pages are held to 3,000 px with a full caseload by
    test_therapist_caseload_phone.py, h65)."""
    w = world(shared_history, make_user)
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, w["client"], live_server)
    rows = survey(page, client_pages(w), "client")
    _sign_in_as(page, w["therapist"], live_server)
    rows += survey(page, therapist_pages(w), "therapist")
    context.close()
    print(f"\n{'who':9} {'page':44} {'st':3} {'font':>4} {'<24':>3} {'sw':>4} {'height':>6} jar tel")
    for row in rows:
        tall = "!" if row["who"] == "client" and row["height"] > MOST_CLIENT_PAGE_PX else " "
        print(
            f"{row['who']:9} {row['path'][:44]:44} {row['status']:3} {row['font']:4.1f} {len(row['small']):3} "
            f"{row['scrollWidth']:4} {row['height']:6}{tall}{len(row['jargon']):3} {len(row['phones']):3}"
        )
    out = os.environ.get("REVERIE_PHONE_SURVEY_OUT")
    if out:
        Path(out).write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    assert len(rows) == len(client_pages(w)) + len(therapist_pages(w)) == 62
    missed = [fault for row in rows for fault in faults(row)]
    assert not missed, "\n".join(missed)
