from __future__ import annotations

from datetime import datetime

import pytest

from reverie.errors import InvalidInput
from reverie.insights import Item
from reverie.insights.defenses import odf


def test_items_refuse_naive_time_and_unknown_kinds() -> None:
    with pytest.raises(InvalidInput):
        Item("a", "entry", "dream", datetime(2024, 1, 1), True, False)
    with pytest.raises(InvalidInput):
        Item("a", "letter", "dream", datetime.fromisoformat("2024-01-01T00:00+00:00"), True, False)
    with pytest.raises(InvalidInput):
        Item("a", "entry", "poem", datetime.fromisoformat("2024-01-01T00:00+00:00"), True, False)


def test_items_odf_is_level_weighted_by_share() -> None:
    assert odf({3: 1, 5: 1}) == 4.0
    assert odf({7: 3, 1: 1}) == 5.5
    assert odf({}) is None
    assert odf({0: 4, 8: 2}) is None  # no defense and "needs more information" are not levels


@pytest.mark.usefixtures("defenses_worded")  # no summary counts a DMRS reading today (insights.shown)
def test_items_defense_levels_fall_back_to_an_odf_summary() -> None:
    from insight_builders import finding, item

    from reverie.insights import build_view

    summary = finding("odf", "4.5", {"odf": 4.5, "counts": {"3": 1, "6": 1, "0": 5}})
    listed = [finding("defense", "2", {"level": 2, "defense": "splitting"}), summary]
    view = build_view([item("a", 0, [summary]), item("b", 1, listed)], "therapist")  # DMRS: therapist only
    line = next(s for s in view.statements() if s.key == "defense:overall")
    assert (line.count, line.total) == (
        1,
        3,
    )  # a: levels 3 and 6 from the summary; b: only its listed level 2
    assert "ODF, 1 to 7) is 3.7" in line.text
