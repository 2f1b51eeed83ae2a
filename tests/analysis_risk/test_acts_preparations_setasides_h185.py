"""h185, risk 2.16.2: the mechanisms frozen38 (seen) showed on 2.16.1, fixed by mechanism (docs/risk.md, "2.16.2"):
1. attempts told as acts: an overdose's shorthand, an ingestion with a quantity or with its intent denied, "tried to
take herself out", water with a rescue, "I jumped." with the fall's injury; common medicine names; 2. preparatory and
interrupted acts read with their object; 3. self-harm acts; 4. ideation in typos and reported speech; 5. the set-asides'
reach over false alarms (a wish narrowed, a nil answer, an administrative line, a figure, a clinician's unanswered
question); 6. "end things with <a person>".

Every line is written for this test (none is in the bank or a batch) except the frozen38 lines read by id from their
seen batch. Each rule is read in journal and note voices, with typos and abbreviations where they apply, and beside
its look-alikes, which stay unread; the set-aside readings (denial, someone else) still apply. Also: a lone surrogate
reaches the public screen without a TypeError."""

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


# --- 1. attempts told as acts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "ODed on my sertraline friday. wanted it all to stop",
        "I ODed on citalopram in March",
        "O/D'd on propranolol last wk.",
        "o/d'd on my mum's tablets again",
        "Self: x2 ODs this yr (Feb, Jun), most recent 3/52 ago",
        "3 ODs in the last year",
        "ODs x2 since Jan",
        "Took a large amount of her amitriptyline Sunday pm, vomited.",
        "took a huge amount of my pregabalin",
        "Ingested unknown qty of pregabalin + vodka, found by neighbour.",
        "swallowed a strip of my nan's co-codamol",
        "necked a box of promethazine",
        "Pt 'tried to take herself out' after the 2021 breakup.",
        "I tried to take myself out in 2019.",
        "He walked into the sea at night, pulled out by a dog walker.",
        "waded into the river last winter and a man dragged me out",
        "I walked into the river meaning to keep going.",
        "I jumped. I don't remember landing. Now there are pins in my legs.",
    ],
)
def test_an_act_told_as_an_attempt_is_read_at_attempt(text: str, kind: str) -> None:
    if kind == JOURNAL and text.startswith(("Pt", "Self:", "He ")):
        pytest.skip("a note's voice")
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Swallowed a strip of his nan's co-codamol to 'switch off' - not to die, per pt.",
        "Ingested a large quantity of promethazine to sleep, denies suicidal intent.",
    ],
)
def test_an_ingestion_with_its_intent_to_die_denied_is_behavior(text: str) -> None:
    assert _top(text, NOTE) == lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "tried to take myself out for a walk after lunch",
        "trying to take herself out to the cinema more",
        "Oded texted me about the party",
        "took a large amount of notes in the lecture",
        "we walked into the sea for a paddle, freezing",
        "I jumped. The door slammed so loud.",
        "Sertraline 50mg OD, tolerating well.",
        "took my melatonin and slept well",
        "Partner (Mark) OD'd 2022, client found him.",
        "we went into the sea at night for a swim, freezing",
        "Took a large amount of ibuprofen for my back over the week.",
    ],
)
def test_an_everyday_or_someone_elses_act_is_no_attempt(text: str) -> None:
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) < lex.ATTEMPT, (kind, _hits(text, kind))


MEDICINES = [
    "acetaminophen",
    "co-dydramol",
    "dihydrocodeine",
    "venlafaxine",
    "bupropion",
    "aripiprazole",
    "haloperidol",
    "lamotrigine",
    "sodium valproate",
    "carbamazepine",
    "promethazine",
    "diphenhydramine",
    "benadryl",
    "nytol",
    "melatonin",
    "atenolol",
    "amlodipine",
    "metformin",
    "warfarin",
    "digoxin",
    "levothyroxine",
    "methadone",
    "buprenorphine",
    "cetirizine",
    "loratadine",
    "chlorpromazine",
    "pregabalin",
    "amitriptyline",
    "co-codamol",
    "sertraline",
    "quetiapine",
    "zopiclone",
]


@pytest.mark.parametrize("drug", MEDICINES)
@pytest.mark.parametrize("form", ["took 40 {}", "took all my {}", "i took a whole box of {}"])
def test_a_common_medicine_taken_in_quantity_is_an_attempt(drug: str, form: str) -> None:
    text = form.format(drug)
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) == lex.ATTEMPT, (kind, _hits(text, kind))


