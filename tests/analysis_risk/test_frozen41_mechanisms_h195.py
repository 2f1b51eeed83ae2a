"""h195, risk 2.16.5: the mechanisms frozen41 (seen) showed on h191's 2.16.4, fixed by mechanism (docs/risk.md,
"2.16.5"): 1. attempts (an act told with its intent said, an overdose told as the time after it, a jump from a height
with its injury, a crash told as meant, every tablet of someone's swallowed, pills taken "on purpose" or found after,
woken in intensive care after the drug taken, "trying to end it" as the reason one is on a ward); 2. preparatory acts (a
ligature fashioned or a rope tied in a loop, heights researched, a goodbye message drafted and kept, letters kept back
to be read later, a second rope bought, standing in a river at night, affairs settled "tying things off"); 3. self-harm
acts (a blade taken from a sharpener, cuts on one's body deeper or hidden, a note's wounds owned); 4. ideation (a C-SSRS
item answered yes, a writer who thinks about dying most days, the writer's own words quoted after "I told her", a
clinician's "depressive episode" no television episode); 5. the set-asides' reach ("not actually" takes a wish back,
"killing himself laughing", a quote told as a joke or a figure of speech, a screen not completed, a question left
unasked on its line, a history closed by years abstinent, a wish narrowed by "re:", the pegs of a clothesline).

Every line is written for this test (none is in the bank or a batch) except the frozen41 lines read by id from their
seen batch. Each rule is read in journal and note voices where both apply, beside its look-alikes, which stay unread."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import lexicon_top as _top
from risk_model import screened as _screen
from risk_model import seen_line as _seen

NOTE = "session_note"
JOURNAL = "free_association"


# --- 1. attempts ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "I jumped from the car park roof meaning to die. Broke my pelvis.",
        "cut my arm open intending to die, my flatmate found me",
        "jumped off the multi-storey last spring. fractured spine. everyone says it was an accident",
        "jumped off the footbridge at 17. broke my ankle. people think it was a fall",
        "I crashed my car into a tree on purpose last year.",
        "drove into the barrier deliberately on the bypass",
        "what I did was swallow all of her sleeping tablets",
        "took the whole box of his painkillers last spring",
        "i 'went to sleep on purpose' with a bottle of tablets in may",
        "a handful of pills and vodka, then my brother found me",
        "woke up in hospital after taking all the paracetamol, every one of them",
        "Woke up in ICU. I remember swallowing the sertraline, all of it, then nothing.",
        "me trying to end it in march is why im in hospital now",
        "cut my wrists open and lay in the bath waiting to die",
    ],
)
def test_an_attempt_told_by_its_act_and_intent_or_aftermath_is_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Pt admitted following jump from 3rd floor balcony; states she intended to end her life.",
        "Deep lac L forearm sutured in ED, pt states he cut intending to die.",
        "Admitted post sertraline overdose, medically fit.",
        "Day 3 post OD, LFTs normalising.",
        "Handover: 52M, d1 post paracetamol OD (staggered), NAC running.",
        "Pt took a staggered overdose over the weekend.",
        "Pt seen on ward, post-OD day 1, remorseful.",
        "Admitted after ingesting 30 co-codamol with intent.",
    ],
)
def test_a_note_tells_the_clients_attempt(text: str) -> None:
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "drove into the wall by accident on the ice",
        "nearly drove into a tree on purpose, swerved back",
        "jumped off the bridge into the river for a dare, broke my toe lol",
        "woke up in hospital after taking a tumble on the stairs",
        "denies intending to die when she cut, states it was to cope",
    ],
)
def test_their_look_alikes_are_no_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.ATTEMPT, _hits(text, kind)


def test_someone_elses_act_with_intent_or_overdose_is_theirs() -> None:
    for text in (
        "Pt's brother jumped from a bridge in 2015 intending to end his life.",
        "Pt's mother is day 2 post paracetamol OD.",
    ):
        assert not _screen(text, NOTE).flagged, text
    assert _top("the dog swallowed all of my tablets, vet called", JOURNAL) < lex.ATTEMPT


# --- 2. preparatory and self-harm acts ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "googled the height of the bridge near my flat and how far the drop is",
        "searched how tall the multi-storey on king st is, then went up to the top",
        "wrote a goodbye text to my sister and saved it in drafts",
        "typed out goodbye msgs to everyone, theyre still in my drafts",
        "I've written letters to my kids. Nobody needs to read them yet.",
        "wrote notes for mum and jo, they're under my bed for after",
        "bought a second rope from the hardware shop today",
        "was standing in the canal up to my chest at 3am, then walked back",
        "sold my car, paid back everyone i owe. tying things off.",
        "took the blade out of a sharpener again last night",
        "opened the razor from the pencil sharpener, 40 days clean gone",
        "the cuts on my arms are deeper now, I wear long sleeves so nobody sees",
        "the lines on my thigh are fresh again, nobody sees under jeans",
        "went up to the top of the car park and looked over the edge for an hour",
        "scheduled a goodbye post for sunday night",
    ],
)
def test_a_preparatory_or_self_harm_act_with_its_object_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Ligature made from shoelaces found under pt's mattress.",
        "Staff found a ligature fashioned from a t-shirt during room search.",
        "Mother found a belt tied into a noose in pt's wardrobe; pt admits it is hers.",
        "Multiple lacerations L forearm, pt admits she used a razor blade.",
        "O: superficial cuts bilat forearms, recent. Pt acknowledged self-inflicted.",
        "Reports researching heights of local bridges online.",
    ],
)
def test_a_note_tells_the_clients_preparatory_or_self_harm_act(text: str) -> None:
    assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "I wrote letters for mum and dad for their anniversary, under my bed until Sunday.",
        "took the blade out of the pencil sharpener for my art project",
        "the lines on my thigh are stretch marks, nobody sees under jeans anyway",
        "Laceration to R hand from kitchen knife, pt states used knife while cooking, accidental.",
        "bought another rope for the boat",
        "standing in the sea up to my waist at 6am for a wild swim",
        "sold my car and paid off my debts, tying things up before the move to Spain",
        "researched the height of local car parks for my van's clearance",
        "tied the rope into a loop for the tyre swing in the garden",
        "went up to the top of the car park and looked over the edge at the sunset",
        "scheduled a goodbye post for my leaving do at work",
    ],
)
def test_their_look_alikes_are_not_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.BEHAVIOR, _hits(text, kind)


# --- 3. ideation ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("C-SSRS item 1 (wish to be dead): Yes", NOTE),
        ("C-SSRS Q2 (non-specific active thoughts): yes, past week.", NOTE),
        ("C-SSRS screen positive (passive ideation).", NOTE),
        ("Told my GP I think about killing myself every day.", JOURNAL),
        ("i think about not being here most days", JOURNAL),
        ("My mum asked what's wrong and I told her 'I want to die.'", JOURNAL),
        ("I told him 'I don't want to be alive anymore.'", JOURNAL),
        ("A: Severe depressive episode with active SI, plan denied. P: crisis team.", NOTE),
    ],
)
def test_ideation_told_in_a_screen_a_habit_or_ones_own_quoted_words_is_flagged(text: str, kind: str) -> None:
    result = _screen(text, kind)
    assert result.flagged and risk.LEVELS.index(result.level) >= risk.LEVELS.index("ideation"), _hits(
        text, kind
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("C-SSRS Q2 (active thoughts): No.", NOTE),
        ("C-SSRS screen negative.", NOTE),
        ("She told me 'I want to die' and I didn't know what to say.", JOURNAL),
        ("We watched an episode about a man who wanted to die.", JOURNAL),
    ],
)
def test_their_look_alikes_are_not_the_writers_ideation(text: str, kind: str) -> None:
    assert not _screen(text, kind).flagged, _hits(text, kind)


def test_thinking_about_death_in_grief_is_not_the_habit_rule() -> None:
    text = "I think about dying a lot since grandad passed, what happens after."
    assert "think_about_dying_often" not in {rule for rule, _, _ in _hits(text, JOURNAL)}


# --- 4. set-asides --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i want to die (of embarrassment, not actually)", JOURNAL),
        ("Pt said her brother was 'killing himself laughing' at the film.", NOTE),
        ("Client jokingly said he'd 'jump off a cliff' if the train was late again.", NOTE),
        ("Pt said 'just shoot me' about the audit; clarified as a figure of speech.", NOTE),
        ("SI screen not completed - interpreter unavailable.", NOTE),
        ("Suicide risk screening deferred.", NOTE),
        ("Q: Any thoughts of harming yourself? - not asked, pt left session early; to follow up.", NOTE),
        ("Historic SH as teenager (cutting), 12 yrs abstinent, no urges.", NOTE),
        ("Client stated 'I want to end it all' re: the tenancy; no thoughts of death on exploration.", NOTE),
        ("bought rope for the clothesline and some pegs", JOURNAL),
        ("note to self: tired yes, wanting to die no.", JOURNAL),
        ("sad yes, want to die no", JOURNAL),
        ("phone battery's out again, charger's in the car", JOURNAL),
    ],
)
def test_a_narrowed_figured_unasked_or_closed_line_is_not_flagged(text: str, kind: str) -> None:
    assert not _screen(text, kind).flagged, _hits(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i want to die, not actually joking this time", JOURNAL),
        ("SI screen not completed but pt said she has a plan.", NOTE),
        ("Client stated 'I want to end it all' re: her life, plan to overdose.", NOTE),
        ("Historic SH as teenager, 10 yrs abstinent, but cut again last week.", NOTE),
        ("Q: Any thoughts of ending your life? - yes, most days.", NOTE),
        ("i want to die, no joke", JOURNAL),
        ("i want to die, no.", JOURNAL),
        ("honestly, wanting to die no longer scares me", JOURNAL),
    ],
)
def test_a_wish_or_act_reaffirmed_stays_flagged(text: str, kind: str) -> None:
    assert _screen(text, kind).flagged, _hits(text, kind)


# --- 5. the seen frozen41 lines -------------------------------------------------------------------------------------


FROZEN41_GENUINE = [
    "frozen41-008",
    "frozen41-018",
    "frozen41-019",
    "frozen41-020",
    "frozen41-023",
    "frozen41-027",
    "frozen41-041",
    "frozen41-048",
    "frozen41-066",
    "frozen41-070",
    "frozen41-074",
    "frozen41-075",
    "frozen41-092",
    "frozen41-100",
    "frozen41-102",
    "frozen41-103",
    "frozen41-113",
    "frozen41-117",
    "frozen41-118",
    "frozen41-123",
    "frozen41-164",
    "frozen41-165",
    "frozen41-173",
    "frozen41-179",
    "frozen41-188",
    "frozen41-199",
    "frozen41-200",
]
FROZEN41_NEGATIVES = [
    "frozen41-028",
    "frozen41-058",
    "frozen41-067",
    "frozen41-098",
    "frozen41-125",
    "frozen41-136",
    "frozen41-157",
    "frozen41-160",
    "frozen41-171",
    "frozen41-180",
]


@pytest.mark.parametrize("line_id", FROZEN41_GENUINE)
def test_frozen41_genuine_lines_now_at_their_level(line_id: str) -> None:
    item = _seen(line_id)
    result = _screen(item["text"], item.get("kind", JOURNAL))
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(item["expect"]), line_id


@pytest.mark.parametrize("line_id", FROZEN41_NEGATIVES)
def test_frozen41_negatives_now_unflagged(line_id: str) -> None:
    item = _seen(line_id)
    assert not _screen(item["text"], item.get("kind", JOURNAL)).flagged, line_id


def test_the_new_rules_are_untrained() -> None:
    assert {r.name for r in lex.H195_RULES} <= lex.UNTRAINED_RULES


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
