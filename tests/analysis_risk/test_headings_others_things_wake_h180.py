"""h180, risk 2.16.0: six faults of the seen batches (frozen35/frozen36) and a phone review, by mechanism
(docs/risk.md, "2.16.0"): 1. a risk heading on its own line reads the act on the lines under it; 2. an attempt on
one's (own) life; 3. another person in a note by a bed or a room, "another patient", or a person noun with a name in
brackets (frozen35-119, frozen36-156); 4. an overdose of a kind of thing that is never a drug, read by its head noun
(frozen36-013), with a probe of real drug and substance names that must all stay flagged; 5. a wish not to wake up; 6.
a wish "not to be here" narrowed by the next sentence to a place, a job or a relationship.

Every line is written for this test (none is in the bank or a batch), except frozen35-119, frozen36-013 and
frozen36-156, read from their seen batches by id. Each rule passes through the set-aside readings (denial, accident,
history, hypothetical, someone else, fiction) where they apply; a cell held out is named with its reason."""

from __future__ import annotations

import pytest

from reverie.analysis import risk
from reverie.analysis import risk_lexicon as lex
from risk_model import lexicon_hits as _hits
from risk_model import lexicon_top as _top
from risk_model import seen_line as _seen
from risk_model import sentence_model

NOTE = "session_note"
JOURNAL = "free_association"


# --- 1. a risk heading on its own line above the act ------------------------------------------------------------

ATTEMPT_HEADINGS = ["Hx of SA:", "Previous attempts:", "Suicide attempts", "SA:", "Attempts hx:"]
SELF_HARM_HEADINGS = ["Self-harm:", "Self-harm hx", "SH:", "Hx of self-harm:"]
RISK_HEADINGS = ["Risk:", "Risk hx", "Suicide risk assessment", "Risk to self:"]
# bodies a heading of an attempt reads (every form), and those a heading of risk alone reads (an attempt or a method)
ATTEMPT_BODIES = [
    "attempt x2",
    "2019 — tablets",
    "x2 (2015, 2018)",
    "Yes, last month",
    "2019\n2021",
    "2 previous attempts",
]
RISK_BODIES = ["attempt x2", "2019 — tablets", "attempts x3, last 2021", "ligature 2020"]
SELF_HARM_BODIES = ["Yes, last month", "yes - cutting, 2 weeks ago", "x4 this year", "2022 - cutting"]
NIL_RETURNS = ["Nil", "None", "No", "Denies", "N/A", "-"]


@pytest.mark.parametrize("body", ATTEMPT_BODIES)
@pytest.mark.parametrize("heading", ATTEMPT_HEADINGS)
def test_an_attempt_heading_reads_the_line_under_it(heading: str, body: str) -> None:
    text = f"Session 4, mood low.\n{heading}\n{body}"
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize("body", RISK_BODIES)
@pytest.mark.parametrize("heading", RISK_HEADINGS)
def test_a_risk_heading_reads_an_attempt_or_a_method_under_it(heading: str, body: str) -> None:
    text = f"{heading}\n{body}"
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize("body", SELF_HARM_BODIES)
@pytest.mark.parametrize("heading", SELF_HARM_HEADINGS)
def test_a_self_harm_heading_reads_the_act_under_it_at_behavior(heading: str, body: str) -> None:
    text = f"{heading}\n{body}"
    assert _top(text, NOTE) == lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize("nil", NIL_RETURNS)
@pytest.mark.parametrize("heading", ATTEMPT_HEADINGS + SELF_HARM_HEADINGS + RISK_HEADINGS)
def test_a_nil_return_under_a_heading_stays_a_denial(heading: str, nil: str) -> None:
    text = f"{heading}\n{nil}"
    assert _top(text, NOTE) < lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize("text", ["Hx of SA: none", "Suicide attempts: nil", "Self-harm: denies", "SA: n/a"])
def test_a_heading_answered_nil_on_its_line_is_a_denial(text: str) -> None:
    # on 2.15.3 "Hx of SA: none" and "Suicide attempts: nil" were read at attempt by the heading's own words
    assert _top(text, NOTE) < lex.BEHAVIOR, _hits(text, NOTE)


