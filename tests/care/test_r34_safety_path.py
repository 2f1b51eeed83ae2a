"""Review r34: the safety path end to end, off the browser: the therapist's alert line names what every alert is
about (a goal, a note sent when cancelling a session …), never "session" for all but two, in one set of words."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from reverie.care.models import CheckIn, RiskAlert
from reverie.care.services import alerts, goals
from reverie.care.templatetags.words import WORDS

pytestmark = pytest.mark.django_db
RISKY_GOAL = "Stop wanting to kill myself every night"
SRC = Path(__file__).resolve().parents[2] / "src" / "reverie"


def test_r34_a_risky_goal_is_named_a_goal_on_the_therapists_alert_list(
    dit: tuple[Any, Any, Any], web_as: Any
) -> None:
    """A client's risky goal reaches the therapist's /alerts/ as a goal, not as a session (where nothing would be found)."""
    client, therapist, course = dit
    goals.propose(client, course.id, title=RISKY_GOAL)
    alert = RiskAlert.objects.get(client=client, source="goal")
    assert CheckIn.objects.filter(client=client, alert=alert, answered_at__isnull=True).exists()
    assert [a.id for a in alerts.open_alerts(therapist)] == [alert.id]
    page = web_as(therapist).get("/alerts/").content.decode()
    line = page.split('class="entry-row alert-row', 1)[1].split("<form", 1)[0]
    assert "session (" not in line and "a goal" in line, line


def _raised_sources() -> set[str]:
    """Every source a literal in the code passes to ``alerts.signal`` / ``alerts.screen_at_save`` (its second
    argument or ``source=``)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in ("signal", "screen_at_save", "raise_alert"):
                continue
            given = [k.value for k in node.keywords if k.arg == "source"] or node.args[1:2]
            found |= {g.value for g in given if isinstance(g, ast.Constant) and isinstance(g.value, str)}
    return found


def test_r34_every_source_the_code_raises_is_a_known_source() -> None:
    """The grep of the brief, kept: a new source passed to the alert flow must join ``alerts.SOURCES`` (and so
    the words below), or this fails."""
    raised = _raised_sources()
    assert {"phq9_item9", "journal", "session", "goal"} <= raised
    assert raised <= set(alerts.SOURCES), raised - set(alerts.SOURCES)


@pytest.mark.parametrize("kind", alerts.SOURCE_KINDS)
def test_r34_every_alert_source_has_words(kind: str) -> None:
    """Every thing an alert can be about has its own words in the one mapping (templatetags/words.py)."""
    assert kind in WORDS and WORDS[kind] != kind.replace("_", " ")


@pytest.mark.parametrize(
    ("source", "record_id", "level", "said"),
    [
        ("journal", "e1@1", "ideation", "a journal entry: thoughts of suicide or self-harm"),
        ("session", "s1", "behavior", "a session note: suicide or self-harm: a plan or preparation"),
        ("session", "s1#cancel", "unscreened", "a note sent when cancelling a session: not yet screened"),
        ("goal", "g1", "attempt", "a goal: a suicide attempt"),
        ("phq9_item9", "m1", "ideation", "PHQ-9 item 9 above 0"),
        ("phq9_item9", "m1", "ideation_often", "more than half the days or nearly every day"),
    ],
)
def test_r34_the_alert_line_words_its_source_and_level(
    make_user: Any, source: str, record_id: str, level: str, said: str
) -> None:
    """The one alert line (alerts page, session prep, therapist home) says what the alert is about and its level
    in words, never a raw code ("unscreened", "behavior") nor "session" for what was not a session note."""
    alert = RiskAlert(
        client=make_user("amal"), source=source, level=level, record_id=record_id, created_at=timezone.now()
    )
    line = render_to_string("care/_alert_line.html", {"a": alert})
    assert said in line, line
    assert f"({level})" not in line and "session (" not in line, line
