"""Sixth round: lexicon rules for the mechanisms behind the fourth frozen batch's misses, each tested both ways.

Every sentence here was written for this test; none is a sentence of a challenge batch or of the training bank.
The rules are read with ``model=False`` (the lexicon alone), so these tests hold whatever the model does.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen


def _rules(text: str) -> set[str]:
    return {h.rule for h in lex.read(text) if h.level == h.rule_level}


@pytest.mark.parametrize(
    ("text", "rule", "level"),
    [
        # preparations with no risk word: a final act and a date picked, in either order; letters "for after"
        (
            "Wrote notes to my brother and my aunt. I picked the 9th, after the christening.",
            "preparation_cluster",
            "behavior",
        ),
        (
            "Saturday will do. I gave away my guitar and my records this week.",
            "preparation_cluster",
            "behavior",
        ),
        ("Made a list of who gets my plants and chose the date.", "preparation_cluster", "behavior"),
        ("Left a note in the kitchen drawer for my son, for afterwards.", "preparation_cluster", "behavior"),
        ("put the letters under my pillow so theyre found after", "preparation_cluster", "behavior"),
        # pills saved up until there are enough
        (
            "Gathering my tablets bit by bit, they are complete now.",
            "stockpile",
            "behavior",
        ),
        ("Gathered up the insulin pens over months so no one would miss them.", "stockpile", "behavior"),
        # a train that will not stop, timed, and where to stand
        ("Looked at which train does not stop here, learned the exact time.", "train_timed", "behavior"),
        # self-injury with its intent and no risk word
        ("I burned my wrist with a lighter on purpose.", "self_injury_on_purpose", "behavior"),
        ("Pinched my arms till they bruised.", "self_injury_on_purpose", "behavior"),
        ("I hit my head as punishment, over and over.", "self_injury_on_purpose", "behavior"),
        # self-directed violence with the verdict that it was earned
        ("Banged my head on the door again and again. I deserved it.", "self_violence_deserved", "behavior"),
        ("Smashed the door till my knuckles bled, had it coming.", "self_violence_deserved", "behavior"),
        # food refused as punishment (the refusal's own negation does not set it aside)
        ("Didn't eat today because I don't deserve food.", "food_refused_as_punishment", "behavior"),
        (
            "No meals since Friday, as a punishment for the mess I made.",
            "food_refused_as_punishment",
            "behavior",
        ),
        # a second-language attempt
        ("Three years ago I made a tentative of suicide with pills.", "l2_attempt", "attempt"),
        ("After my divorce I did an intent to end my life.", "l2_attempt", "attempt"),
    ],
)
def test_sixth_round_rules_flag_their_mechanism(text: str, rule: str, level: str) -> None:
    assert rule in _rules(text), lex.read(text)
    result = screen(text, model=False)
    assert result.flagged and result.level == level, result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        # innocent preparations
        "Wrote thank-you notes to the nurses before my discharge on Friday.",
        "We picked the date for the wedding and sent the invitations.",
        "Gave my old bike to my cousin, he loves it.",
        "Collected my prescription, enough tablets to last the holiday.",
        "Saved the receipts for the tax return.",
        "Checked the timetable: the fast train doesn't stop here, so I'll take the slow one.",
        "The card is for after the exams, a little treat.",
        # injuries and other people
        "Burned my hand on the kettle this morning.",
        "The dog scratched my arms till they bled, she hates the bath.",
        "Cut my finger on the tin lid, it bled a lot.",
        "He punched the wall till his knuckles split, then apologised.",
        "My son hit his head on the table. He says he deserved it for running.",
        # food without punishment
        "Didn't eat lunch, the meeting ran over.",
        "Fasting before the scan, nothing since midnight.",
        "The kids lost screen time as a punishment for the mess.",
        # second-language false friends in everyday use
        "I made a tentative to cook feijoada, it was a disaster.",
        "My intent is to finish my thesis this year.",
        "She made a suicide attempt last year, I visit her every week.",
    ],
)
def test_sixth_round_rules_stay_quiet_on_the_matched_negatives(text: str) -> None:
    new = {
        "preparation_cluster",
        "stockpile",
        "train_timed",
        "self_injury_on_purpose",
        "self_violence_deserved",
        "food_refused_as_punishment",
        "l2_attempt",
    }
    assert not (_rules(text) & new), lex.read(text)
