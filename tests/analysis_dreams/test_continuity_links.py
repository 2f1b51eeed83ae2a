"""Continuity between dreams and waking life on a hand-built series."""

from __future__ import annotations

from datetime import date

from reverie.analysis.dreams.codes import Character, DreamCoding, Emotion, Interaction
from reverie.analysis.dreams.continuity import WakingFinding, find_continuity, normalise


def _dreams() -> list[DreamCoding]:
    return [
        DreamCoding(
            characters=(Character("1FMA", label="mother"), Character("1MKA", label="Tom")),
            interactions=(Interaction("aggression", 2, ("1FMA",), ("D",)),),
            emotions=(Emotion("AP", ("D",)),),
            dream_id="dream-1",
            dreamed_on=date(2026, 3, 10),
        ),
        DreamCoding(
            characters=(Character("1MHA", label="husband"),),
            emotions=(Emotion("HA", ("D",)),),
            dream_id="dream-2",
            dreamed_on=date(2026, 4, 1),
        ),
        DreamCoding(characters=(Character("1FMA"),), dream_id="undated"),
    ]


def _waking() -> list[WakingFinding]:
    return [
        WakingFinding("entry-a", date(2026, 3, 8), "person", "Mom"),
        WakingFinding("entry-a", date(2026, 3, 8), "emotion", "nervousness"),
        WakingFinding("entry-b", date(2026, 3, 12), "theme", "conflict"),
        WakingFinding("entry-b", date(2026, 3, 12), "person", "tom"),
        WakingFinding("entry-c", date(2026, 3, 30), "person", "mother"),  # 20 days after dream-1
        WakingFinding("entry-d", date(2026, 4, 3), "person", "my partner"),
        WakingFinding("entry-d", date(2026, 4, 3), "emotion", "anger"),  # not in dream-2
    ]


def test_links_shared_people_emotions_and_themes_within_the_window() -> None:
    result = find_continuity(_dreams(), _waking())
    found = {(link.dream_id, link.entry_id, link.kind, link.label, link.days_apart) for link in result.links}
    assert found == {
        ("dream-1", "entry-a", "person", "mother", -2),
        ("dream-1", "entry-a", "emotion", "apprehension", -2),
        ("dream-1", "entry-b", "theme", "aggression", 2),
        ("dream-1", "entry-b", "person", "tom", 2),
        ("dream-2", "entry-d", "person", "partner", 2),
    }


def test_links_are_indexed_both_ways() -> None:
    result = find_continuity(_dreams(), _waking())
    assert {link.entry_id for link in result.by_dream["dream-1"]} == {"entry-a", "entry-b"}
    assert {link.dream_id for link in result.by_entry["entry-d"]} == {"dream-2"}
    assert "entry-c" not in result.by_entry
    assert "undated" not in result.by_dream


def test_window_can_be_widened() -> None:
    result = find_continuity(_dreams(), _waking(), window_days=30)
    assert any(link.entry_id == "entry-c" and link.dream_id == "dream-1" for link in result.links)


def test_normalise_maps_synonyms_and_rejects_unknowns() -> None:
    assert normalise("person", "My Mum") == "mother"
    assert normalise("emotion", "fear") == "AP"
    assert normalise("emotion", "boredom") == ""
    assert normalise("theme", "argument") == "aggression"
    assert normalise("theme", "gardening") == ""