def test_the_heading_reads_across_a_field_line_between() -> None:
    text = "Risk\nSI: passive, no plan\n2 previous attempts (2018, 2020)"
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Hx of SA:\n2019 — tablets, accidental dosing error",  # accident (a clinician's words)
        "Risk:\n2019 — accidental OD, dosing error",  # accident
        "Self-harm:\n2019 - burnt hand cooking, accident",  # an injury
        "Risk:\nAttempts to engage with services poor",  # another sense of "attempt"
        "Risk:\nIVF attempts x2",  # another sense, named by its object
        "Plan:\n2019 - tablets",  # no risk heading
        "Risk:\n\n2019 — tablets",  # a blank line ends the heading's block
        "Risk:\nMum 2019 — tablets",  # someone else opens the line
    ],
)
def test_set_aside_readings_under_a_heading(text: str) -> None:
    assert _top(text, NOTE) < lex.ATTEMPT, _hits(text, NOTE)


def test_a_heading_closed_history_is_still_a_history_told() -> None:
    # a past attempt told under its heading with "none since" stays a lifetime attempt (C-SSRS), as the register reads
    assert _top("Hx of SA:\nNone since 2019", NOTE) == lex.ATTEMPT


def test_a_heading_is_read_in_session_text_only() -> None:
    # a journal line is no clinician's form; the heading rule reads notes (held out: journals, hypotheticals, which
    # open the line and so are no body form, and fiction, which no note form tells)
    assert ("note_headed_attempt", lex.ATTEMPT, None) not in _hits(
        "Previous attempts:\n2019 tablets", JOURNAL
    )
    assert ("note_headed_attempt", lex.ATTEMPT, None) in _hits("Previous attempts:\n2019 tablets", NOTE)


# --- 2. an attempt on one's (own) life --------------------------------------------------------------------------

OWN_LIFE = [
    ("I made an attempt on my life in 2019.", JOURNAL),
    ("I made an attempt on my own life last year.", JOURNAL),
    ("Two years ago I tried to take my own life.", JOURNAL),
    ("She made an attempt on her life in 2019.", NOTE),
    ("Pt tried to take her own life in March.", NOTE),
    ("Client made a serious attempt on his own life last spring.", NOTE),
    ("Hx: attempt on her life 2018 (OD).", NOTE),
]


@pytest.mark.parametrize(("text", "kind"), OWN_LIFE)
def test_an_attempt_on_ones_own_life_is_an_attempt(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.ATTEMPT, _hits(text, kind)


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("I have never made an attempt on my life.", JOURNAL, "negation"),
        ("Denies any attempt on her life.", NOTE, "negation"),
        ("If I ever made an attempt on my life, my mum would be devastated.", JOURNAL, "hypothetical"),
        ("If pt ever made an attempt on her life, mum would call 999.", NOTE, "hypothetical"),
        ("In the book the hero made an attempt on his life.", JOURNAL, "fiction"),
        ("My mum made an attempt on her life when I was 12.", JOURNAL, "third_person"),
        ("My best friend tried to take her own life last month and I found her.", JOURNAL, "third_person"),
        ("Pt's brother made an attempt on his own life in 2020; pt found him.", NOTE, "third_person"),
    ],
)
def test_an_attempt_on_a_life_through_the_readings(text: str, kind: str, reason: str) -> None:
    hits = _hits(text, kind)
    assert ("attempt_on_life", min(lex.ATTEMPT, lex.RESIDUAL.get(reason, 0)), reason) in hits, hits
    assert _top(text, kind) <= lex.INDICATOR, hits
    # held out: the accident reading (an attempt on one's life is not told as an accident)


@pytest.mark.parametrize(
    "text",
    ["Someone made an attempt on my life outside the club.", "An attempt was made on his life by a gunman."],
)
def test_an_attempt_on_a_life_by_another_is_no_suicide_attempt(text: str) -> None:
    assert _top(text, JOURNAL) < lex.ATTEMPT, _hits(text, JOURNAL)


# --- 3. another person in a note by role, bed, bracketed name, "another patient" -------------------------------

