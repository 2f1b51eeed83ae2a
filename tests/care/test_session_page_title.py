"""The session notes page's <title> is plain words: no HTML and no form inside it."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_session_notes_title_is_plain(dit: tuple[Any, Any, Any], web_as: Any) -> None:
    _, therapist, course = dit
    html = web_as(therapist).get(f"/courses/{course.id}/sessions/1/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and title.group(1) == "Session notes · Reverie"
    assert html.count('name="action" value="risk"') == 1  # the risk form once, in the page body
