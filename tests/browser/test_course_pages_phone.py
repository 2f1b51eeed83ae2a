"""Review r61: the client's own course pages the phone survey (test_phone_survey.py) does not open, on a 360x740
phone in real headless Chromium: goals, the shared formulation, the goodbye letter, the course record and the safety
plan's form. Each must fit 360 px, have no target under 24x24, no raw code, every phone number tappable (the
survey's own measures, phone_measure.py). Goals, formulation, letter and plan meet them; the record page does not."""

from __future__ import annotations

from typing import Any

import pytest
from phone_measure import measure
from test_check_in_390 import _sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _faults(path: str, found: dict[str, Any]) -> list[str]:
    out = [f"{path}: {s} under 24x24" for s in found["small"]]
    if found["scrollWidth"] > 360:
        out.append(f"{path}: {found['scrollWidth']} px wide (widest {found['widest']})")
    out += [f"{path}: raw {j}" for j in found["jargon"]]
    out += [f"{path}: a number that cannot be tapped: {p}" for p in found["phones"]]
    return out


def test_the_clients_course_pages_meet_the_phone_goals(
    chromium: Any, live_server: Any, dit: tuple[Any, Any, Any]
) -> None:
    """A client opens their goals, the formulation their therapist shared, their goodbye letter, their course
    record and their safety plan on a 360-px phone. The course record page tells them "The record holds the
    sessions, the progress notes and the measures, as JSON." — a file format's code name, which the journal's own
    export page no longer uses. It should say in words what they get (a file another program can read), as the
    export page does; every other check (taps, width, numbers) should hold on every page."""
    from reverie.care.services import course as courses
    from reverie.care.services import formulation, goals, notes, safety

    client, therapist, course = dit
    safety.save_plan(
        client, {"trusted_contacts": [{"name": "Ana", "phone": "+44 7700 900123"}], "crisis_country": "GB"}
    )
    goal = goals.propose(client, course.id, title="Sleep through the night without checking my phone")
    goals.rate(client, goal.id, 4)
    goals.link_session(client, goal.id, 2)
    goals.propose(therapist, course.id, template=goals.rules.GOAL_TEMPLATES[0].key)
    formulation.save_formulation(
        therapist,
        course.id,
        {"ipaf_self": "not good enough", "ccrt_w": "5", "ccrt_ro": "3", "defence": "jokes"},
    )
    formulation.share(therapist, course.id, True)
    courses.write_letter(therapist, course.id, "Dear A, what we found together. " * 20, base_version=0)
    courses.give_letter(therapist, course.id)
    notes.write_progress_note(therapist, course.id, 1, "We talked about the calls and the loan.")
    base = f"/courses/{course.id}/"
    context = chromium.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _sign_in_as(page, client, live_server)
    faults: list[str] = []
    for path in (base + "goals/", base + "formulation/", base + "letter/", base + "record/", "/safety/plan/"):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        faults += _faults(path, measure(page))
    context.close()
    assert not faults, "\n".join(faults)