# --- 2. preparatory and interrupted acts, read with their object -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Gave the cat to Sophie 'for a while'. Cancelled the gym. Tidying up loose ends.", JOURNAL),
        ("Has rehomed her dog, says she is tying up loose ends.", NOTE),
        ("S: 'I wrote letters to the kids last night, they're in my bag.'", NOTE),
        ("Has written a note and hidden it in his wallet. Says it is for his mum 'after'.", NOTE),
        ("wrote a letter for my sister for after", JOURNAL),
        ("Picked the date. After Leah's wedding.", JOURNAL),
        ("picked the day. once exams are done.", JOURNAL),
        ("Drove to the coast w/ a hosepipe in the boot, sat for 2h, came home.", NOTE),
        (
            "Suicide risk:\nLooked up the viaduct near home, drove there Tues, sat in car ~1h, went home.",
            NOTE,
        ),
        ("On the way home I bought another pack of tablets to add to the ones under my bed.", JOURNAL),
        ("Collateral (wife): found in garage with rope last night.", NOTE),
        ("BIBP after being talked down from the bridge railing by officers.", NOTE),
        ("Says it will be the tablets in the bathroom cabinet, once the house is empty Friday.", NOTE),
        ("A: high risk, preparatory behaviour", NOTE),
        ("left a letter in the glovebox where my dad will find it", JOURNAL),
        ("wrote a letter to my mother, it's in my bag", JOURNAL),
        ("Hose in the car, engine running in the garage, then I bottled it.", JOURNAL),
    ],
)
def test_a_preparatory_or_interrupted_act_with_its_object_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Tidying up loose ends at work before the holiday.",
        "Gave the dog to my sister for the weekend while we're in Paris.",
        "I wrote letters to the kids at camp.",
        "Wrote a note to the landlord about the boiler.",
        "We picked the date for the wedding!",
        "Hosepipe in the boot for mum's garden, watered her roses.",
        "Looked up the viaduct on the map, lovely walk.",
        "Bought another pack of tablets for the first aid kit.",
        "Found my keys in the car with the shopping.",
        "No preparatory behaviour.",
        "Denies preparatory acts.",
        "Once the house is empty we'll repaint the lounge.",
        "I wrote notes in the lecture, they're in my bag.",
        "Hosepipe in the boot, drove to mum's to do her garden.",
        "Bought more paracetamol to add to the first aid kit.",
        "Once the kids are asleep I'll do it, the ironing I mean.",
        "Looked up the viaduct, drove there Sunday, sat and took photos of the sunset.",
    ],
)
def test_one_part_of_a_preparation_or_a_denial_is_not_behavior(text: str) -> None:
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) < lex.BEHAVIOR, (kind, _hits(text, kind))


# --- 3. self-harm acts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("relapsed. 83 days clean from cutting, gone tonight", JOURNAL),
        ("40 days clean from self harm and i ruined it", JOURNAL),
        ("Admits she's been scratching her wrists with a compass since last session.", NOTE),
        ("scrached my arms with the scissors again until they bleed, it help me to feel something", JOURNAL),
        ("scratched my legs till they bled", JOURNAL),
        ("Reports scratching again to the point of bleeding since the breakup.", NOTE),
        ("pt cutting again, superficial lacs x6 L thigh, clean, no sutures req", NOTE),
        ("Hx of self-harm:\nForearms w/ razor since age 15, most recent Sunday night.", NOTE),
    ],
)
def test_a_self_harm_act_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "83 days clean from cutting today and proud",
        "scratched my arms on the brambles",
        "cut my hand with a knife chopping onions",
        "scratching again, my skin is so itchy",
        "burning again, legs sunburnt from the beach",
        "scratching again, eczema flared, bleeding",
    ],
)
def test_a_recovery_or_an_everyday_cut_is_not_behavior(text: str) -> None:
    assert _top(text, JOURNAL) < lex.BEHAVIOR, _hits(text, JOURNAL)


