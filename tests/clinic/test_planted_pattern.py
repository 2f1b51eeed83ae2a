"""End to end, through the real analyzers: a hand-built history with a planted pattern — wanting to be
understood, met with rejection, withdrawing — with a partner, with the therapist and with a parent in childhood.

The other's response is stated as what they did ("he rolled his eyes and turned away"), not as what the writer
expected: only the other's actual response is coded RO (issue 13), so an expected rejection alone makes no pattern."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.services import analysis, insights, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PLANTED = [
    "My partner came home late again. I wanted him to understand me, but he rolled his eyes and turned away, so I pulled away and went quiet.",
    "My boyfriend was on his phone all evening. I wanted to feel loved but he ignored me when I spoke, so I withdrew and stopped answering his texts.",
    "My partner and I argued about the holidays. I wished he could understand me, but he dismissed what I said, so I shut down and avoided him.",
    "In session I told my therapist how I felt. I wanted her to understand me but she looked at the clock and changed the subject, so I went silent.",
    "I told my therapist about my week. I wanted to be understood, but she dismissed what I said, and I withdrew and cancelled the next session.",
    "When I was a kid my mother went silent when I needed her. I wanted her to understand me, she rejected me, and I withdrew into my room.",
]


def _plant(make_user: Any) -> Any:
    alice = make_user()
    start = timezone.now() - timedelta(days=60)
    for i, text in enumerate(PLANTED):
        view = journal.create_entry(
            alice, EntryDraft(kind="reflection", body=text, happened_at=start + timedelta(days=5 * i))
        )
        analysis.analyse_stored_entry(view.id, 1)
    return alice


def test_planted_pattern_is_found_with_mirror_and_triangles(
    make_user: Any, web_as: Any, monkeypatch: Any
) -> None:
    from dataclasses import replace

    from reverie.insights.observations import MIN_SCORE, SUPPORT

    alice = _plant(make_user)
    # As if the relationship analyzer cleared MIN_SCORE on held-out data (it scores 0.25): the pattern is found.
    monkeypatch.setitem(SUPPORT, "relationships", replace(SUPPORT["relationships"], score=MIN_SCORE))
    view = insights.view_for(alice)
    themes = " ".join(s.text for s in view.section("themes").statements)  # type: ignore[union-attr]
    assert "wish to be loved and understood" in themes and "withdrawal" in themes
    mirror = view.section("transference")
    assert mirror is not None and any("therapist" in s.text for s in mirror.statements)
    assert view.section("triangles") is not None
    assert all(s.evidence for s in mirror.statements)
    page = web_as(alice).get("/insights/?show=1").content.decode()
    assert "/journal/" in page
    assert web_as(alice).get("/insights/report.pdf").content.startswith(b"%PDF")


@pytest.mark.xfail(
    strict=True,
    reason="regression of episodes 1.6.0 (docs/ccrt.md): its RO head turns 'she dismissed what I said' after 'I told "
    "my therapist about my week' into 'understanding' (p 0.49 over the replace threshold 0.40), so the therapist's "
    "episodes no longer share the partner's pattern. Keeping stated responses against the head cost RO on every "
    "seen vignette file (frozen 0.72 -> 0.69, frozen3 0.60 -> 0.55), so the head stays as the data chose it",
)
def test_planted_pattern_links_the_therapist_to_the_partner(make_user: Any, web_as: Any) -> None:
    alice = _plant(make_user)
    triangles = insights.view_for(alice).section("triangles")
    assert triangles is not None and any(s.key == "pattern-link:T-C" for s in triangles.statements)
    page = web_as(alice).get("/insights/?show=1").content.decode()
    assert "appears with people in your life now (" in page and "and with your therapist (" in page
