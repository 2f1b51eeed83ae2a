"""The demo shows what a true pattern looks like (h106): its invented history carries one planted pattern, the
client's mother in dreams and in waking entries in the same few days and nowhere else, and the real analyzers and
the chance rules find it, clearly beyond chance, as the one strongest pattern, for the client and the therapist.

Pure: the demo's texts (``synthetic_texts(varied=True)``, as ``reverie demo`` writes them), read by the real
analyzers, and the insight engine; no database.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reverie.analysis.pipeline import analyse_many
from reverie.insights import Item, build_view
from reverie.insights.ccrt import CATCH_ALL_ROLE
from reverie.insights.chance import ALPHA, binomial_tail, window_share
from reverie.insights.demo_texts import synthetic_texts
from reverie.insights.dreams import WAKING_WINDOW
from reverie.insights.highlights import highlights
from reverie.insights.state import InsightState

DEMO_ENTRIES = 40  # reverie.clinic.services.demo.DEMO_ENTRIES (that module needs Django)
ZONE = ZoneInfo("Europe/London")
# Three clocks: the fixed one of the demo tests, one in a clock-change week, one a year later (the dates move).
NOWS = (
    datetime(2026, 5, 14, 12, 0, tzinfo=UTC),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2027, 7, 1, 9, 0, tzinfo=UTC),
)


def _demo_items(now: datetime) -> list[Item]:
    """The demo's entries as ``demo.fill`` writes them and the Patterns page reads them (the client's zone)."""
    start = now - timedelta(days=182)
    texts = [
        t
        for t in synthetic_texts(n_entries=DEMO_ENTRIES, n_sessions=0, start=start, varied=True, zone=ZONE)
        if t.source == "entry"
    ]
    results = analyse_many([(t.text, t.kind) for t in texts])
    return [
        Item(
            t.id,
            "entry",
            t.kind,
            min(t.happened_at, now - timedelta(hours=1)).astimezone(ZONE),
            t.shared_with_therapist,
            False,
            tuple(r.findings),
        )
        for t, r in zip(texts, results, strict=True)
    ]


@pytest.fixture(scope="module", params=NOWS, ids=lambda now: now.date().isoformat())
def demo_items(request: pytest.FixtureRequest) -> list[Item]:
    return _demo_items(request.param)


@pytest.mark.parametrize("audience", ["client", "therapist"])
def test_the_demo_s_one_strongest_pattern_is_the_planted_one(demo_items: list[Item], audience: str) -> None:
    found = highlights(build_view(demo_items, audience))
    assert [h.key for h in found] == ["dream:waking:mother"]
    assert found[0].seen == "seen in 6 of 6 dreams"
    words = "Your mother" if audience == "client" else "The client's mother"
    assert found[0].sentence.startswith(f"{words} appears in 6 dreams; in 6 of them also in waking entries")


def test_the_planted_pattern_clears_the_rule_by_a_wide_margin(demo_items: list[Item]) -> None:
    # what the rule (chance.beyond_chance) computes for the line, recomputed here: 6 of 6 dreams of the mother have
    # a waking mention of her within 7 days, where any entry's fortnight holds one in under a fifth of entries;
    # the tail is at least a hundred times below the line's bar (0.05 / the people seen in dreams)
    lane = InsightState(demo_items).lane("client")
    dreams_of = [d for d in lane.dreams.values() if "mother" in d.roles]
    roles_in_dreams = {r for d in lane.dreams.values() for r in d.roles} - {CATCH_ALL_ROLE}
    anyway = window_share(lane.waking_roles["mother"], lane.order, WAKING_WINDOW, WAKING_WINDOW)
    assert len(dreams_of) == 6 and anyway < 0.2
    assert binomial_tail(6, 6, anyway) < ALPHA / len(roles_in_dreams) / 100


def test_the_mother_is_only_in_the_spells() -> None:
    # outside the planted spells no demo entry mentions her (so her weeks stand out), and the plain texts the
    # evaluations use are as before: no spells there
    texts = [
        t for t in synthetic_texts(n_entries=DEMO_ENTRIES, n_sessions=0, varied=True) if t.source == "entry"
    ]
    mother = [n for n, t in enumerate(texts) if "my mother" in t.text.lower()]
    assert mother == [6, 7, 8, 20, 21, 22, 32, 33, 34]
    assert [texts[n].kind for n in mother] == ["dream", "reflection", "dream"] * 3
    assert all(texts[n].shared_with_therapist for n in mother)
    plain = synthetic_texts(n_entries=DEMO_ENTRIES, n_sessions=0)
    assert not any("far end of a long platform" in t.text for t in plain)
