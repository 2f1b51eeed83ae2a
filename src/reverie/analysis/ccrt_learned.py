"""A learned W / RO / RS coder on the shared encoder's sentence vectors, beside the CCRT rules.

Per episode, three 384-d parts: the mean vector of its wish sentences ("I wanted / needed / hoped …"), of its
other sentences but the last, and of its last sentence (where the writer's response usually is), plus a bias.
Per component, a class-balanced softmax regression over the eight clusters (``models/ccrt/head.npz``, trained
by ``scripts/train_ccrt.py`` on Reverie's own hand-coded vignettes). Per component, ``tau``: the learned
cluster replaces the rules' code when the rules found none or the learned probability reaches ``tau`` (chosen
by cross-validation on vignettes the rules were never tuned on; ``tau`` > 1 means "never override").
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

HEAD_DIR = Path(__file__).resolve().parent / "models" / "ccrt"
SCHEMA = "reverie.ccrt-head/1"
COMPONENTS = ("w", "ro", "rs")
WISH = re.compile(
    r"\b(?:want|wanted|wants|wish|wished|hope|hoped|hoping|need|needed|longed|'d like|would like|should like)\b",
    re.IGNORECASE,
)


def layout(sentences: Sequence[str]) -> tuple[list[int], list[int], int]:
    """Indices of the wish sentences, of the rest but the last, and the last sentence."""
    wish = [i for i, s in enumerate(sentences) if WISH.search(s)]
    last = len(sentences) - 1
    rest = [i for i in range(last) if i not in wish] or [0]
    return wish, rest, last


def features(sentences: Sequence[str], vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    wish, rest, last = layout(sentences)
    dim = vectors.shape[1]
    parts = [
        vectors[wish].mean(axis=0) if wish else np.zeros(dim, dtype=np.float32),
        vectors[rest].mean(axis=0),
        vectors[last],
        np.ones(1, dtype=np.float32),
    ]
    return np.concatenate(parts).astype(np.float32)


def softmax(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return np.asarray(e / e.sum(axis=-1, keepdims=True), dtype=np.float64)


def fit(
    x: npt.NDArray[np.float32], y: Sequence[int], *, l2: float = 1e-2, steps: int = 300
) -> npt.NDArray[np.float32]:
    """Class-balanced softmax regression over clusters 1–8 (``y`` holds 1–8), deterministic."""
    labels = np.asarray(y) - 1
    onehot = np.eye(8)[labels]
    counts = np.bincount(labels, minlength=8).astype(np.float64)
    weight = np.where(counts > 0, len(labels) / (8 * np.maximum(counts, 1)), 0.0)[labels]
    w = np.zeros((x.shape[1], 8))
    for _ in range(steps):
        p = softmax(x @ w)
        w -= x.T @ ((p - onehot) * weight[:, None]) / len(labels) + l2 * w
    return w.astype(np.float32)


@dataclass(frozen=True, slots=True)
class LearnedCoder:
    weights: dict[str, npt.NDArray[np.float32]]
    tau: dict[str, float]
    encoder_hash: str
    digest: str

    def probabilities(self, x: npt.NDArray[np.float32]) -> dict[str, npt.NDArray[np.float64]]:
        return {c: softmax((x @ self.weights[c]).astype(np.float64)) for c in COMPONENTS}

    def choose(
        self, component: str, probs: npt.NDArray[np.float64], rules: int | None
    ) -> tuple[int, float] | None:
        """The learned (cluster, probability) when it should replace the rules' cluster, else None."""
        best = int(np.argmax(probs))
        p = float(probs[best])
        if rules is None or (p >= self.tau[component] and best + 1 != rules):
            return best + 1, p
        return None


def load(directory: Path = HEAD_DIR) -> LearnedCoder | None:
    weights_file, manifest_file = directory / "head.npz", directory / "manifest.json"
    if not weights_file.is_file() or not manifest_file.is_file():
        return None
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    if manifest.get("schema") != SCHEMA:
        return None
    with np.load(weights_file) as data:
        weights = {c: np.asarray(data[c], dtype=np.float32) for c in COMPONENTS}
    digest = hashlib.sha256(weights_file.read_bytes()).hexdigest()[:12]
    tau = {c: float(manifest["tau"][c]) for c in COMPONENTS}
    return LearnedCoder(weights, tau, str(manifest["encoder"]), digest)


@lru_cache(maxsize=1)
def shared() -> LearnedCoder | None:
    return load()
