"""The risk sentence model reads the encoder output its manifest names (``encoder_output``; the base vectors when
none is named, as risk 2.4.1). The screen asks the encoder for that output, and a graph without it leaves the screen
to its lexicon instead of failing. The twenty-eighth round's candidate read a fine-tuned risk layer and was not
shipped (docs/risk.md)."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.onnx_encoder import BASE_OUTPUT, RISK_OUTPUT, load_encoder
from reverie.analysis.risk import MODEL_DIR, load_model, score_sentences, screen
from reverie.errors import AnalysisUnavailable

GENUINE = "I have been saving my tablets in a drawer for the night I decide to take them all."


def test_the_shipped_model_reads_the_output_its_manifest_names() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    model = load_model()
    assert model is not None
    assert model.encoder_output == manifest.get("encoder_output", BASE_OUTPUT) == BASE_OUTPUT


class _Recording:
    """An encoder double that records which output each call asked for."""

    name, model_hash, dim = "double", "double", 384

    def __init__(self, missing: bool = False) -> None:
        self.asked: list[str] = []
        self.missing = missing

    def encode(self, sentences: list[str]) -> np.ndarray:
        self.asked.append("encode")
        return np.zeros((len(sentences), self.dim), dtype=np.float32)

    def encode_output(self, sentences: list[str], output: str) -> np.ndarray:
        if self.missing:
            raise AnalysisUnavailable(f"The sentence encoder has no output {output}.")
        self.asked.append(output)
        return np.zeros((len(sentences), self.dim), dtype=np.float32)


def test_the_screen_asks_the_encoder_for_the_output_its_model_was_trained_on() -> None:
    model = load_model()
    assert model is not None
    enc = _Recording()
    score_sentences(GENUINE, "free_association", lex.read(GENUINE), model, encoder=enc)
    assert enc.asked == ["encode"]
    enc = _Recording()
    risk_layer = replace(model, encoder_output=RISK_OUTPUT)
    score_sentences(GENUINE, "free_association", lex.read(GENUINE), risk_layer, encoder=enc)
    assert enc.asked == [RISK_OUTPUT]


def test_a_graph_without_the_output_leaves_the_lexicon_to_screen() -> None:
    model = load_model()
    assert model is not None
    risk_layer = replace(model, encoder_output=RISK_OUTPUT)
    scores = score_sentences(
        GENUINE, "free_association", lex.read(GENUINE), risk_layer, encoder=load_encoder()
    )
    assert set(scores.probabilities) == {0.0}
    result = screen(GENUINE, "free_association", model=risk_layer, encoder=_Recording(missing=True))
    assert result.level != "unscreened"
    assert result.level == screen(GENUINE, "free_association", model=False).level  # the lexicon's reading