DESIGNATIONS = [
    ("Bed 6", "herself"),
    ("Room 12", "himself"),
    ("Another patient", "herself"),
    ("A fellow resident", "himself"),
    ("Husband (Tom)", "himself"),
    ("Sister (Jo)", "herself"),
]
OTHERS_ACTS = [
    "{w} attempted to hang {r} last night",
    "{w} took an overdose last week",
    "{w} tried to kill {r}",
]


@pytest.mark.parametrize("act", OTHERS_ACTS)
@pytest.mark.parametrize(("who", "reflexive"), DESIGNATIONS)
def test_another_person_designated_in_a_note_is_someone_else(who: str, reflexive: str, act: str) -> None:
    text = act.format(w=who, r=reflexive) + "; pt witnessed it, shaken, no SI."
    assert _top(text, NOTE) <= lex.INDICATOR, _hits(text, NOTE)
    assert any(reason == "third_person" for _, _, reason in _hits(text, NOTE))


def test_their_pronoun_in_the_next_sentence_is_theirs() -> None:
    text = "Bed 3 tried to kill herself. She had tied a ligature to the window. Pt upset by it."
    assert _top(text, NOTE) <= lex.INDICATOR, _hits(text, NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Pt in bed 4 attempted to hang herself overnight, found by staff.",  # the client, placed in a bed
        "Pt attempted to hang herself overnight in bed 4.",
        "Client (Jo) took an overdose in March.",  # the client with a name in brackets
        "Another patient tried to hang herself. Pt then tried to hang herself too.",  # the client's own act beside
    ],
)
def test_the_clients_own_act_keeps_its_level(text: str) -> None:
    assert _top(text, NOTE) == lex.ATTEMPT, _hits(text, NOTE)


def test_the_clients_self_harm_beside_another_patients_overdose_keeps_its_level() -> None:
    text = "Another patient took an overdose last week; pt then cut her arms."
    assert _top(text, NOTE) == lex.BEHAVIOR, _hits(text, NOTE)


@pytest.mark.parametrize("line_id", ["frozen35-119", "frozen36-156"])
def test_the_seen_notes_of_another_persons_act(line_id: str) -> None:
    item = _seen(line_id)
    assert _top(item["text"], NOTE) <= lex.INDICATOR, _hits(item["text"], NOTE)
    sentence_model()
    assert risk.screen(item["text"], NOTE, model=True).level != "attempt"


# --- 4. an overdose of a kind of thing that is never a drug -----------------------------------------------------

NEVER_DRUGS = [
    "Overdosed on mini eggs again, zero regrets",
    "I overdosed on iced lattes this week",
    "OD'd on cat videos last night",
    "Overdosed on Mario Kart all weekend lol",
    "Overdosed on Easter eggs and now I feel sick",
    "Total overdose of sunshine at the beach today",
    "Overdosed on spreadsheets at work, brain is mush",
    "I've overdosed on crosswords this week",
    "Pt 'overdosed on hot chocolate' over Christmas, laughing about it.",
]


@pytest.mark.parametrize("text", NEVER_DRUGS)
def test_an_overdose_of_a_kind_of_thing_never_a_drug_is_a_figure(text: str) -> None:
    for kind in (JOURNAL, NOTE):
        assert _top(text, kind) == 0, (kind, _hits(text, kind))


@pytest.mark.parametrize(
    "text",
    [
        "Overdosed on mini eggs and went to A&E.",  # a real act's care in its sentence
        "I overdosed on weed cookies last night.",  # a drug's form before the head
        "Overdosed on space cake at the festival.",
        "I overdosed on magic mushrooms.",
        "I overdosed on caffeine pills last night.",  # a medicine's form after a listed thing
        "I overdosed on snow last night.",  # a street name left off the list on purpose
        "I overdosed on Zorblax last night.",  # a name no list knows: errs toward the alarm
        "Took too much Benadryl on purpose.",
    ],
)
def test_an_overdose_of_a_drug_or_an_unknown_thing_stays_an_attempt(text: str) -> None:
    assert _top(text, JOURNAL) == lex.ATTEMPT, _hits(text, JOURNAL)


def test_frozen36_013_by_id() -> None:
    item = _seen("frozen36-013")
    assert _top(item["text"], JOURNAL) == 0
    sentence_model()
    assert risk.screen(item["text"], JOURNAL, model=True).level != "attempt"


