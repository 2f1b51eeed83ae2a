"""h168: the therapist's ``GET /entries/{id}/findings`` (``reverie.analysis/1``) follows their entry page's rule.

Before, it gave the stored analysis raw: "I keep hoping I won't wake up" came back as an emotion reading "optimism"
resting on the very words the risk screen read (h164 set them apart on the pages, r128), and the labels as bare
codes. Now the API reads the analysis through the details' own function (``readings_apart_from_risk``): no reading
rests on the risk words, none is given without a span to quote, and each finding carries ``words`` beside its code.
The entry is a fixture holding a death wish, read by the real pipeline (inline analysis)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token

from reverie.analysis.summary import describe
from reverie.insights.goemotions import POSITIVE
from reverie.insights.observations import READING_KINDS, risk_spans

pytestmark = pytest.mark.django_db

DEATH_WISH = (
    "Another long day of pretending I'm fine at work. I keep hoping I won't wake up. Then I feel bad for thinking "
    "it because of my sister."
)


def _overlaps(spans: list[list[int]], risk: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in risk)


def test_the_therapist_gets_no_reading_of_the_risk_words_and_each_code_in_words(
    paired: tuple[Any, Any], inline: None, django_capture_on_commit_callbacks: Any
) -> None:
    from reverie.clinic.services.analysis import findings_for

    client, therapist = paired
    with django_capture_on_commit_callbacks(execute=True):
        created = as_token(client).post("entries", {"kind": "free_association", "body": DEATH_WISH})
    assert created.status_code == 201, created.content
    entry_id = json.loads(created.content)["id"]
    assert as_token(client).post(f"entries/{entry_id}/share").status_code == 200

    stored = findings_for(therapist, entry_id)
    assert stored is not None
    raw = stored.result["findings"]
    risk = risk_spans(raw)
    assert risk, "the risk screen no longer reads this text: the test proves nothing"
    leaning = [
        f for f in raw if f["kind"] == "emotion" and f["label"] in POSITIVE and _overlaps(f["spans"], risk)
    ]
    assert leaning, "no warm reading rests on the risk words any more: the test proves nothing"

    answer = as_token(therapist).get(f"entries/{entry_id}/findings").json()
    assert answer["status"] == "ready" and answer["result"]["schema"] == stored.result["schema"]
    given = answer["result"]["findings"]
    assert any(f["kind"] == "risk" for f in given)  # the risk finding itself is given, as stored
    for finding in given:
        assert finding["words"] and "_" not in finding["words"], finding
        if finding["kind"] == "risk":
            continue
        if finding["kind"] in READING_KINDS:
            assert finding["spans"], f"{finding['label']!r} given with nothing to quote"
            assert not _overlaps(finding["spans"], risk), f"{finding['label']!r} rests on the risk words"
        assert finding["words"] == describe(finding)
    warm = {f["label"] for f in given if f["kind"] == "emotion"} & {f["label"] for f in leaning}
    assert warm == set(), f"{sorted(warm)} read from a wish to die"
    risk_words = [f["words"] for f in given if f["kind"] == "risk"]
    assert "thoughts of suicide or self-harm" in risk_words[0]
