"""Seventh round: lexicon rules and sentence reasons for the mechanisms behind the fifth frozen batch's misses and
false alarms, each tested both ways (docs/risk.md, "Seventh round").

Every sentence here was written for this test; none is a sentence of a challenge batch or of the training bank.
Rules are read with ``model=False`` (the lexicon alone), so these tests hold whatever the model does; the sentence
reasons (what lets the sentence model raise a sentence) are read directly.
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.risk import screen, sentence_spans

NEW_RULES = {
    "self_injury_reason_said",
    "self_harm_helps",
    "self_burn_means",
    "head_against_wall",
    "lethal_amount",
    "supply_bought_apart",
    "pray_not_to_wake",
    "dead_would_be_relief",
    "l2_reflexive_self_harm",
    "weight_tested",
    "means_on_myself",
}


def _rules(text: str) -> set[str]:
    return {h.rule for h in lex.read(text) if h.level == h.rule_level}


def _reasons(text: str) -> list[str | None]:
    return lex.sentence_reasons(text, "free_association", sentence_spans(text))


@pytest.mark.parametrize(
    ("text", "rule", "level"),
    [
        # self-injury told plainly, its reason said after it (same sentence or the next)
        (
            "Banged my head against the desk a dozen times after the call. I was punishing myself.",
            "self_injury_reason_said",
            "behavior",
        ),
        (
            "I pinched my forearm hard in the meeting, I wanted it to hurt.",
            "self_injury_reason_said",
            "behavior",
        ),
        ("I scratched my arm open again so it wouldn't heal.", "self_injury_reason_said", "behavior"),
        ("Hurting myself is the only way the noise in my head stops.", "self_harm_helps", "behavior"),
        # burns with a lighter or a cigarette on the arm, leg or skin
        ("I burned my thigh with a lighter after the party.", "self_burn_means", "behavior"),
        ("Stubbed a cigarette out on my wrist in the garden.", "self_burn_means", "behavior"),
        # the head against a wall again and again
        ("I smash my head against the door many times when she shouts.", "head_against_wall", "behavior"),
        ("Hit my head off the bedroom wall over and over.", "head_against_wall", "behavior"),
        # how many would be enough, looked up or counted
        ("I checked how many of the codeine it would take.", "lethal_amount", "behavior"),
        ("Had the tablets out on the bed, working out how many it would take.", "lethal_amount", "behavior"),
        # a supply bought so nobody asks, or hidden "for when I'm ready"
        (
            "Got two packs of paracetamol from different chemists this week.",
            "supply_bought_apart",
            "behavior",
        ),
        (
            "Bought the pills at the big supermarket so the pharmacist wouldn't ask.",
            "supply_bought_apart",
            "behavior",
        ),
        (
            "The tablets are in my wash bag, hid them there for when I'm ready.",
            "supply_bought_apart",
            "behavior",
        ),
        # the wish not to wake, prayed or hoped; being dead as a relief
        ("Most nights I pray not to wake up.", "pray_not_to_wake", "ideation"),
        ("It would be easier to just be dead, honestly.", "dead_would_be_relief", "ideation"),
        # dialect: "pray God tek mi", a date picked ("settled on the week after", "pick di date")
        ("Every night mi pray God tek mi.", "death_wish_older", "ideation"),
        (
            "Wrote letters to both my sons. Settled on the week after the harvest.",
            "preparation_cluster",
            "behavior",
        ),
        ("Mi pick di date, wrote letters fi di pickney dem.", "preparation_cluster", "behavior"),
        # a second-language reflexive "me"; a fixing point tested for one's weight; a weapon used "on myself"
        ("I am burning me on the arm with the spoon every night.", "l2_reflexive_self_harm", "behavior"),
        (
            "Stood under the rafter in the shed to see if it would hold my weight.",
            "weight_tested",
            "behavior",
        ),
        (
            "The rifle is in the cupboard and I keep thinking of using it on myself.",
            "means_on_myself",
            "ideation",
        ),
        # a wall punched through a longer name, with the verdict
        (
            "Smashed the bathroom wall till my knuckles cracked, deserved every bit.",
            "self_violence_deserved",
            "behavior",
        ),
    ],
)
def test_seventh_round_rules_flag_their_mechanism(text: str, rule: str, level: str) -> None:
    assert rule in _rules(text), lex.read(text)
    result = screen(text, model=False)
    assert result.flagged and result.level == level, result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        # accidents, sport, idioms and others' hurts
        "Banged my head on the cupboard door again, there's a lump.",
        "Trying to fix the printer is like banging my head against a brick wall over and over.",
        "Burned my finger with the lighter lighting the birthday candles.",
        "Burned my arm on the oven shelf getting the roast out.",
        "Coach had us run laps as punishment for losing.",
        "My nephew hits his head on the floor when he's tired, the health visitor says it's a phase.",
        "Punishing myself with overtime again, need to talk about it in therapy.",
        "Hurting myself is not something I do anymore, four years clean.",
        # doses and supplies for ordinary reasons
        "Asked the pharmacist how many tablets I'd need for the trip.",
        "Worked out how many of the antibiotics I'd need to last the fortnight.",
        "Bought paracetamol for my daughter from two shops because the first had run out.",
        "Bought the tablets for my mum at a different chemist since ours was shut.",
        "Hid the chocolates in the wardrobe for when I'm ready to share them.",
        # waking and relief in everyday use
        "Hoping not to wake the baby when I come in late.",
        "I hope not to wake up at five again with the birds.",
        "It would be easier to just be gone for the weekend, a cottage somewhere.",
        # dates and letters that are not preparations
        "Settled on the week after Easter for the trip to Wales.",
        "We pick the date for the party next week.",
        "He hit me in the arm at football, there's a bruise.",
        "I was cutting me a slice of cake when the phone rang.",
        "Tested the hook in the ceiling to see if it would take my weight for the aerial hoop.",
        "Used the massage gun on myself after the run.",
        "Dad cleaned the rifle and locked it away before the grandkids came.",
    ],
)
def test_seventh_round_rules_stay_quiet_on_the_matched_negatives(text: str) -> None:
    assert not (_rules(text) & (NEW_RULES | {"preparation_cluster"})), lex.read(text)


def test_dialect_reflexives_are_the_writer_s_own() -> None:
    """Scots "masel" and Caribbean "miself" are the writer: before this round "tried tae hang masel" was read
    as someone else's attempt and set aside as third person."""
    for text in ("Last winter I tried tae hang masel in the byre.", "Mi did try fi kill miself last year."):
        result = screen(text, model=False)
        assert result.level == "attempt", result.to_data()
    assert screen("He tried to hang himself last winter.", model=False).level != "attempt"


