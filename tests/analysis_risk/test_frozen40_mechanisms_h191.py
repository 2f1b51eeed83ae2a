"""h191, risk 2.16.4: the mechanisms frozen40 (seen) showed on 2.16.3, fixed by mechanism (docs/risk.md, "2.16.4"):
1. attempts told by their method and what came after (a car's exhaust tried, a poison ingested, self-inflicted wounds
with the intent to die, found unresponsive beside empty packs, an act owned and meant and survived, "tried to go" and
found, woken in hospital from the drug one took, a note's attempt field answered yes, a jump as a time clause, a bed's
number as the note's own label); 2. preparatory acts (found with a ligature, talked down from a height or climbed back
over, the highest heights looked up with no fence, letters kept back, a gift with its cover story denied, means carried
"just in case" or stockpiled in a count, a date set beside affairs settled or picked so as not to spoil another's day,
things given away with a book among them); 3. self-harm acts (self-inflicted wounds in a note, an act under a self-harm
label, a sharpener's blade taken out again); 4. the set-asides' reach (a wish narrowed on the next line, "I mean from
this <thing>", "with my <thing>, that is", a span of an ordinary task, "clarified: means to a <place>", "not in a dark
way", a field left unasked, an item pending, a note's history closed by years without it, "no current thoughts", a
screen told negative, a title, everyday model-alone constructions); 5. someone else's act (a relative's count of
attempts, a client's child's act, a quoted "overdosed" on a thing never a drug); 6. 2.16.3's ``H190_OWN_IN_NOTE`` folded
into ``_found_by_someone``.

Every line is written for this test (none is in the bank or a batch) except the frozen40 lines read by id from their
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
        "tried it with the exhaust fumes in the garage but my brother came home",
        "tried with the car exhaust in winter, a neighbour smashed the window",
        "drank a bottle of bleach on sunday. i wanted it over",
        "swallowed antifreeze from the shed last night",
        "Mum found me unconscious with empty blister packs next to me",
        "i tried to do it last month. my flatmate found me and called an ambulance",
        "last time i tried to go, my sister found me",
        "woke up in hospital after all the pills i took on friday",
        "woke up in ICU from the insulin i injected",
        "I did it. I meant it. And I'm still here, somehow.",
        "after I jumped, I spent 3 months in hospital",
    ],
)
def test_an_attempt_told_by_its_method_or_aftermath_is_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Pt attempted via car exhaust last month, found by partner.",
        "Ingested weedkiller at home, BIBA, pt states wanted to die.",
        "Self-inflicted lacerations to L wrist, pt reports intent to die, sutured in ED.",
        "Mum found pt unconscious w/ empty packets of paracetamol, ambulance called.",
        "Attempt in past 12 months:\nYes - OD Aug.",
        "Suicide attempt since last review: yes",
        "Handover: bed 12, admitted after deliberate OD of amitriptyline.",
    ],
)
def test_a_note_tells_the_clients_attempt(text: str) -> None:
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("tried with the new exhaust clamp but it still rattles", JOURNAL),
        ("my toddler swallowed bleach by accident, we went to A&E", JOURNAL),
        ("Found collapsed after seizure, known epilepsy, no tablets involved.", NOTE),
        ("tried to go to the gym, my roommate found me asleep on the couch lol", JOURNAL),
        ("woke up in ICU after the insulin i took by mistake, hypo", JOURNAL),
        ("I quit my job. I did it. I meant it.", JOURNAL),
        ("Attempt in last 3 months:\nNo", NOTE),
        ("Bed 3 took an overdose overnight; our pt distressed by it.", NOTE),
    ],
)
def test_their_look_alikes_are_no_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.ATTEMPT, _hits(text, kind)


def test_a_bed_as_the_notes_label_is_the_client_and_a_bed_as_a_subject_is_another() -> None:
    assert _top("Handover: bed 4 - pt tied ligature overnight, removed by staff.", NOTE) >= lex.BEHAVIOR
    assert _top("Bed 6 attempted to hang herself last night. Pt upset by this.", NOTE) < lex.IDEATION


# --- 2. preparatory acts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "Mum found me with the belt before I could tie it",
        "went up the multi-storey last night. a security guard talked me down",
        "on the bridge a stranger talked to me until i climbed back over",
        "googled the highest bridges near me, one has no railings",
        "wrote letters to my kids and hid them in the wardrobe for after",
        "wrote letters to each of them, put them under my bed. not sending yet",
        "gave my bike to Tom. told him it was because I'm getting a new one. that's not true",
        "picked the 20th so it doesnt ruin christmas for them",
        "took the blade out of a sharpener again. 30 days clean gone",
    ],
)
def test_a_preparatory_or_self_harm_act_with_its_object_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Sister found pt in garage w/ rope tied to beam, pt had not yet used it.",
        "Staff report pt found w/ ligature in room at 0200, removed before tied.",
        "Found on bridge ledge by police, talked down by negotiator, brought to ED.",
        "Pt has written letters to her family, not sent, kept in drawer.",
        'Pt carrying a box of paracetamol in her bag "just in case".',
        "Pt has stockpiled over 60 tablets of sertraline, hidden in wardrobe.",
        "Pt has rehomed her dog and paid off debts; has set a date per pt.",
        "Cuts to forearm, self-inflicted, superficial, dressed by practice nurse.",
        "SH: cuts to R thigh x3 with blade, last wk.",
        "Self-harm - scratching forearms with compass since Friday.",
    ],
)
def test_a_note_tells_the_clients_preparatory_or_self_harm_act(text: str) -> None:
    assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The dream was about a stranger on a bridge, and I talked him down.", JOURNAL),
        (
            "male on the bridge parapet, police negotiator talked him down, we stood by with the boat.",
            JOURNAL,
        ),
        ("looked up the tallest buildings in the world for my geography project", JOURNAL),
        ("wrote letters to each of them for christmas, not sending yet as theyre not finished", JOURNAL),
        ("gave my bike to Tom, told him it was because I'm getting a new one", JOURNAL),
        ("stockpiled 40 tins of beans for the winter lol", JOURNAL),
        ("we set a date for the wedding and paid off our debts!", JOURNAL),
        ("picked the 20th for the party so it doesnt ruin her birthday", JOURNAL),
        ("opened the pencil sharpener to fix it for my son", JOURNAL),
        ("Found pt with a skipping rope in the gym, pt was exercising.", NOTE),
        ("Injuries not self-inflicted per A&E; fell from bike.", NOTE),
        ("SH: none.", NOTE),
    ],
)
def test_their_look_alikes_are_not_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) < lex.BEHAVIOR, _hits(text, kind)


def test_things_given_away_with_a_book_among_them_are_no_fiction() -> None:
    text = "gave away my guitar and all my books this week. wont need them where im going"
    assert _top(text, JOURNAL) >= lex.BEHAVIOR, _hits(text, JOURNAL)
    assert (
        _top("In the book she gave away her guitar. Won't need it where she's going.", JOURNAL) < lex.BEHAVIOR
    )


# --- 3. the set-asides' reach ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("I want to end it.\nI mean the lease. This flat is bleeding me dry.", JOURNAL),
        ("wish i could disappear... i mean from this group chat lol", JOURNAL),
        ("ready to end it all. with my phone contract, that is", JOURNAL),
        ("kill me now. two more days of meetings", JOURNAL),
        ("Pt: 'I want to vanish.'\nClarified: meant to go away to the coast for a rest.", NOTE),
        ("no one would even notice if i didn't turn up. not in a dark way, just lonely", JOURNAL),
        ("Suicidal ideation:\nNot assessed - ran out of time.", NOTE),
        ("Collateral from school pending.", NOTE),
        ("Hx OD 2012, none since.", NOTE),
        ("Past SI at university, treated, no current thoughts.", NOTE),
        ("Pt reports SI screen negative today.", NOTE),
        ("Negative SI screen at triage.", NOTE),
        ("our new track is called Overdose and it slaps", JOURNAL),
        ("died 12 times on the final level lol", JOURNAL),
        ("appendix out last week, sore but fine", JOURNAL),
        ("why does everyone say hang in there", JOURNAL),
        ("gonna smash my keyboard, this code won't compile", JOURNAL),
        ("Father has hx of two overdoses. Pt denies any.", NOTE),
        ("Pt's baby 'overdosed' on calpol, A&E, fine.", NOTE),
        ("Pt's toddler 'overdosed' on Halloween sweets, vomited, fine next day.", NOTE),
    ],
)
def test_a_narrowed_wish_a_nil_or_closed_field_a_title_or_someone_elses_act_is_not_flagged(
    text: str, kind: str
) -> None:
    assert not _screen(text, kind).flagged, _hits(text, kind)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("I want to end it all.\nI mean it this time.", JOURNAL),
        ("I want to end it all.\nnobody would miss me.", JOURNAL),
        ("I want to die.\nI mean the pain never stops.", JOURNAL),
        ("wish i could disappear... i mean from this world", JOURNAL),
        ("ready to end it all. with my life, that is", JOURNAL),
        ("kill me now. another week of this", JOURNAL),
        ("Pt: 'I want to disappear.'\nClarified: means to the other side, wants to die.", NOTE),
        ("nobody would notice if i died. not in a dark way. just true", JOURNAL),
        ("Suicidal ideation:\nNot asked, but pt said she has a plan.", NOTE),
        ("Remote hx of cutting, none in 10 yrs but urges returned this week.", NOTE),
        ("Past SI at university, still has thoughts most days.", NOTE),
        ("SI screen positive, plan to OD.", NOTE),
        ("i overdosed on my meds and the song was playing", JOURNAL),
        ("i can't hang in there anymore", JOURNAL),
        ("Pt 'overdosed' on her sertraline, A&E.", NOTE),
        ("Pt has hx of 3 suicide attempts, last 2019.", NOTE),
    ],
)
def test_a_wish_or_act_reaffirmed_or_the_clients_own_stays_flagged(text: str, kind: str) -> None:
    assert _screen(text, kind).flagged, _hits(text, kind)


# --- 4. one mechanism for a thing found by someone else -------------------------------------------------------------


def test_found_by_someone_else_is_one_mechanism() -> None:
    assert not hasattr(lex, "H190_OWN_IN_NOTE")
    assert {"attempt_interrupted", "found_with_ligature", "note_ligature_tied_admitted"} <= lex.FOUND_RULES
    assert (
        _top("Dad found rope tied to the stair banister; pt admits she put it there.", NOTE) >= lex.BEHAVIOR
    )
    assert _top("Sister found pt in garage w/ rope tied to beam.", NOTE) >= lex.BEHAVIOR


# --- 5. frozen40 (seen) ---------------------------------------------------------------------------------------------


FROZEN40_GENUINE = [
    "frozen40-008",
    "frozen40-015",
    "frozen40-018",
    "frozen40-023",
    "frozen40-024",
    "frozen40-031",
    "frozen40-038",
    "frozen40-041",
    "frozen40-060",
    "frozen40-071",
    "frozen40-072",
    "frozen40-076",
    "frozen40-085",
    "frozen40-086",
    "frozen40-091",
    "frozen40-099",
    "frozen40-101",
    "frozen40-114",
    "frozen40-121",
    "frozen40-123",
    "frozen40-143",
    "frozen40-169",
    "frozen40-176",
    "frozen40-190",
    "frozen40-192",
    "frozen40-194",
]
FROZEN40_NEGATIVES = [
    "frozen40-007",
    "frozen40-013",
    "frozen40-017",
    "frozen40-029",
    "frozen40-030",
    "frozen40-054",
    "frozen40-061",
    "frozen40-077",
    "frozen40-102",
    "frozen40-104",
    "frozen40-127",
    "frozen40-130",
    "frozen40-135",
    "frozen40-140",
    "frozen40-150",
    "frozen40-155",
    "frozen40-168",
    "frozen40-187",
]


@pytest.mark.parametrize("line_id", FROZEN40_GENUINE)
def test_frozen40_genuine_lines_now_at_their_level(line_id: str) -> None:
    item = _seen(line_id)
    result = _screen(item["text"], item.get("kind", JOURNAL))
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(item["expect"]), line_id


@pytest.mark.parametrize("line_id", FROZEN40_NEGATIVES)
def test_frozen40_negatives_now_unflagged(line_id: str) -> None:
    item = _seen(line_id)
    assert not _screen(item["text"], item.get("kind", JOURNAL)).flagged, line_id


def test_the_new_rules_are_untrained() -> None:
    assert {r.name for r in lex.H191_RULES} <= lex.UNTRAINED_RULES


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