# --- 4. ideation in typos and reported speech ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I kno I shud not but I want to be ded so bad", JOURNAL),
        ("pt v tearfull, stated 'i just wnt to die'", NOTE),
        ("i wnt to die", JOURNAL),
        ("Said he wants to be gone. Asked if he meant the job - 'no, gone gone.'", NOTE),
        ("she wants to be gone for good", NOTE),
        ("Reports urge to burn herself when alone in the flat; resisting so far.", NOTE),
        ("urges to cut myself all day", JOURNAL),
        ("If I fall asleep tonight and that's it, honestly, good.", JOURNAL),
        ("if i go to sleep and don't wake up, i wouldn't mind", JOURNAL),
        ("Thoughts of self-harm: YES\nkeeps thinking about 'the blade again'", NOTE),
        ("SI: yes, passive", NOTE),
    ],
)
def test_a_wish_in_a_typo_or_reported_is_ideation(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.IDEATION, _hits(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("wants to be gone by 5 so she can catch the train", NOTE),
        ("If I fall asleep tonight and that's it for the revision, good luck to me", JOURNAL),
        ("Thoughts of self-harm: no", NOTE),
        ("hair dye so bad", JOURNAL),
        ("Denies urge to burn herself.", NOTE),
        ("eczema flaring, constant urge to scratch herself", NOTE),
    ],
)
def test_a_look_alike_or_a_denial_is_not_ideation(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.IDEATION, _hits(text, kind)


# --- 5. the set-asides' reach -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ugh i want to end it all. (the season, i mean, so i can finally sleep)", JOURNAL),
        ("I dont want to be here anymore. At this party I mean, everyone's so loud.", JOURNAL),
        (
            "Sleeping 12h, 'don't want to wake up' on weekends d/t night shifts - no death wish on exploration.",
            NOTE,
        ),
        ("Slept 11 hours and didn't want to wake up. Best sleep in months.", JOURNAL),
        ("Says the team 'will be better off without me' as he leaves for a new role in May.", NOTE),
        ("i think i poisoned myself w that petrol station sushi lmao", JOURNAL),
        ("Says he poisoned himself with his own cooking Sat, D&V 24h, resolved.", NOTE),
        ("lethal dose of taylor swift today, no regrets", JOURNAL),
        ("Toddler got into the Haribo - client joked 'sugar overdose, house chaos'.", NOTE),
        ("Tried to end things with Marcus tonight. Chickened out. Again.", JOURNAL),
        ("tried to end things with my boyfriend", JOURNAL),
    ],
)
def test_a_narrowed_wish_or_a_figure_is_not_read(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.IDEATION, _hits(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i want to end it all. i mean it", JOURNAL),
        ("I don't want to wake up on Monday.", JOURNAL),
        ("tried to end my life with my mum's tablets", JOURNAL),
        ("I tried to end it with pills last year", JOURNAL),
        ("lethal dose of paracetamol", JOURNAL),
        ("looked up the lethal dose of sertraline today", JOURNAL),
        ("poisoned myself with bleach", JOURNAL),
    ],
)
def test_a_wish_or_an_act_not_narrowed_stays_read(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.IDEATION, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "RISK ASSESSMENT\nSuicidal ideation:\nDenies, current and past.\nSelf-harm:\nNil.",
        "Suicidal ideation: denies, past or present",
        "Overdose history:\nNil personal.",
    ],
)
def test_a_nil_answer_of_both_times_or_of_self_is_a_denial(text: str) -> None:
    assert _top(text, NOTE) < lex.IDEATION, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    ["Suicidal ideation:\nDenies current, past OD x2.", "Self-harm:\nNil current, past cutting 2019."],
)
def test_a_nil_answer_that_tells_a_past_act_is_not_nil(text: str) -> None:
    assert not lex.nil_answer(lex.normalise(text.split("\n")[1]))


@pytest.mark.parametrize(
    "part",
    [
        "No thoughts of ending life.",
        "A: no current risk to self identified",
        "DNA'd today. Letter sent.",
        "Given Samaritans number and crisis card at end of session.",
    ],
)
def test_a_nil_line_or_an_administrative_line_is_heading_only(part: str) -> None:
    norm = lex.normalise(part)
    assert lex.heading_only(norm, 0, len(norm))


@pytest.mark.parametrize(
    "part",
    [
        "No way out.",
        "DNA'd today, found in garage with rope by wife.",
        "Given Samaritans number as she wants to die.",
        "No hope left, wants to die.",
    ],
)
def test_a_line_telling_more_is_not_heading_only(part: str) -> None:
    norm = lex.normalise(part)
    assert not lex.heading_only(norm, 0, len(norm))


@pytest.mark.parametrize(
    "text",
    [
        "The cat scratched my arms till they bled.",
        "a kid in year 10 (not me) got sent home for scratching his arm with a compass",
        "I dream I cut my hand with a big knife and much blood, in the morning I check, nothing.",
        "I wrote goodbye notes to my team because I'm changing jobs.",
        "ODed on pumpkin spice evrything today lol",
        "overdosed on haribo again lol",
        "lethal dose of pick n mix",
    ],
)
def test_the_guards_the_seen_batches_showed(text: str) -> None:
    assert _top(text, JOURNAL) < lex.BEHAVIOR, _hits(text, JOURNAL)


@pytest.mark.parametrize(
    "text",
    [
        "overdosed on spice lol",
        "Overdosed on Zorblax all weekend lol",
        "overdosed on zyxapril lol",
        "at twenty-two I tried to end it with Mum's insulin",
        "I scrachd my arms with a compas at scool till they bled",
    ],
)
def test_a_drug_or_an_act_beside_the_guards_is_still_read(text: str) -> None:
    assert _top(text, JOURNAL) >= lex.BEHAVIOR, _hits(text, JOURNAL)


def test_all_of_them_after_an_act_narrows_nothing() -> None:
    assert not lex.wish_narrowed(lex.normalise("Took the pills. All of them. Sorry Mum."), 15, unit=True)


