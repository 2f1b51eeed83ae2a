"""A writer's plain denial read as a denial (twentieth round, risk lexicon 2.3.0).

Two negation mechanisms found in the sixteenth frozen batch's false alarms. (1) The rules whose phrase may carry its
own negation ("I don't want to live") were never negated from before, so a phrase of theirs that carries none was
read as meant: "I will never take my own life", "I would never commit suicide". Such a phrase is now negated from
before as every other rule's is, and a phrase opening on the writer's own "I" is a clause of its own ("I don't know
why I should just die" stays meant). (2) One negation over a short list ("not depressed or suicidal") reached only
the first word: "or" and "nor" right after a negation and one or two words no longer start a new clause. Two
limits keep what a denial is not: a negated ability to act ("haven't got the guts to kill myself", "wasn't able to
commit suicide") tells of the wish or of an act tried, and a denial told as a belief once held and turned in the same
sentence ("I thought I would never …, but …") is no denial, whatever the rule, nor is a denial itself denied
("I'm not saying I wouldn't …").
Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen

DENIED = (
    "I would never take my own life, whatever happens with the divorce.",
    "My faith says I will never commit suicide and I believe it.",
    "I'm not depressed or suicidal, just worn out by the night shifts.",
    "Told the GP straight: never low or suicidal, only tired.",
    "Honestly I am neither hopeless nor suicidal, I just hate this job.",
)
MEANT = (
    "I don't know why I should just die, but that's all I think.",
    "I don't want to live like this anymore.",
    "I'm not okay or safe, I'm suicidal tonight.",
    "I am not sad or angry, I just want to die.",
    "Not sure why but I hope I die in my sleep.",
    "I thought I would never take my own life, but last night I planned how.",
    "I'm not going out or seeing anyone, I feel suicidal.",
    "Honestly I haven't got the nerve to take my own life, that's the only thing stopping me.",
    "I wasn't able to commit suicide in the end, the paramedics came.",
    "I can't even find the courage to kill myself.",
    "I swore I would never try to kill myself, but I did it on Sunday.",
    "I'm not saying I wouldn't take my own life, I'm saying I'm tired.",
    "Can't say I'd never commit suicide, not after this year.",
)


@pytest.mark.parametrize("text", DENIED)
def test_a_plain_denial_is_not_flagged(text: str) -> None:
    result = screen(text)
    assert result.level in ("none", "indicator"), (text, result.to_data())


@pytest.mark.parametrize("text", MEANT)
def test_the_same_words_meant_stay_flagged(text: str) -> None:
    result = screen(text)
    assert result.flagged, (text, result.to_data())


# Things the writer calls old, spare or outgrown are given away for that reason; kept things given away with the
# writer's word they will not be needed stay a preparation.
GIVEN_FOR_THEIR_AGE = (
    "Gave my old school blazers to the twins down the road, I don't need them anymore.",
    "I passed on my outgrown boots to my cousin's boy, I won't need them.",
)
GIVEN_BEFORE = (
    "Gave my good camera to my sister last night. I won't need it anymore.",
    "Gave my bike and my old amp to the lad next door, I won't need them where I'm going.",
)


@pytest.mark.parametrize("text", GIVEN_FOR_THEIR_AGE)
def test_old_things_given_away_are_no_preparation(text: str) -> None:
    assert screen(text, model=False).level in ("none", "indicator"), text


@pytest.mark.parametrize("text", GIVEN_BEFORE)
def test_kept_things_given_away_stay_a_preparation(text: str) -> None:
    assert screen(text, model=False).level == "behavior", text
