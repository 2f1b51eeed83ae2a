"""h190, risk 2.16.3: the mechanisms frozen39 (seen) showed on h185's 2.16.2, fixed by mechanism (docs/risk.md,
"2.16.3"): 1. ideation told as thoughts of killing oneself, one's funeral wished near, a death by a vehicle welcomed,
one's own words told to someone and affirmed, a note's reported wish not to be here; 2. attempts told by their
aftermath (an intentional OD with its drug named between, found hanging and cut down, in front of a vehicle "w/ intent",
CO poisoning with its intent); 3. preparatory acts (over a railing at a height, stood at a height with a practice run,
practised with a ligature, a ligature tied to a fixing point with its purpose, a pet given away with a cover story);
4. a note's cigarette burns with their intent; 5. the set-asides' reach (a wish narrowed by a bracket, "I mean at",
"jk the <thing> jammed", "this relationship with <thing>", an outdoor pursuit as the purpose of a rope, a heading's
own last word before its nil answer on the next line) and review r134's hopeful sentence about tomorrow.

Every line is written for this test (none is in the bank or a batch) except the frozen39 lines read by id from their
seen batch. Each rule is read in journal and note voices where both apply, beside its look-alikes, which stay unread;
the set-aside readings (denial, someone else) still apply."""

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


# --- 1. ideation ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "keep thinkin bout killin myself, cant stop",
        "I keep thinking about ending my life at night",
        "thoughts of killing self most days",
        "Keep picturing my own funeral and wishing it was sooner.",
        "I'd be glad if a bus hit me tbh",
        "i wouldn't mind if a car ran me over",
        "i keep imagining my own death and it feels like relief",
        "wouldn't mind if i died in my sleep",
        "i'd be happy if i died tbh",
        "Told my mum 'I want to die' and I meant it.",
        'told my best friend "i don\'t want to be alive" and i meant every word',
    ],
)
def test_a_wish_told_in_these_forms_is_ideation(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.IDEATION, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Pt reports thoughts of killing herself x2/52.",
        "Voicing thoughts of ending his life overnight.",
        'Client wants to "just sleep and not be here anymore".',
        "Pt wishes to not be here any more.",
        "Pt states she would not mind if she died in her sleep.",
    ],
)
def test_a_note_reports_the_clients_wish(text: str) -> None:
    assert _top(text, NOTE) >= lex.IDEATION, _hits(text, NOTE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Denies thoughts of killing self.", NOTE),
        ("No thoughts of ending her life.", NOTE),
        ("my brother has thoughts of killing himself", JOURNAL),
        ("I'd be glad if the bus came on time", JOURNAL),
        ("picturing my own wedding and wishing it was next week", JOURNAL),
        ("Told my mum 'I want to die' when I saw the bill, joking obviously", JOURNAL),
        ("Pt wants to not be here on Fridays, prefers Mondays.", NOTE),
        ("my gran said she wouldn't mind if she died in her sleep, she's 97", JOURNAL),
        ("imagining my own funeral and wishing everyone would say nice things", JOURNAL),
        ("told my mum 'I'm dead tired' and I meant it", JOURNAL),
    ],
)
def test_a_denial_someone_else_or_a_look_alike_is_not_ideation(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.IDEATION, _hits(text, kind)


# --- 2. attempts told by their aftermath ----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "I was found hanging in the garage, they cut me down and I survived.",
        "stepped in front of lorry w/ intent, multiple fractures",
        "Ran in front of a bus with intent.",
        "CO poisoning in the car; I wanted it to work.",
        "downed a bottle of vodka and all my pills last night. woke up in a&e",
    ],
)
def test_an_attempt_told_by_its_aftermath_is_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Pt found hanging 1/52 ago, cut down by partner, CPR, survived.",
        "Pt took all her lithium on Tues, levels high on admission.",
        "intentional insulin OD last month",
        "Deliberate paracetamol overdose in 2021.",
        "Admitted after walking into traffic deliberately.",
        "Pulled from canal by police 2/7 ago, pt says she wanted to drown.",
    ],
)
def test_a_note_tells_the_clients_attempt(text: str) -> None:
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "unintentional insulin OD, wrong pen",
        "stepped in front of a bus by accident, it braked in time",
        "CO poisoning from the boiler, landlord fixed it",
        "found hanging baskets at the garden centre, survived the queue",
        "Pt took all her lithium as prescribed.",
        "Mum took all her tablets with her on holiday.",
        "walked into traffic deliberately slow to annoy the taxi driver",
        "pulled from the river by the lifeguards during the charity swim, meant it when I said never again",
        "my uncle was found hanging in 2015, they did cpr but he died",
        "the kids pulled the dog out of the lake, it jumped in after a duck",
    ],
)
def test_an_accident_or_an_everyday_act_is_no_attempt(text: str) -> None:
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) < lex.ATTEMPT, (kind, _hits(text, kind))


