"""h86: the goals, formulation, goodbye-letter and measure forms showed a refusal only at the top of the page; the box
it is about carried no ``aria-invalid`` and no ``aria-describedby`` (the session notes and the change-password page
do since h78). Each refusal is now on its box too (``with_error``'s field error, the service naming the field it
refuses), described by its message, with the typed text kept; the summary at the top still says it."""

from __future__ import annotations

import html as html_lib
from typing import Any

import pytest
from django.urls import reverse

from field_errors import field_error
from reverie.care.models import MeasureResponse, RiskAlert
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
ASIDE = "Feeling more at ease with my sister"


def _said(page: Any, box: str, words: str, status: int = 400) -> str:
    assert page.status_code == status
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    return html


@pytest.mark.parametrize(
    ("form", "box", "words"),
    [
        ({"title": "", "description": ASIDE}, "title", "goal title"),
        ({"title": ASIDE, "description": "more " * 101}, "description", "longer than the limit"),
        ({"template": "no-such-template", "title": ASIDE}, "template", "Unknown goal template"),
    ],
    ids=["title-empty", "description-too-long", "unknown-template"],
)
def test_a_refused_goal_is_said_on_its_box(
    dit: tuple[Any, Any, Any], form: dict[str, str], box: str, words: str
) -> None:
    client, _, course = dit
    page = _as(client).post(reverse("care:goals", kwargs={"course_id": course.id}), form)
    html = html_lib.unescape(_said(page, box, words))
    for (
        key,
        typed,
    ) in form.items():  # every text box keeps what was typed (a select offers only known templates)
        assert key == "template" or typed.strip() in html


@pytest.mark.parametrize(
    ("form", "box", "words"),
    [
        ({"ipaf_self": "x" * 2001, "defence": "Joking it away"}, "ipaf_self", "longer than the limit"),
        ({"ccrt_w": "9", "defence": "Joking it away"}, "ccrt_w", "cluster number from 1 to 8"),
    ],
    ids=["text-too-long", "cluster-out-of-range"],
)
def test_a_refused_formulation_field_is_said_on_its_box(
    dit: tuple[Any, Any, Any], form: dict[str, str], box: str, words: str
) -> None:
    _, therapist, course = dit
    url = reverse("care:formulation", kwargs={"course_id": course.id})
    page = _as(therapist).post(url, {"base_version": "0", **form})
    html = _said(page, box, words)
    assert field_error(html, "defence") == (False, "")  # the box not refused is not marked
    assert "Joking it away" in html and form.get("ipaf_self", "") in html  # the typed text is kept


def test_a_refused_goodbye_letter_is_said_on_its_box(dit: tuple[Any, Any, Any]) -> None:
    _, therapist, course = dit
    letter = "Dear A, " + "what we found together. " * 900  # 21,608 characters: over the limit (20,000)
    url = reverse("care:letter", kwargs={"course_id": course.id})
    page = _as(therapist).post(url, {"action": "write", "base_version": "0", "text": letter})
    html = _said(page, "text", "longer than the limit")
    assert letter.strip() in html  # the typed letter is kept in the box


def _phq9(**answers: str) -> dict[str, str]:
    return {f"item{n}": answers.get(f"item{n}", "1") for n in range(1, 10) if answers.get(f"item{n}") != ""}


@pytest.mark.parametrize("item9", ["0", "2"], ids=["item9-not-at-all", "item9-more-than-half"])
def test_a_missing_answer_is_said_on_its_question_and_the_others_are_kept(
    dit: tuple[Any, Any, Any], item9: str
) -> None:
    client, _, _ = dit
    form = {**_phq9(item2="", item5="3", item9=item9), "session": "16"}
    page = _as(client).post("/measures/fill/phq9/", form)
    html = _said(page, "item2", "Answer question 2.")
    assert field_error(html, "item3") == (False, "")  # the questions answered are not marked
    assert 'name="item5" value="3" checked' in html and 'name="item9" value="' + item9 + '" checked' in html
    assert MeasureResponse.objects.count() == 0
    # the PHQ-9 question-9 screen of a refused form still works: crisis lines and an alert when it is above 0
    assert ('id="lines-heading"' in html) == (item9 != "0")
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists() == (item9 != "0")


def test_an_answer_off_the_scale_is_said_on_its_question(dit: tuple[Any, Any, Any]) -> None:
    client, _, _ = dit
    page = _as(client).post("/measures/fill/phq9/", {**_phq9(item3="7"), "session": "16"})
    _said(page, "item3", "between 0 and 3")


@pytest.mark.parametrize(
    ("form", "box", "words"),
    [
        ({"coping_steps": "a walk\n" + "long " * 100}, "coping_steps", "entry 2: at most"),
        (
            {"trusted_contacts_name": ["", "Ana"], "trusted_contacts_phone": ["", "12"]},
            "trusted_contacts_phone_1",  # the first contact given: the form shows it on the first row
            "entry 1",
        ),
        (
            {
                "trusted_contacts_name": ["Ana", ""],
                "trusted_contacts_phone": ["07700 900123", "07700 900456"],
            },
            "trusted_contacts_name_2",
            "the name must be",
        ),
    ],
    ids=["line-too-long", "contact-phone", "contact-without-name"],
)
def test_a_refused_safety_plan_entry_is_said_on_its_box(
    make_user: Any, form: dict[str, Any], box: str, words: str
) -> None:
    client = make_user()
    page = _as(client).post("/safety/plan/", {"base_version": "0", "coping_steps": "a walk", **form})
    html = _said(page, box, words)
    for typed in form.values():
        for value in typed if isinstance(typed, list) else [typed]:
            assert value.strip() in html  # every box keeps what was typed


def _fit(**changes: str) -> dict[str, str]:
    from reverie.programmes import fit as fit_rules

    form = {f"seed_{key}": "yes" for key, _ in fit_rules.SEED_QUESTIONS}
    form.update({f"pref_{item.key}": "0" for item in fit_rules.PREFERENCE_ITEMS}, structure="open_ended")
    form.update(changes)
    return {key: value for key, value in form.items() if value != ""}


@pytest.mark.parametrize(
    ("form", "box", "words"),
    [
        (_fit(seed_feeling_emotions=""), "seed_feeling_emotions", "answer yes, no or not sure"),
        (_fit(structure=""), "structure", "structured or an open-ended"),
        (_fit(pref_d2="9"), "pref_d2", "from -3 to 3"),
    ],
    ids=["question-unanswered", "structure-unanswered", "point-off-the-scale"],
)
def test_a_refused_fit_answer_is_said_on_its_question(form: dict[str, str], box: str, words: str) -> None:
    from django.test import Client

    page = Client().post("/fit/", form)
    html = _said(page, box, words)
    assert 'name="seed_understand_self" value="yes" checked' in html  # the answers given are kept
