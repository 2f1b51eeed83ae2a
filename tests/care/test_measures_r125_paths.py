"""Review r125: outcome measures (PHQ-9, GAD-7) as a client answering them and a therapist preparing a session.

Each test is one fault found in the review, shown as a person meets it. Nothing is mocked: a real database, the web
through Django's test client, the command line's own function in this process (as
``test_item9_on_a_refused_form.py`` calls it)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from html.parser import HTMLParser
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import MeasureResponse, RiskAlert
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
from reverie.clinic.services import people
from reverie.errors import InvalidInput
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
PASSWORD = "a long test password"  # make_user's (tests/conftest.py)


class _FillForm(HTMLParser):
    """The fill page's answer form as a browser sends it (the form holding question 1, not the menu's sign-out
    form): where it posts, its hidden fields and the session chosen."""

    def __init__(self) -> None:
        super().__init__()
        self._forms: list[tuple[str, dict[str, str], bool]] = []
        self._select: str | None = None

    @property
    def action(self) -> str | None:
        return next((action for action, _, answers in self._forms if answers), None)

    @property
    def fields(self) -> dict[str, str]:
        return next((fields for _, fields, answers in self._forms if answers), {})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._forms.append((a.get("action", ""), {}, False))
            return
        if not self._forms:
            return
        action, fields, _ = self._forms[-1]
        if tag == "input" and a.get("name") == "item1":
            self._forms[-1] = (action, fields, True)
        elif tag == "input" and a.get("type") == "hidden" and a.get("name"):
            fields.setdefault(a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a and a.get("value"):
            fields.setdefault(self._select, a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and "/measures/fill/phq9/" in href:
            self.hrefs.append(href)


def _phq(total: int) -> list[int]:
    """PHQ-9 answers adding up to ``total``, question 9 left at 0."""
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return answers


def _start_in(days_ahead: int, hour: int) -> datetime:
    """A naive start ``days_ahead`` days from today (London), at ``hour``."""
    day = (timezone.now().astimezone(LONDON) + timedelta(days=days_ahead)).date()
    return datetime(day.year, day.month, day.day, hour, 0)


def test_a_client_in_therapy_with_two_therapists_can_answer_the_first_ones_questionnaires(
    make_user: Any,
) -> None:
    """A client sees two therapists, each running a course with PHQ-9 before every session: Theo's starts in two
    days, Rosa's (set up after it) in three. The client's Measures page shows one course only, the newest, without
    saying whose it is ("Next: Session 1 of 16"), and every "fill in" link stores the answers in Rosa's course;
    Theo's course page has no link at all (and ``reverie measure fill`` has no way to name a course). So the
    questionnaire due before Theo's session, the earlier one, can never be answered on the web: Theo never gets a
    score, and the client cannot tell that the answers they sent "before the next session" went to Rosa. The
    client should be offered each course's due questionnaires and be able to answer Theo's."""
    client = make_user(role="client")
    theo, rosa = make_user(role="therapist"), make_user(role="therapist")
    people.accept_invitation(theo, people.issue_invitation(client))
    people.accept_invitation(rosa, people.issue_invitation(client))
    first = create_course(
        theo,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(2, 10), timezone="Europe/London"
        ),
    )
    create_course(
        rosa,
        CourseDraft(
            client=client.username, programme="dit", start=_start_in(3, 14), timezone="Europe/London"
        ),
    )
    web = _as(client)
    links = _Links()
    for page in ("/measures/", f"/courses/{first.id}/"):
        links.feed(web.get(page).content.decode())
    assert links.hrefs, "the Measures page offers no questionnaire at all"
    for href in dict.fromkeys(links.hrefs):  # every PHQ-9 the client is offered, answered as a browser would
        form = _FillForm()
        form.feed(web.get(href).content.decode())
        answers = {f"item{n}": "1" for n in range(1, 10)} | {"item9": "0"}
        assert web.post(form.action or href, {**form.fields, **answers}).status_code in (200, 400, 409)
    stored = list(
        MeasureResponse.objects.filter(client=client).values_list("course__therapist__username", flat=True)
    )
    assert stored, "the form stored nothing at all"  # it did: in the newest course, Rosa's
    assert MeasureResponse.objects.filter(course=first, questionnaire="phq9").exists(), (
        f"no PHQ-9 the client could open reached Theo's course, whose session comes first; stored for: {stored}"
    )


def test_the_command_line_gives_a_client_in_london_the_uk_crisis_lines_after_question_9(
    dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    """A client in London (their time zone and their course's) with no safety plan yet answers PHQ-9 question 9
    "More than half the days" with ``reverie measure fill``. The command lists three crisis lines, all American:
    "988 Suicide & Crisis Lifeline: Call or text 988", "Crisis Text Line: Text HOME to 741741", "Emergency
    services: Call 911" (``cli.care_cmds._show_safety`` falls back to ``lines_for("US")``). The web's answer page
    and the journal command's check-in (``journal_cmds._crisis_lines``) list each country's first line instead, so
    the client would read Samaritans 116 123 there. At the command line they should too, not only numbers of
    another country."""
    from reverie.cli import care_cmds

    client, _, _ = dit
    client.time_zone = "Europe/London"
    client.save(update_fields=["time_zone"])
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    care_cmds.measure_fill("phq9", "0,0,0,0,0,0,0,0,2", user=client.username, session=1)
    out = capsys.readouterr().out
    assert "Crisis lines" in out and "better off dead" in out
    assert "116 123" in out, out


def test_the_command_line_screens_question_9_typed_with_spaces(
    dit: tuple[Any, Any, Any], monkeypatch: Any, capsys: Any
) -> None:
    """``reverie measure fill phq9 --answers "0 0 0 0 0 0 0 0 3"``: the client typed nine answers separated by
    spaces, question 9 "Nearly every day". The command answers only "The PHQ-9 has 9 questions; --answers has 1:
    answer 2 would be for “Feeling down, depressed, or hopeless”" (exit 2): no crisis lines, no safety plan, no
    alert for the therapist, no check-in. Question 9 as sent is not in doubt, and docs/measures.md says it is
    screened on every door whatever else the form gets wrong (a letter among the numbers, "PHQ-9" for the name,
    ``2.0`` for a number). A client who gives up here at 2 a.m. has said "nearly every day" to no one.

    (h149) Spaces now separate answers as commas do, so these nine answers are stored and screened; typed with
    spaces and refused for another reason (a letter among them, a session number typed wrong), question 9 is
    screened all the same, as the web's refused form is."""
    from reverie.cli import care_cmds

    client, _, _ = dit
    monkeypatch.setenv("REVERIE_PASSWORD", PASSWORD)
    care_cmds.measure_fill("phq9", "0 0 0 0 0 0 0 0 3", user=client.username, session=1)
    out = capsys.readouterr().out
    assert MeasureResponse.objects.get(client=client).total == 3
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), (
        "question 9 answered 'nearly every day' raised no alert"
    )
    assert "Crisis lines" in out and "better off dead" in out, out
    RiskAlert.objects.filter(client=client).delete()
    for answers, session in (("0 0 x 0 0 0 0 0 2", 2), ("0, 0 0 0 0 0 0 0 2", "two")):
        with pytest.raises(InvalidInput):
            care_cmds.measure_fill("phq9", answers, user=client.username, session=session)
        out = capsys.readouterr().out
        assert "Crisis lines" in out and "better off dead" in out, out
        assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists(), answers
        RiskAlert.objects.filter(client=client).delete()
    assert MeasureResponse.objects.filter(client=client).count() == 1


