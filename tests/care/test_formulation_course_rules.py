"""The formulation's writes follow the course's rules (review r80's brief, h93): an ended course takes no new
version, and "We agreed the IPAF today" agrees the version the therapist's page showed, once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from course_clock import at
from reverie.care.models import Course, Formulation
from reverie.care.services import course as courses
from reverie.care.services import formulation
from reverie.errors import InvalidInput, StaleEdit
from web_client import signed_in

pytestmark = pytest.mark.django_db


def test_an_ended_course_takes_no_new_formulation_version(dit: tuple[Any, Any, Any]) -> None:
    """Notes and questionnaires refuse an ended course (``courses.check_open``); the formulation saved a new
    version after the end. It is refused in the same words, nothing saved."""
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "before the end"})
    courses.end_course(therapist, course.id)
    with pytest.raises(InvalidInput, match=r"This course ended on .*: nothing new is added"):
        formulation.save_formulation(therapist, course.id, {"ipaf_self": "after the end"}, base_version=1)
    assert Formulation.objects.filter(course=course).count() == 1


def test_the_ipaf_agreed_is_the_version_the_page_showed(dit: tuple[Any, Any, Any]) -> None:
    """A page that showed version 1 presses "We agreed the IPAF today" after version 2 was saved in another tab:
    before, version 2 (never seen there) was recorded as agreed. Now it is refused, nothing agreed."""
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "agreed in session"})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "an unseen rewrite"}, base_version=1)
    with pytest.raises(StaleEdit, match=r"now at version 2, you had version 1\. Nothing was agreed"):
        formulation.agree_ipaf(therapist, course.id, now=at(19, 1), version=1)
    assert Course.objects.get(pk=course.pk).ipaf_agreed_at is None
    agreed = formulation.agree_ipaf(therapist, course.id, now=at(19, 1), version=2)
    assert agreed.ipaf_agreed_version == 2


def test_a_second_press_keeps_the_first_agreement(dit: tuple[Any, Any, Any]) -> None:
    """Agreed at session 3 on version 1; a second press weeks later (an old page, a double tap) overwrote the
    session and version. The first agreement is kept and nothing new is recorded."""
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "agreed in session"})
    formulation.agree_ipaf(therapist, course.id, now=at(19, 1))
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "rewritten later"})
    again = formulation.agree_ipaf(therapist, course.id, now=at(9, 2))
    assert (again.ipaf_agreed_version, again.ipaf_agreed_session) == (1, 3)
    stored = Course.objects.get(pk=course.pk)
    assert (stored.ipaf_agreed_version, stored.ipaf_agreed_session, stored.ipaf_agreed_at) == (
        1,
        3,
        at(19, 1),
    )


def test_the_course_pages_agreement_button_carries_the_version_it_showed(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "agreed in session"})
    web = signed_in(therapist)
    page = web.get(f"/courses/{course.id}/").content.decode()
    form = re.search(r'ipaf/agree/".*?</form>', page, re.S)
    assert form is not None
    shown = re.search(r'name="version" value="(\d+)"', form.group(0))
    assert shown is not None and shown.group(1) == "1"
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "an unseen rewrite"}, base_version=1)
    answer = web.post(f"/courses/{course.id}/ipaf/agree/", {"version": shown.group(1)})
    assert answer.status_code == 409
    assert Course.objects.get(pk=course.pk).ipaf_agreed_at is None
