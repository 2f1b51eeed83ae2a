"""Review r114: an adversarial pass on risk 2.8.4's history, accident, injury and note rules (docs/risk.md 2.7.0 to
2.8.4), in new voices: lowercase, typos, shorthand, semicolons, run-ons.

``CURRENT`` lines carry current risk: a screen below the level given is what a person would see as a missed or
under-rated alert (a therapist's page with no flag, or a lower one, for a client who says they are cutting again,
doubts an "accident", or whose note records S/I with a plan or a ligature attempt). ``EVERYDAY`` lines are everyday
injuries or clinical history: a screen above the level given is a `behavior`/`attempt` alert a careful clinician
would call wrong. Lines that pass today are kept as guards of 2.8.x's rules."""

from __future__ import annotations

import pytest

from reverie.analysis.risk import LEVELS, screen

J, R, S = "free_association", "reflection", "session_note"

# (kind, text, lowest level a careful clinician would accept)
CURRENT = (
    # accidents the writer doubts
    (J, "was it an accident? not sure. i cut deep on my wrist and i dont know if i meant it", "behavior"),
    (J, "cut my arm on the bed frame, it was an accident... or maybe not, i kind of wanted to", "behavior"),
    (
        J,
        "was it an accident? i honestly dont know. i burned my arm on the hob and just held it there",
        "behavior",
    ),
    (J, "slipped in the shower lol. or i let myself fall, idk anymore", "indicator"),
    # history that is current again
    (J, "used to cut, started again last night", "behavior"),
    (J, "i used to cut in school; started again last night after the fight", "behavior"),
    (R, "used to cut. started again last night. nobody knows", "behavior"),
    (S, "used to cut, started again last night", "behavior"),
    (J, "i used to cut myself, started again last night", "behavior"),
    (J, "cut myself again, first time in two years", "behavior"),
    (J, "relapsed on self harm tonight, 3 cuts", "behavior"),
    (J, "i keep thinking i'd be better off dead, been like that for years but its worse now", "ideation"),
    (S, "SI since 2019, worse this week", "ideation"),
    (S, "Hx of SI, worse this week, now daily with plan", "ideation"),
    (S, "hx SH, cutting resumed last wk", "behavior"),
    (S, "pt reports cutting again since tuesday", "behavior"),
    (S, "prior attempt 2018 (OD); new attempt by hanging on friday", "attempt"),
    # a place or part hiding an act
    (J, "cut my arm on purpose on the bed frame", "behavior"),
    (J, "burned myself on purpose on the oven tray tonight", "behavior"),
    (J, "hit my head against the wall on purpose until it bled", "behavior"),
    # shorthand
    (S, "Client reports S/I with plan, access to meds.", "ideation"),
    (S, "pt reports S/I", "ideation"),
    (S, "S/I w/ plan", "ideation"),
    (S, "SI+ this wk, plan to OD on stockpiled meds", "ideation"),
    (S, "+SI w/ plan", "ideation"),
    (S, "si w plan", "ideation"),
    (S, "pt endorses passive SI", "ideation"),
    (S, "c/o SI x2 wks, plan to jump from bridge", "ideation"),
    (S, "pt reports SI, intent and plan; denies access", "ideation"),
    (S, "SH x3 this wk, superficial cuts to forearm", "behavior"),
    (S, "SH x3 this wk", "behavior"),
    (S, "self-harm x3 this week (cutting)", "behavior"),
    (S, "Pt OD'd on sat, seen in ED, medically cleared", "attempt"),
    (S, "pt OD'd on paracetamol last night", "attempt"),
    (J, "overdosed last night, didnt tell anyone", "attempt"),
    (J, "i took all my pills last night on purpose and woke up at 3", "attempt"),
    (S, "ligature found in room tonight; pt admits planning to use it", "behavior"),
    (S, "attempted ligature on ward last night", "attempt"),
    (S, "tried to hang himself on friday with a belt", "attempt"),
    # reported speech in notes
    (S, "He said he wants to die.", "ideation"),
    (S, "Client states 'no point going on'.", "ideation"),
    (S, "Client states 'no point going on', 'everyone better off'", "ideation"),
    (S, "states 'i want to kill myself'", "ideation"),
    # negation scope
    (S, "Denies SI but reports wanting to sleep forever and not wake up.", "ideation"),
    (S, "denies SI; however says she wishes she were dead", "ideation"),
)

