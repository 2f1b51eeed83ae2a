"""h136 (review r116): a shown finding under "fairly sure" is still over its analyzer's shown floor, where the panel
says findings are "likely to be right"; its label must not say "unsure" beside that line."""

from __future__ import annotations

import pytest

from reverie.insights.observations import SUPPORT, Observation


@pytest.mark.parametrize("analyzer", [a for a, s in SUPPORT.items() if s.floor < s.sure_at <= 1.0])
def test_a_finding_between_floor_and_fairly_sure_reads_likely(analyzer: str) -> None:
    floor = SUPPORT[analyzer].floor
    at_floor = Observation("k", analyzer, "Your words carry sadness.", (), floor, ())
    assert not at_floor.sure
    assert "unsure" not in at_floor.sureness.lower()
    assert at_floor.sureness.startswith("Likely")
    sure = Observation("k", analyzer, "Your words carry sadness.", (), SUPPORT[analyzer].sure_at, ())
    assert sure.sureness == "Reverie is fairly sure"
