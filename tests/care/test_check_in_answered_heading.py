"""Review r132: once a check-in is answered, its page no longer asks "Are you safe?" with nothing to answer it with.

Before, after "You misunderstood" (or "I need help now", "I'm safe for now") the page's heading still asked "It
sounds like things are very hard right now. Are you safe?" with no buttons under it, and a person who had just said
they were misread was told again that things sounded very hard. The answered page says what was asked and what they
answered ("I need help now": only the call to reach out, so the lines stay high); the question with its buttons is
shown only while a check-in waits."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.services import alerts
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _h1(html: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert found is not None
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


@pytest.mark.parametrize(
    ("answer", "heading"),
    [
        ("misunderstood", "Thank you for answering"),
        ("safe", "Thank you for answering"),
        ("need_help", "Please reach out now"),
    ],
)
def test_an_answered_check_in_is_headed_by_the_answer_not_the_question(
    make_user: Any, answer: str, heading: str
) -> None:
    client = make_user("nora")
    check_in = alerts.request_check_in(client, None)
    web = signed_in(client)
    asked = web.get("/check-in/").content.decode()
    assert _h1(asked) == alerts.CHECK_IN_QUESTION and 'value="need_help"' in asked
    html = web.post("/check-in/", {"check_in": str(check_in.pk), "answer": answer}).content.decode()
    assert _h1(html) == heading, _h1(html)
    said = f"You answered “{alerts.ANSWERS[answer]}”" in html.replace("&#x27;", "'").replace("&#39;", "'")
    # "I need help now": nothing between the heading, the call to reach out and the lines (they stay high up)
    assert said == (answer != "need_help")
    assert 'value="need_help"' not in html  # nothing left to answer
    assert 'href="tel:' in html  # the plan and the lines stay
    later = web.get("/check-in/").content.decode()
    assert _h1(later) != alerts.CHECK_IN_QUESTION  # nothing waits: not asked again without buttons
