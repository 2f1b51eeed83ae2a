"""Emotions: the 27 GoEmotions emotions + neutral, several at once, per sentence and per entry, with intensity.

The head reads the shared encoder's sentence vectors and, where the artefact carries them, TF-IDF word
1-2-gram features computed here in numpy (see ``scripts/train_emotions.py`` and ``docs/models.md``).
Per label, a probability over its tuned threshold makes a finding; a sentence with none over threshold gets
its single most likely label, as in training and evaluation. On top of the head, :mod:`emotion_scope` drops
denied feelings ("I wasn't happy") and marks feelings that belong to someone else ("my mother was proud of
me": ``scope = "other"``, ``holder``); those never count among the writer's feelings for the entry.

Where the emotions manifest switches it on (``top_layer.enabled``) and the encoder's graph has the second output,
the head is blended with the **top layer**: a fine-tuned copy of the encoder's last layer (computed in the same
encoder pass, ``Document.emotion_embeddings``) under a linear head (``top.npz``),
``p = (1 - blend) p_head + blend p_top``, with its own per-label thresholds. Without those vectors (an encoder
with one output, a test double) the head alone reads, with its own thresholds (``EmotionHead.reading_for``).

Since 1.22.0 (h186) the **owner head** (``owner.npz``, :class:`OwnerHead`, ``scripts/train_emotion_owner.py``) reads
the same sentence vectors (base and top layer) with each label the head gives that the writer does not name, and
drops the label where the sentence does not assert it as the writer's own (someone else's, negated, hoped, asked,
praise said over a mishap): a learned reading trained on GoEmotions and a written bank, not a rule per phrasing.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis.emotion_scope import (
    EmotionWord,
    Gate,
    Reading,
    _fragment,
    cues,
    decide,
    emotion_words,
    family,
    good_news,
    insistent_spans,
    intention,
    named_together,
    plain,
    words_text,
)
from reverie.analysis.encoder import encode_both
from reverie.analysis.findings import Finding, Span
from reverie.analysis.journal_reranker import Candidates, Reranker, candidates
from reverie.analysis.regex_gate import TextGate
from reverie.analysis.registry import Declaration, register
from reverie.analysis.situations import SituationHead, implied, load_situations, untouched, writers_situation
from reverie.errors import AnalysisUnavailable

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy.typing as npt

    from reverie.analysis.document import Document

MODEL_DIR = Path(__file__).resolve().parent / "models" / "emotions"
ENCODER_MANIFEST = Path(__file__).resolve().parent / "models" / "encoder" / "manifest.json"
NEUTRAL = "neutral"
VERSION = "1.23.0"  # h192: a re-ranker learned on the seen journal batches (journal_reranker)
READ_SITUATIONS = True  # scripts/situation_simulation.py measures the layer without the situation head

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_INTENSIFIERS = frozenset(
    [
        "very",
        "so",
        "really",
        "extremely",
        "incredibly",
        "totally",
        "absolutely",
        "utterly",
        "deeply",
        "completely",
        "terribly",
        "awfully",
        "super",
        "truly",
        "seriously",
        "insanely",
    ]
)
_DOWNTONERS = re.compile(
    r"\b(a bit|a little|slightly|kind of|kinda|sort of|somewhat|mildly)\b", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True, slots=True)
class NgramFeatures:
    """TF-IDF over word 1-2-grams with sublinear tf and L2 norm, equal to scikit-learn's ``TfidfVectorizer``."""

    vocabulary: dict[str, int]
    idf: npt.NDArray[np.float32]
    weight: npt.NDArray[np.float32]  # (n_terms, n_labels)

    def logits(self, text: str) -> npt.NDArray[np.float32]:
        tokens = _TOKEN.findall(text.lower())
        grams = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
        counts = Counter(self.vocabulary[g] for g in grams if g in self.vocabulary)
        if not counts:
            return np.zeros(self.weight.shape[1], dtype=np.float32)
        index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32)
        values = (tf * self.idf[index]).astype(np.float32)
        values /= np.float32(np.linalg.norm(values))
        out: npt.NDArray[np.float32] = values @ self.weight[index]
        return out


@dataclass(frozen=True, slots=True)
class MlpBlend:
    """An MLP on the same sentence vector (one ReLU layer, sigmoid outputs), blended with the linear head:
    ``p = (1 - blend) * p_linear + blend * p_mlp``."""

    w1: npt.NDArray[np.float32]  # (dim, hidden)
    b1: npt.NDArray[np.float32]
    w2: npt.NDArray[np.float32]  # (hidden, n_labels)
    b2: npt.NDArray[np.float32]
    scale: float
    blend: float

    def probabilities(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        hidden = np.maximum(0.0, (vectors * np.float32(self.scale)) @ self.w1 + self.b1)
        out: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-(hidden @ self.w2 + self.b2)))).astype(
            np.float32
        )
        return out


