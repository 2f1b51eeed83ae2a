"""The shared sentence encoder: one pass per document, reused by every head.

The runtime loads an int8 ONNX export of all-MiniLM-L6-v2 (or its fine-tuned successor) with onnxruntime;
PyTorch is needed only by ``scripts/`` that train and export. See ``docs/models.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

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