# real drug and substance names (brand and generic, street names, supplements, alcohol): every one must stay flagged
# in both forms, "I overdosed on X last night." at attempt
PROBE_NAMES = [
    "paracetamol",
    "acetaminophen",
    "ibuprofen",
    "aspirin",
    "co-codamol",
    "codeine",
    "tramadol",
    "morphine",
    "oxycodone",
    "OxyContin",
    "fentanyl",
    "sertraline",
    "citalopram",
    "fluoxetine",
    "Prozac",
    "mirtazapine",
    "amitriptyline",
    "venlafaxine",
    "quetiapine",
    "Seroquel",
    "olanzapine",
    "lithium",
    "lamotrigine",
    "diazepam",
    "Valium",
    "lorazepam",
    "Ativan",
    "alprazolam",
    "Xanax",
    "clonazepam",
    "zopiclone",
    "zolpidem",
    "Ambien",
    "propranolol",
    "insulin",
    "metformin",
    "warfarin",
    "Benadryl",
    "diphenhydramine",
    "NyQuil",
    "Nytol",
    "promethazine",
    "pregabalin",
    "gabapentin",
    "Lyrica",
    "Adderall",
    "Ritalin",
    "buprenorphine",
    "methadone",
    "Tylenol",
    "Advil",
    "Nurofen",
    "Panadol",
    "heroin",
    "cocaine",
    "crack",
    "ketamine",
    "ket",
    "MDMA",
    "ecstasy",
    "molly",
    "GHB",
    "spice",
    "speed",
    "meth",
    "acid",
    "LSD",
    "shrooms",
    "smack",
    "benzos",
    "downers",
    "sleepers",
    "melatonin",
    "valerian",
    "kratom",
    "vodka",
    "whisky",
    "gin",
    "rum",
    "wine",
    "alcohol",
    "booze",
    "tequila",
    "crystal meth",
    "magic mushrooms",
    "iron tablets",
    "vitamin D",
    "St John's wort",
    "caffeine pills",
]


def test_the_probe_holds_at_least_sixty_names() -> None:
    assert len(set(PROBE_NAMES)) >= 60


@pytest.mark.parametrize("name", PROBE_NAMES)
def test_a_real_overdose_of_every_probe_name_stays_flagged(name: str) -> None:
    sentence_model()
    overdose = f"I overdosed on {name} last night."
    assert risk.screen(overdose, JOURNAL, model=True).level == "attempt", overdose
    on_purpose = f"Took too much {name} on purpose."
    assert risk.screen(on_purpose, JOURNAL, model=True).flagged, on_purpose


@pytest.mark.parametrize(
    "text",
    ["Took too much time on purpose.", "took too much sun on purpose", "I took too much credit on purpose"],
)
def test_too_much_of_no_substance_is_no_overdose(text: str) -> None:
    assert _top(text, JOURNAL) < lex.ATTEMPT, _hits(text, JOURNAL)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("I didn't take too much ketamine on purpose, it was an accident.", "negation"),
        # 2.16.2 (h185): Benadryl is a known medicine now, read by `attempt_with_intent` (also hypothetical); this rule
        # reads a substance no medicine list names
        ("If I ever took too much ketamine on purpose I would tell you.", "hypothetical"),
        ("She took too much ketamine on purpose.", "third_person"),
    ],
)
def test_too_much_on_purpose_through_the_readings(text: str, reason: str) -> None:
    hits = _hits(text, JOURNAL)
    assert any(r == "attempt_too_much_on_purpose" and why == reason for r, _, why in hits), hits
    assert _top(text, JOURNAL) <= lex.INDICATOR


# --- 5. a wish not to wake up -----------------------------------------------------------------------------------

WAKE_WISHES = [
    ("It would be easier if I just didn't wake up", JOURNAL),
    ("easier if I didn't wake up tomorrow", JOURNAL),
    ("Honestly it would be better if I didn't wake up.", JOURNAL),
    ("Part of me hopes I don't wake up.", JOURNAL),
    ("I just want to never wake up.", JOURNAL),
    ("It'd be a relief if I didn't wake up in the morning.", JOURNAL),
    ("Pt said it would be easier if she just didn't wake up.", NOTE),
    ("Reports it would be a relief if she didn't wake up.", NOTE),
    ("Wouldn't mind if I just didn't wake up, to be honest.", JOURNAL),
    ("I'd not mind if I didn't wake up at all.", JOURNAL),
]
# Left unread by the lexicon on purpose: "I'd be fine/ok if I didn't wake up" (a form of the sentence model's bank,
# risk_paraphrases.jsonl line 10: reading it would move the bank's training inputs, and this round changes neither
# the bank nor a model; the sentence model reads it)


