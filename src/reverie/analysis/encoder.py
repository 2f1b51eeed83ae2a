"""The shared sentence encoder: one pass per document, reused by every head.

The runtime loads an int8 ONNX export of all-MiniLM-L6-v2 (or its fine-tuned successor) with onnxruntime;
PyTorch is needed only by ``scripts/`` that train and export. See ``docs/models.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

BASE_OUTPUT = "token_embeddings"

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


class Encoder(Protocol):
    name: str
    model_hash: str
    dim: int

    def encode(self, sentences: list[str]) -> npt.NDArray[np.float32]:
        """Return one L2-normalised row per sentence, shape ``(len(sentences), dim)``."""
        ...


def encode_both(
    encoder: Encoder, sentences: list[str]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32] | None]:
    """The base sentence vectors and, where the encoder has the emotions top layer (``encode_pair``), its vectors
    from the same pass; otherwise ``None`` (a one-output graph's encoder, a test double with ``encode`` only)."""
    pair = getattr(encoder, "encode_pair", None)
    if pair is None:
        return encoder.encode(sentences), None
    vectors: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32] | None] = pair(sentences)
    return vectors


def encode_output(encoder: Encoder, sentences: list[str], output: str) -> npt.NDArray[np.float32]:
    """The vectors of the graph output a head was trained on (``token_embeddings``: the base vectors). An encoder
    with ``encode_output`` (:class:`reverie.analysis.onnx_encoder.OnnxEncoder`) gives that output, or raises
    :class:`reverie.errors.AnalysisUnavailable` when its graph has none; an encoder with ``encode`` alone (a test
    double) gives its one kind of vector."""
    named = getattr(encoder, "encode_output", None)
    if named is None or output == BASE_OUTPUT:
        return encoder.encode(sentences)
    vectors: npt.NDArray[np.float32] = named(sentences, output)
    return vectors
