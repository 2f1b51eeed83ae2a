"""A learned W / RO / RS coder on the shared encoder's sentence vectors, over the CCRT rules' codes.

Per episode, the features are three 384-d parts: the mean vector of its wish sentences ("I wanted / needed /
hoped …"), of its other sentences but the last, and of its last sentence (where the writer's response usually
is); then, for a head with ``acts`` in its manifest (since episodes 1.6.0), the mean vector of the sentences
where the other acts and of those where the writer responds (the rules' candidates; in the shipped head only the
RO head reads them, the W and RS weights there are zero); then, for a head with ``response_sentence`` (since
episodes 1.12.0), the vector of the sentence the rules' RO is read from (zeros where the rules left RO open;
read by the RO head only); then, for a stacked head (``stacked`` in the manifest), the rules' W, RO and RS clusters one-hot (8 + 8 + 8,
zeros where the rules left a component open or the head is not stacked) and a bias. Per component, a class-balanced softmax regression over the eight clusters
(``models/ccrt/head.npz``, trained by ``scripts/train_ccrt.py`` on Reverie's own hand-coded vignettes, its
thresholds chosen by cross-validation grouped by vignette batch).

The decision per component (:meth:`LearnedCoder.decide`), with ``p`` the learned probabilities:

- the rules coded cluster ``r``: the learned cluster replaces it when it differs and its probability reaches
  ``replace``; ``r`` is left open (abstained) when ``p[r]`` is under ``keep``; otherwise ``r`` stays;
- the rules left the component open: the learned cluster fills it when its probability reaches ``fill``, else
  it stays open;
- RO is never filled when the other does nothing that could be a response (scene-setting, or only the writer's
  wishes, fears and imaginings): "when no response is stated, RO is absent";
- an RS the rules read from a stated feeling ("I felt small") is never replaced (a stated feeling outranks a
  trailing clause).

The thresholds are chosen so that a code shown is more likely right than wrong on batches the head never saw.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reverie.analysis.registry import file_sha256

if TYPE_CHECKING:
    import numpy.typing as npt

HEAD_DIR = Path(__file__).resolve().parent / "models" / "ccrt"
SCHEMA = "reverie.ccrt-head/2"
COMPONENTS = ("w", "ro", "rs")
DIM = 384
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


def features(
    sentences: Sequence[str],
    vectors: npt.NDArray[np.float32],
    rules: Mapping[str, int | None] | None = None,
    acts: tuple[Sequence[int], Sequence[int]] | None = None,
    response_at: tuple[int | None] | None = None,
) -> npt.NDArray[np.float32]:
    """The feature row of one episode: its sentences, their vectors (one row each), the rules' clusters and,
    when given, where the other acts and where the writer responds (positions among ``sentences``) and, for a
    head with ``response_sentence`` (episodes 1.12.0), ``(position,)`` of the sentence the rules' RO is read
    from (``(None,)``: the rules left RO open; the part is zeros)."""
    wish, rest, last = layout(sentences)
    dim = vectors.shape[1]
    zeros = np.zeros(dim, dtype=np.float32)
    onehot = np.zeros(8 * len(COMPONENTS), dtype=np.float32)
    for k, component in enumerate(COMPONENTS):
        number = (rules or {}).get(component)
        if number is not None:
            onehot[8 * k + number - 1] = 1.0
    parts = [
        vectors[wish].mean(axis=0) if wish else np.zeros(dim, dtype=np.float32),
        vectors[rest].mean(axis=0),
        vectors[last],
        *([vectors[list(a)].mean(axis=0) if len(a) else zeros for a in acts] if acts is not None else []),
        *([zeros if at is None else vectors[at] for at in response_at] if response_at is not None else []),
        onehot,
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
    x64 = x.astype(np.float64)  # once, not at every step (the same arithmetic, several times faster)
    for _ in range(steps):
        p = softmax(x64 @ w)
        w -= x64.T @ ((p - onehot) * weight[:, None]) / len(labels) + l2 * w
    return w.astype(np.float32)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Per component: replace the rules' cluster at ``replace``, keep it only from ``keep``, fill at ``fill``."""

    replace: float
    keep: float
    fill: float


def decide_one(
    component: str,
    probs: npt.NDArray[np.float64],
    rules: int | None,
    thresholds: Thresholds,
    *,
    response: bool = True,
    felt: bool = False,
) -> tuple[int | None, float]:
    """The cluster shown for one component (None: left open) and the probability behind it."""
    best = int(np.argmax(probs))
    p = float(probs[best])
    if rules is not None:
        if component == "rs" and felt:
            return rules, float(probs[rules - 1])
        if best + 1 != rules and p >= thresholds.replace:
            return best + 1, p
        if float(probs[rules - 1]) < thresholds.keep:
            return None, float(probs[rules - 1])
        return rules, float(probs[rules - 1])
    if component == "ro" and not response:
        return None, p
    return (best + 1, p) if p >= thresholds.fill else (None, p)


@dataclass(frozen=True, slots=True)
class LearnedCoder:
    weights: dict[str, npt.NDArray[np.float32]]
    thresholds: dict[str, Thresholds]
    encoder_hash: str
    digest: str
    prototypes: bool = False  # whether the nearest prototypes still fill open components before this coder
    stacked: bool = False  # whether the features carry the rules' codes (else those 24 inputs are zeros)
    acts: bool = (
        False  # whether the features carry the sentences of the other's acts and the writer's responses
    )
    response_sentence: bool = False  # whether the features carry the sentence of the rules' RO (1.12.0)

    def probabilities(self, x: npt.NDArray[np.float32]) -> dict[str, npt.NDArray[np.float64]]:
        return {c: softmax((x @ self.weights[c]).astype(np.float64)) for c in COMPONENTS}

    def decide(
        self,
        x: npt.NDArray[np.float32],
        rules: Mapping[str, int | None],
        *,
        response: bool = True,
        felt: bool = False,
    ) -> dict[str, tuple[int | None, float]]:
        """Per component, the cluster shown (None: left open) and its learned probability."""
        probs = self.probabilities(x)
        return {
            c: decide_one(c, probs[c], rules.get(c), self.thresholds[c], response=response, felt=felt)
            for c in COMPONENTS
        }


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
    thresholds = {
        c: Thresholds(**{k: float(v) for k, v in manifest["thresholds"][c].items()}) for c in COMPONENTS
    }
    return LearnedCoder(
        weights,
        thresholds,
        str(manifest["encoder"]),
        digest,
        bool(manifest.get("prototypes", False)),
        bool(manifest.get("stacked", False)),
        bool(manifest.get("acts", False)),
        bool(manifest.get("response_sentence", False)),
    )


def declared_digest(directory: Path = HEAD_DIR) -> str | None:
    """The digest :func:`load` gives the head, without loading it (its file hash, cached by modification time), or
    None where :func:`load` finds none."""
    weights_file, manifest_file = directory / "head.npz", directory / "manifest.json"
    if not weights_file.is_file() or not manifest_file.is_file():
        return None
    if json.loads(manifest_file.read_text(encoding="utf-8")).get("schema") != SCHEMA:
        return None
    return file_sha256(weights_file)[:12]


@lru_cache(maxsize=1)
def shared() -> LearnedCoder | None:
    return load()
