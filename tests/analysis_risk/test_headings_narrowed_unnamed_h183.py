"""h183, risk 2.16.1: the mechanisms frozen37 (seen) showed on 2.16.0, fixed by mechanism (docs/risk.md, "2.16.1"):
1. a heading alone decides nothing, its answer does; 2. a heading's verbless answer; 3. a wish or a method's thought
reported in a note; 4. an attempt in euphemism or with its means in brackets; 5. self-harm acts told without the word;
6. a wish narrowed in its own line; 7. an overdose or a poisoning of a thing never a drug told noun first; 8. someone
else in a note; 9. everyday body art.

Every line is written for this test (none is in the bank or a batch) except the frozen37 lines read by id from their
seen batch. Each rule is read in several voices and through the set-aside readings (denial, someone else) where they
apply; the k29 lesson ("just kidding, I mean it", "Kidding. Not kidding.") is kept."""

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


# --- 1. a heading alone decides nothing; its answer does ----------------------------------------------------------

HEADINGS = [
    "Suicidal ideation:",
    "Q1 wish to be dead:",
    "Thoughts of suicide:",
    "SI:",
    "Self-harm:",
    "Hx attempts:",
]
NILS = ["No", "None.", "Denies, current and lifetime.", "N/A", "Denied.", "No concerns"]


@pytest.mark.parametrize("nil", NILS)
@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("above", ["", "Risk assessment\n", "C-SSRS screen\n"])
def test_a_heading_answered_nil_raises_nothing(heading: str, nil: str, above: str) -> None:
    for text in (f"{above}{heading}\n{nil}", f"{above}{heading} {nil}"):
        result = _screen(text, NOTE)
        assert not result.flagged, (text, result.level, _hits(text, NOTE))


@pytest.mark.parametrize(
    "text",
    [
        "RISK\nSelf: no concerns\nOthers: no concerns",
        "Overdose:\nN/A\nLigature:\nN/A",
        "C-SSRS screen\nQ1 wish to be dead: No\nQ2 suicidal thoughts: No",
        "Hx attempts:\nNone.\nFHx:\nMother - depression, no attempts.",
        "Risk assessment\nSuicidal ideation:\nDenies, current and lifetime.",
        "Another patient on the unit was distressed. Denies any similar thoughts.",
    ],
)
def test_a_note_of_headings_and_nil_answers_is_not_flagged(text: str) -> None:
    assert not _screen(text, NOTE).flagged


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Suicidal ideation:\nYes, daily, wants to die.", "ideation"),
        ("Q1 wish to be dead: Yes", "ideation"),
        ("Thoughts of death:\nDaily. States he'd welcome a fatal accident.", "ideation"),
        ("Suicidal ideation:\nNo, but wishes she could disappear.", "ideation"),
    ],
)
def test_a_heading_answered_with_a_wish_is_read(text: str, level: str) -> None:
    result = _screen(text, NOTE)
    assert result.flagged and risk.LEVELS.index(result.level) >= risk.LEVELS.index(level), result


@pytest.mark.parametrize(
    "text",
    [
        "I want to die - no one would even notice",
        "I want to die: no one cares",
        "I want to die - nobody gets it",
    ],
)
def test_a_wish_then_a_dash_and_no_one_is_no_field_answered_nil(text: str) -> None:
    assert _top(text, JOURNAL) == lex.IDEATION, _hits(text, JOURNAL)


def test_a_heading_line_is_read_in_notes_only_by_the_screen() -> None:
    # the screen's heading reason is a note's; a journal's "Suicidal thoughts:" alone is read as before
    assert lex.heading_only("suicidal thoughts:\nnone.", 0, len("suicidal thoughts:\nnone."))