def test_a_clinicians_question_left_unanswered_is_an_indicator() -> None:
    text = "Asked whether she had thoughts of suicide; changed the subject and left early."
    assert _top(text, NOTE) == lex.INDICATOR, _hits(text, NOTE)


# --- frozen38 by id (seen) ----------------------------------------------------------------------------------------

FROZEN38_GENUINE = [
    "frozen38-008",
    "frozen38-019",
    "frozen38-023",
    "frozen38-025",
    "frozen38-033",
    "frozen38-039",
    "frozen38-046",
    "frozen38-047",
    "frozen38-049",
    "frozen38-061",
    "frozen38-065",
    "frozen38-068",
    "frozen38-081",
    "frozen38-082",
    "frozen38-097",
    "frozen38-098",
    "frozen38-100",
    "frozen38-105",
    "frozen38-110",
    "frozen38-134",
    "frozen38-146",
    "frozen38-149",
    "frozen38-157",
    "frozen38-159",
    "frozen38-170",
    "frozen38-179",
    "frozen38-185",
    "frozen38-187",
    "frozen38-195",
    "frozen38-198",
]
FROZEN38_NEGATIVE = [
    "frozen38-004",
    "frozen38-006",
    "frozen38-017",
    "frozen38-021",
    "frozen38-053",
    "frozen38-071",
    "frozen38-075",
    "frozen38-079",
    "frozen38-083",
    "frozen38-087",
    "frozen38-117",
    "frozen38-124",
    "frozen38-129",
    "frozen38-136",
    "frozen38-182",
    "frozen38-188",
]


@pytest.mark.parametrize("line_id", FROZEN38_GENUINE)
def test_frozen38_genuine_lines_now_at_their_level(line_id: str) -> None:
    item = _seen(line_id)
    result = _screen(item["text"], item.get("kind", JOURNAL))
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(item["expect"]), (line_id, result.level)


@pytest.mark.parametrize("line_id", FROZEN38_NEGATIVE)
def test_frozen38_negatives_now_unflagged(line_id: str) -> None:
    item = _seen(line_id)
    assert not _screen(item["text"], item.get("kind", JOURNAL)).flagged, line_id


def test_frozen38_ending_things_with_a_person_is_no_attempt() -> None:
    item = _seen("frozen38-197")
    assert _screen(item["text"], JOURNAL).level != "attempt"


@pytest.mark.parametrize("line_id", ["frozen38-148", "frozen38-174"])
def test_frozen38_indicators_now_at_indicator(line_id: str) -> None:
    item = _seen(line_id)
    assert _screen(item["text"], item.get("kind", JOURNAL)).level == "indicator", line_id


# --- the models read what they were trained on ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I was cutting my arm with the glass yesterday.",
        "I've written my suicide note.",
        "i wnat to die",
        "A police officer talked me down from the bridge before I could jump.",
    ],
)
def test_a_new_rule_never_takes_a_phrase_from_a_trained_one(text: str) -> None:
    hits = lex.read(text, JOURNAL)
    seen = risk.model_hits(hits)
    assert all(h.rule not in lex.UNTRAINED_RULES for h in seen)
    # what the models read: the trained rules' hits, as 2.16.1 gave them (the bank's inputs are unchanged:
    # test_artefact.py); the new rules only add their level
    assert max((h.level for h in hits), default=0) >= max((h.level for h in seen), default=0)


@pytest.mark.parametrize(
    "text", ["I was cutting my arm with the glass yesterday.", "I've written my suicide note."]
)
def test_the_trained_rules_reading_stays_beside_a_new_rules(text: str) -> None:
    seen = risk.model_hits(lex.read(text, JOURNAL))
    assert any(h.level == lex.BEHAVIOR for h in seen), seen


@pytest.mark.parametrize(
    "text",
    [
        "Walked into the harbour at Stromness to end it, but I turned back at the slipway.",
        "I waded into the lake meaning to drown but I turned back.",
    ],
)
def test_a_water_act_turned_back_is_behavior_not_an_attempt(text: str) -> None:
    assert _top(text, JOURNAL) == lex.BEHAVIOR, _hits(text, JOURNAL)


# --- a lone surrogate ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["\ud800 I want to die", "I want to die \udfff", "ok\udc00 today"])
def test_a_lone_surrogate_is_screened_with_the_words_around_it(text: str) -> None:
    result = _screen(text, JOURNAL)
    assert result.flagged == ("die" in text)
    for trigger in result.triggers:
        assert 0 <= trigger.span.start <= trigger.span.end <= len(text)
    assert risk.screen_person([text]).level in risk.LEVELS
    assert risk.screen_with_labels(text, "tired\ud800").level in risk.LEVELS


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
