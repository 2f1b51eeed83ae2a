"""Review r128, fault 1: a death wish read back as "Your words carry optimism" (or "desire"), with no quote.

"I keep hoping I won't wake up" was read by the emotion head as optimism; the panel took the risk sentence out of the
reading's evidence but kept the reading, so the writer was told her words carry optimism with nothing quoted, and the
patterns page counted it. The rule now: every reading shown rests on words of the entry apart from the ones the risk
screen read, and a warm feeling (or mixed feelings) read from those words is not said at all: on the entry page
(``observations.read_entry``, through the service the web uses), the API's findings and every summary
(``insights.shown``). The texts are r128's own, read by the real pipeline (inline analysis).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from api_client import as_token

from reverie.analysis.findings import Finding
from reverie.insights.goemotions import NEGATIVE, POSITIVE

pytestmark = pytest.mark.django_db

R128 = (
    "Another long day of pretending I'm fine at work. I keep hoping I won't wake up. Then I feel bad for thinking "
    "it because of my sister.",
    "Some nights I wish I could just disappear and not come back. Everyone would be better off.",
    "I wouldn't mind if I didn't wake up tomorrow.",
)
WARM = tuple(sorted(POSITIVE))


def _warm_words(text: str) -> list[str]:
    return [w for w in WARM if w.replace("_", " ") in text]


@pytest.mark.parametrize("text", R128)
def test_no_reading_of_a_death_wish_is_warm_or_unquoted(
    text: str, make_user: Any, web_as: Any, inline: None, django_capture_on_commit_callbacks: Any
) -> None:
    from reverie.clinic.services.observations import noticed

    client = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        created = as_token(client).post("entries", {"kind": "free_association", "body": text})
    assert created.status_code == 201, created.content
    entry_id = json.loads(created.content)["id"]

    answer = as_token(client).get(f"entries/{entry_id}/findings").json()
    assert answer["status"] == "ready"
    assert answer["result"]["risk"], "the risk screen no longer reads this text: the test proves nothing"
    for finding in answer["result"]["findings"]:
        assert finding["evidence"], f"API: {finding['text']!r} shown with no words quoted"
        assert not _warm_words(finding["text"]), f"API: {finding['text']!r} read from a wish to die"

    panel = noticed(client, entry_id)
    assert panel is not None
    for shown in (*panel.shown, *panel.folded):
        assert shown.observation.evidence, f"web: {shown.observation.text!r} shown with no words quoted"
        assert not _warm_words(shown.observation.text), f"web: {shown.observation.text!r}"
    page = web_as(client).get(f"/journal/{entry_id}/").content.decode()
    assert not [w for w in ("optimism", "desire") if f"carry {w}" in page]


def test_no_summary_counts_a_warm_feeling_read_from_risk_words() -> None:
    """The patterns page, weekly summaries and calendars count what ``shown.for_summary`` keeps: never "optimism"
    read from "I keep hoping I won't wake up", never "desire" from "I wish I could just disappear"."""
    from reverie.analysis.pipeline import analyse
    from reverie.insights.items import Item
    from reverie.insights.shown import for_research, for_summary

    for n, text in enumerate(R128):
        findings = analyse(text, "free_association").findings
        assert any(f.kind == "risk" for f in findings)
        item = Item(
            f"e{n}", "entry", "free_association", datetime(2026, 12, 1, tzinfo=UTC), False, False, findings
        )
        for pick in (for_summary, for_research):
            kept = [f for f in pick(item).findings if f.kind == "emotion" and f.label != "neutral"]
            assert [f.label for f in kept if f.label not in NEGATIVE] == [], text
            assert all(f.spans for f in kept)


def test_a_painful_feeling_beside_the_risk_words_is_still_read() -> None:
    """Only the risk sentence is set aside: "Then I feel bad for thinking it because of my sister." still carries
    its own reading, quoted; and a warm feeling in a sentence apart from the risk words is read as before."""
    from reverie.insights.observations import readings_apart_from_risk

    def emotion(label: str, a: int, b: int) -> dict[str, Any]:
        return Finding("emotions", "1", "", "emotion", label, 0.9, (), {"scope": "entry"}).to_json() | {
            "spans": [[a, b]]
        }

    risk = Finding("risk", "1", "", "risk", "ideation", 0.9, ()).to_json() | {"spans": [[56, 75]]}
    kept = readings_apart_from_risk(
        [emotion("optimism", 49, 79), emotion("sadness", 80, 133), emotion("joy", 0, 48), risk]
    )
    assert [f["label"] for f in kept if f["kind"] == "emotion"] == ["sadness", "joy"]
    both = readings_apart_from_risk([emotion("sadness", 0, 133) | {"spans": [[49, 79], [80, 133]]}, risk])
    assert both[0]["spans"] == [[80, 133]]
    assert readings_apart_from_risk([emotion("love", 0, 9) | {"spans": []}]) == []