# --- 2. a heading's verbless answer -------------------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["Self-harm:", "SH:", "Self-harm hx", "Hx of self-harm:"])
@pytest.mark.parametrize(
    "body",
    [
        "Last night, L forearm, x4 superficial, dressed by GP.",
        "R thigh, superficial cuts, 2 days ago",
        "L wrist x3",
    ],
)
def test_a_self_harm_headings_verbless_answer_is_behavior(heading: str, body: str) -> None:
    text = f"Seen today.\n{heading}\n{body}"
    assert _top(text, NOTE) >= lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "heading", ["Most recent attempt:", "Last attempt:", "Hx attempts:", "Previous attempts:"]
)
@pytest.mark.parametrize(
    "body", ["May '23, lithium, renal team involved.", "Jan 2019 - paracetamol", "'21, tablets"]
)
def test_an_attempt_headings_short_date_and_drug_is_an_attempt(heading: str, body: str) -> None:
    text = f"{heading}\n{body}"
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Self-harm:\nNone. Left arm in plaster after a fall.",
        "Most recent attempt:\nNone.",
        "Self-harm:\nL forearm fracture, fell off bike last week.",
    ],
)
def test_a_headings_nil_or_injury_answer_is_not_an_act(text: str) -> None:
    assert _top(text, NOTE) < lex.BEHAVIOR, _hits(text, NOTE)


# --- 3. a wish or a method's thought reported in a note -----------------------------------------------------------


@pytest.mark.parametrize("who", ["she", "he", "they"])
@pytest.mark.parametrize(
    "form",
    [
        "Pt reports wishing {who} were dead most days.",
        "Then clarified {who} has been wishing {who} were dead.",
        "Reports {who} has been thinking about taking all {their} lithium at once.",
        "Has been thinking about swallowing all {their} tablets.",
    ],
)
def test_a_reported_wish_or_method_thought_is_ideation(form: str, who: str) -> None:
    their = {"she": "her", "he": "his", "they": "their"}[who]
    text = form.format(who=who, their=their)
    assert _top(text, NOTE) >= lex.IDEATION, _hits(text, NOTE)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Denies wishing she were dead.", "negation"),
        ("Denies thinking about taking all her tablets.", "negation"),
        ("Her mother has been wishing she were dead since the diagnosis.", "third_person"),
    ],
)
def test_a_reported_wish_through_the_readings(text: str, reason: str) -> None:
    assert _top(text, NOTE) < lex.IDEATION, _hits(text, NOTE)
    assert any(r == reason for _, _, r in _hits(text, NOTE)), _hits(text, NOTE)


def test_wishing_i_were_dead_is_the_writers_wish() -> None:
    assert _top("I keep wishing I were dead.", JOURNAL) == lex.IDEATION


# --- 4. an attempt in euphemism or with its means in brackets -----------------------------------------------------


@pytest.mark.parametrize("kind", [JOURNAL, NOTE])
@pytest.mark.parametrize(
    "text",
    [
        "I tried to check out at New Year, took all of mum's digoxin.",
        "Did myself in with quetiapine, or tried to. 3 days in ICU.",
        "The scars on my arm are from when I tried to go in 2021.",
        "Made a serious attempt in 2019 (propranolol), ICU 5 days.",
        "I tried to top myself at 19. Mum still doesn't know.",
        "Tried to do myself in last spring.",
    ],
)
def test_an_attempt_in_euphemism_is_an_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "I tried to check out of the hotel early.",
        "I tried to check out a book at the library by the hospital.",
        "I tried to go to the gym in 2021.",
        "Did myself in with that workout.",
        "Made a serious attempt in 2019 to learn French.",
    ],
)
def test_an_everyday_check_out_or_go_is_no_attempt(text: str) -> None:
    assert _top(text, JOURNAL) < lex.ATTEMPT, _hits(text, JOURNAL)


@pytest.mark.parametrize(
    "text",
    [
        "My brother tried to check out last year, took all his meds.",
        "I never tried to go, not once, no scars.",
    ],
)
def test_a_euphemism_through_the_readings(text: str) -> None:
    assert _top(text, JOURNAL) < lex.IDEATION, _hits(text, JOURNAL)


