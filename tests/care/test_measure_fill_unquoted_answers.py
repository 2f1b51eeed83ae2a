"""`reverie measure fill phq9 --answers 0 0 0 0 0 0 0 0 2`, the answers not quoted (h155). Before, Typer refused
the eight words after the first as "unexpected extra arguments" before Reverie read them: a 2 on question 9
("thoughts that you would be better off dead") was never screened and no crisis lines were printed. Run through
the command line's own parser (``typer.testing.CliRunner`` on ``reverie.cli.main.app``); nothing is mocked."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from reverie.care.models import MeasureResponse, RiskAlert
from reverie.cli.main import app
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _fill(client: Any, monkeypatch: Any, *words: str) -> Any:
    monkeypatch.setenv("REVERIE_PASSWORD", "a long test password")
    return CliRunner().invoke(app, ["measure", "fill", *words, "-u", client.username])


def test_unquoted_answers_are_read_stored_and_question_9_screened(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    client, _, _ = dit
    done = _fill(
        client,
        monkeypatch,
        "phq9",
        "--answers",
        *["2", "2", "1", "1", "1", "1", "1", "1", "2"],
        "--session",
        "16",
    )
    assert done.exit_code == 0, done.output
    assert "Saved " in done.output and ": 12 (moderate) for session 16" in done.output
    assert "Crisis lines" in done.output and "better off dead" in done.output
    (stored,) = MeasureResponse.objects.filter(client=client)
    assert stored.total == 12 and stored.risk_item_positive
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists()


def test_unquoted_answers_refused_for_their_count_still_screen_question_9(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    """Ten answers: refused as the wrong count, nothing stored; the ninth, readable, is screened all the same."""
    client, _, _ = dit
    refused = _fill(
        client,
        monkeypatch,
        "phq9",
        "--session",
        "16",
        "--answers",
        *["0", "0", "0", "0", "0", "0", "0", "0", "2", "1"],
    )
    assert isinstance(refused.exception, InvalidInput), refused.output
    assert "has 9 questions; --answers has 10" in refused.exception.message
    assert "Crisis lines" in refused.output
    assert RiskAlert.objects.filter(client=client, source="phq9_item9").exists()
    assert not MeasureResponse.objects.exists()


def test_unquoted_answers_with_a_wrong_one_still_screen_question_9(
    dit: tuple[Any, Any, Any], monkeypatch: Any
) -> None:
    client, _, _ = dit
    refused = _fill(
        client,
        monkeypatch,
        "phq9",
        "--answers",
        *["0", "0", "x", "0", "0", "0", "0", "0", "3"],
        "--session",
        "16",
    )
    assert isinstance(refused.exception, InvalidInput), refused.output
    assert "Question 3" in refused.exception.message
    assert "Crisis lines" in refused.output
    assert not MeasureResponse.objects.exists()


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (["phq9", "--answers", "0", "1", "2"], ["phq9", "--answers", "0 1 2"]),
        (
            ["phq9", "--answers", "0,", "1,", "2", "-u", "cara"],
            ["phq9", "--answers", "0, 1, 2", "-u", "cara"],
        ),
        (["--answers", "0", "1", "gad7", "--session", "3"], ["--answers", "0 1", "gad7", "--session", "3"]),
        (["phq9", "--answers=0", "1"], ["phq9", "--answers", "0 1"]),
        (["phq9", "--answers", "0 1 2"], ["phq9", "--answers", "0 1 2"]),  # quoted, as before
        (["phq9", "--answers", "1", "-1"], ["phq9", "--answers", "1 -1"]),  # a wrong answer, refused as one
        (["phq9", "--answers"], ["phq9", "--answers"]),  # Click says it takes a value
    ],
)
@pytest.mark.django_db(False)
def test_the_answers_end_at_the_next_option_or_the_questionnaire(typed: list[str], read: list[str]) -> None:
    from reverie.cli.care_cmds import _answers_as_one

    assert _answers_as_one(typed) == read
