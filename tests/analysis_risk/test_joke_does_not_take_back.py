"""A death wish with a joke word near it is still a death wish (review r62 of risk 2.6.2, withdrawn).

Risk 2.6.2 (k29) set aside a wish phrase followed by a retraction ("jk", "just kidding", "not really" after laughter)
or a contrast ("wanting to die, no."). Review r62 wrote these lines, each one a careful reader calls a genuine wish:
the "retraction" is itself turned ("not really a joke", "joking aside"), revoked at once ("just kidding, I mean it",
"Kidding. Not kidding."), about something else ("just kidding about the party"), not a retraction at all ("kidding
myself", "Joking is how I cope", "Mum asked if I was joking"), or a contrast that raises the wish ("no, I'm going to").
2.6.2 showed the therapist nothing for them; the mechanism was removed (risk 2.6.1's reading; docs/risk.md,
"Thirty-first round (k29)"). Sentences written for this test (none from the bank or a challenge batch).
"""

from __future__ import annotations

import pytest

from reverie.analysis.risk import screen

GENUINE = (
    # the marker turned by what follows it
    "lol i want to die (not really a joke)",
    "i want to die lol not really a joke",
    "want to die haha not really kidding",
    "I want to die, joking aside.",
    # a retraction revoked in the next breath
    "I want to kill myself, just kidding, I mean it",
    "I want to kill myself, just kidding, I have a plan for Friday",
    "I want to die. Kidding. Not kidding.",
    "I wanna die. jk. (not jk)",
    "i want to die jk lol no i actually do",
    "I want to kill myself haha not really though i do",
    "i want to die. i typed jk to her but i meant it",
    # a "just kidding" about something else
    "I want to die. Just kidding about the party, it was fine.",
    "I want to kill myself. Kidding about the haircut, not about that.",
    # no retraction at all
    "i want to die, kidding myself that it'll pass",
    "I want to die. Joking is how I cope.",
    "I want to kill myself. Mum asked if I was joking.",
    "I want to die and I'm done joking about it",
    # a bracket that does not take it back
    "I want to die (I won't) but I think about how",
    # a contrast that raises the wish
    "want to kill myself, no, I'm going to",
    "Scared? yes. Wanting to die? no, needing to.",
    "I want to die, no.  Actually yes.",
)


@pytest.mark.parametrize("text", GENUINE)
def test_a_wish_whose_retraction_is_turned_revoked_or_elsewhere_is_still_flagged(text: str) -> None:
    """The therapist sees no alert for this line (the wish is set aside as 'negation'); they should see it flagged,
    as risk 2.6.1 did."""
    result = screen(text)
    assert result.flagged, [(s.rule, s.reason) for s in result.suppressed]


OTHER_WISHES = (
    # the same hole on every rule at ideation: thoughts of a method, of being a burden, of being gone
    "Everyone would be better off if I just disappeared for good. Kidding about the cake though.",
    "I keep thinking everyone would be better off without me. Joking aside.",
    "I keep thinking everyone would be better off without me. Mum asked if I was joking.",
    "I keep thinking about jumping off the bridge on the way home. Just kidding about the party.",
    "I keep thinking about jumping off the bridge on the way home. Joking is how I cope.",
    "I've been thinking about driving into the wall on the motorway lol not really a joke",
    "I've been thinking about driving into the wall on the motorway. kidding. not kidding.",
    "I've been thinking about driving into the wall on the motorway, joking aside",
    "I've been thinking about driving into the wall on the motorway, just kidding, I mean it",
)


@pytest.mark.parametrize("text", OTHER_WISHES)
def test_thoughts_of_a_method_or_of_being_a_burden_are_not_taken_back_by_a_joke_elsewhere(text: str) -> None:
    """A client writes of a method or of everyone being better off without them, then jokes about something else or
    says the joking is aside: the therapist sees no alert (the phrase is set aside as 'negation'); they should see
    it flagged at ideation, as risk 2.6.1 did."""
    result = screen(text)
    assert result.flagged, [(s.rule, s.reason) for s in result.suppressed]
