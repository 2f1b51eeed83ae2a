"""Risk 2.5.0's sentence model reads the encoder's risk layer (``risk_token_embeddings``, a fine-tuned copy of the
last layer grafted onto the shared graph): the manifest names the output, the model loads it, the screen asks the
encoder for it, and a graph without that output leaves the screen to its lexicon instead of failing."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np

from reverie.analysis import risk_lexicon as lex
from reverie.analysis.onnx_encoder import RISK_OUTPUT
from reverie.analysis.risk import MODEL_DIR, load_model, score_sentences, screen
from reverie.errors import AnalysisUnavailable

GENUINE = "I have been saving my tablets in a drawer for the night I decide to take them all."


def test_the_manifest_and_the_loaded_model_name_the_risk_layer() -> None:
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["encoder_output"] == RISK_OUTPUT
    model = load_model()
    assert model is not None and model.encoder_output == RISK_OUTPUT


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
    assert enc.asked == [RISK_OUTPUT]
    base_model = replace(model, encoder_output="token_embeddings")
    enc = _Recording()
    score_sentences(GENUINE, "free_association", lex.read(GENUINE), base_model, encoder=enc)
    assert enc.asked == ["encode"]


def test_a_graph_without_the_output_leaves_the_lexicon_to_screen() -> None:
    model = load_model()
    assert model is not None
    scores = score_sentences(
        GENUINE, "free_association", lex.read(GENUINE), model, encoder=_Recording(missing=True)
    )
    assert set(scores.probabilities) == {0.0}
    result = screen(GENUINE, "free_association", model=model, encoder=_Recording(missing=True))
    assert result.level != "unscreened"