@pytest.mark.parametrize(
    "text",
    [
        "Swallowed them all with a glass of wine.",  # the writer's own act, subject dropped, "them" an object
        "Handed my car keys to my brother and the cat to Mrs Hale.",  # others only after "to"
        "Mi cyaan tek it nuh more, everybody better off if mi gone.",  # "mi" is the writer
    ],
)
def test_subject_dropped_and_dialect_sentences_are_not_someone_else_s(text: str) -> None:
    assert "third_person" not in _reasons(text), _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Found him on the landing, cold.",  # "him" may be who the sentence is about
        "Heard my cousin took an overdose last night.",  # a person as subject after the opener
        "Dad gave his guns to my uncle before the move.",  # opens on a person, not a verb
        "Watched them carry the coffin out.",  # "them" followed by a verb, not an object of handling
    ],
)
def test_other_people_as_subjects_still_make_it_their_sentence(text: str) -> None:
    assert _reasons(text) == ["third_person"], _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cut my thumb on the tin opener making lunch.",
        "Got my finger trapped in the car door, nail's gone black.",
        "Needlestick injury at the clinic, bloods booked.",
        "Stabbed myself with a skewer doing the kebabs.",
    ],
)
def test_an_everyday_accident_is_not_the_model_s_to_raise(text: str) -> None:
    assert "injury" in _reasons(text), _reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cut my thumb on the tin opener on purpose to feel something.",
        "Got my hand trapped in the drawer, then did it again and again.",
    ],
)
def test_an_injury_with_intent_stays_the_model_s_to_read(text: str) -> None:
    assert "injury" not in _reasons(text), _reasons(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Went to shoot some pool after work.", "shoot some pool"),
        ("shot 2 the shops for bread", "shot 2 the shops"),
        ("Absolutely wrecked, I'd murder a kebab.", "I'd murder a kebab"),
        ("I'm killed after the hike.", "I'm killed"),
    ],
)
def test_everyday_shooting_murdering_and_being_killed_are_figures_of_speech(text: str, words: str) -> None:
    hits = [h for h in lex.read(text) if h.reason == "figure_of_speech"]
    assert any(text[h.start : h.end] == words for h in hits), lex.read(text)
    assert not screen(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I want to shoot myself, I mean it.",
        "Thinking about the shotgun in the shed, and using it.",
    ],
)
def test_the_shooting_figures_leave_real_shooting_alone(text: str) -> None:
    assert not [h for h in lex.read(text) if h.reason == "figure_of_speech"], lex.read(text)
