from __future__ import annotations

import pytest
from insight_builders import episode, item, withdrawal_history

from reverie.insights import InsightState, build_view


@pytest.mark.usefixtures("relationships_worded")
def test_patterns_planted_withdrawal_found_with_counts_and_evidence() -> None:
    view = build_view(withdrawal_history())
    found = {s.key: s for s in view.statements()}
    line = found["pattern:closeness_withdrawal"]
    assert (line.count, line.total) == (9, 13)
    assert set(line.evidence) == {f"p{n}" for n in range(6)} | {"t0", "t1", "t2"}
    assert "with your partner in 6 of 9" in line.text
    assert "with your therapist in 3 of 4" in line.text
    assert not line.tentative


def test_patterns_absent_when_not_planted() -> None:
    view = build_view(withdrawal_history(planted=False))
    keys = {s.key for s in view.statements()}
    assert "pattern:closeness_withdrawal" not in keys
    assert not any(key.startswith("pattern:") for key in keys)


def test_patterns_single_occurrence_is_not_a_recurring_pattern() -> None:
    items = [item("a", 0, episode("partner", 5, 5, 2)), item("b", 1, episode("partner", 5, 8, 3))]
    assert not any(s.key.startswith("pattern:") for s in build_view(items).statements())


@pytest.mark.usefixtures("relationships_worded")
def test_patterns_group_breakdown_marks_small_counts_tentative() -> None:
    items = [item(f"p{n}", n, episode("partner", 5, 5, 2)) for n in range(3)]
    items += [
        item(f"t{n}", n + 10, episode("therapist", 5, 5, 4), kind="session", source="session")
        for n in range(2)
    ]
    line = next(s for s in build_view(items).statements() if s.key == "pattern:closeness_withdrawal")
    assert "with your therapist in 2 of 2 (tentative)" in line.text
    assert "with your partner in 3 of 3" in line.text and "3 of 3 (tentative)" not in line.text


@pytest.mark.usefixtures("relationships_worded")
def test_patterns_success_template_uses_fear_emotion_and_helpless_response() -> None:
    from insight_builders import emotion

    items = [
        item(f"w{n}", n, [*episode("boss", 8, 6, 6, ro_valence="positive"), emotion("nervousness")])
        for n in range(3)
    ]
    state = InsightState(items)
    line = next(s for s in state.view().statements() if s.key == "pattern:success_self_sabotage")
    assert (line.count, line.total) == (3, 3)
    assert "people in authority in 3 of 3" in line.text


@pytest.mark.usefixtures("relationships_worded")
def test_patterns_transference_mirror_sentence() -> None:
    view = build_view(withdrawal_history())
    mirror = view.section("transference")
    assert mirror is not None and mirror.statements
    top = mirror.statements[0]
    assert top.text == (
        "The wish to be loved and understood, met by rejection, followed by withdrawal, appears with your "
        "partner in 6 of 9 episodes and with your therapist in 3 of 4."
    )
    assert set(top.evidence) == {f"p{n}" for n in range(6)} | {"t0", "t1", "t2"}
    assert (top.count, top.total) == (3, 4)


@pytest.mark.usefixtures("relationships_worded")  # no summary counts an episode today (insights.shown)
def test_patterns_mirror_wording_for_the_therapist() -> None:
    view = build_view(withdrawal_history(), "therapist")
    top = view.section("transference").statements[0]  # type: ignore[union-attr]
    assert "with the client's partner in 6 of 9 episodes and with you as therapist in 3 of 4" in top.text