@pytest.mark.parametrize(("text", "kind"), WAKE_WISHES)
def test_a_wish_not_to_wake_up_is_ideation_by_the_lexicon(text: str, kind: str) -> None:
    assert _top(text, kind) == lex.IDEATION, _hits(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "I didn't wake up when the alarm went.",
        "hope I don't wake up the baby",
        "didn't wake up till noon",
        "It would be easier if I didn't wake up so early.",
        "Easier if I don't wake up the kids when I leave.",
        "It would be easier if I didn't wake up at 3am every night.",
        "I wouldn't mind if I didn't wake up so early.",
        "I would mind if I didn't wake up in time.",
        "It would be nice if I didn't wake up at all during the night.",
        "It would be easier if I didn't wake up in the middle of the night.",
        "Better if I didn't wake up so often.",
    ],
)
def test_a_morning_told_is_no_wish(text: str) -> None:
    assert _top(text, JOURNAL) < lex.IDEATION, _hits(text, JOURNAL)


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("I don't think it would be easier if I didn't wake up.", JOURNAL, "negation"),
        ("Denies feeling it would be easier if she didn't wake up.", NOTE, "negation"),
        (
            "If I ever feel it would be easier if I didn't wake up, I'll call the helpline.",
            JOURNAL,
            "hypothetical",
        ),
        ("In the film she says it would be easier if she just didn't wake up.", JOURNAL, "fiction"),
        ("My sister says it would be easier if she just didn't wake up.", JOURNAL, "third_person"),
        ("Pt's mum said it would be easier if she didn't wake up.", NOTE, "third_person"),
        ("Last night I dreamt it would be easier if I didn't wake up.", JOURNAL, "dream"),
    ],
)
def test_a_wish_not_to_wake_through_the_readings(text: str, kind: str, reason: str) -> None:
    hits = _hits(text, kind)
    assert any(r == "wish_not_to_wake" and why == reason for r, _, why in hits), hits
    assert _top(text, kind) <= lex.INDICATOR
    # held out: the accident reading (a wish is no act)


# --- 6. a wish narrowed by the next sentence --------------------------------------------------------------------

NARROWED = [
    "I don't want to be here anymore. Not at this job I mean.",
    "I don't want to be here anymore. I mean in this house with him.",
    "I don't want to be here anymore - not in this town.",
    "I don't want to be here anymore. Not in this relationship.",
    "I don't want to be here any more, I mean at this school.",
]


@pytest.mark.parametrize("text", NARROWED)
def test_a_wish_narrowed_to_a_place_is_set_aside(text: str) -> None:
    assert _top(text, JOURNAL) == 0, _hits(text, JOURNAL)
    assert ("dont_want_to_live", 0, "everyday") in _hits(text, JOURNAL)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here anymore. Not just the job. Anywhere.",
        "I don't want to be here anymore. Not at this job I mean. Not anywhere really.",
        "I don't want to be here anymore. Not at all.",
        "I don't want to be here anymore. I mean alive.",
        "I don't want to be here anymore. Nobody would notice.",
        "I don't want to be here anymore, not the job, here here.",
        "I don't want to be here anymore.",
    ],
)
def test_a_wish_reaffirmed_or_not_narrowed_stays_a_wish(text: str) -> None:
    assert _top(text, JOURNAL) == lex.IDEATION, _hits(text, JOURNAL)


def test_a_narrowed_wish_with_the_model() -> None:
    sentence_model()
    assert not risk.screen(NARROWED[0], JOURNAL, model=True).flagged
    assert risk.screen(
        "I don't want to be here anymore. Not just the job. Anywhere.", JOURNAL, model=True
    ).flagged


def test_version() -> None:
    assert risk.VERSION == "2.16.5"
