"""Relationship episodes: segmentation, W/RO/RS coding, negation, tense, and the finding contract."""

from __future__ import annotations

from typing import Any

from reverie.analysis.document import prepare
from reverie.analysis.episodes import EpisodesAnalyzer, find_episodes
from reverie.analysis.findings import Finding
from reverie.analysis.pipeline import analyse


def episodes(text: str, kind: str = "journal") -> list[Finding]:
    """Rules only (no encoder), straight from a prepared document."""
    return find_episodes(prepare(text, kind))


def codes(text: str, kind: str = "journal") -> list[tuple[Any, ...]]:
    out = []
    for f in episodes(text, kind):
        out.append((f.label, *(f.data[c]["cluster"] if f.data[c] else None for c in ("w", "ro", "rs"))))
    return out


def test_episodes_codes_wish_response_of_other_and_self() -> None:
    text = "I wanted my brother to listen to me. He laughed at me and walked off. I felt crushed."
    assert codes(text) == [("sibling", 6, 5, 7)]


def test_episodes_negated_rejection_is_not_coded_rejecting() -> None:
    negated = "I told my girlfriend about my debts. She didn't reject me; she held my hand. I felt relieved."
    plain = "I told my girlfriend about my debts. She rejected me and walked out. I felt empty."
    assert codes(negated) == [("partner", None, 7, 3)]
    assert codes(plain) == [("partner", None, 5, 7)]


def test_episodes_or_carries_the_negation_to_the_next_verb() -> None:
    ((other, _, ro, rs),) = codes("My dad didn't shout or criticise me. I felt safe.")
    assert (other, rs) == ("father", 3)
    assert ro in {7, 8}  # neither upset (3) nor rejecting (5)


def test_episodes_past_childhood_episode_is_found_with_its_tense() -> None:
    text = "When I was ten my father laughed at my poem. I had wanted him to be proud of me. I felt ashamed."
    found = episodes(text)
    assert codes(text) == [("father", 6, 5, 8)]
    assert found[0].data["tense"] == "past_childhood"


def test_episodes_two_people_give_two_episodes_in_order() -> None:
    text = (
        "My manager criticised my report and I felt humiliated. "
        "At home my husband listened to the whole story and I felt understood."
    )
    assert codes(text) == [("boss", None, 5, 8), ("partner", None, 8, 3)]


def test_episodes_a_person_merely_mentioned_is_not_an_episode() -> None:
    assert codes("My sister's birthday is on Friday. I still need to buy a card.") == []
    assert codes("It rained all afternoon and I read a book.") == []


def test_episodes_what_the_other_says_about_me_is_criticism() -> None:
    assert codes("My mother said I was selfish. I cried.") == [("mother", None, 5, 7)]


def test_episodes_not_wanting_a_fight_is_wanting_distance() -> None:
    text = "I didn't want a fight with my brother, but he shouted at me. I walked out."
    assert codes(text) == [("sibling", 4, 3, 2)]


def test_episodes_fears_are_not_the_response_of_the_other() -> None:
    text = "I was afraid my boss would criticise me. She praised my work instead. I felt proud."
    assert codes(text) == [("boss", None, 7, 5)]


def test_episodes_session_you_is_the_therapist() -> None:
    text = "You changed the subject when I mentioned my father. I went quiet."
    assert codes(text, kind="session") == [("therapist", None, 5, 2)]


def test_episodes_finding_follows_the_contract() -> None:
    text = "I wanted my friend Sam to call me. He ignored my messages. I felt lonely."
    (finding,) = episodes(text)
    assert finding.kind == "episode"
    assert finding.label == "friend"
    assert finding.spans[0].text(text) == text
    assert set(finding.data) == {"other", "group", "tense", "w", "ro", "rs"}
    assert finding.data["group"] == "friends"
    ro = finding.data["ro"]
    assert ro["label"] == "rejecting and opposing"
    assert ro["valence"] == "negative"
    assert "valence" not in finding.data["w"]
    start, end = ro["span"]
    assert "ignored" in text[start:end]
    assert 0.0 < finding.confidence <= 1.0
    assert all(0.0 < finding.data[c]["confidence"] <= 1.0 for c in ("w", "ro", "rs"))


def test_episodes_analyzer_runs_in_the_pipeline_after_people_and_timeframes() -> None:
    text = "My partner snapped at me over dinner. I wanted to be left alone. I went to bed early."
    result = analyse(text, "journal", only=("people", "timeframes", "episodes"))
    (episode,) = result.of_kind("episode")
    assert episode.label == "partner"
    assert episode.data["ro"]["cluster"] == 3
    assert episode.data["w"]["cluster"] == 4
    assert "episodes" in result.analyzers


def test_episodes_rules_only_analyzer_needs_no_encoder() -> None:
    analyzer = EpisodesAnalyzer()
    assert analyzer.model_hash.startswith("rules-")
    assert analyzer.run(prepare("")) == []
