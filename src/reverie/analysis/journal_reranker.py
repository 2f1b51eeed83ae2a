"""Emotions 1.23.0 (h192): a re-ranker learned on the project's labelled journal lines.

The emotions analyzer reads an entry (head, then the journal layer); this module re-reads the entry's candidate
feelings with a small logistic model trained on the seen journal batches (``tests/fixtures/emotion_journal*.jsonl``,
``scripts/train_journal_reranker.py``). The candidates are the feelings the reading credits to the writer, the head's
most likely other feeling, and ``neutral`` (an abstention). Each gets a probability that it is a plausible reading of
the writer's own feeling; the best one comes first (``neutral`` best: the entry abstains), and a credited feeling
under :data:`KEEP` is no longer credited. Features come from what the analyzer already computed in its one encoder
pass (the head's probabilities, the layer's marks: stated, sign, together, implied, someone else's), the label's
one-hot and a journal head's score (:class:`JournalHead`: a ridge regression from the entry's mean sentence vectors,
learned on the same lines); nothing is encoded again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from reverie.analysis.emotion_scope import NEGATIVE, POSITIVE
from reverie.errors import AnalysisUnavailable

if TYPE_CHECKING:
    import numpy.typing as npt

    from reverie.analysis.findings import Finding

NEUTRAL = "neutral"
OTHERS = 3  # the head's best feelings the reading does not credit, asked too
RIDGE = (
    100.0  # the journal head's L2 strength (h192: chosen among 3 settings, leave one file out, simulation)
)
KEEP = 0.5  # a credited feeling the model gives under even odds of being plausible is no longer credited
FEATURES = (
    "p",  # the head's probability (the most over the entry's sentences)
    "rank",  # 1 / its place among the head's labels by that probability (1 = the head's first)
    "neutral_p",  # the head's neutral probability (most over sentences): how little the entry reads as feeling
    "credited",  # the reading credits it to the writer
    "top",  # the reading's first feeling (for neutral: the reading abstains)
    "confidence",  # the credited finding's confidence (0 where not credited)
    "stated",  # the writer names it
    "sign",  # read from a bodily sign
    "together",  # named joined to another named feeling
    "implied",  # the situation head's reading
    "other",  # the layer reads it as someone else's feeling
    "neutral",  # the candidate is the abstention
    "positive",  # GoEmotions' positive group
    "negative",  # GoEmotions' negative group
    "credited_count",  # 1 / (1 + feelings credited to the writer)
    "sentences",  # the entry has more than one sentence
)


@dataclass(frozen=True, slots=True)
class Candidates:
    """An entry's candidate labels and their feature rows (``len(labels)`` x ``len(FEATURES)``)."""

    labels: tuple[str, ...]
    x: npt.NDArray[np.float64]


def candidates(
    entry: Sequence[Finding],
    sentence_findings: Sequence[Finding],
    probs: npt.NDArray[np.float32],
    labels: Sequence[str],
    top: str,
) -> Candidates:
    """The candidates of one entry: ``entry`` (its entry-scope findings), ``sentence_findings`` (its sentence- and
    other-scope findings), ``probs`` (sentences x labels, the head's), ``labels`` (the head's) and ``top`` (the
    reading's first feeling, ``neutral`` where it abstains)."""
    most = probs.max(axis=0) if probs.size else np.zeros(len(labels))
    column = {label: j for j, label in enumerate(labels)}
    order = np.argsort(-most, kind="stable")
    place = {labels[int(j)]: k + 1 for k, j in enumerate(order)}
    credited = {f.label: f for f in entry if f.label != NEUTRAL}
    others = {f.label for f in sentence_findings if f.data.get("scope") == "other"}
    implied = {f.label for f in sentence_findings if f.data.get("implied")}
    rest = [labels[int(j)] for j in order if labels[int(j)] not in credited and labels[int(j)] != NEUTRAL]
    names = [*credited, *rest[:OTHERS], NEUTRAL]
    neutral_p = float(most[column[NEUTRAL]]) if NEUTRAL in column else 0.0
    rows = []
    for label in names:
        found = credited.get(label)
        data = found.data if found is not None else {}
        rows.append(
            [
                float(most[column[label]]) if label in column else 0.0,
                1.0 / place.get(label, len(labels)),
                neutral_p,
                float(found is not None or (label == NEUTRAL and not credited)),
                float(label == top),
                float(found.confidence) if found is not None else 0.0,
                float(bool(data.get("stated"))),
                float(bool(data.get("sign"))),
                float(bool(data.get("together"))),
                float(label in implied),
                float(label in others),
                float(label == NEUTRAL),
                float(label in POSITIVE),
                float(label in NEGATIVE),
                1.0 / (1 + len(credited)),
                float(probs.shape[0] > 1),
            ]
        )
    return Candidates(tuple(names), np.asarray(rows, dtype=np.float64).reshape(len(names), len(FEATURES)))