# (kind, text, highest level a careful clinician would accept)
EVERYDAY = (
    (J, "burned my hand on the oven tray", "ideation"),
    (J, "cut my finger on the car door handle", "ideation"),
    (J, "sliced my thumb chopping onions lol", "ideation"),
    (J, "burnt my arm on the iron this morning, ouch", "ideation"),
    (J, "banged my head on the cupboard door AGAIN", "ideation"),
    (J, "scraped my knee on the bike pedal; kid laughed", "ideation"),
    (J, "cut my leg shaving, bled everywhere, so annoying", "ideation"),
    (J, "the dog scratched my wrist when i cut his nails", "ideation"),
    (J, "cut my hair myself, bad idea", "ideation"),
    (J, "i was burned out at work and cut my hours", "ideation"),
    (J, "took two paracetamol for the headache and slept", "ideation"),
    (J, "cut my arm on the bed frame getting up in the dark", "ideation"),
    (J, "nicked my wrist on the broken mug handle washing up", "ideation"),
    (J, "we watched a film about a guy who overdosed, so sad", "ideation"),
    (J, "fell off my bike and cut my elbow on the curb", "ideation"),
    (J, "my cat scratched my arm till it bled lmao", "ideation"),
    (J, "burned my fingers on the candle wax, making stuff for mum", "ideation"),
    (J, "tripped on the stairs and hit my head, bit of a bruise", "ideation"),
    (J, "cut myself on the tin lid opening beans", "ideation"),
    (J, "stabbed my hand with the fork by accident lol", "ideation"),
    (J, "my brother attempted suicide in 2010, still think about it", "ideation"),
    (J, "my mum OD'd when i was 12", "ideation"),
    (S, "hx of OD 2015, none since, future-oriented", "ideation"),
    (S, "Denies SI/SH. Discussed her cat.", "ideation"),
    (S, "Denies S/I, H/I. Mood ok. Sleeping better.", "ideation"),
    (S, "Hx SH in adolescence (cutting), none in 10 yrs. Future plans: uni.", "ideation"),
    (S, "pt cut his hand at work on a box cutter; stitches. no SI.", "ideation"),
    (S, "Past attempt (2012, OD). Denies current SI. Safety plan reviewed.", "ideation"),
    (S, "no SI/HI/SH; discussed work stress", "ideation"),
    (S, "burned hand on stove at work. Denies SH.", "ideation"),
    (S, "No ligature risk on ward noted; environment check done", "ideation"),
    (S, "SI: denied. SH: denied. HI: denied.", "ideation"),
    (S, "Denies SI, SH, HI. Hx of overdose x1 (2016).", "ideation"),
    (S, "Pt reports accidental cut on kitchen knife; no SH; wound care discussed", "ideation"),
    # a relative's or friend's history named in a note is not the client's attempt
    (S, "Client's brother attempted suicide in 2010; discussed grief", "ideation"),
    (S, "mother OD'd when pt was 12; processing grief", "ideation"),
    (S, "pt's dad attempted suicide 2010", "ideation"),
    (S, "pt's friend overdosed last year, pt found him", "ideation"),
)


@pytest.mark.parametrize(("kind", "text", "lowest"), CURRENT)
def test_current_risk_is_not_set_aside(kind: str, text: str, lowest: str) -> None:
    """A therapist should see at least ``lowest`` for current risk; below it the client's risk goes unflagged."""
    level = screen(text, kind).level
    assert LEVELS.index(level) >= LEVELS.index(lowest), (text, level)


@pytest.mark.parametrize(("kind", "text", "highest"), EVERYDAY)
def test_everyday_or_history_is_not_an_act(kind: str, text: str, highest: str) -> None:
    """An everyday injury or someone's past should not put a `behavior`/`attempt` alert on the therapist's page."""
    level = screen(text, kind).level
    assert LEVELS.index(level) <= LEVELS.index(highest), (text, level)


# h134: near-misses that keep their main reading (none or a set-aside indicator)
NEAR_MISSES = (
    (J, "cut the grass again this morning, dad was pleased"),
    (J, "started cutting back on sugar again, day 3"),
    (S, "S/I denied. Mood stable."),
    (S, "ligature risk assessment completed, no concerns"),
    (J, "held the pan there too long, burned it, accident"),
    (J, "used to cut hair for a living, started again last month at a salon"),
    (J, "used to cut my own fringe; started again since lockdown"),
    (S, "pt's budget cuts x3 this year at work"),
    (S, "S.I. - none. S/H - none."),
    (J, "was it an accident? the vase fell off the shelf, not sure who knocked it"),
    (J, "burned my hand on the kettle, kind of wanted to blame the cat lol"),
    (S, "Client's sister relapsed on alcohol; pt worried"),
    (S, "denies SI; eating better, but sleep poor"),
    (S, "ligature points removed from bathroom; no plan disclosed"),
    (J, "cutting resumed at the timber yard after the strike"),
    (S, "Client's mother attempted suicide 2005; pt denies SI today"),
    (J, "my friend said 'no point going on' about the match, we lost 5-0"),
)


@pytest.mark.parametrize(("kind", "text"), NEAR_MISSES)
def test_near_miss_keeps_its_reading(kind: str, text: str) -> None:
    """A chore, a count of something else, a denied or assessed shorthand, a relative's history: no alert."""
    level = screen(text, kind).level
    assert LEVELS.index(level) <= LEVELS.index("indicator"), (text, level)