def test_a_notes_short_weekday_is_no_name_before_the_act() -> None:
    assert _top("Pt reports it last Tues - took all her lithium.", NOTE) == lex.ATTEMPT
    assert _top("Reports Weds - took all his sertraline.", NOTE) == lex.ATTEMPT
    assert _top("Cl says Priya took all her lithium.", NOTE) < lex.ATTEMPT  # someone named stays someone else


def test_the_wound_of_ones_act_with_its_intent_said_is_an_attempt() -> None:
    assert _top("the stitches on my wrist itch. i meant it tho", JOURNAL) == lex.ATTEMPT
    assert _top("stitches on my wrist itch. I meant it when I said I'd quit climbing", JOURNAL) < lex.ATTEMPT
    assert _top("my friend has stitches on her wrist, she meant it", JOURNAL) < lex.ATTEMPT


def test_a_journals_clinical_shorthand_for_a_patient_is_no_attempt() -> None:
    # frozen20-092's mechanism: a student's placement notes in a journal tell a patient's act
    text = "Placement notes: 17F, deliberate paracetamol overdose, medically fit."
    assert _top(text, JOURNAL) < lex.ATTEMPT, _hits(text, JOURNAL)


# --- 3. preparatory acts ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "climbed over the railing on the bridge and a man grabbed me",
        "on the viaduct I climbed over the parapet",
        "stood on the railway bridge for an hour, did not climb. a practice run.",
        "Practised with the belt in the wardrobe tonight.",
        "practicing with my dressing gown cord again",
        "rope tied to the loft beam, ready for when I need it",
        "gave my dog to Sam today, told him I'm travelling. I'm not travelling.",
        "Gave the cat to her sister and transferred savings to her nephew.",
        "went to the cliffs and checked the drop",
        "wrote goodbye texts to everyone but didnt send them",
        "put the pills in a line on the table and just looked at them for an hour",
    ],
)
def test_a_preparatory_act_with_its_object_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


def test_a_ligature_found_by_someone_else_is_the_clients_when_the_client_says_so() -> None:
    text = "Dad found rope tied to the stair banister; pt admits she put it there."
    assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "climbed over the fence into the park",
        "stood on the bridge and watched the boats for an hour",
        "practised with the band tonight, the rope trick was great",
        "rope tied to the tree branch for a swing",
        "gave my dog to Sam for the weekend while we're in Leeds",
        "Dad found rope tied to the banister; he admits he put it there for the Christmas lights.",
        "we went to the cliffs and checked the drop for the abseil",
        "wrote goodbye messages in Sarah's leaving card",
        "put the pills in a line on the table for the nurse to check",
        "stood on the bridge for an hour, didn't jump in the river with the others, too cold",
        "climbed over the railing on the bridge to get a better photo",
        "gave my dog to my sister for a week, I'm not travelling far, just to Leeds",
    ],
)
def test_one_part_alone_or_an_everyday_act_is_not_behavior(text: str) -> None:
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) < lex.BEHAVIOR, (kind, _hits(text, kind))


# --- 4. a note's cigarette burns -------------------------------------------------------------------------------------


def test_a_notes_cigarette_burns_with_their_intent_are_behavior() -> None:
    for text in (
        'Burns to L forearm; pt admits cigarette, "to feel something".',
        "Burns on both hands x3, cigarette, self-inflicted.",
    ):
        assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


def test_a_notes_head_banging_with_its_distress_is_behavior() -> None:
    assert _top("Pt reports banging head on walls when distressed, bruising noted.", NOTE) >= lex.BEHAVIOR
    assert (
        _top("Banging head against a brick wall with the housing office, pt frustrated.", NOTE) < lex.BEHAVIOR
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pt has researched methods online (hanging) over past week.",
        "Pt described tying a ligature in the bathroom on Friday, removed it herself.",
        "Staff found pt with a plastic bag over her head, removed.",
        "Pt tied dressing gown cord to the door handle, stopped when phone rang.",
        "Pt cut L forearm x10 superficial lacerations last night with razor.",
        "Self-harm: cutting forearms weekly, last episode Sat.",
    ],
)
def test_a_notes_preparatory_or_self_harm_act_is_behavior(text: str) -> None:
    assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("researched methods online for my dissertation on statistics", JOURNAL),
        ("researched teaching methods online for my placement", JOURNAL),
        ("kids put a plastic bag over their head in the game and I told them off", JOURNAL),
        ("Pt cut R forearm on broken glass at work, sutures.", NOTE),
        ("tied the dog's lead to the door handle and stopped to chat", JOURNAL),
        ("Cl's sister cut her forearms x5 last night.", NOTE),
        ("in the last episode the main character wants to die", JOURNAL),
    ],
)
def test_their_look_alikes_are_not_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.BEHAVIOR, _hits(text, kind)


