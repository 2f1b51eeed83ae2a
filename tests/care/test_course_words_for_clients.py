"""Walk x3, decided: the client reads their course in plain words. The IPAF, the CCRT's letters (W, RO, RS) and
the formulation's version numbers stay on the therapist's pages; the client reads "the pattern you and your
therapist agreed to work on" and the CCRT's questions without their codes."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from course_clock import LONDON, START
from reverie.care.services import formulation
from reverie.programmes import formats
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
CODES = re.compile(r"\b(IPAF|CCRT|W|RO|RS)\b")


def _main(page: bytes) -> str:
    text = page.decode()
    return text[text.index("<main") : text.index("</main>")]


def test_course_words_the_client_reads_no_ipaf(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "small", "ccrt_w": "5", "ccrt_ro": "3"})
    formulation.agree_ipaf(therapist, course.id, now=START.replace(tzinfo=LONDON) + timedelta(minutes=10))
    formulation.share(therapist, course.id, True)
    mine = _main(_as(client).get(f"/courses/{course.id}/").content)
    assert not CODES.findall(mine), CODES.findall(mine)
    assert "the pattern you and your therapist agreed to work on" in mine.lower()
    assert "agreed at session 1</span>" in mine and "formulation version" not in mine
    shared = _main(_as(client).get(f"/courses/{course.id}/formulation/").content)
    assert not CODES.findall(shared), CODES.findall(shared)
    assert "Wishes in relationships" in shared and "How others respond" in shared
    theirs = _main(_as(therapist).get(f"/courses/{course.id}/").content)
    assert "Interpersonal-affective focus (IPAF)" in theirs
    assert "(formulation version 1)" in theirs
    assert (
        "Wishes in relationships (W)"
        in _as(therapist).get(f"/courses/{course.id}/formulation/").content.decode()
    )


def test_course_words_every_client_text_of_every_programme_is_plain() -> None:
    initial = formats.DIT.phase("initial")
    assert "IPAF" in initial.purpose and "pattern in your relationships" in initial.client_purpose
    for programme in formats.PROGRAMMES:
        for phase in programme.phases:
            assert not CODES.findall(phase.client_purpose), (programme.id, phase.key)
            for artefact in phase.artefacts:
                assert not CODES.findall(artefact.client_name + " " + artefact.client_description)


def test_course_calendar_link_in_plain_words(dit: tuple[Any, Any, Any]) -> None:
    """Walk x4, decided: the course's calendar link says what it does ("Add the sessions to your calendar"), not
    "Calendar (.ics)"; it still points at the .ics file."""
    client, therapist, course = dit
    for person in (client, therapist):
        mine = _main(_as(person).get(f"/courses/{course.id}/").content)
        link = f'<a href="/courses/{course.id}/calendar.ics">Add the sessions to your calendar</a>'
        assert link in mine and ".ics)" not in mine


def test_course_client_session_actions_have_no_dangling_separator(paired: tuple[Any, Any]) -> None:
    """Walk x5: the client's session rows read " · cancel" (the separator before the therapist's links, which the
    client does not have); the therapist's read "notes · move · cancel"."""
    from django.utils import timezone

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    start = timezone.now() + timedelta(days=1)
    course = create_course(therapist, CourseDraft(client=client.username, programme="dit", start=start))
    mine = _main(_as(client).get(f"/courses/{course.id}/").content)
    assert re.search(r'<td><a class="act" href="[^"]+/cancel/">cancel</a></td>', mine)
    assert "<td> · " not in mine
    theirs = _main(_as(therapist).get(f"/courses/{course.id}/").content)
    assert re.search(r'>notes</a> · <a class="act" [^>]+>move</a> · <a class="act" [^>]+>cancel</a>', theirs)
