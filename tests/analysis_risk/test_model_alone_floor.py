"""h38 (docs/risk.md, "h38: the floor"): risk 2.6.0 ships h37's support gate at a cosine of 0.35.

A sentence the sentence model raises by itself must resemble, at least a little, one of the project's written
genuine crisis lines; a content-free line ("Only a title") resembles none and is no longer flagged, so its writer is
not asked "are you safe?". Genuine lines the model alone catches, in the written bank's register, still raise. The
support artefact's manifest names the encoder and the risk model it was built from, and the analyzer's declared
version names the support, so stored analyses are redone when it changes."""

from __future__ import annotations

import hashlib
import json

import pytest

from reverie.analysis import pipeline, risk
from reverie.analysis.onnx_encoder import load_encoder
from risk_model import sentence_model

# Review r37's two lines, then four content-free lines of this round's own, each read at ideation by the sentence
# model alone without the support (cosine to the nearest written crisis line under 0.35).
CONTENT_FREE = [
    "Only a title",
    "piped text 2",
    "Re: the form",
    "Title goes here",
    "Piped input 1",
    "Checking the fields.",
]
# Genuine lines in the written bank's register (written for this test, not from a batch), raised by the sentence
# model alone: the floor leaves them flagged.
GENUINE_MODEL_ALONE = [
    "There is no point to any of this anymore and I'm tired of being here.",
    "I've stopped seeing a reason to keep going.",
    "I keep picturing how quiet it would be if I wasn't here.",
    "Sometimes I think the world would keep turning just fine without me in it.",
]


@pytest.fixture(scope="module")
def shipped() -> risk.RiskModel:
    return sentence_model()


def test_the_shipped_model_carries_the_support_at_the_floor(shipped: risk.RiskModel) -> None:
    assert shipped.support is not None and shipped.support.threshold == 0.35
    assert len(shipped.support.vectors) == 1347
    assert shipped.model_hash.endswith(f"+support:{shipped.support.support_hash[:16]}")


@pytest.mark.parametrize("text", CONTENT_FREE)
def test_a_content_free_line_is_not_flagged(shipped: risk.RiskModel, text: str) -> None:
    bare = risk.load_model(support=False)
    assert bare is not None and risk.screen(text, model=bare).model_alone  # what the floor removes
    result = risk.screen(text)
    assert not result.flagged, result.to_data()
    assert any(s.rule == "model" and s.reason == risk.NO_SUPPORT for s in result.suppressed)


@pytest.mark.parametrize("text", GENUINE_MODEL_ALONE)
def test_a_genuine_line_the_model_alone_catches_is_still_flagged(shipped: risk.RiskModel, text: str) -> None:
    result = risk.screen(text)
    assert result.flagged and result.model_alone and result.level == "ideation"


def test_the_support_manifest_matches_the_installed_encoder_and_risk_model(shipped: risk.RiskModel) -> None:
    folder = risk.MODEL_DIR
    manifest = json.loads((folder / risk.SUPPORT_MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == risk.SUPPORT_FORMAT and manifest["threshold"] == 0.35
    assert manifest["encoder_hash"] == load_encoder().model_hash
    bare = risk.load_model(support=False)
    assert bare is not None and manifest["risk_model_hash"] == bare.model_hash
    assert manifest["vectors_sha256"] == hashlib.sha256((folder / risk.SUPPORT_FILE).read_bytes()).hexdigest()
    assert manifest["n_vectors"] == len(shipped.support.vectors if shipped.support else ())


def test_the_declared_version_names_the_support() -> None:
    manifest = json.loads((risk.MODEL_DIR / risk.SUPPORT_MANIFEST).read_text(encoding="utf-8"))
    declared = pipeline.declared_versions("free_association")["risk"]
    assert declared == f"{risk.VERSION}:{risk.declared_model_hash()}"
    assert declared.endswith(f"+support:{manifest['vectors_sha256'][:16]}")
    # h160 frozen30's rule; h157 frozen28-162; h152 r126; h143 r119; h140 r117; h134 r114; h128 r113 2.9.0 (2.8.x)
    assert risk.VERSION == "2.16.5"  # h167 frozen31's shorthand and figures; h175 2.15.0; 2.15.1 (h177)
