"""Review r121 (risk 2.10.2 against the start of the day, 2.8.4 at 195d880).

Two faults of the 2.10.2 rules, each line checked on both codes in the same run:

- `attempted_task` (risk_lexicon.EVERYDAY_PATTERNS) sets a model-only alarm aside whenever "attempted the/my <word>"
  names anything but suicide, a ligature, an overdose, hanging, life, self, jump or cut. A place of suicide (a
  bridge, the railway line, the train tracks, the river, a cliff edge) is not an everyday task: these journal lines
  were at `ideation` on 2.8.4 and are `none` on 2.10.2.
- `noted_act` (risk_lexicon.NOTED_ACT) reads "cut/burned her <body part> with a <means>" as behavior whatever follows
  the means, so an accident at work or in the kitchen, after a denial, is raised to `behavior` (`none` on 2.8.4).
"""

from __future__ import annotations

import pytest

from reverie.analysis import risk

J, N = "free_association", "session_note"


@pytest.mark.parametrize(
    "text",
    [
        "I attempted the bridge last night",
        "I attempted the railway line again on sunday",
        "attempted the motorway bridge on tuesday, police brought me home",
        "attempted the train tracks on friday night",
        "I attempted the river again last night",
        "attempted the cliff edge yesterday, a dog walker talked me down",
    ],
)
def test_attempt_at_a_place_of_suicide_is_not_an_everyday_task(text: str) -> None:
    """A client writes that they attempted (at) a bridge, the railway, the river or a cliff edge last night. The
    therapist sees no risk flag at all (`none`); on 2.8.4 the same line was flagged at `ideation`. It should stay
    flagged at least at `ideation`: the place named is a means of suicide, not a task like "the climb"."""
    level = risk.screen(text, kind=J).level
    assert risk.LEVELS.index(level) >= risk.LEVELS.index("ideation"), level


@pytest.mark.parametrize(
    "text",
    [
        "Denies SI; burned his hand with a lighter lighting the BBQ.",
        "Denies SI; cut his hand with a knife while cooking.",
    ],
)
def test_accident_with_a_tool_after_a_denial_is_not_behavior(text: str) -> None:
    """A therapist's note records a denial of suicidal ideation and a kitchen or barbecue accident. The note is
    raised to `behavior` (self-harm acted on); on 2.8.4 it was `none`. A careful clinician reads an accident with
    its everyday purpose named, so it should stay below `behavior`."""
    level = risk.screen(text, kind=N).level
    assert risk.LEVELS.index(level) < risk.LEVELS.index("behavior"), level