def test_a_burn_from_cooking_is_not_self_harm() -> None:
    assert _top("Burns to R hand from the oven tray; cigarette smoker.", NOTE) < lex.BEHAVIOR
    assert (
        _top("Burns to R hand from cooking; cigarette smoker; admits not wearing gloves.", NOTE)
        < lex.BEHAVIOR
    )


# --- 5. the set-asides' reach, and review r134 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i want to die (of embarrassment, tripped on stage)",
        "I wish I didn't exist... I mean at this party, I know nobody",
        "kill me now. jk the printer jammed again",
        "ready to end it all - this relationship with crisps, starting Monday",
    ],
)
def test_a_wish_narrowed_to_an_ordinary_thing_is_not_read(text: str) -> None:
    assert not _screen(text, JOURNAL).flagged


@pytest.mark.parametrize(
    "text",
    [
        "i want to die (of cancer, like dad did)",
        "I wish I didn't exist. I mean at this point what's the point",
        "kill me now. jk the printer jammed. no actually I mean it, I want to die",
        "ready to end it all - this relationship with life",
    ],
)
def test_a_wish_not_narrowed_stays_read(text: str) -> None:
    assert _screen(text, JOURNAL).flagged


def test_a_rope_for_an_outdoor_pursuit_is_no_preparation() -> None:
    assert _top("bought rope and a headtorch for camping saturday", JOURNAL) < lex.BEHAVIOR
    assert _top("bought rope. it's for me, not for the tent", JOURNAL) >= lex.BEHAVIOR


@pytest.mark.parametrize("answer", ["No", "None", "Nil"])
def test_a_heading_with_its_last_word_answered_nil_on_the_next_line_is_a_denial(answer: str) -> None:
    text = f"Suicidal ideation\n{answer}\nSelf-harm\nNo"
    assert _top(text, NOTE) < lex.IDEATION, _hits(text, NOTE)


def test_a_heading_answered_with_a_wish_stays_read() -> None:
    assert _top("Suicidal ideation\nYes, daily, with a plan", NOTE) >= lex.IDEATION


def test_a_notes_prescription_line_is_no_model_alarm() -> None:
    assert not _screen("Repeat Rx sertraline 100mg x28. Meds kept in locked box as advised.", NOTE).flagged
    assert _screen("Took sertraline 100mg x28 last night, wanted to die.", NOTE).flagged


def test_a_quoted_wish_narrowed_to_a_thing_and_denied_of_life_is_no_model_alarm() -> None:
    assert not _screen('States "I\'m done" re physio exercises, not re life.', NOTE).flagged
    assert _screen('States "I\'m done" re life, not re physio.', NOTE).flagged


@pytest.mark.parametrize(
    "text",
    [
        "Maybe tomorrow is better 🌱",
        "Long day at work, made soup, watched a film. Maybe tomorrow is better 🌱",
        "Rough shift. Hopefully tomorrow is a better day.",
        "Maybe tomorrow will be better.",
    ],
)
def test_r134_a_hope_for_tomorrow_with_no_risk_word_is_no_model_alarm(text: str) -> None:
    result = _screen(text, JOURNAL)
    assert not result.flagged, result.to_data()


@pytest.mark.parametrize(
    "text",
    [
        "maybe tomorrow will be better if I'm not here",
        "maybe tomorrow I won't wake up",
        "maybe tomorrow is better without me",
        "I want to die. Maybe tomorrow is better.",
    ],
)
def test_r134_a_hope_with_an_absence_or_beside_a_wish_stays_flagged(text: str) -> None:
    assert _screen(text, JOURNAL).flagged


# --- the seen batch -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line_id",
    [
        "frozen39-005",
        "frozen39-062",
        "frozen39-018",
        "frozen39-026",
        "frozen39-078",
        "frozen39-084",
        "frozen39-087",
        "frozen39-100",
        "frozen39-104",
        "frozen39-113",
        "frozen39-117",
        "frozen39-128",
        "frozen39-137",
        "frozen39-145",
        "frozen39-160",
        "frozen39-178",
        "frozen39-179",
        "frozen39-183",
        "frozen39-189",
        "frozen39-191",
        "frozen39-200",
    ],
)
def test_frozen39_genuine_lines_now_at_their_level(line_id: str) -> None:
    item = _seen(line_id)
    result = _screen(item["text"], item.get("kind", JOURNAL))
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(item["expect"]), line_id


@pytest.mark.parametrize(
    "line_id",
    [
        "frozen39-063",
        "frozen39-081",
        "frozen39-111",
        "frozen39-122",
        "frozen39-135",
        "frozen39-140",
        "frozen39-177",
        "frozen39-187",
    ],
)
def test_frozen39_negatives_now_unflagged(line_id: str) -> None:
    item = _seen(line_id)
    assert not _screen(item["text"], item.get("kind", JOURNAL)).flagged, line_id


def test_the_new_rules_are_untrained() -> None:
    assert {r.name for r in lex.H190_RULES} <= lex.UNTRAINED_RULES


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
