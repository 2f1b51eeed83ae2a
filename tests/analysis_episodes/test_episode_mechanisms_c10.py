"""Episodes 1.12.0: the other's response is what the other does after the writer's wish, and the learned RO head
reads the sentence the rules' RO comes from (docs/ccrt.md, "Tenth round (c10)"). Each rule is tested both ways,
on sentences written for this file."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from reverie.analysis import ccrt_learned
from reverie.analysis.document import prepare
from reverie.analysis.episodes import _response_at, drafts, find_episodes


def _ro(text: str) -> list[int | None]:
    return [(f.data["ro"] or {}).get("cluster") for f in find_episodes(prepare(text, "journal"))]


# ---- what the other did before the wish is the lead-in; the response comes after it ----------------------
@pytest.mark.parametrize(
    ("text", "ro"),
    [
        (
            "My aunt criticised my cooking at lunch. I wanted her to like the cake. She ate two slices and hugged me.",
            7,
        ),
        (
            "My coach yelled at the whole team after the match. I needed him to believe in me. He listened to my "
            "plan and nodded.",
            8,
        ),
        (
            "My sister mocked my haircut. I hoped she would help me fix it. She got her scissors and helped me.",
            6,
        ),
        ("My mentor praised my report. I wanted her to give me the project too. She ignored my email.", 5),
    ],
)
def test_the_response_after_the_wish_outranks_the_lead_in(text: str, ro: int) -> None:
    assert _ro(text) == [ro]


@pytest.mark.parametrize(
    ("text", "ro"),
    [
        # nothing the other does after the wish: the lead-in is the response
        ("My best friend forgot my birthday. I wanted to feel I mattered to her. I went to bed early.", 4),
        ("My uncle praised my cousin at dinner. I wanted him to be proud of me too. I went home early.", 7),
        # no wish: every act of the other counts as before
        ("My mentor praised my report and then ignored my email.", 7),
        # a weak wish ("I tried") is no boundary
        ("My boss shouted at me in the meeting. I tried to explain. He smiled.", 3),
    ],
)
def test_without_a_response_after_the_wish_the_reading_stays(text: str, ro: int) -> None:
    assert _ro(text) == [ro]


# ---- the learned RO head reads the sentence the rules' RO is read from -----------------------------------
def test_features_carry_the_sentence_of_the_rules_response() -> None:
    vectors = np.arange(16, dtype=np.float32).reshape(4, 4)
    sentences = ["My dad came in.", "I wanted him to stay.", "He left.", "I cried."]
    x = ccrt_learned.features(sentences, vectors, None, ([0, 2], [3]), (2,))
    assert x.shape == (6 * 4 + 24 + 1,)
    assert np.array_equal(x[20:24], vectors[2])
    open_ro = ccrt_learned.features(sentences, vectors, None, ([0, 2], [3]), (None,))
    assert np.array_equal(open_ro[20:24], np.zeros(4))  # the rules left RO open
    assert ccrt_learned.features(sentences, vectors, None, ([0, 2], [3])).shape == (5 * 4 + 24 + 1,)


def test_the_position_of_the_rules_response_within_the_episode() -> None:
    text = "My mentor praised my report. I wanted her to give me the project too. She ignored my email."
    doc = prepare(text, "journal")
    (draft,) = drafts(doc)
    assert _response_at(doc, draft) == 2
    opened = replace(draft, codes={**draft.codes, "ro": None})
    assert _response_at(doc, opened) is None


def test_only_the_ro_head_reads_the_response_sentence_and_it_never_saw_the_newest_batches() -> None:
    coder = ccrt_learned.load()
    assert coder is not None and coder.response_sentence
    part = slice(5 * 384, 6 * 384)
    assert all(w.shape == (6 * 384 + 24 + 1, 8) for w in coder.weights.values())
    assert np.any(coder.weights["ro"][part] != 0)
    assert not np.any(coder.weights["w"][part]) and not np.any(coder.weights["rs"][part])
    manifest = json.loads((ccrt_learned.HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    files = manifest["ro_head"]["data"].split(": ", 1)[1].split(", ")
    assert len(files) == 8 and not {"vignettes_frozen7.jsonl", "vignettes_frozen8.jsonl"} & set(files)
    assert "vignettes_frozen9.jsonl" not in files
