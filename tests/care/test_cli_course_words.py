"""Review r129 (fault 10): the course commands speak as the web does. `reverie course show` printed the format's
and the attendance's codes (``· dit``, ``cancelled_by_therapist``); a refused set-up said "has 16–16 sessions" and
"meets 1–1 time(s) a week". A real subprocess with its own data folder."""

from __future__ import annotations

from typing import Any

import pytest
from test_care_cli import _link

pytestmark = [pytest.mark.db, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def test_course_show_and_refusals_use_the_webs_words(cli: Any) -> None:
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    _link(cli, "cara", "theo")
    start = ("--client", "cara", "--programme", "dit", "--start", "2030-03-04T10:00", "--tz", "Europe/London")
    code, _, err = cli("course", "create", "-u", "theo", *start, "--sessions", "20", check=False)
    assert code != 0 and "Dynamic Interpersonal Therapy (DIT) has 16 sessions, once a week." in err, err
    code, _, err = cli("course", "create", "-u", "theo", *start, "--weekly", "2", check=False)
    assert code != 0 and "meets once a week." in err and "time(s)" not in err, err
    cli("course", "create", "-u", "theo", *start)
    cli("course", "end", "-u", "theo", "--client", "cara")  # not started yet: every session cancelled
    _, shown, _ = cli("course", "show", "-u", "theo", "--client", "cara")
    assert "· Dynamic Interpersonal Therapy (DIT)" in shown and "· dit" not in shown, shown
    assert "cancelled by the therapist" in shown and "cancelled_by_therapist" not in shown, shown
