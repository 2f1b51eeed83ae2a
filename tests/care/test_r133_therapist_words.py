"""Review r133 (a therapist preparing the next session), fault 8: raw codes and jargon on the therapist's pages. An
error's code ("[E100]") on a normal page; risk levels by their codes ("Highest level: behavior", "2 at ideation or
above", "Level: ideation / behaviour / attempt") where the alert list says them in words; the behaviour level read as
non-suicidal self-harm; measure changes by a method's name; a file path of the documentation on an entry page."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.care.services import measures, notes
from reverie.care.services.course import CourseDraft, create_course
from reverie.insights import unverified
from reverie.measures.change import change_words
from reverie.words import words

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _phq(total: int) -> list[int]:
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return answers


def test_a_session_not_held_yet_says_so_without_an_error_code(paired: tuple[Any, Any], web_as: Any) -> None:
    """The session page before the session: "This session has not been held yet: … once the session has started.
    [E100]", three times: the exception's str (with its code, for logs and the command line) went to the page."""
    client, therapist = paired
    today = datetime.now(LONDON).date()
    monday = today + timedelta(days=7 - today.weekday())
    course = create_course(
        therapist,
        CourseDraft(
            client=client.username,
            programme="dit",
            start=datetime(monday.year, monday.month, monday.day, 10, 0),
            timezone="Europe/London",
        ),
    )
    page = web_as(therapist).get(f"/courses/{course.id}/sessions/1/").content.decode()
    assert "has not been held yet" in page
    assert "[E" not in page


def test_risk_levels_read_as_the_alert_list_says_them(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    """The behaviour level is "suicide or self-harm: a plan or preparation" (the ideation level already says
    "thoughts of suicide or self-harm"; "self-harm, a plan or preparation" read as non-suicidal self-harm for an
    entry about taking one's life with pills), and the prep page and the session form say every level in those
    words, from the one table (reverie.words)."""
    _client, therapist, course = dit
    assert words("behavior") == "suicide or self-harm: a plan or preparation"
    notes.flag_session_risk(therapist, course.id, 1, "ideation")
    notes.flag_session_risk(therapist, course.id, 2, "behavior")
    web = web_as(therapist)
    prep = html.unescape(web.get(f"/courses/{course.id}/prep/").content.decode())
    assert "Highest level: <strong>suicide or self-harm: a plan or preparation</strong>" in prep
    assert "2 at “thoughts of suicide or self-harm” or a higher level" in prep
    assert "ideation or above" not in prep and ">behavior<" not in prep
    session = html.unescape(web.get(f"/courses/{course.id}/sessions/3/").content.decode())
    assert '<option value="behavior">suicide or self-harm: a plan or preparation</option>' in session
    assert '<option value="ideation">thoughts of suicide or self-harm</option>' in session
    assert '<option value="attempt">a suicide attempt</option>' in session
    assert ">behaviour<" not in session and ">ideation<" not in session
    refused = web.post(f"/courses/{course.id}/sessions/3/", {"action": "risk", "level": "worry"})
    said = html.unescape(refused.content.decode())
    assert refused.status_code == 400 and "“thoughts of suicide or self-harm”" in said, said[:2000]


def test_a_measures_change_reads_in_plain_words_on_both_pages(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    """The Scores page said "PHQ-9: 14 → 3 · reliable improvement · Jacobson–Truax: reliable" and "Case at the
    start: yes · case now: no", the prep page "reliable change (Jacobson–Truax)": one thing two ways, by a method's
    name. Both say it in one sentence; the method's name only in a small note on the Scores page."""
    client, therapist, course = dit
    measures.submit(client, "phq9", _phq(14), course_id=course.id, session_number=1)
    measures.submit(client, "phq9", _phq(3), course_id=course.id, session_number=2)
    sentence = "PHQ-9 fell from 14 to 3 — a reliable improvement (a fall of 6 or more), now below the clinical cut-off (10)"
    assert change_words("phq9", 14, 3) == sentence
    web = web_as(therapist)
    scores = html.unescape(web.get(f"/courses/{course.id}/measures/").content.decode())
    prep = html.unescape(web.get(f"/courses/{course.id}/prep/").content.decode())
    assert sentence in scores and sentence in prep
    assert "Jacobson" not in prep and "Jacobson–Truax: reliable" not in scores
    assert 'class="muted">First score → latest.' in scores  # the method named once, in the small note
    assert "Case at the start" not in scores and "case now" not in scores
    assert "At the start: at or above the clinical cut-off" in scores


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        (
            8,
            16,
            "PHQ-9 rose from 8 to 16 — a reliable deterioration (a rise of 6 or more), now at or above the clinical cut-off (10)",
        ),
        (
            14,
            12,
            "PHQ-9 fell from 14 to 12 — not a reliable change (that takes 6 points or more), still at or above the clinical cut-off (10)",
        ),
        (5, 5, "PHQ-9 stayed at 5 — no change, below the clinical cut-off (10)"),
    ],
)
def test_change_words_each_way(first: int, last: int, said: str) -> None:
    assert change_words("phq9", first, last) == said


def test_no_documentation_path_on_a_page() -> None:
    """The therapist's entry page cited "(docs/evaluation.md)" in the unverified readings' heading."""
    assert "docs/" not in unverified.title() and ".md" not in unverified.title()


def test_goal_rating_chips_are_read_apart(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    """r133 11(f): the ratings were chips side by side with nothing between them, read aloud as "2/109 Nov: 3/10"."""
    from datetime import date

    from reverie.care.services import goals

    client, therapist, course = dit
    goal = goals.propose(client, course.id, title="Sleep through the night")
    goals.rate(client, goal.id, 2, on=date(2026, 11, 2))
    goals.rate(client, goal.id, 3, on=date(2026, 11, 9))
    page = web_as(therapist).get(f"/courses/{course.id}/goals/").content.decode()
    read = re.sub(r"<[^>]+>", "", page.split("Ratings:", 1)[1].split("</p>", 1)[0])
    assert read.strip() == "2 Nov: 2/10; 9 Nov: 3/10", read