@dataclass(frozen=True, slots=True)
class JournalHead:
    """Per label, a ridge score of "plausible here" from the entry's mean sentence vectors (base and top layer, side
    by side, from the one encoder pass), learned on the journal lines: one more feature per candidate."""

    labels: tuple[str, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    w: npt.NDArray[np.float64]  # (dim, labels)
    bias: npt.NDArray[np.float64]

    def scores(self, vectors: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Rows of vectors (n x dim) -> n x labels."""
        return np.asarray(((vectors - self.mean) / self.scale) @ self.w + self.bias, dtype=np.float64)

    def to_json(self) -> dict[str, object]:
        return {
            "labels": list(self.labels),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "w": [[round(float(v), 6) for v in row] for row in self.w],
            "bias": [round(float(v), 6) for v in self.bias],
        }

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> JournalHead:
        return cls(
            labels=tuple(raw["labels"]),  # type: ignore[arg-type]
            mean=np.asarray(raw["mean"], dtype=np.float64),
            scale=np.asarray(raw["scale"], dtype=np.float64),
            w=np.asarray(raw["w"], dtype=np.float64),
            bias=np.asarray(raw["bias"], dtype=np.float64),
        )


def ridge(vectors: npt.NDArray[np.float64], y: npt.NDArray[np.float64], labels: Sequence[str]) -> JournalHead:
    """The journal head fitted in closed form (L2 :data:`RIDGE`) on standardised vectors."""
    mean = vectors.mean(axis=0)
    scale = vectors.std(axis=0) + 1e-6
    z = (vectors - mean) / scale
    bias = y.mean(axis=0)
    w = np.linalg.solve(z.T @ z + RIDGE * np.eye(z.shape[1]), z.T @ (y - bias))
    return JournalHead(tuple(labels), mean, scale, w, bias)


def extended(
    found: Candidates, head: JournalHead, vector: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """The candidates' rows with the journal head's score and the label's one-hot (in ``head.labels`` order)."""
    scores = head.scores(vector[None, :])[0]
    column = {label: j for j, label in enumerate(head.labels)}
    extra = np.zeros((len(found.labels), 1 + len(head.labels)))
    for i, label in enumerate(found.labels):
        if label in column:
            extra[i, 0] = scores[column[label]]
            extra[i, 1 + column[label]] = 1.0
    return np.hstack([found.x, extra])


@dataclass(frozen=True, slots=True)
class Reranker:
    """A logistic model over :data:`FEATURES` (standardised by ``mean`` and ``scale``); with a ``journal`` head, over
    :func:`extended` rows."""

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]
    bias: float
    keep: float = KEEP
    digest: str = ""
    journal: JournalHead | None = None

    @classmethod
    def from_json(cls, raw: dict[str, object], digest: str = "") -> Reranker:
        if tuple(raw.get("features", ()))[: len(FEATURES)] != FEATURES:  # type: ignore[arg-type]
            raise ValueError("features")
        journal = raw.get("journal")
        return cls(
            mean=np.asarray(raw["mean"], dtype=np.float64),
            scale=np.asarray(raw["scale"], dtype=np.float64),
            weights=np.asarray(raw["weights"], dtype=np.float64),
            bias=float(raw["bias"]),  # type: ignore[arg-type]
            keep=float(raw.get("keep", KEEP)),  # type: ignore[arg-type]
            digest=digest,
            journal=JournalHead.from_json(journal) if isinstance(journal, dict) else None,
        )

    @classmethod
    def load(cls, path: Path, digest: str = "") -> Reranker:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls.from_json(raw, digest)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise AnalysisUnavailable(
                f"The emotion re-ranker {path.name} is missing or unreadable; reinstall Reverie."
            ) from exc

    def scores(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Per row, the probability that the candidate is a plausible reading of the writer's own feeling."""
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def choose(
        self, found: Candidates, credited: Sequence[str], vector: npt.NDArray[np.float64] | None = None
    ) -> tuple[str, dict[str, float]]:
        """The label that comes first (``neutral``: abstain) and the score of each label kept credited (the first
        included, unless it is ``neutral``). ``vector``: the entry's mean sentence vectors, which a ``journal`` head
        reads (without one, the head's features are left out: the base model alone is not defined, so it abstains
        from re-ranking and keeps the reading's order)."""
        if self.journal is not None:
            if vector is None:
                return self._unchanged(found, credited)
            s = self.scores(extended(found, self.journal, vector))
        else:
            s = self.scores(found.x)
        scored = {label: float(v) for label, v in zip(found.labels, s.tolist(), strict=True)}
        first = max(found.labels, key=lambda label: (scored[label], -found.labels.index(label)))
        if first == NEUTRAL:
            return first, {}
        kept = {label: scored[label] for label in credited if label != NEUTRAL and scored[label] >= self.keep}
        kept[first] = scored[first]
        return first, kept

    @staticmethod
    def _unchanged(found: Candidates, credited: Sequence[str]) -> tuple[str, dict[str, float]]:
        top = found.x[:, FEATURES.index("top")]
        first = found.labels[int(np.argmax(top))]
        if first == NEUTRAL:
            return first, {}
        return first, {label: (1.0 if label == first else 0.5) for label in credited if label != NEUTRAL}


def fit(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64], c: float) -> dict[str, object]:
    """A logistic model on standardised features (L2, inverse strength ``c``), as the artefact stores it."""
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit((x - mean) / scale, y)
    return {
        "features": list(FEATURES),
        "mean": [round(float(v), 8) for v in mean],
        "scale": [round(float(v), 8) for v in scale],
        "weights": [round(float(v), 8) for v in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 8),
        "keep": KEEP,
        "c": c,
    }