# --- 5. self-harm acts told without the word ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Picked my scabs till they bled again, on purpose.", JOURNAL),
        ("Pt picked at her wounds deliberately so they would not heal.", NOTE),
        ("Fresh linear cuts R wrist. Admits she did them last night.", NOTE),
        ("Fresh cuts to his left forearm, self-inflicted.", NOTE),
        ("Punching walls again, says he 'deserves the pain'.", NOTE),
        ("Been punching walls again, I deserve the pain.", JOURNAL),
        ("Burns to inner thighs, pt states done w/ hair straighteners when distressed.", NOTE),
        ("Practised with the belt tonight. Took it off before it went too far.", JOURNAL),
        ("Found with ligature in bathroom 03:10, removed by staff.", NOTE),
    ],
)
def test_a_self_harm_act_without_the_word_is_behavior(text: str, kind: str) -> None:
    assert _top(text, kind) >= lex.BEHAVIOR, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Picked at my scabs again, gross habit.",
        "Punching walls at the boxing gym, I deserve a medal.",
        "Burns on my arms from the oven tray.",
        "Practised with the rope at climbing, took it off after.",
    ],
)
def test_an_everyday_look_alike_is_no_self_harm_act(text: str) -> None:
    assert _top(text, JOURNAL) < lex.BEHAVIOR, _hits(text, JOURNAL)


def test_someone_elses_unnamed_act_is_theirs() -> None:
    text = "My brother punched the wall, said he deserved the pain."
    assert _top(text, JOURNAL) < lex.IDEATION, _hits(text, JOURNAL)


# --- 6. a wish narrowed in its own line ---------------------------------------------------------------------------

NARROWED = [
    ("I want to die. Of embarrassment.", JOURNAL),
    ("Ready to kill myself. Joking, it's only the tax return.", JOURNAL),
    ("'I want to end it all', then clarified: the marriage, not her life. Denies SI.", NOTE),
    ("'I'd rather be dead than go back there', laughed; meant the school reunion.", NOTE),
    ("Wish I could just end it. The relationship, I mean. He's not a bad guy, it's just dead.", JOURNAL),
    ("I want out. Out of this lease, this city, this job.", JOURNAL),
    ("I wish I didn't exist... on Mondays.", JOURNAL),
]


@pytest.mark.parametrize(("text", "kind"), NARROWED)
def test_a_wish_narrowed_in_its_own_line_is_not_flagged(text: str, kind: str) -> None:
    result = _screen(text, kind)
    assert not result.flagged, (result.level, _hits(text, kind))


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself, just kidding, I mean it.",
        "I want to die. Kidding. Not kidding.",
        "I want to die. Of embarrassment, and of everything else, I mean it.",
        "I want to die. In my sleep, tonight.",
        "I want to die. Just kidding about the party, it was fine.",
        "I want to die. From the pills I have saved.",
        "Wish I could just end it. My life, I mean.",
        "I want out. Out of this life.",
    ],
)
def test_a_wish_reaffirmed_or_not_narrowed_stays_flagged(text: str) -> None:
    assert _screen(text, JOURNAL).flagged


# --- 7. an overdose or a poisoning of a thing never a drug, noun first ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "total sugar overdose at Maya's party, 4 slices of cake",
        "screen time overdose, eyes are fried",
        "hot chocolate overdose at the xmas market, sugar headache",
        "Garden overdose: 40 tomato plants and nowhere to put them.",
        "Poisoned myself with my own chilli. Too many scotch bonnets.",
        "Netflix overdose this weekend.",
    ],
)
def test_a_noun_first_overdose_of_a_thing_is_a_figure(text: str) -> None:
    assert _top(text, JOURNAL) < lex.IDEATION, _hits(text, JOURNAL)


@pytest.mark.parametrize(
    "text",
    [
        "Paracetamol overdose last night, meant it.",
        "Insulin overdose on purpose.",
        "My sleeping pill overdose was deliberate.",
        "Poisoned myself with bleach.",
        "Zorbex overdose last night.",
    ],
)
def test_a_noun_first_overdose_of_a_drug_or_an_unknown_stays_flagged(text: str) -> None:
    assert _top(text, JOURNAL) >= lex.IDEATION, _hits(text, JOURNAL)


