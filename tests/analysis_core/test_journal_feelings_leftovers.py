"""h130: three wrong readings left on journal text after h115/h125 (issue 13), read as the entry page reads them
(the full pipeline, then ``read_entry``), with near misses in other voices that must not move.

1. a bodily sign right after the writer's plan is that plan's nervousness (emotions 1.19.0); a sign with a cause of
   the body's own ("from the cold", "after the run") tells no feeling;
2. "idk why", "dunno why", "no idea why but" mark an unexplained feeling as "I don't know why" does (ambivalence
   1.3.0), and still only beside a feeling;
3. deadpan praise alone before a mishap makes a claim of delight after it sarcasm (emotions 1.19.0)."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


def _keys(text: str) -> set[str]:
    return {o.key for o in read_entry(text, analyse(text, "free_association").to_json()).observations}


def _feelings(text: str) -> set[str]:
    return {k.split(":", 1)[1] for k in _keys(text) if k.startswith("feelings:")}


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to tell him tomorrow. My hands are shaking.",
        "I'm gonna ask her out tonight. My voice is shaking.",
        "I need to call the bank. My hands are shaking.",
    ],
)
def test_a_bodily_sign_after_a_plan_is_its_nervousness(text: str) -> None:
    assert "nervousness" in _feelings(text)


@pytest.mark.parametrize(
    "text",
    [
        "My legs are shaking after the run.",
        "My knees are trembling after the gym.",
    ],
)
def test_a_sign_with_a_bodily_cause_is_no_feeling(text: str) -> None:
    assert "nervousness" not in _feelings(text)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("idk why but i feel so flat today", "unexplained:dont_know_why"),
        ("dunno why but im so sad today", "unexplained:dont_know_why"),
        ("dunno why, I just feel heavy today.", "unexplained:dont_know_why"),
        ("no idea why but I feel so low today", "unexplained:not_sure_why"),
        ("idk why i keep crying", "unexplained:dont_know_why"),
    ],
)
def test_short_forms_of_i_dont_know_why_mark_an_unexplained_feeling(text: str, marker: str) -> None:
    assert marker in _keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fantastic. The landlord raised the rent again. Really thrilled.",
        "Brilliant. My train got cancelled again. So happy.",
        "Lovely. The boiler broke down again. I'm thrilled.",
    ],
)
def test_delight_after_deadpan_praise_and_a_mishap_is_sarcasm(text: str) -> None:
    assert not _feelings(text) & {"joy", "excitement", "admiration"}


# Near misses in other voices: read the same on main and after h130 (decided: "idk why I even bother with him" is
# exasperation, not a feeling left unexplained, as "I don't know why I even bother with him" is read).
NEAR_MISSES: list[tuple[str, set[str], bool]] = [
    # (text, feelings shown, an unexplained marker shown)
    # h182: admiration no word names is not shown (observations.NAMED_ONLY); the good news is joy.
    # Emotions 1.23.0 (h196, the journal re-ranker on): joy beside excitement is no longer shown on these three (it
    # scores under the re-ranker's keep line); "really thrilled" is excitement, which is plausible and still shown, so
    # the line is still not read as sarcasm, which is what these near misses guard. Pinned to what 1.23.0 shows.
    ("Fantastic news, I got the job. Really thrilled.", {"excitement"}, False),
    ("Fantastic. I got the job. Really thrilled.", {"excitement"}, False),
    ("Great. The landlord fixed the heating. Really thrilled.", {"excitement"}, False),
    ("Fantastic. The landlord raised the rent again. But I'm thrilled about the new flat.", {"joy"}, False),
    ("Fantastic, the landlord raised the rent again. Really thrilled.", set(), False),
    ("My hands are shaking from the cold.", set(), False),
    ("I'm going to tell him tomorrow. My hands are shaking from the cold.", set(), False),
    ("I need to phone the pharmacy. My hands are shaking from the caffeine.", set(), False),
    ("I plan to email my manager tomorrow. My knees are trembling.", {"nervousness"}, False),
    ("My hands are shaking.", set(), False),
    ("I'm going to tell him tomorrow. His hands were shaking.", set(), False),
    ("I want to ask my doctor about the side effects.", set(), False),
    ("I'm nervous. My hands are shaking.", {"nervousness"}, False),
    ("idk why the bus was late", set(), False),
    ("idk why I even bother with him", set(), False),
    ("idk why they changed the timetable again", set(), False),
    ("no idea why but the printer jammed twice", set(), False),
    ("I don't know why but i feel so flat today", {"confusion", "sadness"}, True),
    ("I don't know why, I just feel heavy today.", {"confusion"}, True),
]


@pytest.mark.parametrize(("text", "feelings", "unexplained"), NEAR_MISSES)
def test_near_misses_do_not_move(text: str, feelings: set[str], unexplained: bool) -> None:
    keys = _keys(text)
    assert _feelings(text) == feelings
    assert any(k.startswith("unexplained:") for k in keys) == unexplained