def test_the_prep_page_says_why_a_course_is_not_on_track(dit: tuple[Any, Any, Any]) -> None:
    """A therapist prepares a session: PHQ-9 went 8 → 16 at session 2 (a reliable deterioration), then down to 2
    by session 6. The prep page reads "PHQ-9: 8 → 2 · reliable improvement · reliable change (Jacobson–Truax)",
    then "Not on track." followed only by the whole three-part rule ("Not on track when any of these holds: (1) …
    (2) … (3) …"), never which part fired, so the two lines read as a contradiction. docs/course.md promises "the
    not-on-track flag with its reasons and the rule in words", and the course's Scores page does say "Reliable
    deterioration on PHQ-9 at session 2."; the prep page, the one read before the session, should say it too."""
    client, therapist, course = dit
    for session, total in enumerate([8, 16, 12, 8, 5, 2], start=1):
        measures.submit(client, "phq9", _phq(total), course_id=course.id, session_number=session)
    reasons = measures.progress(therapist, course.id).check.reasons
    assert reasons == ("Reliable deterioration on PHQ-9 at session 2.",)  # what the Scores page shows
    page = _as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    assert "fell from 8 to 2" in page and "Not on track." in page
    assert "Reliable deterioration on PHQ-9 at session 2" in page


def test_recovery_is_not_called_on_phq9_alone_when_gad7_was_never_given(dit: tuple[Any, Any, Any]) -> None:
    """The client answered PHQ-9 before sessions 1 and 8 (14 → 6) and never GAD-7. The therapist's Scores page
    reads "recovery: yes · reliable recovery: yes". Had the client also given one GAD-7 of 2 at session 4 — more
    information, all of it low — the page would read "recovery: not decided" ("GAD-7 has only one score (session 4)"
    (``change.course_outcome``: a measure given once leaves recovery undecided "rather than decided on the other
    measure alone", docs/measures.md §2). Recovery in the NHS Talking Therapies sense is "not a case on PHQ-9 *or*
    GAD-7 at the end"; with GAD-7 never measured that is not known either, so it should not read "yes" (not
    decided, as with one GAD-7 score): the same PHQ-9 scores should not give "yes" with less information and "not
    decided" with more."""
    client, therapist, course = dit
    measures.submit(client, "phq9", _phq(14), course_id=course.id, session_number=1)
    measures.submit(client, "phq9", _phq(6), course_id=course.id, session_number=8)
    page = _as(therapist).get(f"/courses/{course.id}/measures/").content.decode()
    assert "PHQ-9 fell from 14 to 6" in page and "At the start: at or above the clinical cut-off" in page
    outcome = measures.progress(therapist, course.id).outcome
    assert outcome is not None and outcome.complete is False
    assert outcome.recovery is not True, "recovery decided on PHQ-9 alone"
    assert "recovery: yes" not in page


def test_recovery_does_not_apply_to_a_client_below_the_cut_off_at_the_start(
    dit: tuple[Any, Any, Any],
) -> None:
    """h149 (r125's "left for you"): PHQ-9 6 and GAD-7 5 before session 1, 3 and 2 before session 8. The client was
    never a case (PHQ-9 < 10, GAD-7 < 8), yet the Scores page read "recovery: no", as for a client who stayed ill.
    NHS Talking Therapies leaves them out of recovery: the page says it does not apply, and why."""
    client, therapist, course = dit
    for session, phq, gad in ((1, 6, 5), (8, 3, 2)):
        measures.submit(client, "phq9", _phq(phq), course_id=course.id, session_number=session)
        measures.submit(
            client, "gad7", [1] * gad + [0] * (7 - gad), course_id=course.id, session_number=session
        )
    page = _as(therapist).get(f"/courses/{course.id}/measures/").content.decode()
    assert "At the start: below the clinical cut-off" in page
    assert not re.search(r"recovery: no\b", page)  # neither recovery nor reliable recovery
    assert "recovery: not applicable (below the clinical cut-off at the start)" in page
