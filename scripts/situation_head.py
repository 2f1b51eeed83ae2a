"""The implied-feeling head's reading (e14): a softmax over situation labels on the encoder's sentence vector(s),
asked only where the journal layer abstained on the whole entry with nothing denied, hedged or someone else's.

Pure functions over plain data, shared by ``scripts/train_situations.py`` (the bank's held rows) and
``scripts/situation_simulation.py`` (the journal sets): the head reads the vectors the pipeline's one encoder pass
already has (the base sentence vector, the emotions top layer's, or both side by side: ``features``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

NEUTRAL = "neutral"
FEATURES = ("base", "top", "both")
# the writer is in the situation: a first-person word, or a clause opening on its verb with the subject left out
# ("Lost a patient at 4am"); a plain third-person situation ("The new guy got the corner office") is not read
_FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|we've|us|our|ours|ourselves)\b",
    re.IGNORECASE,
)
_VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP", "VB"})


@dataclass(frozen=True, slots=True)
class SituationHead:
    """Multinomial logistic regression: ``softmax(x @ weight.T + bias)``; ``x`` as ``features`` names it."""

    labels: tuple[str, ...]
    weight: npt.NDArray[np.float32]  # (n_labels, dim)
    bias: npt.NDArray[np.float32]
    features: str
    gate: float

    @classmethod
    def load(cls, path: Path, features: str, gate: float) -> SituationHead:
        with np.load(path, allow_pickle=False) as raw:
            labels = bytes(raw["labels"].tobytes()).decode("utf-8").split("\n")
            return cls(tuple(labels), raw["weight"], raw["bias"], features, gate)

    def probabilities(
        self, base: npt.NDArray[np.float32], top: npt.NDArray[np.float32] | None
    ) -> npt.NDArray[np.float32]:
        x = join_features(base, top, self.features)
        logits = x @ self.weight.T + self.bias
        logits = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        out: npt.NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


def join_features(
    base: npt.NDArray[np.float32], top: npt.NDArray[np.float32] | None, features: str
) -> npt.NDArray[np.float32]:
    if features == "base":
        return base
    if top is None:
        raise ValueError("this head reads the top layer's vectors, which the encoder did not give")
    return top if features == "top" else np.hstack([base, top]).astype(np.float32)


def writers_situation(sentence: str, tags: Sequence[str]) -> bool:
    """The sentence tells a situation of the writer's: a first-person word, or it opens on its verb."""
    return bool(_FIRST_PERSON.search(sentence)) or bool(tags and tags[0] in _VERB_TAGS)


def implied(
    head: SituationHead,
    probs: npt.NDArray[np.float32],
    eligible: Sequence[bool],
) -> tuple[int, str, float] | None:
    """The best sentence's implied feeling ``(index, label, p)``: the most probable non-neutral label over the
    eligible sentences, shown only where it is the sentence's top label and reaches the gate; else ``None``."""
    neutral = head.labels.index(NEUTRAL) if NEUTRAL in head.labels else -1
    best: tuple[int, str, float] | None = None
    for i, row in enumerate(probs):
        j = int(np.argmax(row))
        if not eligible[i] or j == neutral or float(row[j]) < head.gate:
            continue
        if best is None or float(row[j]) > best[2]:
            best = (i, head.labels[j], float(row[j]))
    return best
