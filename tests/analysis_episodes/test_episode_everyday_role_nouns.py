"""The other named by an everyday role (issue 13, h131; people 1.8.0, ``role_nouns``).

h118's held-back file lost real responses of "the skipper" and "the producer": the people finder had no role for
them, so no one was found to respond. New voices here, none from a vignette file. Each pair: a response of a
person met by role, found with its role and an RO; a near miss in the same frame where a thing, not a person,
"says" or "does" something, and no person or episode is found. The real analyzers run.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]

# (a person met by role who responds, the role, a near miss with no person in it)
PAIRS = [
    (
        "The skipper shouted at me for tying the wrong knot. I went quiet and coiled rope.",
        "boss",
        "The printer said error again and I gave up on the report.",
    ),
    (
        "The pharmacist refused to give me my pills without the form. I cried in the shop.",
        "other",
        "The sat nav told me to turn left into a lake. I laughed for ten minutes.",
    ),
    (
        "The plumber laughed at our boiler and told me I'd been ripped off. I felt stupid.",
        "other",
        "The bus left without me and I walked home in the rain.",
    ),
    (
        "The deputy snapped at me in the staff meeting. I kept my head down.",
        "colleague",
        "The lunch was cold and I ate it anyway.",
    ),
    (
        "The locksmith told me off for losing my keys again. I laughed it off.",
        "other",
        "Had to reinstall the printer driver; it kept saying the device was offline.",
    ),
    (
        "The interviewer cut me off halfway through my answer. I froze.",
        "other",
        "The app told me my sleep score was awful. I deleted it.",
    ),
    (
        "The councillor promised to look into it and then never replied. I gave up.",
        "other",
        "The ticket machine refused my card and I missed the train.",
    ),
    (
        "The proprietor shouted at me for dropping a tray. I apologised and went red.",
        "boss",
        "The kettle screamed and I jumped.",
    ),
    (
        "The lodger slammed the door in my face. I cried.",
        "other",
        "The email said my claim was rejected. I shut the laptop.",
    ),
    (
        "The forewoman told me off in front of the whole line for being two minutes late. I apologised and went quiet.",
        "boss",
        "The sign said no entry so I went round the back.",
    ),
    (
        "The examiner stopped me halfway through and said I'd failed. I cried in the car park.",
        "teacher",
        "The graphics driver crashed twice during the call.",
    ),
    (
        "The invigilator shouted at me for looking up. I went red and stared at the paper.",
        "teacher",
        "I was a lifeguard for three summers and loved it.",
    ),
]


@pytest.mark.parametrize(
    ("response", "role", "near_miss"), PAIRS, ids=[p[1] + str(i) for i, p in enumerate(PAIRS)]
)
def test_a_person_met_by_role_responds_and_a_thing_is_no_person(
    response: str, role: str, near_miss: str
) -> None:
    found = analyse(response, "journal", only=ANALYZERS).of_kind("episode")
    assert [(f.label, (f.data["ro"] or {}).get("cluster") is not None) for f in found] == [(role, True)]
    missed = analyse(near_miss, "journal", only=ANALYZERS)
    assert [f.label for f in missed.of_kind("person") if f.label != "self"] == []
    assert missed.of_kind("episode") == []


# The two limits on the everyday role nouns: a capitalised one is a name or a title, and a trade after "to"/"at"
# is its shop. Neither gives a person of the role word's role.
NOT_THE_ROLE = [
    ("Dean, my manager, moved my shift again without asking.", "teacher"),
    ("The Foreign Minister was on the radio all morning.", "other"),
    ("Went to the hairdresser after work and felt like a new person.", "other"),
    ("Queued at the butcher's for twenty minutes in the rain.", "other"),
]


@pytest.mark.parametrize(("text", "role"), NOT_THE_ROLE, ids=[t.split()[1] for t, _ in NOT_THE_ROLE])
def test_a_capitalised_role_noun_or_a_trades_shop_is_not_the_role(text: str, role: str) -> None:
    found = analyse(text, "journal", only=ANALYZERS).of_kind("person")
    assert [f.label for f in found if f.label == role] == []
