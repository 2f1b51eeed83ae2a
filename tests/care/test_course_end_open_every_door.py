"""h168: ending a course names what it leaves open on every door, not only the web's end page (h163, r129).

The service is the one place that knows it (``courses.still_open``) and refuses an ending whose caller has not seen
it (``end_course(seen=...)``): the API answers 409 with the counts and the dates (never a word the client wrote)
unless the body says ``"acknowledge_open": true``; ``reverie course end`` prints the list and asks, ``--yes`` ends
without asking, and a run with no terminal to ask in and no ``--yes`` is refused. Before, the API and the CLI ended
the course without a word of the open risk alert or of the questionnaire answered for a cancelled session."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from reverie.care.models import Course, MeasureResponse
from reverie.care.services import course as courses
from reverie.care.services.course import CourseDraft, create_course
from reverie.errors import LeftOpen

LONDON = ZoneInfo("Europe/London")
ITEM_9 = "better off dead"  # the question's own words: never in a refusal


def _day(moment: Any, therapist: Any) -> str:
    from reverie.clinic.services import local_time

    return f"{moment.astimezone(local_time.zone_of(therapist)):%-d %b %Y}"


@pytest.mark.django_db
def test_the_api_refuses_an_ending_that_leaves_open_what_it_was_not_told_of(
    answered_ahead: Any, web_as: Any
) -> None:
    _client, therapist, course, response = answered_ahead
    them = web_as(therapist)

    def end(body: dict[str, Any]) -> Any:
        return them.post(
            f"/api/v1/courses/{course.id}/end", json.dumps(body), content_type="application/json"
        )

    refused = end({})
    assert refused.status_code == 409, refused.content
    error = refused.json()["error"]
    assert error["code"] == "E409" and error["open_alerts"] == 1 and error["answered_ahead"] == 1
    message = error["message"]
    assert "1 risk alert you have not acknowledged" in message
    assert f"PHQ-9 for the session on {_day(response.session.start, therapist)}" in message
    assert "acknowledge_open" in message and "Nothing was ended" in message
    assert (
        ITEM_9 not in message and "half the days" not in message
    )  # counts and dates, never what was answered
    assert Course.objects.get(pk=course.pk).ended_at is None
    assert end({"acknowledge_open": False}).status_code == 409
    done = end({"acknowledge_open": True})
    assert done.status_code == 200 and done.json()["ended_on"] is not None
    assert MeasureResponse.objects.filter(pk=response.pk).exists()  # the answers are kept


@pytest.mark.django_db
def test_with_nothing_open_the_api_ends_the_course_without_being_told(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    first = (timezone.now() + timedelta(days=2)).replace(tzinfo=None, microsecond=0)
    course = create_course(therapist, CourseDraft(client=client.username, programme="dit", start=first))
    answer = web_as(therapist).post(f"/api/v1/courses/{course.id}/end", "{}", content_type="application/json")
    assert answer.status_code == 200 and answer.json()["ended_on"] is not None


@pytest.mark.django_db
def test_the_service_asks_again_when_more_is_open_than_its_caller_saw(answered_ahead: Any) -> None:
    client, therapist, course, _response = answered_ahead
    seen = courses.still_open(therapist, course)
    assert len(seen.alerts) == 1 and len(seen.answered_ahead) == 1
    assert courses.still_open(client, course).alerts == []  # a client has no alert list
    with pytest.raises(LeftOpen, match="1 questionnaire answered for a session the ending cancels"):
        courses.end_course(therapist, course.id)
    with pytest.raises(LeftOpen):
        courses.end_course(therapist, course.id, seen="0" * 32)  # a page that showed something else
    assert courses.end_course(therapist, course.id, seen=seen.token).cancelled == 16


_SETUP = """
from datetime import timedelta
from django.utils import timezone
from reverie.cli.runtime import django_ready; django_ready()
from reverie.clinic.models import User
from reverie.clinic.services import people
from reverie.care.services import measures
from reverie.care.services.course import CourseDraft, create_course
c = User.objects.get(username="cara"); t = User.objects.get(username="theo")
people.accept_invitation(t, people.issue_invitation(c))
first = (timezone.now() + timedelta(days=2)).replace(tzinfo=None, microsecond=0)
create_course(t, CourseDraft(client="cara", programme="dit", start=first))
measures.submit(c, "phq9", [1] * 8 + [2], session_number=1)
"""


def _ended(cli: Any) -> bool:
    return cli("course", "show", "-u", "theo", "--client", "cara")[1].startswith("Ended on")


def _typed(cli: Any, answer: str) -> tuple[int, str]:
    """``reverie course end`` in a terminal (a pseudo-terminal for its stdin) where the person types ``answer`` at
    its question: the exit status and what it printed."""
    leader, follower = pty.openpty()
    try:
        os.write(leader, answer.encode())  # typed ahead: it waits in the terminal until the question reads it
        proc = subprocess.run(
            [sys.executable, "-m", "reverie.cli.main", "course", "end", "-u", "theo", "--client", "cara"],
            stdin=follower,
            capture_output=True,
            env=cli.env,
            timeout=300,
        )
    finally:
        os.close(follower)
        os.close(leader)
    return proc.returncode, proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")


def test_the_cli_lists_what_is_open_and_asks_or_refuses_without_a_terminal(cli: Any) -> None:
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    subprocess.run([sys.executable, "-c", _SETUP], env=cli.env, check=True, capture_output=True, timeout=180)
    code, out, err = cli("course", "end", "-u", "theo", "--client", "cara", check=False)
    assert code == 6, (out, err)  # a conflict: nothing was ended
    assert "Still open for cara:" in out and "Risk alert not acknowledged: raised" in out
    assert "PHQ-9 answered for the session on" in out and "which the ending cancels" in out
    assert "--yes" in err and "Nothing was ended" in err and ITEM_9 not in out + err
    assert not _ended(cli)
    code, said = _typed(cli, "n\n")
    assert code == 0 and "End the course anyway?" in said and "nothing was ended" in said, said
    assert not _ended(cli)
    code, out, _ = cli("course", "end", "-u", "theo", "--client", "cara", "--yes", check=False)
    assert code == 0 and "Still open for cara:" in out and "ended on" in out
    assert _ended(cli)


def test_in_a_terminal_the_cli_ends_the_course_when_the_therapist_says_yes(cli: Any) -> None:
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    subprocess.run([sys.executable, "-c", _SETUP], env=cli.env, check=True, capture_output=True, timeout=180)
    code, said = _typed(cli, "y\n")
    assert code == 0 and "Still open for cara:" in said and "End the course anyway?" in said, said
    assert "ended on" in said and _ended(cli)