# --- 8. someone else in a note ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["Partner (J.)", "Partner (Jake)", "Her brother (Sam)", "Husband (T.)"])
@pytest.mark.parametrize("act", ["threatened to kill himself", "took an overdose", "tried to hang himself"])
def test_a_relation_with_a_bracketed_name_or_initial_is_someone_else(who: str, act: str) -> None:
    text = f"{who} {act} when she tried to leave. She is staying with her mum for now."
    assert _top(text, NOTE) < lex.IDEATION, _hits(text, NOTE)


@pytest.mark.parametrize("who", ["a group member's", "her friend's", "a peer's", "another patient's"])
@pytest.mark.parametrize("telling", ["disclosure of a suicide attempt", "account of an overdose"])
def test_anothers_telling_of_an_act_is_theirs(who: str, telling: str) -> None:
    text = f"Discussed {who} {telling}; client felt uncomfortable."
    assert _top(text, NOTE) < lex.IDEATION, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Client (J.) threatened to kill himself last night.",
        "Husband (Tom) is supportive. Pt took an overdose on Friday.",
        "Partner (J.) left. He threatened to kill himself.",
    ],
)
def test_the_clients_own_act_beside_a_bracketed_name_keeps_its_level(text: str) -> None:
    assert _top(text, NOTE) >= lex.IDEATION, _hits(text, NOTE)


# --- 9. everyday body art, an attempt's note shorthand ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Got my ears pierced again, second hole. Stings.", JOURNAL),
        ("Has tattoos x4, professionally done.", NOTE),
    ],
)
def test_body_art_is_not_flagged(text: str, kind: str) -> None:
    assert not _screen(text, kind).flagged


def test_body_art_beside_harm_keeps_the_models_reading() -> None:
    text = "Got a tattoo over my scars, done at a studio, then cut again that night."
    assert _screen(text, JOURNAL).flagged


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("Yng person admitted after trying to hang self in school toilets.", lex.ATTEMPT),
        ("Denies ever trying to hang self.", 0),
        ("Injected all my insulin at once on Tuesday. Meant it.", lex.ATTEMPT),
    ],
)
def test_a_notes_bare_self_and_an_injected_supply(text: str, top: int) -> None:
    assert _top(text, NOTE) == top, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Asked re SI, declined to answer, changed topic.",
        "Asked about suicidal thoughts; did not answer.",
        "Asked re SI. Declined to answer.",
        "Enquired about suicidal thoughts - changed the subject.",
    ],
)
def test_a_notes_question_left_unanswered_is_an_indicator(text: str) -> None:
    assert _top(text, NOTE) == lex.INDICATOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text", ["Asked re SI, reports daily thoughts of killing herself.", "Asked re SI - yes, daily."]
)
def test_a_notes_question_answered_yes_is_read(text: str) -> None:
    assert _top(text, NOTE) >= lex.IDEATION, _hits(text, NOTE)


# --- frozen37 by id (seen) ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line_id",
    [
        "frozen37-015",
        "frozen37-028",
        "frozen37-047",
        "frozen37-073",
        "frozen37-126",
        "frozen37-131",
        "frozen37-161",
    ],
)
def test_frozen37_genuine_lines_now_read(line_id: str) -> None:
    item = _seen(line_id)
    result = _screen(item["text"], item.get("kind", JOURNAL))
    assert risk.LEVELS.index(result.level) >= risk.LEVELS.index(item["expect"]), result


@pytest.mark.parametrize(
    "line_id",
    ["frozen37-045", "frozen37-041", "frozen37-056", "frozen37-019", "frozen37-117", "frozen37-033"],
)
def test_frozen37_negatives_now_unflagged(line_id: str) -> None:
    item = _seen(line_id)
    assert not _screen(item["text"], item.get("kind", JOURNAL)).flagged


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
