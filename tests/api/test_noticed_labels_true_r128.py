"""Review r128, fault 7: two labels of "What Reverie noticed" said untrue things.

- "Your words carry sadness" quoting "I miss her and I want her gone." was labelled "Named in the entry's own words":
  the emotions layer counts "miss" (and "feel bad") as the writer stating sadness, yet the quote names none. The label
  now needs a word (or figure of speech) naming that feeling in the quote shown; otherwise the panel's weaker label.
- "You seem to feel both love and relief and disappointment and sadness toward your mother" left out the anger she
  rated 4 of 5 and wrote as "furious". The person's own rated feelings come first and are never left out, and the
  list reads as English ("love, anger, relief, disappointment and sadness").
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token

from reverie.insights.observations import LESS_SURE, read_entry

NAMED = "Named in the entry's own words"


def _emotion(text: str, label: str, part: str, confidence: float) -> dict[str, Any]:
    a = text.index(part)
    return {
        "analyzer": "emotions",
        "version": "t",
        "model_hash": "t",
        "kind": "emotion",
        "label": label,
        "confidence": confidence,
        "spans": [[a, a + len(part)]],
        "data": {"scope": "entry", "stated": True},
    }


def test_named_only_when_the_quote_names_the_feeling() -> None:
    text = "I miss her and I want her gone. Then I feel bad for thinking it. I was furious with her. Fuming."
    findings = [
        _emotion(text, "sadness", "I miss her and I want her gone.", 0.6),
        _emotion(text, "remorse", "Then I feel bad for thinking it.", 0.55),
        _emotion(text, "anger", "I was furious with her.", 0.6),
        _emotion(text, "annoyance", "Fuming.", 0.6),
    ]
    shown = {o.key: o.sureness for o in read_entry(text, {"findings": findings}).observations}
    assert shown["feelings:sadness"] == LESS_SURE  # "miss" names no sadness
    assert shown["feelings:remorse"] == LESS_SURE  # nor does "feel bad" name remorse
    assert shown["feelings:anger"] == NAMED  # "furious": a word of anger's own
    assert shown["feelings:annoyance"] == LESS_SURE  # "fuming" names anger, not annoyance


def _mixed(text: str, positive: list[str], negative: list[str]) -> dict[str, Any]:
    return {
        "analyzer": "ambivalence",
        "version": "t",
        "model_hash": "t",
        "kind": "ambivalence",
        "label": "mother",
        "confidence": 0.75,
        "spans": [[0, len(text)]],
        "data": {"role": "mother", "positive": positive, "negative": negative},
    }


def test_mixed_feelings_name_the_rated_ones_first_in_english() -> None:
    text = "I love her, I really do, but I was furious. Relieved when she hung up, then sad."
    result = {"findings": [_mixed(text, ["love", "relief"], ["disappointment", "sadness"])]}
    (obs,) = read_entry(text, result, rated=(("love", 4), ("anger", 4))).observations
    assert obs.text == "You seem to feel love, anger, relief, disappointment and sadness toward your mother."
    (alone,) = read_entry(text, result).observations
    assert alone.text == "You seem to feel love, relief, disappointment and sadness toward your mother."
    two = {"findings": [_mixed(text, ["love"], ["anger"])]}
    (pair,) = read_entry(text, two, rated=(("Furious", 5),)).observations  # her word names the anger read
    assert pair.text == "You seem to feel both Furious and love toward your mother."


@pytest.mark.django_db
def test_the_api_names_her_rated_anger(
    make_user: Any, inline: None, django_capture_on_commit_callbacks: Any
) -> None:
    """Through the service the web and the API read (inline analysis, the real pipeline)."""
    client = make_user()
    body = (
        "My mother called at 2 a.m. again. I love her, I really do, but I was furious. I miss her and I want her "
        "gone. Relieved when she hung up, then disappointed in myself."
    )
    feelings = [{"name": "love", "intensity": 4}, {"name": "anger", "intensity": 4}]
    with django_capture_on_commit_callbacks(execute=True):
        created = as_token(client).post(
            "entries", {"kind": "free_association", "body": body, "feelings": feelings}
        )
    assert created.status_code == 201, created.content
    entry_id = json.loads(created.content)["id"]
    found = as_token(client).get(f"entries/{entry_id}/findings").json()["result"]["findings"]
    mixed = [f["text"] for f in found if "toward your mother" in f["text"]]
    assert mixed and mixed[0].startswith("You seem to feel love, anger"), found
    assert " and relief and " not in mixed[0]
    for f in found:
        if "sadness" in f["text"]:
            assert f["sureness"] != NAMED, f
