"""A role noun that does not act is not the other person (h139; episodes 1.16.0, people 1.8.1).

h131's everyday role nouns made an episode of a role met only as the object of someone's task ("asked my husband
to ring the plumber"), or mentioned in a list ("the thing with the bus driver"). New voices, none from a vignette
file. Each pair: the role noun acts or speaks toward the writer and is the episode's other, with an RO; the same
role noun only as an object or a mention beside someone who acts, and the episode goes to that person (or there is
none). The real analyzers run.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]

# (the role noun acts toward the writer, the same noun only an object or a mention, the episodes' others there)
PAIRS = [
    (
        "The electrician yelled at me for leaving the fuse box open. I felt about six years old.",
        "I begged my brother to phone the electrician. He said not to worry and sorted it. I felt looked after.",
        ["sibling"],
    ),
    (
        "The mechanic laughed at me when I asked about the oil. I felt stupid.",
        "Asked my dad to text the mechanic about the brakes. He told me I was old enough to do it myself. I felt small.",
        ["father"],
    ),
    (
        "The courier threw the parcel at me and swore. I shut the door shaking.",
        "Spent the evening writing lists, the tax, the stuff with the courier, the boiler, and I felt overwhelmed.",
        [],
    ),
    (
        "The gardener told me my roses were a disgrace. I laughed.",
        "I reminded my husband to pay the gardener. He snapped that he wasn't a child. I went quiet.",
        ["partner"],
    ),
    (
        "The accountant sneered at my receipts and told me I was hopeless. I went red.",
        "I told my manager I'd emailed the accountant already. She smiled and said good work. I felt proud.",
        ["boss"],
    ),
    (
        "The physio told me off for skipping my exercises. I felt like a naughty kid.",
        "My coach told me I'd never make the team. I talked it over with the physio afterwards and felt calmer.",
        ["teacher"],
    ),
    (
        "The locksmith smirked at me and said it happens all the time. I felt daft.",
        "Got my son to ring the locksmith while I sat on the step. He was brilliant and stayed calm. I was so grateful.",
        ["child"],
    ),
    (
        "The hairdresser ignored me for twenty minutes and then rushed my cut. I said nothing.",
        "Asked my wife to book the hairdresser for Saturday. She said she'd already done it and kissed me. I felt cared for.",
        ["partner"],
    ),
    (
        "I rang the plumber about the leak. He shouted at me for calling so late. I hung up.",
        "I got my daughter to call the plumber. She sorted it in five minutes and I felt proud of her.",
        ["child"],
    ),
]


@pytest.mark.parametrize(("acts", "object_only", "others"), PAIRS, ids=[p[0].split()[1] for p in PAIRS])
def test_a_role_noun_that_acts_is_the_other_and_one_that_does_not_is_not(
    acts: str, object_only: str, others: list[str]
) -> None:
    found = analyse(acts, "journal", only=ANALYZERS).of_kind("episode")
    assert [(f.label, (f.data["ro"] or {}).get("cluster") is not None) for f in found] == [("other", True)]
    passive = analyse(object_only, "journal", only=ANALYZERS).of_kind("episode")
    assert [f.label for f in passive] == others
