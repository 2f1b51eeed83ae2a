"""Review r119 (risk 2.10.1, h140's rules): current risk the history, denial and "i cut again" rules still miss, and
everyday lines the new bare "attempted" / "SH + time" / "i cut again + time" rules raise to behavior or attempt.
None of these lines is lower than on 195d880 (risk 2.8.4); the misses were misses there too."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

J, N = "free_association", "session_note"


@pytest.mark.parametrize(
    ("text", "kind", "least"),
    [
        # a history marker swallowing a current act (shows `indicator` / `ideation`)
        ("Hx of SH x2 as a teenager, none since, but SH x1 on Sunday.", N, "behavior"),
        ("Hx SH (2014-2016). Today reports cutting thighs x3 since Friday.", N, "behavior"),
        # a denial, then the act after ";"/"but"/"yet"/"however" (shows `none`)
        ("Denies SI/SH; but cut her wrists on Monday.", N, "behavior"),
        ("Denies SI, but admits she wrote a note and chose the date.", N, "behavior"),
        ("No SI but has given away her cat and her savings.", N, "behavior"),
        ("No SI; however bought 40 paracetamol yesterday.", N, "ideation"),
        ("Denies wanting to die; yet researched lethal doses online.", N, "ideation"),
        # a bare "attempted" with a time the rule does not list (shows `none`)
        ("She attempted at the weekend.", N, "attempt"),
        # "i cut again" with no object, followed by words the exact follow-set lacks (shows `none`)
        ("i cut again, worse than before", J, "behavior"),
        ("i cut again, deeper this time", J, "behavior"),
        ("omg i cut again lol whatever", J, "behavior"),
        ("i cut again tonight and i dont care", J, "behavior"),
        # the garage with the engine running and the door shut, waiting to die, no "car" named (shows `none`)
        ("engine running in the garage, door shut, waiting for it to take me", J, "behavior"),
    ],
)
def test_review_r119_current_risk_is_read(text: str, kind: str, least: str) -> None:
    """A therapist reading these lines sees a current act (a cut on Sunday, cut wrists after a denial, a note written
    and a date chosen, possessions given away, an attempt at the weekend, "i cut again, deeper this time") or a
    preparation; the screen shows `none`, `indicator` or `ideation`, so no behavior/attempt alert (and for several no
    safety-plan flag at all). They should see at least the level given."""
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) >= risk.LEVELS.index(least)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # bare "attempted" before a time word that is an object's possessive or an everyday task (shows `attempt`)
        ("Pt attempted yesterday's homework sheet.", N),
        ("She attempted last night's crossword and loved it.", N),
        ("She attempted again yesterday and got her black belt.", N),
        ("He attempted again today - the driving theory test.", N),
        ("She attempted last night: the recipe from her grandmother.", N),
        ("Pt attempted; passed her driving test on the third go.", N),
        ("She attempted the climb last night.", N),
        # "SH" + time where the note itself spells SH out as something else (shows `behavior`)
        ("SH today: supervised hours at placement.", N),
        ("SH yesterday = staff handover delayed, pt waited 40 min.", N),
        ("Played at SH last night, the Sheffield Hallam pub quiz.", N),
        # "i cut again" + time, then the thing cut (shows `behavior`)
        ("i cut again today, my fringe, looks awful", J),
        ("i cut again last night, the onions for the soup", J),
        ("i cut again today. my hair i mean, short bob now", J),
    ],
)
def test_review_r119_everyday_line_is_not_an_act(text: str, kind: str) -> None:
    """A therapist sees an attempt or self-harm alert (`attempt` / `behavior`, the safety-plan flow) on a note about
    homework, a crossword, a black belt, a driving test, a climb, supervised hours, a staff handover or a pub quiz, or on
    a journal line about a fringe, onions or a haircut. They should see no flag: `indicator` at most."""
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) <= risk.LEVELS.index("indicator")
