"""The tenth round (docs/defenses.md, "Tenth round (d10)"), tested both ways.

1. A plain statement about one's own safety or risk, affirmed or denied, is no defense: "I will never take my own life"
   was shown as omnipotence. The risk guard now also sets aside the risk the lexicon reads as denied, and plain
   safety statements it has no phrase for; a promise about anything else, or harm to another, is not set aside.
2. Constructions the eight read key files still missed, each recurring in files written by different people: the
   construction fires (no older cue of that level read it: these fail on the ninth round's code), a sentence sharing
   its words does not.

Every sentence here is written for this test (none taken or paraphrased from a key file or the bank).
"""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import CUES, SAFETY_STATEMENT, cue_levels, load_head, risk_guarded_text
from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defense_bank import head_levels

# The cues up to the ninth round; the tenth round's five follow them.
ROUND9_CUES = len(CUES) - 5

# Plain statements about one's safety or risk, denied or affirmed: no defense, set aside by the guard.
RISK_STATEMENTS = [
    "I will never take my own life, whatever this year throws at me.",
    "I'm not going to kill myself, I told the nurse that and I meant it.",
    "I would never hurt myself, not with the boys to think of.",
    "I'm not suicidal, I'm worn out and sick of the noise.",
    "I have no plans to harm myself, I just needed to write it down.",
    "I'm not going to do anything stupid tonight, the crisis line number is on the fridge.",
    "My brother would never kill himself, he loves that dog too much.",
    "I'm keeping myself safe and the pills are at my sister's.",
    # bare promises, each shown as omnipotence (level 4) by 2.6.0
    "I'd never take my own life.",
    "I won't ever harm myself.",
    "I will never kill myself, ever.",
    "He would never hurt himself.",
]

# Promises, refusals and harm to others: not a statement about one's own safety; the guard leaves them alone.
NOT_RISK_STATEMENTS = [
    "I will never forgive him for what he said at the wedding.",
    "I would never hurt him, even when he winds me up.",
    "I'm not going to end up like my father, drunk by noon.",
    "I never take my lunch break when the ward is short.",
    "I didn't take the job in the end, the hours were mad.",
]

FIRES = [
    # splitting of self: all good, then all bad on one event
    ("At the first rehearsal I was a genius, and when the director sighed once I was a total fraud.", 2),
    ("After one bad mark in the mock I am nothing, a fraud who fooled the whole school.", 2),
    ("Every good thing I ever baked was a fluke, now that one cake has sunk.", 2),
    # omnipotence: help or preparation waved off, the writer's own power in its place
    ("I don't need to book in with the physio, I can fix this shoulder just by deciding to.", 4),
    (
        "I don't need to rehearse the toast, I can stand up and wow them with whatever comes out, I always do.",
        4,
    ),
    # passive aggression: the time demanded, kept to the letter and defeated
    ("The supervisor wants me on the floor at seven, so I clock in at ten past every morning, smiling.", 1),
    (
        "My aunt wants me at the shop at nine, fine, I'll be there at nine, just very slowly with the till mysteriously jammed.",
        1,
    ),
    # acting out: the blow answered on property or the road
    ("When she blocked my number I went round at two in the morning and keyed her new car.", 1),
    ("After the tribunal I put my fist through the door of the staff toilets.", 1),
    ("Lost the contract and floored the van down the bypass, no seatbelt, headlights off.", 1),
    # devaluation of others: disbelief that anyone (the writer once included) values the person put down
    ("That presenter is a windbag, I can't believe anybody still listens to him.", 4),
    ("The landlord's nephew is a clown and I can't believe I ever gave him the time of day.", 4),
]

DOES_NOT_FIRE = [
    # splitting of self: the praise without its fall; the fall without the all-or-nothing
    ("I was a genius at maths at school and now I teach it to teenagers.", 2),
    ("After one bad mark in the mock I was gutted for a day and then revised harder.", 2),
    ("Every good thing I ever baked came from my nan's book.", 2),
    # omnipotence: help not needed for a plain reason
    ("I don't need the physio any more, the doctor says I can stop after this week.", 4),
    ("I don't need help with the shopping, I can get it delivered on Thursdays.", 4),
    # passive aggression: the time kept, or late for a plain reason
    ("The supervisor wants me on the floor at seven, so I set two alarms.", 1),
    ("My aunt wants me at the shop at nine and I got there at ten past because the bus broke down.", 1),
    # acting out: the same words, no blow answered
    ("I keyed in the door code and let myself into the flat.", 1),
    ("I put my hand through the sleeve and the seam split.", 1),
    ("We floored the kitchen last summer with oak boards.", 1),
    # devaluation of others: disbelief at kindness, a price, a habit given up
    ("I can't believe anyone would be so kind to a stranger.", 4),
    ("I can't believe anyone pays that much for a coffee.", 4),
    ("I can't believe I ever gave up sugar, I feel so much better.", 4),
]


@pytest.mark.parametrize("text", RISK_STATEMENTS)
def test_risk_statement_affirmed_or_denied_is_set_aside(text: str) -> None:
    assert risk_guarded_text(text)


@pytest.mark.parametrize("text", NOT_RISK_STATEMENTS)
def test_promise_or_harm_to_another_is_not_a_risk_statement(text: str) -> None:
    assert not risk_guarded_text(text)
    assert SAFETY_STATEMENT.search(text) is None


def test_risk_statements_get_no_level(encoder: Encoder) -> None:
    head = load_head()
    assert head is not None
    assert head_levels(RISK_STATEMENTS, head, encoder) == [0] * len(RISK_STATEMENTS)


def _round10_fires(text: str, level: int) -> bool:
    return bool(cue_levels(text, CUES[ROUND9_CUES:])[level] >= 1)


@pytest.mark.parametrize(("text", "level"), FIRES)
def test_round10_construction_reads_at_its_level(text: str, level: int) -> None:
    # the ninth round's cues of this level read none of these: the tenth round's do
    assert cue_levels(text, CUES[:ROUND9_CUES])[level] == 0
    assert _round10_fires(text, level)


@pytest.mark.parametrize(("text", "level"), DOES_NOT_FIRE)
def test_round10_cue_does_not_fire_on_a_shared_word(text: str, level: int) -> None:
    assert not _round10_fires(text, level)


def test_round10_cues_fire_only_at_their_own_level() -> None:
    for text, level in FIRES:
        fired = cue_levels(text, CUES[ROUND9_CUES:])
        assert {int(i) for i in fired.nonzero()[0]} == {level}, text


def test_round10_shipped_head_shows_no_wrong_level_and_abstains_on_the_look_alikes(encoder: Encoder) -> None:
    """The analyzer's decision, not only the cue: the shipped head (2.7.0, the same weights as 2.6.0) shows the
    constructions above at their level but three (the toast, the clock-in and the landlord's nephew: one cue is not
    enough there, it abstains), never a wrong level; it abstains on the look-alikes but one: "I can't believe anyone
    would be so kind …" is shown as level 4 by the head alone, no cue firing, as by 2.6.0 (left out here, open)."""
    head = load_head()
    assert head is not None
    shown = head_levels([t for t, _ in FIRES], head, encoder)
    assert all(s in (0, level) for s, (_, level) in zip(shown, FIRES, strict=True))
    assert sum(s == level for s, (_, level) in zip(shown, FIRES, strict=True)) >= len(FIRES) - 3
    near = [t for t, _ in DOES_NOT_FIRE if not t.startswith("I can't believe anyone would be so kind")]
    assert head_levels(near, head, encoder) == [0] * len(near)
