"""Risk 2.10.2 (h143, review r119): each rule touched has an exact follow-set. New voices each rule now reads, and
near misses: the same words with something else after them (an object, an everyday purpose, a success, a
correction) that the rule must leave alone. Every near miss below was checked on main (2.10.1) first: none is above
`indicator` there either, so these hold the new follow-sets to what they say."""

from __future__ import annotations

import pytest

from reverie.analysis import risk

J, N = "free_association", "session_note"


@pytest.mark.parametrize(
    ("text", "kind", "least"),
    [
        ("Denies SI; but burned his arms with a lighter.", N, "behavior"),
        ("No SI but gave away his dog and his savings.", N, "behavior"),
        ("Hx of SH as a child, none since, but cutting arms x2 this week.", N, "behavior"),
        ("i cut again, worse this time", J, "behavior"),
        ("i cut again last night and it bled", J, "behavior"),
        ("engine on in the garage, doors closed, just sitting", J, "behavior"),
    ],
)
def test_risk_2_10_2_new_voice_is_read(text: str, kind: str, least: str) -> None:
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) >= risk.LEVELS.index(least)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a body part cut or burned by accident, or hair (not a body part of the rule)
        ("Denies SI; but burned her hand on the stove while cooking.", N),
        ("Denies SI; but cut her fingers chopping onions.", N),
        ("No SI; cut her hair short on Monday.", N),
        # pills bought for a purpose, or a dose too small to count
        ("No SI; bought 16 paracetamol for her headache.", N),
        ("No SI; bought 2 paracetamol yesterday.", N),
        # a note and a date for something else; possessions given away when moving or for an allergy
        ("Denies SI; wrote a note and chose the date of the school trip.", N),
        ("No SI; gave away her things when moving house last month.", N),
        ("No SI; gave away her cat because of her son's allergy.", N),
        ("Has given away her old clothes to charity.", N),
        # a bare "attempted" with an object, a possessive time or a success
        ("Pt attempted last week's worksheet.", N),
        ("He attempted again on Monday - the bleep test.", N),
        ("She attempted at the weekend and got her green belt.", N),
        # "SH" as something else, or a place
        ("SH this morning - shift handover ran late.", N),
        ("Met her at SH yesterday.", N),
        ("Cutting hair x3 this week at her salon placement.", N),
        # "i cut again" + time, then the thing cut
        ("i cut again this morning, the grass out back", J),
        ("i cut again today. the onions made me cry", J),
        ("i cut again, the roses this time", J),
        # the engine running in the garage for an everyday reason, nothing shut
        ("engine running in the garage to warm it up before work", J),
    ],
)
def test_risk_2_10_2_near_miss_is_not_an_act(text: str, kind: str) -> None:
    assert risk.LEVELS.index(risk.screen(text, kind=kind).level) <= risk.LEVELS.index("indicator")