@dataclass(frozen=True, slots=True)
class TopLayer:
    """The linear head on the top layer's sentence vector, its blend weight with the head, and the thresholds
    tuned for the blend (GoEmotions dev)."""

    weight: npt.NDArray[np.float32]  # (n_labels, dim)
    bias: npt.NDArray[np.float32]
    scale: float
    blend: float
    thresholds: npt.NDArray[np.float32]

    @classmethod
    def load(cls, path: Path) -> TopLayer:
        try:
            with np.load(path, allow_pickle=False) as raw:
                return cls(
                    weight=raw["weight"].astype(np.float32),
                    bias=raw["bias"].astype(np.float32),
                    scale=float(raw["scale"]),
                    blend=float(raw["blend"]),
                    thresholds=raw["thresholds"].astype(np.float32),
                )
        except (OSError, ValueError, KeyError) as exc:
            raise AnalysisUnavailable(
                f"The emotion top layer {path.name} is missing or unreadable; reinstall Reverie."
            ) from exc

    def probabilities(self, vectors: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        logits = np.float32(self.scale) * (vectors @ self.weight.T) + self.bias
        out: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        return out


@dataclass(frozen=True, slots=True)
class EmotionHead:
    """Linear multi-label head: ``sigmoid(scale * vector @ weight.T + ngram_logits + bias)``, optionally
    blended with an MLP on the same vector."""

    labels: tuple[str, ...]
    weight: npt.NDArray[np.float32]  # (n_labels, dim)
    bias: npt.NDArray[np.float32]
    scale: float
    thresholds: npt.NDArray[np.float32]
    ngrams: NgramFeatures | None
    mlp: MlpBlend | None = None
    top: TopLayer | None = None
    """The top layer blended in; then ``thresholds`` are the blend's and ``alone`` is the head without it."""
    alone: EmotionHead | None = None
    by_label: dict[str, float] = field(init=False, repr=False, compare=False)
    """The thresholds by label, built with the head (``dataclasses.replace`` builds them anew)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_label", dict(zip(self.labels, self.thresholds.tolist(), strict=True)))

    @classmethod
    def load(cls, path: Path) -> EmotionHead:
        try:
            with np.load(path, allow_pickle=False) as raw:
                arrays = {name: raw[name] for name in raw.files}
        except (OSError, ValueError) as exc:
            raise AnalysisUnavailable(
                f"The emotion model {path.name} is missing or unreadable; reinstall Reverie."
            ) from exc
        ngrams = None
        if "ngram_vocab" in arrays:
            terms = _split(arrays["ngram_vocab"])
            ngrams = NgramFeatures(
                vocabulary={term: i for i, term in enumerate(terms)},
                idf=arrays["ngram_idf"].astype(np.float32),
                weight=arrays["ngram_weight"].astype(np.float32),
            )
        mlp = None
        if "mlp_w1" in arrays:
            mlp = MlpBlend(
                w1=arrays["mlp_w1"].astype(np.float32),
                b1=arrays["mlp_b1"].astype(np.float32),
                w2=arrays["mlp_w2"].astype(np.float32),
                b2=arrays["mlp_b2"].astype(np.float32),
                scale=float(arrays["mlp_scale"]),
                blend=float(arrays["mlp_blend"]),
            )
        return cls(
            labels=tuple(_split(arrays["labels"])),
            weight=arrays["weight"].astype(np.float32),
            bias=arrays["bias"].astype(np.float32),
            scale=float(arrays["scale"]),
            thresholds=arrays["thresholds"].astype(np.float32),
            ngrams=ngrams,
            mlp=mlp,
        )

    def with_top(self, top: TopLayer) -> EmotionHead:
        """This head blended with the top layer (the blend's thresholds; this head kept as the fallback)."""
        return replace(self, top=top, thresholds=top.thresholds, alone=self)

    def reading_for(self, top_vectors: npt.NDArray[np.float32] | None) -> EmotionHead:
        """The head to read with: this one, or the head alone where the encoder gave no top-layer vectors."""
        if self.top is None or top_vectors is not None or self.alone is None:
            return self
        return self.alone

    def probabilities(
        self,
        texts: list[str],
        vectors: npt.NDArray[np.float32],
        top_vectors: npt.NDArray[np.float32] | None = None,
    ) -> npt.NDArray[np.float32]:
        """One row of label probabilities per text, given that text's encoder vector (and, for a head with the
        top layer, the encoder's second vector: required; see :meth:`reading_for`)."""
        logits = self.scale * (vectors @ self.weight.T) + self.bias
        if self.ngrams is not None and texts:
            logits = logits + np.vstack([self.ngrams.logits(t) for t in texts])
        probs: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
        if self.mlp is not None:
            blend = np.float32(self.mlp.blend)
            probs = ((1 - blend) * probs + blend * self.mlp.probabilities(vectors)).astype(np.float32)
        if self.top is not None:
            if top_vectors is None:
                raise AnalysisUnavailable(
                    "The emotion top layer needs the sentence encoder's second output; read with the head alone."
                )
            blend = np.float32(self.top.blend)
            probs = ((1 - blend) * probs + blend * self.top.probabilities(top_vectors)).astype(np.float32)
        return probs

    def predict(self, probs: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_]:
        """Labels over threshold; a row with none gets its most likely label."""
        chosen = probs >= self.thresholds
        empty = ~chosen.any(axis=1)
        if empty.any():
            chosen[np.flatnonzero(empty), np.argmax(probs[empty], axis=1)] = True
        return chosen


@dataclass(frozen=True, slots=True)
class OwnerHead:
    """Whether a sentence asserts a label as the writer's own feeling (1.22.0, h186): one ReLU layer over the base
    sentence vector, the emotions top layer's vector and the label's one-hot; a label under ``gate`` is dropped."""

    labels: tuple[str, ...]
    w1: npt.NDArray[np.float32]  # (2 * dim + n_labels, hidden)
    b1: npt.NDArray[np.float32]
    w2: npt.NDArray[np.float32]  # (hidden, 1)
    b2: npt.NDArray[np.float32]
    gate: float
    digest: str = ""

    @classmethod
    def load(cls, path: Path, digest: str = "") -> OwnerHead:
        try:
            with np.load(path, allow_pickle=False) as raw:
                return cls(
                    labels=tuple(_split(raw["labels"])),
                    w1=raw["w1"].astype(np.float32),
                    b1=raw["b1"].astype(np.float32),
                    w2=raw["w2"].astype(np.float32),
                    b2=raw["b2"].astype(np.float32),
                    gate=float(raw["gate"]),
                    digest=digest,
                )
        except (OSError, ValueError, KeyError) as exc:
            raise AnalysisUnavailable(
                f"The emotion owner head {path.name} is missing or unreadable; reinstall Reverie."
            ) from exc

    def scores(
        self, vector: npt.NDArray[np.float32], top_vector: npt.NDArray[np.float32], labels: list[str]
    ) -> dict[str, float]:
        """Per label, the probability that the sentence (its two vectors) asserts it as the writer's own."""
        if not labels:
            return {}
        column = {label: j for j, label in enumerate(self.labels)}
        onehot = np.zeros((len(labels), len(self.labels)), dtype=np.float32)
        onehot[np.arange(len(labels)), [column[label] for label in labels]] = 1.0
        base = np.concatenate([vector, top_vector]).astype(np.float32)
        x = np.hstack([np.broadcast_to(base, (len(labels), base.shape[0])), onehot])
        hidden = np.maximum(0.0, x @ self.w1 + self.b1)
        logits = (hidden @ self.w2 + self.b2)[:, 0]
        p = 1.0 / (1.0 + np.exp(-logits))
        return {label: float(v) for label, v in zip(labels, p.tolist(), strict=True)}


def owned(
    reading: Reading,
    owner: OwnerHead | None,
    vector: npt.NDArray[np.float32] | None,
    top_vector: npt.NDArray[np.float32] | None,
    from_head: frozenset[str],
) -> Reading:
    """1.22.0 (h186): the reading without the head's labels that the owner head says the sentence does not assert as
    the writer's own. Only labels the layer took from the head as they were (``from_head``: the head's chosen
    labels) are asked: a feeling the writer names (``stated``), shows by a bodily sign, that answers a plan, or that
    the layer read in the head's place (a sign, a renamed or inferred feeling) is the layer's reading and stays. With
    every label gone the sentence abstains (``neutral``); the labels gone join ``dropped``."""
    if owner is None or vector is None or top_vector is None:
        return reading
    kept_by_layer = reading.stated | reading.signs | reading.ahead
    asked = [
        lab
        for lab in reading.labels
        if lab != NEUTRAL and lab in from_head and lab not in kept_by_layer and lab in owner.labels
    ]
    scores = owner.scores(vector, top_vector, asked)
    gone = {lab for lab, p in scores.items() if p < owner.gate}
    if not gone:
        return reading
    labels = tuple(lab for lab in reading.labels if lab not in gone) or (NEUTRAL,)
    return replace(
        reading,
        labels=labels,
        dropped=reading.dropped | gone,
        abstained=not (set(labels) - {NEUTRAL}),
    )


def load_owner(model_dir: Path = MODEL_DIR) -> OwnerHead | None:
    """The owner head where the manifest switches it on (``owner_head.enabled``), checked against its hash; else
    ``None`` (1.21.0's reading)."""
    found = _switched_on(model_dir, "owner_head", "owner head")
    return None if found is None else OwnerHead.load(*found)


def _switched_on(model_dir: Path, key: str, name: str) -> tuple[Path, str] | None:
    """The artefact (path, sha256) of a manifest part the manifest switches on (``key.enabled``), checked against its
    hash; ``None`` where it is off or absent."""
    spec = _read_json(model_dir / "manifest.json").get(key)
    if not isinstance(spec, dict) or not spec.get("enabled"):
        return None
    path = model_dir / str(spec.get("artefact", ""))
    digest = _sha256(path)
    if digest != spec.get("artefact_sha256"):
        raise AnalysisUnavailable(f"The emotion {name} does not match its manifest; reinstall Reverie.")
    return path, digest


def _with_switched_on(model_hash: str, manifest: dict[str, object], key: str, sep: str) -> str:
    """The model hash with a switched-on part's artefact hash after ``sep``; unchanged where the part is off."""
    spec = manifest.get(key)
    if not isinstance(spec, dict) or not spec.get("enabled"):
        return model_hash
    return f"{model_hash}{sep}{str(spec.get('artefact_sha256', ''))[:16]}"


def _with_owner(model_hash: str, manifest: dict[str, object]) -> str:
    """The model hash with the owner head's artefact hash after a slash, where the manifest switches it on."""
    return _with_switched_on(model_hash, manifest, "owner_head", "/")


def load_reranker(model_dir: Path = MODEL_DIR) -> Reranker | None:
    """The journal re-ranker where the manifest switches it on (``journal_reranker.enabled``), checked against its
    hash; else ``None`` (the reading without it)."""
    found = _switched_on(model_dir, "journal_reranker", "re-ranker")
    return None if found is None else Reranker.load(*found)


def _with_reranker(model_hash: str, manifest: dict[str, object]) -> str:
    """The model hash with the re-ranker's artefact hash after a colon, where the manifest switches it on."""
    return _with_switched_on(model_hash, manifest, "journal_reranker", ":")


def _split(raw: npt.NDArray[np.uint8]) -> list[str]:
    return bytes(raw.tobytes()).decode("utf-8").split("\n")


def intensity(probability: float, threshold: float, sentence: str) -> int:
    """1..5: how far over its threshold the label is (1..4), +1 for intensifiers or '!', -1 for downtoners."""
    margin = (probability - threshold) / max(1e-6, 1.0 - threshold)
    level = 1 + min(3, max(0, int(margin * 4)))
    words = _WORD.findall(sentence)
    if "!" in sentence or any(w.lower() in _INTENSIFIERS for w in words) or _shouts(words):
        level += 1
    if _DOWNTONERS.search(sentence):
        level -= 1
    return max(1, min(5, level))


def _shouts(words: list[str]) -> bool:
    return any(len(w) >= 3 and w.isupper() and w != "I" for w in words)


def declared_model_hash(model_dir: Path = MODEL_DIR, encoder_manifest: Path = ENCODER_MANIFEST) -> str:
    """The model hash :func:`load_head` gives, from the manifests alone (the artefact hashes they record, which
    :func:`load_head` checks), so the installed version is known without loading the head. Raises
    :class:`AnalysisUnavailable` where the head or the encoder is not installed (the pipeline then drops it)."""
    from reverie.analysis.onnx_encoder import installed_manifest

    installed_manifest(encoder_manifest.parent)
    manifest = _read_json(model_dir / "manifest.json")
    if not (model_dir / str(manifest.get("artefact", ""))).is_file():
        raise AnalysisUnavailable("The emotion model file is missing; reinstall Reverie.")
    alone_hash, top = _alone_hash(manifest, _read_json(encoder_manifest))
    if top is None:
        return alone_hash  # no top-layer vector: the owner head cannot read (see build)
    return _with_reranker(
        _with_owner(_with_top(alone_hash, str(top.get("artefact_sha256", ""))), manifest), manifest
    )


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=declared_model_hash,
    applies_to=None,
    requires=frozenset({"sentences", "embeddings"}),
)


class EmotionsAnalyzer:
    name = "emotions"
    version = DECLARED.version
    requires = DECLARED.requires
    produces = frozenset({"emotion"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def __init__(
        self,
        head: EmotionHead,
        model_hash: str,
        alone_hash: str | None = None,
        situations: SituationHead | None = None,
        owner: OwnerHead | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self.head = head
        self.reranker = (
            reranker  # 1.23.0 (h192): re-reads the entry's candidates (reverie.analysis.journal_reranker)
        )
        # the training script's hook: called with each entry's candidates (scripts/train_journal_reranker.py)
        self.recorder: (
            Callable[[str, Candidates, tuple[str, ...], npt.NDArray[np.float64] | None], None] | None
        ) = None
        self.model_hash = model_hash
        self._alone_hash = alone_hash or model_hash
        self.situations = situations  # 1.11.0: read where the layer abstains (reverie.analysis.situations)
        self.owner = (
            owner  # 1.22.0 (h186): drops the head's labels the sentence does not assert as the writer's
        )

    def run(self, doc: Document) -> list[Finding]:
        if not doc.sentences or doc.embeddings is None:
            return []
        reader = self.head.reading_for(doc.emotion_embeddings)
        if reader is not self.head:  # no top-layer vectors from this encoder: the head alone, its own hash
            return EmotionsAnalyzer(reader, self._alone_hash).run(doc)
        texts = [s.text for s in doc.sentences]
        probs = self.head.probabilities(texts, doc.embeddings, doc.emotion_embeddings)
        chosen = self.head.predict(probs)
        repeated = insistent_spans(doc.text)
        news = good_news(doc.text)
        tokens = [sentence_tokens(doc, i) for i in range(len(doc.sentences))]
        # each phrase pattern is first checked once against the whole document (regex_gate.TextGate: exact)
        word_gate = TextGate([words_text(t) for t in tokens])
        cue_gate = TextGate([plain(s.text) for s in doc.sentences])
        words = [emotion_words(t, gate=word_gate) for t in tokens]
        per_sentence = [
            self._sentence_findings(
                doc,
                i,
                probs[i],
                chosen[i],
                insistent=any(a < s.span.end and b > s.span.start for a, b in repeated),
                news=news,
                words=words[i],
                gate=cue_gate,
                together=named_together(tokens[i], words[i]),
            )
            for i, s in enumerate(doc.sentences)
        ]
        flat = [f for group, _ in per_sentence for f in group]
        own = [f for f in flat if f.data.get("scope") == "sentence"]
        entry = self._entry_findings(own)
        if all(clean for _, clean in per_sentence) and all(f.label == NEUTRAL for f in entry):
            sign = self._implied(doc, tokens)
            if sign is not None:
                flat.append(sign)
                entry = self._entry_findings([*own, sign])
        if self.reranker is not None or self.recorder is not None:
            entry = self._reranked(doc, probs, flat, entry)
        return flat + entry

    def _reranked(
        self, doc: Document, probs: npt.NDArray[np.float32], flat: list[Finding], entry: list[Finding]
    ) -> list[Finding]:
        """1.23.0 (h192): the entry's findings as the re-ranker reads them: the label it scores best first (each
        finding kept carries its score, ``rerank``, which :func:`rank` orders by), credited feelings it scores under
        its ``keep`` dropped, ``neutral`` alone where the abstention scores best."""
        found = candidates(entry, flat, probs, self.head.labels, top_emotion(entry))
        vector = (
            np.concatenate([doc.embeddings.mean(axis=0), doc.emotion_embeddings.mean(axis=0)]).astype(
                np.float64
            )
            if doc.embeddings is not None and doc.emotion_embeddings is not None
            else None
        )
        if self.recorder is not None:
            self.recorder(doc.text, found, tuple(f.label for f in entry), vector)
        if self.reranker is None:
            return entry
        first, kept = self.reranker.choose(found, [f.label for f in entry], vector)
        by_label = {f.label: f for f in entry}
        promoted = {label: self._read_on(label, probs) for label in kept if label not in by_label}
        # h196: the layer's rule holds for the re-ranker too: a sentence that only states a plan ("I want to bring
        # this to my next session.", 1.18.0, review r99) or an elliptical fragment gives no feeling the head alone
        # reads, where the writer states none there; the head's other feeling is not put first from it
        kept = {
            label: score
            for label, score in kept.items()
            if label not in promoted or not self._says_no_feeling(doc, flat, promoted[label])
        }
        if not kept:
            first = NEUTRAL
        spans = tuple(s.span for s in doc.sentences)
        if first == NEUTRAL:
            column = self.head.labels.index(NEUTRAL)
            p = float(probs[:, column].max())
            data: dict[str, object] = {
                "scope": "entry",
                "sentences": len(spans),
                "intensity": 1,
                "rerank": 1.0,
            }
            return [self._finding(NEUTRAL, p, spans, data)]
        out = []
        for label, score in kept.items():
            was = by_label.get(label)
            if was is not None:
                out.append(replace(was, data={**was.data, "rerank": round(score, 4)}))
                continue
            j = self.head.labels.index(label)  # the head's best other feeling, put first
            i = promoted[label]
            p, threshold = float(probs[i, j]), float(self.head.thresholds[j])
            level = intensity(max(p, threshold), threshold, doc.sentences[i].text)
            data = {"scope": "entry", "sentences": 1, "intensity": level, "rerank": round(score, 4)}
            out.append(self._finding(label, p, (doc.sentences[i].span,), data))
        return sorted(out, key=rank)

    def _read_on(self, label: str, probs: npt.NDArray[np.float32]) -> int:
        """The sentence the head reads ``label`` most on (where a promoted feeling is quoted)."""
        return int(np.argmax(probs[:, self.head.labels.index(label)]))

    @staticmethod
    def _says_no_feeling(doc: Document, flat: list[Finding], index: int) -> bool:
        """h196: sentence ``index`` only states a plan (``emotion_scope.intention``) or is a fragment ("Couldn't.")
        and the writer states no feeling in it: the journal layer lets the head alone read nothing there."""
        text = plain(doc.sentences[index].text)
        if not (intention(text) or _fragment(text)):
            return False
        return not any(
            f.data.get("sentence") == index and f.data.get("stated") and f.data.get("scope") == "sentence"
            for f in flat
        )

    def _implied(self, doc: Document, tokens: list[list[Any]]) -> Finding | None:
        """1.11.0: the feeling the writer's situation implies, a sign (see :mod:`situations`), or ``None``."""
        head = self.situations
        if (
            head is None
            or not READ_SITUATIONS
            or doc.embeddings is None
            or (head.features != "base" and doc.emotion_embeddings is None)
        ):
            return None
        probs = head.probabilities(doc.embeddings, doc.emotion_embeddings)
        mine = [writers_situation(s.text, [t.tag_ for t in tokens[i]]) for i, s in enumerate(doc.sentences)]
        found = implied(head, probs, mine)
        if found is None:
            return None
        index, label, p = found
        sentence = doc.sentences[index]
        data: dict[str, object] = {
            "scope": "sentence",
            "sentence": index,
            "intensity": intensity(p, head.gate, sentence.text),
            "implied": True,
            "situation_model": head.digest[:16],
        }
        return self._finding(label, p, (sentence.span,), data)

    def _sentence_findings(
        self,
        doc: Document,
        index: int,
        probs: npt.NDArray[np.float32],
        chosen: npt.NDArray[np.bool_],
        *,
        insistent: bool = False,
        news: bool = False,
        words: list[EmotionWord] | None = None,
        gate: Gate | None = None,
        together: frozenset[str] = frozenset(),
    ) -> tuple[list[Finding], bool]:
        """The sentence's findings, and whether nothing in it bars the situation head (:func:`untouched`).
        ``together``: the labels of feelings the writer names joined to another (:func:`named_together`)."""
        sentence = doc.sentences[index]
        following = doc.sentences[index + 1].text if index + 1 < len(doc.sentences) else ""
        previous = doc.sentences[index - 1].text if index > 0 else ""
        earlier = doc.sentences[index - 2].text if index > 1 else ""  # 1.18.1: a sarcastic run's mishap
        if words is None:
            words = sentence_emotion_words(doc, index)
        reading = apply_scope(
            self.head,
            probs,
            chosen,
            words,
            sentence.text,
            following,
            insistent,
            previous=previous,
            earlier=earlier,
            news=news,
            gate=gate,
        )
        if self.owner is not None and doc.embeddings is not None and doc.emotion_embeddings is not None:
            from_head = frozenset(self.head.labels[j] for j in np.flatnonzero(chosen))
            reading = owned(
                reading, self.owner, doc.embeddings[index], doc.emotion_embeddings[index], from_head
            )
        out = []
        column = {label: j for j, label in enumerate(self.head.labels)}
        for label in reading.labels:
            j = column[label]
            p, threshold = float(probs[j]), float(self.head.thresholds[j])
            level = intensity(max(p, threshold), threshold, sentence.text)
            if label in reading.ahead:  # 1.19.0 (h130): the sign answers the plan before it: the head's pick
                p = max(p, threshold)
            data: dict[str, object] = {"scope": "sentence", "sentence": index, "intensity": level}
            if label in reading.stated:
                data["stated"] = True
                if together & family(label):
                    # 1.20.0 (h182): named joined to another feeling the writer names ("furious and also somehow
                    # relieved"): the head's probability is shared between the two (anger 0.025), the words are not
                    data["together"] = True
            elif label in reading.signs:
                data["sign"] = (
                    True  # 1.16.0: read from a bodily sign the writer names, not the feeling itself
                )
            out.append(self._finding(label, p, (sentence.span,), data))
        for label, holder in reading.others.items():
            j = column[label]
            p, threshold = float(probs[j]), float(self.head.thresholds[j])
            level = intensity(max(p, threshold), threshold, sentence.text)
            data = {"scope": "other", "sentence": index, "intensity": level, "holder": holder}
            out.append(self._finding(label, p, (sentence.span,), data))
        return out, untouched(reading, words)

    def _entry_findings(self, sentence_findings: list[Finding]) -> list[Finding]:
        by_label: dict[str, list[Finding]] = {}
        for finding in sentence_findings:
            by_label.setdefault(finding.label, []).append(finding)
        if len(by_label) > 1:
            by_label.pop(NEUTRAL, None)  # an entry is neutral only when nothing else was felt
        out = []
        for label, found in by_label.items():
            spans = tuple(sorted({s for f in found for s in f.spans}, key=lambda s: s.start))
            data: dict[str, object] = {
                "scope": "entry",
                "sentences": len(found),
                "intensity": max(int(f.data["intensity"]) for f in found),
            }
            if any(f.data.get("stated") for f in found):
                data["stated"] = True
                if any(f.data.get("together") for f in found):
                    data["together"] = True
            elif any(f.data.get("sign") for f in found):
                data["sign"] = True
            out.append(self._finding(label, max(f.confidence for f in found), spans, data))
        return sorted(out, key=rank)

    def _finding(self, label: str, p: float, spans: tuple[Span, ...], data: dict[str, object]) -> Finding:
        return Finding(self.name, self.version, self.model_hash, "emotion", label, p, spans, data)


def rank(finding: Finding) -> tuple[bool, float, str]:
    """The analyzer's order of a text's emotions: feelings the writer states or shows by a bodily sign first, then
    by probability."""
    if "rerank" in finding.data:  # 1.23.0 (h192): the re-ranker's order, where it read the entry
        return (False, -float(finding.data["rerank"]), finding.label)
    said = finding.data.get("stated") or finding.data.get("sign")
    return (not said, -finding.confidence, finding.label)


def top_emotion(findings: list[Finding]) -> str:
    """The writer's strongest emotion in an analysis (its first entry finding), or ``neutral`` (abstained)."""
    entry = sorted((f for f in findings if f.kind == "emotion" and f.data.get("scope") == "entry"), key=rank)
    return entry[0].label if entry else NEUTRAL


def apply_scope(
    head: EmotionHead,
    probs: npt.NDArray[np.float32],
    chosen: npt.NDArray[np.bool_],
    words: list[EmotionWord],
    text: str,
    following: str = "",
    insistent: bool = False,
    *,
    previous: str = "",
    earlier: str = "",
    news: bool = False,
    gate: Gate | None = None,
) -> Reading:
    """The writer's reading of one sentence: denied, owed, hedged and hypothetical feelings dropped, stated
    feelings first, someone else's feelings apart, sarcasm turned (see :mod:`emotion_scope`). ``gate``: see
    :func:`~reverie.analysis.emotion_scope.cues`."""
    labels = head.labels
    return decide(
        dict(zip(labels, probs.tolist(), strict=True)),  # the same floats as float(probs[j]), in one call
        head.by_label,
        [labels[j] for j in np.flatnonzero(chosen)],
        words,
        cues(text, following, insistent=insistent, previous=previous, earlier=earlier, news=news, gate=gate),
    )


def sentence_emotion_words(doc: Document, index: int) -> list[EmotionWord]:
    """The emotion words of sentence ``index`` with their holder and negation (empty if spaCy is absent)."""
    return emotion_words(sentence_tokens(doc, index))


def sentence_tokens(doc: Document, index: int) -> list[Any]:
    """spaCy's tokens of sentence ``index`` (empty if spaCy is absent)."""
    sentence = doc.sentences[index]
    try:
        span = doc.spacy.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    except (OSError, ImportError):
        return []
    return list(span) if span is not None else []


@lru_cache(maxsize=2)
def load_head(
    model_dir: Path = MODEL_DIR, encoder_manifest: Path = ENCODER_MANIFEST
) -> tuple[EmotionHead, str]:
    """The head and the model hash findings carry: head artefact hash + encoder hash (both must match). Where
    the manifest switches the top layer on (``top_layer.enabled``) and the encoder has its output, the head
    comes blended with it (:meth:`EmotionHead.with_top`) and the hash names the top layer's artefact too."""
    manifest = _read_json(model_dir / "manifest.json")
    head = EmotionHead.load(model_dir / str(manifest["artefact"]))
    alone_hash, top = _alone_hash(manifest, _read_json(encoder_manifest))
    if top is None:
        return head, alone_hash
    path = model_dir / str(top["artefact"])
    digest = _sha256(path)
    if digest != top.get("artefact_sha256"):
        raise AnalysisUnavailable("The emotion top layer does not match its manifest; reinstall Reverie.")
    return head.with_top(TopLayer.load(path)), _with_top(alone_hash, digest)


def _alone_hash(
    manifest: dict[str, object], encoder: dict[str, object]
) -> tuple[str, dict[str, object] | None]:
    """The head's hash alone (head artefact hash + encoder hash, which must match the head's), and the top
    layer's manifest where the manifest switches it on and the encoder has its output (else None)."""
    encoder_hash = str(encoder.get("model_hash", ""))
    if manifest.get("encoder_model_hash") != encoder_hash:
        raise AnalysisUnavailable(
            "The emotion model was trained for a different sentence encoder; reinstall Reverie."
        )
    alone_hash = f"{str(manifest['artefact_sha256'])[:16]}.{encoder_hash[:16]}"
    top = manifest.get("top_layer")
    outputs = encoder.get("outputs")
    if not isinstance(top, dict) or not top.get("enabled"):
        return alone_hash, None
    if not isinstance(outputs, list) or top.get("encoder_output") not in outputs:
        return alone_hash, None  # an encoder without the second output: the head alone
    return alone_hash, top


def _with_top(alone_hash: str, top_digest: str) -> str:
    return f"{alone_hash[:16]}+{top_digest[:16]}{alone_hash[16:]}"


def alone_model_hash(head: EmotionHead, model_hash: str) -> str:
    """The model hash of the head without the top layer (what findings carry when the head reads alone)."""
    if head.top is None:
        return model_hash
    prefix, _, rest = model_hash.partition("+")
    return prefix + rest[16:]


def sentence_probabilities(
    head: EmotionHead, texts: list[str], encoder: Any
) -> tuple[EmotionHead, npt.NDArray[np.float32]]:
    """The head that reads these texts (see :meth:`EmotionHead.reading_for`) and its probabilities, from one
    encoder pass (both outputs where the encoder has two)."""
    vectors, top = encode_both(encoder, texts)
    reader = head.reading_for(top)
    return reader, reader.probabilities(texts, vectors, top)


def _sha256(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise AnalysisUnavailable(
            f"The emotion model file {path.name} is missing; reinstall Reverie."
        ) from exc


def _read_json(path: Path) -> dict[str, object]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnalysisUnavailable(f"The model manifest {path.name} is missing or unreadable.") from exc
    return raw if isinstance(raw, dict) else {}


@register("emotions", order=20, declared=DECLARED)
def build() -> EmotionsAnalyzer:
    head, model_hash = load_head()
    situations = load_situations(encoder_hash=str(_read_json(ENCODER_MANIFEST).get("model_hash", "")))
    owner = load_owner() if head.top is not None else None  # it reads the top layer's vector
    manifest = _read_json(MODEL_DIR / "manifest.json")
    full = _with_owner(model_hash, manifest) if owner is not None else model_hash
    reranker = load_reranker() if head.top is not None else None  # 1.23.0: trained on the top layer's reading
    full = _with_reranker(full, manifest) if reranker is not None else full
    return EmotionsAnalyzer(head, full, alone_model_hash(head, model_hash), situations, owner, reranker)
