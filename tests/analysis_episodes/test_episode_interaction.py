"""An episode needs an interaction: no person from "Lunch", no episode from scene-setting alone."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]


def _episodes(text: str) -> list[str]:
    return [f.label for f in analyse(text, "free_association", only=ANALYZERS).of_kind("episode")]


def _people(text: str) -> list[str]:
    return [f.label for f in analyse(text, "free_association", only=["people"]).of_kind("person")]


@pytest.mark.parametrize("word", ["Lunch", "Breakfast", "Christmas", "Monday"])
def test_everyday_words_opening_a_sentence_are_not_people(word: str) -> None:
    text = f"{word} was awful. I wanted to be left alone and I felt tired."
    assert "other" not in _people(text)
    assert _episodes(text) == []


def test_scene_setting_alone_is_no_episode() -> None:
    assert (
        _episodes("My boss was on holiday this week. I wanted a promotion so badly. I felt nervous all day.")
        == []
    )


def test_a_real_interaction_is_still_an_episode() -> None:
    text = "I wanted my dad to hug me. He walked past without looking at me. I felt sad."
    assert _episodes(text) == ["father"]
    assert _episodes("Dad made another comment about my weight at lunch. I snapped at him.") == ["father"]
