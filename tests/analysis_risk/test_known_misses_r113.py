"""Review r113 (risk 2.9.0): lines risk 2.8.4 missed or under-rated, fixed by mechanism, and near misses that stay."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

J, N = "free_association", "session_note"


@pytest.mark.parametrize(
    ("text", "kind", "least"),
    [
        ("i cut again on my bed, blood on the sheets", J, "behavior"),
        ("sat in the car with the engine running in the garage, hose ready", J, "behavior"),
        ("xx sorry mum xx i wont be here tomorrow", J, "ideation"),
        ("i cut myself by accident lol no i didnt, i meant to", J, "behavior"),
        ("He told me he still cuts himself on the floor of his room.", J, "indicator"),
        ("He told me he still cuts himself on the floor of his room.", N, "behavior"),
        ("She has had SH urges.", N, "ideation"),
    ],
)
def test_review_r113_line_reads_at_least(text: str, kind: str, least: str) -> None:
    """A self-harm act with a place and no accident, a car run in a garage with a hose, a farewell after kisses, an
    accident taken back, someone's current self-harm and a note's self-harm urges are read (2.8.4: none)."""
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) >= risk.LEVELS.index(least)


@pytest.mark.parametrize(
    "text",
    [
        "sat in the car with the engine running waiting for her",
        "cut myself by accident chopping onions lol",
        "blood on the sheets, period came early",
        "He told me he cut himself shaving",
        "sat in the van with the engine running outside the school, heater on full",
        "waiting in the car with the engine on while mum ran into Boots",
        "nicked my thumb by accident on the tin lid, no drama",
        "i cut again this morning? no, the fringe, and it's wonky",
        "sorry boss, won't be here tomorrow, dentist at nine",
        "xx see you at the weekend xx",
        "sorry mum i won't be here tomorrow for tea, working late",
        "the dog cut his paw on the bed frame, blood on the sheets",
        "she still cuts her own hair in the bathroom",
        "he cuts himself shaving every single morning",
        "my nephew still burns himself on the toaster, bless him",
        "the hose in the garage is for washing the car",
        "sorry I was late, the garage had the car all day",
    ],
)
def test_near_miss_stays_below_behavior(text: str) -> None:
    """Everyday near misses of the new mechanisms read no higher than `indicator` (as 2.8.4)."""
    assert risk.LEVELS.index(risk.screen(text, kind=J).level) <= risk.LEVELS.index("indicator")
