"""Train the risk screen's models and write their artefact (``src/reverie/analysis/models/risk/``).

Two small logistic regressions, numpy at run time (features from :mod:`reverie.analysis.risk`, so training and
run time agree):

* **The sentence model** (what ``screen`` uses on every entry): the shared MiniLM encoder's embedding of one
  sentence (set-aside phrases blanked) plus that sentence's lexicon features → "ideation or worse". Trained on the
  paraphrase bank written for Reverie (``scripts/risk_paraphrases.jsonl``: passive wishes, burdensomeness, active
  ideation, plans, preparations, self-harm urges and acts, aborted/interrupted/past attempts, slang, typos,
  non-native English, and matched hard negatives), each written sentence plus a few deterministic variants (lower
  case, no punctuation, typos, fillers), and on the C-SSRS users' sentences with their user's label as a weak,
  down-weighted label. Its threshold is chosen on the challenge batches ``challenge_tune``, ``challenge_frozen``
  and ``challenge_frozen2``, each batch's false alarms ≤ 2 % and (fourth round) nothing the demo can write flagged,
  ties to the lowest threshold; ``challenge_frozen3`` (seen since the fourth round) is left out of that choice, so it
  checks the threshold on a batch it was not chosen on.
* **The level model** (fourteenth round; ``--level-only`` writes it alone, ``risk_level.npz`` and
  ``level_manifest.json``, to ``scripts/risk_level/``: a candidate, not shipped): the same sentence inputs → "behavior or worse" vs "ideation", on the bank's lines at
  ideation or above and their variants; its threshold the lowest with out-of-fold precision ≥ ``LEVEL_PRECISION`` in
  the bank's CV by line. Where installed in models/risk it only raises an entry the screen flags at ``ideation`` to ``behavior``.
* **The person model** (what ``screen_person`` and ``reverie eval risk`` use on a person's posts together): hashed
  word 1–2-grams, the lexicon's counts and a summary of the sentence model's scores over the person's sentences
  → "ideation or worse" at the user level. ``VARIANTS`` lists the ways of building it that were compared by the
  same CV (``--compare``); ``--variant`` picks the one written (default: the shipped one).

Honest C-SSRS figures: 5-fold cross-validation split by user. In each fold the sentence model (its C-SSRS part)
and the person model are fitted on the other folds only, C and the person threshold chosen by an inner
cross-validation on those folds, then the fold is screened exactly as at run time.

Usage (from the project root; scikit-learn is a training-only dependency)::

    .venv/bin/python scripts/train_risk.py                  # cross-validate, fit on everything, write
    .venv/bin/python scripts/train_risk.py --cv-only        # figures only, nothing written
    .venv/bin/python scripts/train_risk.py --cv-only --compare --cv-json /tmp/cv.json   # every person variant
    .venv/bin/python scripts/train_risk.py --cache /tmp/risk-emb.npz   # keep sentence embeddings between runs
    .venv/bin/python scripts/train_risk.py --cache /tmp/risk-emb.npz --lomo /tmp/lomo.json --lobo /tmp/lobo.json
                                                            # held-out figures: mechanisms and batches left out
    .venv/bin/python scripts/train_risk.py --cache /tmp/risk-emb.npz --level-only   # the level model alone
    .venv/bin/python scripts/train_risk.py --cache /tmp/risk-emb.npz --batches      # nineteenth round's candidate:
                                                            # the seen batches as training lines (not shipped)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.encoder import BASE_OUTPUT, encode_output  # noqa: E402
from reverie.analysis.evaluation.risk import (  # noqa: E402
    LABELS,
    POSITIVE,
    _MemoEncoder,
    auc,
    challenge_figures,
    read_users,
    summarise,
)
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402
from reverie.analysis.risk import (  # noqa: E402
    BEHAVIOR,
    HASH_DIM,
    IDEATION,
    LEVEL_FILE,
    LEVEL_FORMAT,
    LEVEL_MANIFEST,
    LEVELS,
    MAX_SENTENCES,
    MODEL_DIR,
    MODEL_FILE,
    RULE_FEATURES,
    SENTENCE_FEATURES,
    SUMMARY_FEATURES,
    RiskModel,
    decide,
    model_text,
    model_units,
    ngram_features,
    rule_features,
    screen,
    sentence_block,
    sentence_features,
    sentence_summary,
    training_inputs_sha256,
    training_rows,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "cssrs" / "users.csv"
DEFAULT_BANK = ROOT / "scripts" / "risk_paraphrases.jsonl"
# The sentence threshold is chosen on the challenge set's batches that have been measured and are now tuning
# material: the tune half, the first frozen half and the second frozen batch (each measured once, then used).
# challenge_frozen3.jsonl (seen since the fourth round) is left out of the choice: the check on a batch not used.
DEFAULT_TUNE = (
    ROOT / "tests" / "analysis_risk" / "challenge_tune.jsonl",
    ROOT / "tests" / "analysis_risk" / "challenge_frozen.jsonl",
    ROOT / "tests" / "analysis_risk" / "challenge_frozen2.jsonl",
)
SEED = 20261201
FOLDS = 5
PERSON_C_GRID = (1.0, 4.0, 16.0)
SENTENCE_C = 16.0
# The embedding block's columns are multiplied by this before the sentence model's fit, and its weights by it after
# (the same model at run time): below 1 it is a larger L2 penalty on the embedding block alone (thirteenth round).
EMBED_SCALE = 1.0
EMBED_DIM = 384
# The encoder output the sentence model reads: the base vectors, as every shipped model; the twenty-eighth round's
# candidate read "risk_token_embeddings" (the risk layer grafted by scripts/graft_risk_layer.py; not shipped,
# docs/risk.md). A cache (--cache) holds one output's vectors.
ENCODER_OUTPUT = os.environ.get("REVERIE_RISK_ENCODER_OUTPUT", BASE_OUTPUT)
# Fourteenth round: the level model ("behavior or worse" vs "ideation", on the bank's flagged lines and their variants).
LEVEL_C = 4.0
# Where --level-only writes the level model: beside the scripts, not shipped (the lead's check on long real texts, docs/
# risk.md "Fourteenth round": on C-SSRS users' whole texts its "behavior" was right for under half at every threshold).
# To ship a level model, copy both files into src/reverie/analysis/models/risk/.
LEVEL_DIR = ROOT / "scripts" / "risk_level"
LEVEL_PRECISION = 0.8  # its threshold: the lowest whose out-of-fold precision on the bank reaches this
LEVEL_FOLDS = 5
CSSRS_WEIGHT = 0.005  # each weakly labelled C-SSRS sentence counts this much against one written sentence
# Nineteenth round (docs/risk.md): ``--batches`` makes the seen challenge batches training lines of the sentence model
# (genuine or not, weight BATCH_WEIGHT, no variants), listed by name so that a newly written batch stays held out until
# it has been measured; the sentence threshold is then chosen by the seventh round's rule on the tuning batches'
# held-out scores (``held_out_threshold``: each scored by a fit without its own lines). Kept at 0.700 instead, the
# candidate flagged 5 of the demo's 40 everyday entries.
TRAINING_BATCHES = ("tune", "frozen", *(f"frozen{n}" for n in range(2, 21)))
BATCH_WEIGHT = 1.0
# Twenty-third round (docs/risk.md): which sentences of a genuine batch entry of two or more sentences are taught as
# genuine. "all": every one, so the ordinary sentences around the risk statement of a long genuine entry ("couldn't
# find my keys, late again") are taught as risk (the fourth round's fault with C-SSRS "all" labels). "content":
# multiple-instance labels — only the sentences that carry risk content (the lexicon reads indicator or above, or the
# 2.4.0 sentence model, trained without any batch line, scores it >= CONTENT_SCORE) and always the entry's one
# highest-scoring sentence; its other sentences are left out, not taught as negatives.
BATCH_LABELS = "all"
CONTENT_SCORE = 0.5
# The scorer of "content": risk 2.4.0's sentence model (bank and C-SSRS only, never a batch line), kept beside the
# scripts so that a retrain selects the same sentences whatever artefact is shipped.
INSTANCE_SELECTOR = ROOT / "scripts" / "risk_instance_selector.npz"
CHALLENGE_DIR = ROOT / "tests" / "analysis_risk"
# Which C-SSRS sentences carry their user's label (fourth round). "all": every sentence of a user at risk is a weak
# positive, so "session", "therapist", "meds", "walk" in an at-risk user's everyday sentences were taught as risk;
# "content": a sentence of a user at risk is a weak positive only when the lexicon finds risk language in it
# (indicator or above), the rest of that user's sentences are left out; every sentence of a user not at risk stays
# a weak negative. docs/risk.md, "Fourth round", has the comparison.
CSSRS_LABELS = "all"
TARGET_RECALL = 0.95
MAX_FALSE_ALARMS = (
    0.02  # on the tuning batches' hard negatives pooled (the goal), when choosing the sentence threshold
)


@dataclass(frozen=True)
class PersonVariant:
    """One way to build the person model, compared by the same 5-fold CV by user (docs/risk.md, third round):
    which sentence-score summaries it reads (indices into ``SUMMARY_FEATURES``), whether it reads the n-grams,
    the scale of the summaries against the L2-normalised n-grams, and the grids of C and class weights that an
    inner CV on the training folds chooses from."""

    name: str
    summaries: tuple[int, ...]
    ngrams: bool = True
    scale: float = 1.0
    c_grid: tuple[float, ...] = PERSON_C_GRID
    weights: tuple[str | None, ...] = ("balanced",)


ALL_SUMMARIES = tuple(range(len(SUMMARY_FEATURES)))
VARIANTS = {
    v.name: v
    for v in (
        PersonVariant("summaries4", (0, 1, 2, 3)),  # the second round's person model
        PersonVariant("summaries8", ALL_SUMMARIES),
        PersonVariant(
            "summaries8_grid", ALL_SUMMARIES, c_grid=(1.0, 4.0, 16.0, 64.0), weights=("balanced", None)
        ),
        PersonVariant("summaries8_x3", ALL_SUMMARIES, scale=3.0),
        PersonVariant(
            "no_ngrams",
            ALL_SUMMARIES,
            ngrams=False,
            c_grid=(0.01, 0.1, 1.0, 10.0),
            weights=("balanced", None),
        ),
    )
}
DEFAULT_VARIANT = "summaries4"  # third round: the best CV AUC; no variant moved precision (docs/risk.md)
FILLERS = ("honestly ", "tbh ", "idk, ", "ugh. ", "so yeah, ", "Dear diary, ", "not gonna lie ", "")


# ------------------------------------------------------------------------------------------------------------
# Sentences and their features
# ------------------------------------------------------------------------------------------------------------


@dataclass
class Sentences:
    """Sentences to embed, with their lexicon features and whether evidence blocks them."""

    texts: list[str]
    features: list[list[float]]
    blocked: list[bool]

    def add(self, text: str, kind: str = "free_association") -> list[int]:
        # sentences, as the shipped artefact was trained (run time merges fragments); the rows the manifest's
        # ``bank_inputs_sha256`` hashes for the written lines
        out = []
        for masked, features, blocked in training_rows(text, kind):
            out.append(len(self.texts))
            self.texts.append(masked)
            self.features.append(features)
            self.blocked.append(blocked)
        return out


def variants(text: str, k: int, rng: random.Random) -> list[str]:
    """``text`` and deterministic variants: a filler in front, lower case without punctuation, a typo or two."""
    out = [text]
    for _ in range(k):
        v = rng.choice(FILLERS) + text
        if rng.random() < 0.5:
            v = "".join(ch for ch in v.lower() if ch.isalnum() or ch in " '")
        if rng.random() < 0.5 and len(v) > 8:
            i = rng.randrange(1, len(v) - 2)
            if v[i].isalpha() and v[i + 1].isalpha():
                v = v[:i] + v[i + 1] + v[i] + v[i + 2 :]
        if rng.random() < 0.3:
            v = (
                v.replace(" you ", " u ")
                .replace("I'm", "im")
                .replace("don't", "dont")
                .replace("can't", "cant")
            )
        out.append(v)
    return list(dict.fromkeys(out))


def embed(texts: list[str], cache: Path | None) -> np.ndarray:
    """Embeddings of ``texts`` with the shared encoder, reusing ``cache`` (keyed by text) when given."""
    known: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    missing = sorted({t for t in texts if t not in known})
    if missing:
        start = time.time()
        vectors = encode_output(load_encoder(), missing, ENCODER_OUTPUT)
        print(f"embedded {len(missing)} sentences in {time.time() - start:.0f}s", flush=True)
        known.update(zip(missing, vectors, strict=True))
        if cache is not None:
            keys = sorted(known)
            np.savez(cache, texts=np.array(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


# ------------------------------------------------------------------------------------------------------------
# Data
# ------------------------------------------------------------------------------------------------------------


@dataclass
class Data:
    sentences: Sentences
    x_sent: np.ndarray  # [embedding | sentence features] per sentence
    bank_rows: np.ndarray
    bank_y: np.ndarray
    bank_line: np.ndarray  # the bank line (index into ``bank_items``) each bank row was written from
    bank_items: list[dict[str, Any]]
    user_rows: list[np.ndarray]  # each user's sentence rows
    users_y: np.ndarray
    labels: list[str]
    x_person: sparse.csr_matrix  # [n-grams | rule features] per user
    user_hits: list[list[lex.Hit]]
    tune: list[dict[str, Any]]
    everyday_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    batch_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    batch_y: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    batch_of: np.ndarray = field(
        default_factory=lambda: np.zeros(0, dtype=str)
    )  # each batch row's batch name
    everyday_weight: float = 0.0


def load(data: Path, bank: Path, tune: Sequence[Path], cache: Path | None, batches: bool = False) -> Data:
    rng = random.Random(SEED)
    sentences = Sentences([], [], [])
    bank_rows, bank_y, bank_line = [], [], []
    bank_items = [json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, item in enumerate(bank_items):
        for v in variants(item["text"], 3, rng):
            rows = sentences.add(v)
            bank_rows.extend(rows)
            bank_y.extend([int(item["level"] != "none")] * len(rows))
            bank_line.extend([n] * len(rows))
    batch_rows, batch_y, batch_of, batch_entry = [], [], [], []
    for n, (name, item) in enumerate(training_batch_items() if batches else []):
        rows = sentences.add(str(item["text"]))
        batch_rows.extend(rows)
        batch_y.extend([int(item["group"] == "genuine")] * len(rows))
        batch_of.extend([name] * len(rows))
        batch_entry.extend([n] * len(rows))
    users = read_users(data)
    user_rows, user_hits, rows_, cols, vals = [], [], [], [], []
    for i, user in enumerate(users):
        user_rows.append(np.array(sentences.add(user.text), dtype=np.int64))
        hits = lex.read(user.text)
        user_hits.append(hits)
        masked = model_text(user.text, hits)
        for j, v in list(ngram_features(masked).items()) + [
            (HASH_DIM + k, v) for k, v in enumerate(rule_features(masked, hits)) if v
        ]:
            rows_.append(i)
            cols.append(j)
            vals.append(v)
    x_person = sparse.csr_matrix((vals, (rows_, cols)), shape=(len(users), HASH_DIM + len(RULE_FEATURES)))
    print(
        f"{len(sentences.texts)} sentences ({len(bank_rows)} from the bank), {len(users)} users", flush=True
    )
    vectors = embed(sentences.texts, cache)
    x_sent = np.hstack([vectors, np.asarray(sentences.features, dtype=np.float32)]).astype(np.float32)
    keep = batch_keep(x_sent, np.array(batch_rows, dtype=np.int64), batch_y, batch_entry)
    if batches:
        print(f"batch sentences: {int(keep.sum())} of {len(keep)} taught ({BATCH_LABELS})", flush=True)
    tune_items = [
        {**json.loads(line), "batch": path.stem.removeprefix("challenge_")}
        for path in tune
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return Data(
        sentences=sentences,
        x_sent=x_sent,
        bank_rows=np.array(bank_rows, dtype=np.int64),
        bank_y=np.array(bank_y, dtype=np.int64),
        bank_line=np.array(bank_line, dtype=np.int64),
        bank_items=bank_items,
        user_rows=user_rows,
        users_y=np.array([u.label in POSITIVE for u in users], dtype=np.int64),
        labels=[u.label for u in users],
        x_person=x_person,
        user_hits=user_hits,
        tune=tune_items,
        batch_rows=np.array(batch_rows, dtype=np.int64)[keep],
        batch_y=np.array(batch_y, dtype=np.int64)[keep],
        batch_of=np.array(batch_of, dtype=str)[keep],
    )


def batch_keep(x_sent: np.ndarray, rows: np.ndarray, y: list[int], entry: list[int]) -> np.ndarray:
    """Which batch rows are trained on (``BATCH_LABELS``): all, or for a genuine entry of two or more sentences only
    those carrying risk content and its highest-scoring one (multiple-instance labels)."""
    keep = np.ones(len(rows), dtype=bool)
    if BATCH_LABELS == "all" or len(rows) == 0:
        return keep
    shipped = np.load(INSTANCE_SELECTOR)
    scores = 1.0 / (
        1.0 + np.exp(-(x_sent[rows] @ shipped["sentence_weights"] + float(shipped["sentence_bias"])))
    )
    lexical = x_sent[rows, EMBED_DIM + 1 : EMBED_DIM + 5].sum(axis=1) > 0  # sentence_level_indicator..attempt
    by_entry: dict[int, list[int]] = {}
    for i, e in enumerate(entry):
        by_entry.setdefault(e, []).append(i)
    for members in by_entry.values():
        if len(members) < 2 or y[members[0]] == 0:
            continue
        top = max(members, key=lambda i: float(scores[i]))
        for i in members:
            keep[i] = i == top or bool(lexical[i]) or float(scores[i]) >= CONTENT_SCORE
    return keep


def training_batch_items() -> list[tuple[str, dict[str, Any]]]:
    """(batch name, item) for every line of ``TRAINING_BATCHES``, in order."""
    return [
        (name, json.loads(line))
        for name in TRAINING_BATCHES
        for line in (CHALLENGE_DIR / f"challenge_{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


# ------------------------------------------------------------------------------------------------------------
# Everyday sentences (fifteenth round): real ordinary text as weak negatives
# ------------------------------------------------------------------------------------------------------------

GOEMOTIONS_SAD = ("grief", "remorse", "sadness")
PROBE = ROOT / "scripts" / "risk_everyday_probe.txt"


@dataclass(frozen=True)
class Everyday:
    """``--everyday goemotions:N:WEIGHT[:nosad]``: N GoEmotions train comments ("all": every one that passes),
    each sentence a weak negative of weight WEIGHT (against 1 for a written sentence); ``nosad``: comments that
    carry a grief, remorse or sadness label are left out too. ``--everyday written:WEIGHT`` (twentieth round): the
    training part of the written everyday diary bank (``EVERYDAY_BANK``), each sentence a negative of weight WEIGHT."""

    n: int | None
    weight: float
    no_sad: bool = False
    written: bool = False


def parse_everyday(spec: str) -> Everyday:
    parts = spec.split(":")
    if parts[0] == "written" and len(parts) == 2:
        return Everyday(None, float(parts[1]), written=True)
    if parts[0] != "goemotions" or len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "nosad"):
        raise ValueError("--everyday takes goemotions:N:WEIGHT, goemotions:N:WEIGHT:nosad or written:WEIGHT")
    return Everyday(None if parts[1] == "all" else int(parts[1]), float(parts[2]), len(parts) == 4)


# Twentieth round: ordinary journal sentences written for Reverie (no risk to self at all; many use words risk
# language uses too: leaving, the end, pills as prescribed, a knife in the kitchen) as negatives. A third of the bank
# (a seeded choice) is never trained on: it is the held-out probe of false alarms on everyday text.
EVERYDAY_BANK = ROOT / "scripts" / "risk_everyday_bank.jsonl"
EVERYDAY_HELD_SEED = 20261204


def written_everyday(held: bool) -> list[str]:
    """The written everyday bank's training lines (``held`` False) or its held third (``held`` True)."""
    texts = [
        str(json.loads(line)["text"])
        for line in EVERYDAY_BANK.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = set(random.Random(EVERYDAY_HELD_SEED).sample(range(len(texts)), len(texts) // 3))
    return [t for i, t in enumerate(texts) if (i in chosen) == held]


def everyday_comments(path: Path, spec: Everyday) -> tuple[list[str], int, int]:
    """The comments of GoEmotions' ``train.tsv`` in a seeded order, without any in which the lexicon finds a risk
    phrase (one at indicator or above, or one set aside), and (``no_sad``) without the sad labels; the first
    ``spec.n`` of them (so a smaller sample is part of a larger one), the number read and the number left out."""
    names = (path.parent / "emotions.txt").read_text(encoding="utf-8").split()
    sad = {str(names.index(name)) for name in GOEMOTIONS_SAD}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(SEED).shuffle(rows)
    out: list[str] = []
    read = dropped = 0
    for text, labels, *_ in rows:
        if spec.n is not None and len(out) >= spec.n:
            break
        read += 1
        if (spec.no_sad and sad & set(labels.split(","))) or any(
            max(h.level, h.rule_level) >= lex.INDICATOR for h in lex.read(text)
        ):
            dropped += 1
            continue
        out.append(text)
    return out, read, dropped


def add_everyday(d: Data, spec: Everyday, path: Path, cache: Path | None) -> None:
    """Add the sentences of ``everyday_comments`` to ``d`` as weak negatives (split and featurised as the C-SSRS
    posts are)."""
    if spec.written:
        comments = written_everyday(held=False)
        read, dropped = len(comments), 0
    else:
        comments, read, dropped = everyday_comments(path, spec)
    start = int(d.everyday_rows[0]) if len(d.everyday_rows) else len(d.sentences.texts)
    for kept in (d.sentences.texts, d.sentences.features, d.sentences.blocked):
        del kept[start:]  # another sample tried in the same run replaces the last one
    d.x_sent = d.x_sent[:start]
    for text in comments:
        d.sentences.add(text)
    vectors = embed(d.sentences.texts[start:], cache)
    x = np.hstack(
        [vectors, np.asarray(d.sentences.features[start:], dtype=np.float32).reshape(len(vectors), -1)]
    )
    d.x_sent = np.vstack([d.x_sent, x.astype(np.float32)])
    d.everyday_rows = np.arange(start, len(d.sentences.texts), dtype=np.int64)
    d.everyday_weight = spec.weight
    print(
        f"everyday: {len(comments)} {'written lines' if spec.written else 'GoEmotions comments'} "
        f"({read} read, {dropped} left out), "
        f"{len(d.everyday_rows)} sentences at weight {spec.weight}",
        flush=True,
    )


def suffixed(path: Path, spec: Everyday | None, n_specs: int) -> Path:
    """``path`` with the sample's spec in its name when several samples are tried in one run."""
    if spec is None or n_specs == 1 or str(path) == "/dev/null":
        return path
    tag = (
        f"written-{spec.weight:g}"
        if spec.written
        else f"{spec.n or 'all'}-{spec.weight:g}{'-nosad' if spec.no_sad else ''}"
    )
    return path.with_name(f"{path.stem}-{tag}{path.suffix}")


def probe_report(d: Data, cache: Path | None) -> None:
    """Report only (never tuned on): the fit on everything's probability for each line of the everyday probe
    (its highest open unit, read as ``screen`` reads it) and how many reach the threshold of the same rule."""
    demo = prescreen(demo_entries(), cache)
    tune = prescreen([("free_association", i["text"]) for i in d.tune], cache)
    full = fit_sentence_model(d, np.arange(len(d.labels)))
    t = fast_threshold(full, tune, d.tune, demo)
    lines = [
        line.strip()
        for line in PROBE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    probe = prescreen([("free_association", line) for line in lines], cache)
    probs = full.predict_proba(probe.unit_x)[:, 1]
    top = np.zeros(len(lines))
    np.maximum.at(top, probe.unit_text, np.where(probe.unit_open, probs, 0.0))
    for line, p in zip(lines, top, strict=True):
        print(f"probe {p:.3f} {line}", flush=True)
    print(
        f"probe: threshold {t:.3f}, mean {top.mean():.3f}, {int((top >= t).sum())}/{len(lines)} at or over it",
        flush=True,
    )


# ------------------------------------------------------------------------------------------------------------
# The sentence model
# ------------------------------------------------------------------------------------------------------------


def cssrs_rows_of(d: Data, user: int, risky: np.ndarray) -> np.ndarray:
    """The sentence rows of one C-SSRS user that carry the user's label (``CSSRS_LABELS``); ``risky`` marks the
    sentences in which the lexicon found risk language (indicator or above)."""
    rows = d.user_rows[user]
    if CSSRS_LABELS == "all" or not d.users_y[user]:
        return rows
    return rows[risky[rows]]


def fit_sentence_model(
    d: Data,
    users: np.ndarray,
    leave_out: np.ndarray | None = None,
    start: LogisticRegression | None = None,
    leave_out_batches: Sequence[str] = (),
) -> LogisticRegression:
    """The bank (weight 1) plus the sentences of ``users`` labelled with their user's label (weak, down-weighted);
    ``leave_out``: bank lines (indices into ``bank_items``) whose rows are left out (the leave-one-mechanism-out
    check)."""
    levels = np.asarray(d.sentences.features, dtype=np.float32)[:, 1:5]  # sentence_level_indicator..attempt
    risky = levels.sum(axis=1) > 0
    chosen = [cssrs_rows_of(d, u, risky) for u in users]
    cssrs_rows = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
    cssrs_y = (
        np.concatenate([np.full(len(r), d.users_y[u]) for u, r in zip(users, chosen, strict=True)])
        if chosen
        else []
    )
    keep = np.ones(len(d.bank_rows), dtype=bool)
    if leave_out is not None:
        keep = ~np.isin(d.bank_line, leave_out)
    bank_rows, bank_y = d.bank_rows[keep], d.bank_y[keep]
    in_batch = ~np.isin(d.batch_of, list(leave_out_batches))  # the --batches lines (none without it)
    batch_rows, batch_y = d.batch_rows[in_batch], d.batch_y[in_batch]
    rows = np.concatenate([bank_rows, batch_rows, cssrs_rows, d.everyday_rows])
    y = np.concatenate(
        [
            bank_y,
            batch_y,
            np.asarray(cssrs_y, dtype=np.int64),
            np.zeros(len(d.everyday_rows), dtype=np.int64),
        ]
    )
    w = np.concatenate(
        [
            np.ones(len(bank_rows)),
            np.full(len(batch_rows), BATCH_WEIGHT),
            np.full(len(cssrs_rows), CSSRS_WEIGHT),
            np.full(len(d.everyday_rows), d.everyday_weight),
        ]
    )
    model = LogisticRegression(C=SENTENCE_C, max_iter=3000, random_state=SEED, warm_start=start is not None)
    if (
        start is not None
    ):  # the leave-one-mechanism-out refits start from the full fit (the same optimum, sooner)
        model.coef_, model.intercept_ = start.coef_.copy(), start.intercept_.copy()
        model.coef_[:, :EMBED_DIM] /= EMBED_SCALE
    x = d.x_sent[rows]  # a copy (fancy indexing)
    if EMBED_SCALE != 1.0:
        x[:, :EMBED_DIM] *= EMBED_SCALE
    model.fit(x, y, sample_weight=w)
    model.coef_[:, :EMBED_DIM] *= EMBED_SCALE  # weights for the unscaled embedding the run time reads
    return model


def as_risk_model(
    sentence: LogisticRegression,
    threshold: float,
    person: LogisticRegression | None = None,
    t_person: float = 0.5,
    variant: PersonVariant | None = None,
) -> RiskModel:
    coef = (
        person.coef_[0].astype(np.float32)
        if person is not None
        else np.zeros(HASH_DIM + len(RULE_FEATURES) + len(SUMMARY_FEATURES))
    )
    keep = np.ones(len(SUMMARY_FEATURES), dtype=np.float32)
    if variant is not None:  # the run-time summaries are unscaled: fold the variant's scale into the weights
        keep[:] = 0.0
        keep[list(variant.summaries)] = variant.scale
    n_rules = len(RULE_FEATURES)
    return RiskModel(
        ngram_weights=coef[:HASH_DIM].astype(np.float32),
        rule_weights=coef[HASH_DIM : HASH_DIM + n_rules].astype(np.float32),
        bias=float(person.intercept_[0]) if person is not None else 0.0,
        threshold=t_person,
        model_hash="training",
        sentence_weights=sentence.coef_[0].astype(np.float32),
        sentence_bias=float(sentence.intercept_[0]),
        sentence_threshold=threshold,
        summary_weights=(coef[HASH_DIM + n_rules :] * keep).astype(np.float32),
        encoder_output=ENCODER_OUTPUT,
    )


# ------------------------------------------------------------------------------------------------------------
# The level model (fourteenth round): "behavior or worse" vs "ideation" on a sentence the screen already flags
# ------------------------------------------------------------------------------------------------------------


def level_rows(d: Data, leave_out: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bank's flagged rows (a written line at ideation or above and its variants, ``leave_out`` lines left
    out): their rows in ``x_sent``, their label (1: behavior or attempt, 0: ideation) and their bank line."""
    level_of = np.array([LEVELS.index(str(item["level"])) for item in d.bank_items], dtype=np.int64)
    line_level = level_of[d.bank_line]
    keep = line_level >= IDEATION
    if leave_out is not None:
        keep &= ~np.isin(d.bank_line, leave_out)
    return d.bank_rows[keep], (line_level[keep] >= BEHAVIOR).astype(np.int64), d.bank_line[keep]


def fit_level_model(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=LEVEL_C, max_iter=3000, random_state=SEED)
    return model.fit(x, y)


def level_threshold(d: Data, leave_out: np.ndarray | None = None) -> tuple[float, dict[str, Any]]:
    """Out-of-fold probabilities on the bank's flagged rows (folds by written line, so a line's variants stay
    together), and the lowest threshold whose precision for "behavior or worse" reaches ``LEVEL_PRECISION``
    (0.975 when none does): the level model raises only where it is confident, and abstains otherwise."""
    from sklearn.model_selection import StratifiedGroupKFold

    rows, y, groups = level_rows(d, leave_out)
    x = d.x_sent[rows]
    oof = np.zeros(len(rows))
    folds = StratifiedGroupKFold(LEVEL_FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(x, y, groups):
        oof[test] = fit_level_model(x[train], y[train]).predict_proba(x[test])[:, 1]
    grid = []
    chosen = None
    for t in np.round(np.arange(0.5, 0.976, 0.025), 3):
        raised = oof >= t
        tp = int((raised & (y == 1)).sum())
        precision = tp / max(int(raised.sum()), 1)
        recall = tp / max(int((y == 1).sum()), 1)
        grid.append({"threshold": float(t), "precision": round(precision, 4), "recall": round(recall, 4)})
        if chosen is None and raised.any() and precision >= LEVEL_PRECISION:
            chosen = float(t)
    t_level = chosen if chosen is not None else 0.975
    at = next(g for g in grid if g["threshold"] == t_level)
    figures = {
        "rows": len(rows),
        "positive_rows": int(y.sum()),
        "lines": len(set(groups.tolist())),
        "auc": auc(list(oof), list(y == 1)),
        "precision": at["precision"],
        "recall": at["recall"],
        "grid": grid,
    }
    return t_level, figures


def level_model(d: Data, leave_out: np.ndarray | None = None) -> tuple[LogisticRegression, float, dict]:
    """The level model fitted on the bank's flagged rows and its threshold from the bank's own CV."""
    t_level, figures = level_threshold(d, leave_out)
    rows, y, _ = level_rows(d, leave_out)
    return fit_level_model(d.x_sent[rows], y), t_level, figures


def demo_calm(model: RiskModel, encoder: Any, demo: Sequence[tuple[str, str]]) -> bool:
    """Whether none of the demo's entries (``demo_entries``) raises a check-in with ``model``: every threshold rule
    requires it."""
    return not any(screen(text, kind, model=model, encoder=encoder).flagged for kind, text in demo)


def choose_sentence_threshold(
    sentence: LogisticRegression, tune: Sequence[dict[str, Any]]
) -> tuple[float, dict]:
    """The threshold with the most genuine cases of the tuning batches flagged while the false alarms of the
    batches **pooled** stay within the cap and none of the demo's 40 entries raises a check-in (``demo_entries``).
    Ties: the lowest threshold (recall on unseen text outranks false alarms). Fifth round (docs/risk.md): the fourth
    round's rule (the cap on **each** batch, and every sentence of the demo's templates alone) chose 0.800, and on
    the fourth frozen batch it flagged 6 fewer genuine cases than the model before the round; this rule chooses
    0.700. Only the tuning batches and the demo's entries are read."""
    best: tuple[float, float, dict] | None = None
    encoder = _MemoEncoder(load_encoder())
    batches = sorted({str(i.get("batch", "")) for i in tune})
    demo = demo_entries()
    for t in np.round(np.arange(0.30, 0.96, 0.025), 3):
        model = as_risk_model(sentence, float(t))
        if not demo_calm(model, encoder, demo):
            continue
        figures = challenge_figures(list(tune), model=model, encoder=encoder)
        if (figures["false_alarm_rate"] or 0.0) > MAX_FALSE_ALARMS:
            continue
        each = [
            challenge_figures([i for i in tune if i.get("batch", "") == b], model=model, encoder=encoder)
            for b in batches
        ]
        figures["batches"] = {
            b: {k: f[k] for k in ("genuine_flagged", "false_alarm_rate", "negatives_at_attempt")}
            for b, f in zip(batches, each, strict=True)
        }
        key = (
            figures["genuine_flagged"],
            -float(t),
            figures,
        )  # ties: the lowest threshold, whatever its alarms
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return 0.95, challenge_figures(list(tune), model=as_risk_model(sentence, 0.95), encoder=encoder)
    return -best[1], best[2]


def fixed_sentence_threshold(
    sentence: LogisticRegression, tune: Sequence[dict[str, Any]], threshold: float
) -> tuple[float, dict[str, Any]]:
    """``--sentence-threshold`` without ``--batches``: that threshold (set by a round's rule outside this script,
    docs/risk.md), its tuning-batch figures reported; raises ``SystemExit`` when a demo entry would raise a check-in
    at it (the demo must stay calm, as under every rule)."""
    encoder = _MemoEncoder(load_encoder())
    model = as_risk_model(sentence, threshold)
    if not demo_calm(model, encoder, demo_entries()):
        raise SystemExit(f"a demo entry raises a check-in at {threshold}: nothing written")
    return threshold, challenge_figures(list(tune), model=model, encoder=encoder)


def held_out_threshold(
    d: Data, sentence: LogisticRegression, tune: Sequence[dict[str, Any]], fixed: float | None = None
) -> tuple[float, dict[str, Any]]:
    """``--batches``: the seventh round's rule (``choose_sentence_threshold``: the most genuine cases of the tuning
    batches flagged, their pooled false alarms within the cap, none of the demo's 40 entries flagged, ties to the
    lowest) on **held-out** scores: each tuning batch screened with a fit without its own lines, as the batches are
    training lines now (in sample the rule would choose too low). The demo is screened with ``sentence``, the fit on
    everything. Raises ``SystemExit`` when no threshold on the grid passes: nothing is written. ``fixed``: that
    threshold alone, its held-out figures reported whatever the cap (the demo must still stay calm)."""
    encoder = _MemoEncoder(load_encoder())
    everyone = np.arange(len(d.labels))
    grid = [fixed] if fixed is not None else [float(t) for t in np.round(np.arange(0.30, 0.96, 0.025), 3)]
    batches = sorted({str(i.get("batch", "")) for i in tune})
    refits = {b: fit_sentence_model(d, everyone, start=sentence, leave_out_batches=[b]) for b in batches}
    demo = demo_entries()
    best: tuple[int, float, dict[str, Any]] | None = None
    for t in grid:
        model = as_risk_model(sentence, float(t))
        if not demo_calm(model, encoder, demo):
            continue
        each = {
            b: challenge_figures(
                [i for i in tune if i.get("batch", "") == b],
                model=as_risk_model(refits[b], float(t)),
                encoder=encoder,
            )
            for b in batches
        }
        n_gen = sum(f["n_genuine"] for f in each.values())
        n_neg = sum(f["n_negative"] for f in each.values())
        flagged = round(sum(f["genuine_flagged"] * f["n_genuine"] for f in each.values()))
        alarms = round(sum(f["false_alarm_rate"] * f["n_negative"] for f in each.values()))
        if alarms / n_neg > MAX_FALSE_ALARMS and fixed is None:
            continue
        figures = {
            "held_out": True,
            "genuine_flagged": flagged / n_gen,
            "false_alarm_rate": alarms / n_neg,
            "batches": {
                b: {k: f[k] for k in ("genuine_flagged", "false_alarm_rate", "negatives_at_attempt")}
                for b, f in each.items()
            },
        }
        if best is None or flagged > best[0]:
            best = (flagged, float(t), figures)
    if best is None:
        raise SystemExit(
            "no threshold keeps the demo's entries and the held-out false alarms in bounds: nothing written"
        )
    return best[1], best[2]


def demo_entries() -> list[tuple[str, str]]:
    """(kind, text) of the 40 entries ``reverie demo`` writes."""
    from reverie.insights import demo_texts as dt

    return [(t.kind, t.text) for t in dt.synthetic_texts(n_entries=40, n_sessions=0, varied=True)]


# ------------------------------------------------------------------------------------------------------------
# Leave one mechanism out (eighth round): the decision figure for a change to the bank, the features or the recipe
# ------------------------------------------------------------------------------------------------------------

# Groups of bank lines written for one mechanism (by their voice tag). Left out one at a time, the sentence model is
# refitted without them (same recipe, same threshold rule), and their lines are screened as entries: how the rest of
# the bank and the rules carry to a mechanism they were not written for (the best predictor of a new batch so far).
LOMO_GROUPS: dict[str, tuple[str, ...]] = {
    "r7 self-harm told plainly": ("r7_selfharm_",),
    "r7 preparations without a risk word": ("r7_prep_",),
    "r7 dialect and text-speak": ("r7_dialect_",),
    "r7 subject-dropped diary sentences": ("r7_subjectless_",),
    "r7 look-alikes and therapy register": ("r7_lookalike_", "r7_therapy_"),
    "r6 preparations": ("r6_prep_",),
    "r6 self-punishment": ("r6_punish_",),
    "r6 second-language English": ("r6_l2_",),
    "r6 dialect and gen-z": ("r6_dialect_", "r6_genz_"),
    "r6 past attempts and long entries": ("r6_past_", "r6_long_"),
    "second-language voices": ("voice_sl_", "nonnative"),
    "terse and slang": ("terse", "slang", "voice_terse", "voice_slang"),
}
# Twelfth round: the registers of the sentence model's own false alarms (hard negatives and genuine lines of the same
# register held out together). Reported apart from the twelve groups above, so their totals stay comparable.
LOMO_GROUPS_R12: dict[str, tuple[str, ...]] = {
    f"r12 {name}": (f"r12_neg_{name}", f"r12_{name}")
    for name in (
        "grief",
        "news",
        "sport",
        "work",
        "joke",
        "meds",
        "errand",
        "therapy",
        "distress",
        "injury",
        "alive",
    )
}


@dataclass
class Prescreened:
    """Texts read once by the lexicon: each text's lexicon level and its model units (features, and whether
    evidence blocks them), so that any sentence model and threshold decide as ``screen`` does, without reading
    again: flagged = a lexicon level at ideation or above, or an open unit at or over the threshold."""

    rule_level: np.ndarray  # per text
    unit_x: np.ndarray  # [embedding | sentence features] per unit
    unit_text: np.ndarray  # the text of each unit
    unit_open: np.ndarray  # the model may raise this unit

    def levels(self, sentence: LogisticRegression, t: float) -> np.ndarray:
        probs = sentence.predict_proba(self.unit_x)[:, 1] if len(self.unit_x) else np.zeros(0)
        raised = np.zeros(len(self.rule_level), dtype=bool)
        np.logical_or.at(raised, self.unit_text, (probs >= t) & self.unit_open)
        return np.maximum(self.rule_level, np.where(raised, IDEATION, 0))

    def raised_levels(
        self, sentence: LogisticRegression, t: float, level: LogisticRegression, t_level: float
    ) -> np.ndarray:
        """``levels`` with the level model on top, as ``screen`` applies it: an entry at ``ideation`` rises to
        ``behavior`` when a sentence the screen flags (raised by the sentence model, or holding a counted lexicon
        phrase at ideation or above, and not set aside) scores at or over ``t_level``."""
        before = self.levels(sentence, t)
        if not len(self.unit_x):
            return before
        probs = sentence.predict_proba(self.unit_x)[:, 1]
        lexicon = self.unit_x[:, EMBED_DIM + IDEATION : EMBED_DIM + len(LEVELS)].sum(axis=1) > 0
        flagged_unit = self.unit_open & ((probs >= t) | lexicon)
        confident = flagged_unit & (level.predict_proba(self.unit_x)[:, 1] >= t_level)
        up = np.zeros(len(before), dtype=bool)
        np.logical_or.at(up, self.unit_text, confident)
        return np.where(up & (before == IDEATION), BEHAVIOR, before)


def prescreen(texts: Sequence[tuple[str, str]], cache: Path | None) -> Prescreened:
    """(kind, text) pairs read as ``screen`` reads them (``model_units``, set-aside phrases blanked)."""
    rule_level, unit_texts, features, owner, open_ = [], [], [], [], []
    for n, (kind, text) in enumerate(texts):
        hits = lex.read(text, kind)
        rule_level.append(max((h.level for h in hits), default=0))
        spans = model_units(text)[:MAX_SENTENCES]
        masked, norm = model_text(text, hits), lex.normalise(text)
        why = lex.sentence_reasons(text, kind, spans)
        for span, reason in zip(spans, why, strict=True):
            unit_texts.append(masked[span[0] : span[1]].strip() or ".")
            features.append(sentence_features(norm, span, hits))
            owner.append(n)
            open_.append(sentence_block(span, hits, reason) is None)
    vectors = embed(unit_texts, cache)
    x = np.hstack([vectors, np.asarray(features, dtype=np.float32).reshape(len(unit_texts), -1)])
    return Prescreened(
        np.asarray(rule_level, dtype=np.int64),
        x.astype(np.float32),
        np.asarray(owner, dtype=np.int64),
        np.asarray(open_, dtype=bool),
    )


def fast_threshold(
    sentence: LogisticRegression, tune: Prescreened, tune_items: Sequence[dict[str, Any]], demo: Prescreened
) -> float:
    """``choose_sentence_threshold``'s rule on prescreened texts: the most genuine tuning cases flagged while the
    pooled false alarms stay within the cap and no demo entry is flagged; ties: the lowest threshold."""
    genuine = np.array([i["group"] == "genuine" for i in tune_items])
    best: tuple[int, float] | None = None
    for t in np.round(np.arange(0.30, 0.96, 0.025), 3):
        if (demo.levels(sentence, float(t)) >= IDEATION).any():
            continue
        flagged = tune.levels(sentence, float(t)) >= IDEATION
        if (flagged & ~genuine).sum() > MAX_FALSE_ALARMS * (~genuine).sum():
            continue
        key = (int((flagged & genuine).sum()), -float(t))
        if best is None or key > best:
            best = key
    return 0.95 if best is None else -best[1]


def leave_one_mechanism_out(d: Data, cache: Path | None, out: Path | None) -> dict[str, Any]:
    """Refit without each group of ``LOMO_GROUPS`` in turn (threshold by the same rule) and screen its lines."""
    demo = prescreen(demo_entries(), cache)
    tune = prescreen([("free_association", i["text"]) for i in d.tune], cache)
    everyone = np.arange(len(d.labels))
    full = fit_sentence_model(d, everyone)
    t_full = fast_threshold(full, tune, d.tune, demo)
    print(f"shipped recipe: threshold {t_full:.3f}", flush=True)
    report: dict[str, Any] = {"threshold_all": t_full, "groups": {}}
    totals = np.zeros(8, dtype=np.int64)
    totals_r12 = np.zeros(8, dtype=np.int64)
    for name, prefixes in {**LOMO_GROUPS, **LOMO_GROUPS_R12}.items():
        lines = np.array(
            [n for n, item in enumerate(d.bank_items) if str(item.get("voice", "")).startswith(prefixes)],
            dtype=np.int64,
        )
        if not len(lines):
            continue
        items = [d.bank_items[n] for n in lines]
        genuine = np.array([item["level"] != "none" for item in items])
        screened = prescreen([("free_association", item["text"]) for item in items], cache)
        refit = fit_sentence_model(d, everyone, leave_out=lines, start=full)
        t = fast_threshold(refit, tune, d.tune, demo)
        flagged = {
            "refit": screened.levels(refit, t) >= IDEATION,
            "in_sample": screened.levels(full, t_full) >= IDEATION,
            "rules": screened.rule_level >= IDEATION,
        }
        row = [int(genuine.sum()), int((~genuine).sum())]
        for f in flagged.values():
            row += [int((f & genuine).sum()), int((f & ~genuine).sum())]
        (totals_r12 if name in LOMO_GROUPS_R12 else totals)[:] += np.asarray(row)
        report["groups"][name] = {"threshold": t, "genuine": row[0], "negative": row[1], "figures": row[2:]}
        print(
            f"{name}: genuine {row[0]}, negatives {row[1]}; refit (t={t:.3f}) {row[2]}/{row[0]} flagged, "
            f"{row[3]}/{row[1]} false alarms; in sample {row[4]}, {row[5]}; rules {row[6]}, {row[7]}",
            flush=True,
        )
    report["total"] = totals.tolist()
    if totals_r12.any():
        report["total_r12"] = totals_r12.tolist()
        print(
            f"R12 groups: refit {totals_r12[2]}/{totals_r12[0]} flagged, {totals_r12[3]}/{totals_r12[1]} false "
            f"alarms; in sample {totals_r12[4]}, {totals_r12[5]}; rules {totals_r12[6]}, {totals_r12[7]}",
            flush=True,
        )
    g, n = int(totals[0]), int(totals[1])
    print(
        f"ALL: refit {totals[2]}/{g} ({totals[2] / max(g, 1):.1%}) flagged, {totals[3]}/{n} "
        f"({totals[3] / max(n, 1):.1%}) false alarms; in sample {totals[4]}, {totals[5]}; rules {totals[6]}, "
        f"{totals[7]}",
        flush=True,
    )
    if out is not None:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


# ------------------------------------------------------------------------------------------------------------
# Leave one batch out (twelfth round): each challenge batch screened by a sentence model that did not learn from it
# ------------------------------------------------------------------------------------------------------------

# Bank lines written knowing a batch's errors, by their voice tag: left out of the fit when that batch is screened.
# The older batches' knowledge (tune, frozen, frozen2, frozen3) is not tagged in the bank, so their LOBO is only
# partly held out; the ninth round's ``r9_`` lines were never committed (the tag is kept so the rule is whole).
LOBO_PREFIXES: dict[str, tuple[str, ...]] = {
    "frozen4": ("r6_",),
    "frozen5": ("r7_",),
    "frozen7": ("r9_",),
    "frozen9": ("r12_",),
}


def subset(p: Prescreened, keep: np.ndarray) -> Prescreened:
    """The prescreened texts where ``keep`` is true (their units, renumbered)."""
    new_index = np.cumsum(keep) - 1
    units = keep[p.unit_text]
    return Prescreened(p.rule_level[keep], p.unit_x[units], new_index[p.unit_text[units]], p.unit_open[units])


def leave_one_batch_out(d: Data, cache: Path | None, out: Path | None) -> dict[str, Any]:
    """For each challenge batch: refit without the bank lines written knowing it (``LOBO_PREFIXES``) and choose
    the threshold by the same rule without it (when it is a tuning batch), then screen it; beside it the same
    batch screened by the fit on everything (in sample). Fourteenth round: the level model is refitted without the
    same lines (its threshold from the bank's own CV, which reads no batch), and each batch's levels are reported
    before and after it (``LEVEL_FIGURES``)."""
    from reverie.analysis.evaluation.risk import challenge_batches, read_challenge

    demo = prescreen(demo_entries(), cache)
    tune = prescreen([("free_association", i["text"]) for i in d.tune], cache)
    tune_batch = np.array([str(i.get("batch", "")) for i in d.tune])
    everyone = np.arange(len(d.labels))
    full = fit_sentence_model(d, everyone)
    t_full = fast_threshold(full, tune, d.tune, demo)
    level_full, t_level_full, level_cv = level_model(d)
    print(f"fit on everything: threshold {t_full:.3f}", flush=True)
    print(
        f"level model on everything: threshold {t_level_full:.3f} (bank CV by line: precision "
        f"{level_cv['precision']}, recall {level_cv['recall']}, AUC {level_cv['auc']:.3f}, {level_cv['rows']} rows)",
        flush=True,
    )
    report: dict[str, Any] = {
        "threshold_all": t_full,
        "level_threshold_all": t_level_full,
        "level_cv_all": level_cv,
        "batches": {},
    }
    totals = np.zeros(6, dtype=np.int64)
    level_totals = np.zeros(len(LEVEL_FIGURES), dtype=np.int64)
    for batch, path in challenge_batches(CHALLENGE_DIR).items():
        items = read_challenge(path)
        genuine = np.array([i["group"] == "genuine" for i in items])
        expect = np.array([LEVELS.index(str(i["expect"])) for i in items], dtype=np.int64)
        screened = prescreen([("free_association", str(i["text"])) for i in items], cache)
        prefixes = LOBO_PREFIXES.get(batch, ())
        lines = np.array(
            [
                n
                for n, it in enumerate(d.bank_items)
                if prefixes and str(it.get("voice", "")).startswith(prefixes)
            ],
            dtype=np.int64,
        )
        keep = tune_batch != batch
        refit = fit_sentence_model(d, everyone, leave_out=lines, start=full) if len(lines) else full
        if len(lines) or not keep.all():
            t = fast_threshold(
                refit, subset(tune, keep), [i for i, k in zip(d.tune, keep, strict=True) if k], demo
            )
        else:
            t = t_full
        level, t_level = (level_full, t_level_full)
        if len(lines):
            level, t_level, _ = level_model(d, leave_out=lines)
        before = screened.levels(refit, t)
        after = screened.raised_levels(refit, t, level, t_level)
        held = before >= IDEATION
        assert ((after >= IDEATION) == held).all() and (after >= before).all(), "the level model moved a flag"
        seen = screened.levels(full, t_full) >= IDEATION
        row = [int(genuine.sum()), int((~genuine).sum())]
        row += [int((held & genuine).sum()), int((held & ~genuine).sum())]
        row += [int((seen & genuine).sum()), int((seen & ~genuine).sum())]
        totals += np.asarray(row)
        figures = level_figures(genuine, expect, before, after)
        level_totals += np.asarray(list(figures.values()))
        report["batches"][batch] = {
            "threshold": t,
            "left_out_lines": len(lines),
            "figures": row,
            "level_threshold": t_level,
            "levels": figures,
        }
        print(
            f"{batch}: left out {len(lines)} lines, threshold {t:.3f}: held out {row[2]}/{row[0]} flagged, "
            f"{row[3]}/{row[1]} false alarms; in sample {row[4]}, {row[5]}",
            flush=True,
        )
        print(f"  levels (level threshold {t_level:.3f}): {_say(figures)}", flush=True)
    report["total"] = totals.tolist()
    report["levels_total"] = dict(zip(LEVEL_FIGURES, level_totals.tolist(), strict=True))
    print(
        f"ALL: held out {totals[2]}/{totals[0]} flagged, {totals[3]}/{totals[1]} false alarms; "
        f"in sample {totals[4]}, {totals[5]}",
        flush=True,
    )
    print(f"ALL levels: {_say(report['levels_total'])}", flush=True)
    if out is not None:
        out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


LEVEL_FIGURES = (
    "genuine",
    "genuine_at_level_before",
    "genuine_at_level_after",
    "behavior_lines",
    "behavior_at_level_before",
    "behavior_at_level_after",
    "attempt_lines_raised",
    "ideation_lines",
    "over_rated",
    "negatives_flagged",
    "negatives_raised",
)


def level_figures(
    genuine: np.ndarray, expect: np.ndarray, before: np.ndarray, after: np.ndarray
) -> dict[str, int]:
    """One batch's levels before and after the level model: genuine lines at (or over) their expected level,
    behaviour lines at ``behavior`` or over, attempt lines raised, genuine ``ideation`` lines raised to
    ``behavior`` (over-rated) and hard negatives raised (already flagged: the level model never flags)."""
    up = after > before
    behavior = genuine & (expect == BEHAVIOR)
    ideation = genuine & (expect == IDEATION)
    return {
        "genuine": int(genuine.sum()),
        "genuine_at_level_before": int((genuine & (before >= expect)).sum()),
        "genuine_at_level_after": int((genuine & (after >= expect)).sum()),
        "behavior_lines": int(behavior.sum()),
        "behavior_at_level_before": int((behavior & (before >= BEHAVIOR)).sum()),
        "behavior_at_level_after": int((behavior & (after >= BEHAVIOR)).sum()),
        "attempt_lines_raised": int((genuine & (expect > BEHAVIOR) & up).sum()),
        "ideation_lines": int(ideation.sum()),
        "over_rated": int((ideation & up).sum()),
        "negatives_flagged": int((~genuine & (before >= IDEATION)).sum()),
        "negatives_raised": int((~genuine & up).sum()),
    }


def _say(figures: dict[str, int]) -> str:
    f = figures
    return (
        f"genuine at level {f['genuine_at_level_before']} -> {f['genuine_at_level_after']} / {f['genuine']}; "
        f"behavior {f['behavior_at_level_before']} -> {f['behavior_at_level_after']} / {f['behavior_lines']}; "
        f"attempts raised {f['attempt_lines_raised']}; over-rated {f['over_rated']} / {f['ideation_lines']}; "
        f"negatives raised {f['negatives_raised']} (of {f['negatives_flagged']} flagged)"
    )


# ------------------------------------------------------------------------------------------------------------
# The person model
# ------------------------------------------------------------------------------------------------------------


def summaries(d: Data, sentence: LogisticRegression, users: np.ndarray) -> np.ndarray:
    probs = sentence.predict_proba(d.x_sent)[:, 1]
    blocked = np.asarray(d.sentences.blocked)
    out = []
    for u in users:
        rows = d.user_rows[u]
        out.append(sentence_summary(probs[rows].tolist(), [("x" if b else None) for b in blocked[rows]]))
    return np.asarray(out, dtype=np.float64).reshape(len(users), len(SUMMARY_FEATURES))


def person_x(d: Data, users: np.ndarray, summary: np.ndarray, variant: PersonVariant) -> sparse.csr_matrix:
    """``[n-grams | rule features | summaries]`` in the artefact's layout; what ``variant`` does not read is zero
    (so its weight is zero, and the run-time model needs no other layout)."""
    grams = d.x_person[users]
    if not variant.ngrams:
        grams = grams.multiply(
            np.r_[np.zeros(HASH_DIM), np.ones(len(RULE_FEATURES))].astype(np.float64)[None, :]
        ).tocsr()
    keep = np.zeros(len(SUMMARY_FEATURES))
    keep[list(variant.summaries)] = variant.scale
    x = sparse.hstack([grams, sparse.csr_matrix(summary * keep[None, :])]).tocsr()
    x.eliminate_zeros()
    return x


def fit_person(
    x: sparse.csr_matrix, y: np.ndarray, c: float, weight: str | None = "balanced"
) -> LogisticRegression:
    # the dual problem: the same optimum, faster with far more columns (65,536 n-gram buckets) than users
    model = LogisticRegression(
        C=c, solver="liblinear", dual=True, class_weight=weight, max_iter=5000, random_state=SEED
    )
    return model.fit(x, y)


def screened(
    hits: Sequence[list[lex.Hit]], probs: np.ndarray, threshold: float
) -> tuple[list[str], list[float]]:
    out = [decide(h, float(p), threshold, person=True) for h, p in zip(hits, probs, strict=True)]
    return [LEVELS[level] for level, _ in out], [score for _, score in out]


def threshold_for_recall(hits: Sequence[list[lex.Hit]], y: np.ndarray, probs: np.ndarray) -> float:
    positive = y == 1
    for t in np.round(np.arange(0.95, 0.01, -0.01), 2):
        levels, _ = screened(hits, probs, float(t))
        flagged = np.array([LEVELS.index(lvl) >= IDEATION for lvl in levels])
        if (flagged & positive).sum() >= TARGET_RECALL * positive.sum():
            return float(t)
    return 0.01


def choose_person(
    d: Data, users: np.ndarray, summary: np.ndarray, seed: int, variant: PersonVariant
) -> tuple[float, str | None, float, dict]:
    """C, class weight and threshold chosen on ``users`` only (inner out-of-fold precision at the target recall,
    then AUC; ties: the first in the grids)."""
    x = person_x(d, users, summary, variant)
    y = d.users_y[users]
    strata = np.array([LABELS.index(d.labels[u]) for u in users])
    hits = [d.user_hits[u] for u in users]
    best: tuple[float, float, float, str | None, float] | None = None
    for weight in variant.weights:
        for c in variant.c_grid:
            probs = np.zeros(len(users))
            for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(users, strata):
                probs[test] = fit_person(x[train], y[train], c, weight).predict_proba(x[test])[:, 1]
            t = threshold_for_recall(hits, y, probs)
            levels, scores = screened(hits, probs, t)
            stats = summarise([d.labels[u] for u in users], levels, scores)
            key = (stats["precision"] or 0.0, stats["auc"] or 0.0, c, weight, t)
            if best is None or key[:2] > best[:2]:
                best = key
    assert best is not None
    return (
        best[2],
        best[3],
        best[4],
        {"inner_precision": best[0], "inner_auc": best[1], "class_weight": best[3] or "none"},
    )


def cross_validate(d: Data, variants: Sequence[PersonVariant]) -> dict[str, dict[str, Any]]:
    """5-fold CV by user for each person-model variant, on the same folds and the same per-fold sentence model."""
    n = len(d.labels)
    strata = np.array([LABELS.index(label) for label in d.labels])
    levels = {v.name: [""] * n for v in variants}
    scores = {v.name: np.zeros(n) for v in variants}
    probs = {v.name: np.zeros(n) for v in variants}
    folds: dict[str, list[dict[str, Any]]] = {v.name: [] for v in variants}
    for fold, (train, test) in enumerate(
        StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(strata, strata)
    ):
        sentence = fit_sentence_model(d, train)
        s_train, s_test = summaries(d, sentence, train), summaries(d, sentence, test)
        for v in variants:
            c, weight, t, inner = choose_person(d, train, s_train, SEED + fold + 1, v)
            person = fit_person(person_x(d, train, s_train, v), d.users_y[train], c, weight)
            p = person.predict_proba(person_x(d, test, s_test, v))[:, 1]
            fold_levels, fold_scores = screened([d.user_hits[u] for u in test], p, t)
            for k, u in enumerate(test):
                levels[v.name][u], scores[v.name][u], probs[v.name][u] = fold_levels[k], fold_scores[k], p[k]
            folds[v.name].append({"fold": fold, "C": c, "threshold": t, **inner})
            print(
                f"fold {fold} {v.name}: C={c} weight={weight} threshold={t:.2f} "
                f"inner precision={inner['inner_precision']:.3f}",
                flush=True,
            )
    reports = {}
    for v in variants:
        report = summarise(d.labels, levels[v.name], list(scores[v.name]))
        report["model_only_auc"] = auc(list(probs[v.name]), list(d.users_y == 1))
        report["folds"] = folds[v.name]
        reports[v.name] = report
    return reports


# ------------------------------------------------------------------------------------------------------------
# Writing the artefact
# ------------------------------------------------------------------------------------------------------------


def write_artefact(model: RiskModel, meta: dict[str, Any]) -> None:
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    path = MODEL_DIR / MODEL_FILE
    assert model.sentence_weights is not None and model.summary_weights is not None
    np.savez_compressed(
        path,
        ngram_weights=model.ngram_weights,
        rule_weights=model.rule_weights,
        bias=np.float32(model.bias),
        summary_weights=model.summary_weights,
        sentence_weights=model.sentence_weights,
        sentence_bias=np.float32(model.sentence_bias),
    )
    meta = {
        **meta,
        "threshold": model.threshold,
        "sentence_threshold": model.sentence_threshold,
        "model_hash": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (MODEL_DIR / "manifest.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes) and manifest.json")


def write_level_artefact(d: Data, bank: Path) -> None:
    """The level model fitted on the whole bank's flagged lines, its threshold from the bank's CV by line:
    ``risk_level.npz`` and ``level_manifest.json`` (format ``reverie.risk-level/1``) in ``LEVEL_DIR``: a candidate,
    not shipped (the screen reads a level model only from ``models/risk``; docs/risk.md, "Fourteenth round")."""
    model, t_level, figures = level_model(d)
    LEVEL_DIR.mkdir(parents=True, exist_ok=True)
    path = LEVEL_DIR / LEVEL_FILE
    np.savez_compressed(
        path, level_weights=model.coef_[0].astype(np.float32), level_bias=np.float32(model.intercept_[0])
    )
    meta = {
        "format": LEVEL_FORMAT,
        "name": "risk-level-minilm-lr (behavior or worse vs ideation, on a sentence the screen flags)",
        "data": {
            "bank": "scripts/risk_paraphrases.jsonl (written for Reverie; its lines at ideation or above)",
            "bank_sha256": hashlib.sha256(bank.read_bytes()).hexdigest(),
            "bank_inputs_sha256": training_inputs_sha256(str(item["text"]) for item in d.bank_items),
        },
        "licence": "weights derived from Reverie's own bank only",
        "seed": SEED,
        "C": LEVEL_C,
        "inputs": "[embedding | sentence features], as the sentence model (models/encoder, sentence_features)",
        "sentence_features": list(SENTENCE_FEATURES),
        "target_precision": LEVEL_PRECISION,
        "level_threshold": t_level,
        "cv": figures,
        "model_hash": hashlib.sha256(path.read_bytes()).hexdigest(),
    }
    (LEVEL_DIR / LEVEL_MANIFEST).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(
        f"wrote {path.relative_to(ROOT)} and {LEVEL_MANIFEST}: threshold {t_level:.3f}, bank CV precision "
        f"{figures['precision']}, recall {figures['recall']}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bank", type=Path, default=DEFAULT_BANK)
    parser.add_argument("--tune", type=Path, nargs="+", default=list(DEFAULT_TUNE))
    parser.add_argument("--cache", type=Path, default=None, help="an .npz to keep sentence embeddings in")
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument("--skip-cv", action="store_true", help="fit and write without the cross-validation")
    parser.add_argument(
        "--variant", choices=sorted(VARIANTS), default=DEFAULT_VARIANT, help="the person model to ship"
    )
    parser.add_argument(
        "--compare", action="store_true", help="cross-validate every person-model variant on the same folds"
    )
    parser.add_argument(
        "--cv-json", type=Path, default=None, help="write the CV figures of each variant here"
    )
    parser.add_argument(
        "--lomo",
        type=Path,
        nargs="?",
        const=Path("/dev/null"),
        default=None,
        help="leave one mechanism out (figures only, nothing written); optionally a JSON file for the figures",
    )
    parser.add_argument(
        "--lobo",
        type=Path,
        nargs="?",
        const=Path("/dev/null"),
        default=None,
        help="leave one batch out (figures only, nothing written; with --lomo both); optionally a JSON file",
    )
    parser.add_argument(
        "--level-only",
        action="store_true",
        help="fit the level model on the bank and write its artefact alone (the sentence and person models untouched)",
    )
    parser.add_argument(
        "--batches",
        action="store_true",
        help="nineteenth round: the seen challenge batches (TRAINING_BATCHES) as training lines, the threshold by "
        "the seventh round's rule on held-out scores; its held-out check is scripts/risk_batches_lobo.py",
    )
    parser.add_argument(
        "--batch-labels",
        choices=("all", "content"),
        default=None,
        help="(with --batches) BATCH_LABELS: every sentence of a genuine entry, or only those carrying risk content",
    )
    parser.add_argument(
        "--sentence-threshold",
        type=float,
        default=None,
        help="(with --batches) fix the sentence threshold instead of the seventh round's rule",
    )
    parser.add_argument("--sentence-c", type=float, default=None, help="(with --lomo) try another C")
    parser.add_argument(
        "--embed-scale",
        type=float,
        default=None,
        help="(with --lomo or --lobo) scale the embedding block before the fit (below 1: a larger L2 on it alone)",
    )
    parser.add_argument(
        "--cssrs-weight", type=float, default=None, help="(with --lomo) try another weight of the weak labels"
    )
    parser.add_argument(
        "--everyday",
        type=parse_everyday,
        nargs="+",
        default=None,
        help="goemotions:N:WEIGHT[:nosad]: N GoEmotions comments ('all') as weak negatives (fifteenth round); "
        "several (with --lomo/--lobo/--probe) are tried one after the other, their JSON files suffixed",
    )
    parser.add_argument(
        "--probe", action="store_true", help="report the everyday probe's probabilities (report only)"
    )
    args = parser.parse_args()
    global SENTENCE_C, CSSRS_WEIGHT, EMBED_SCALE
    if args.embed_scale is not None:
        if args.lomo is None and args.lobo is None:
            parser.error("--embed-scale is for trying a recipe with --lomo or --lobo")
        EMBED_SCALE = args.embed_scale
    if args.sentence_c is not None or args.cssrs_weight is not None:
        if args.lomo is None and args.lobo is None:
            parser.error("--sentence-c and --cssrs-weight are for trying a recipe with --lomo or --lobo")
        SENTENCE_C = args.sentence_c if args.sentence_c is not None else SENTENCE_C
        CSSRS_WEIGHT = args.cssrs_weight if args.cssrs_weight is not None else CSSRS_WEIGHT
    if args.batches and (args.lomo is not None or args.lobo is not None or args.level_only):
        parser.error(
            "--batches is for the fit and its CV; its held-out check is scripts/risk_batches_lobo.py"
        )
    global BATCH_LABELS
    if args.batch_labels is not None and not args.batches:
        parser.error("--batch-labels goes with --batches")
    if args.batch_labels is not None:
        BATCH_LABELS = args.batch_labels
    np.random.seed(SEED)
    variant = VARIANTS[args.variant]
    d = load(args.data, args.bank, args.tune, args.cache, batches=args.batches)
    specs: list[Everyday | None] = list(args.everyday) if args.everyday else [None]
    held_out = args.lomo is not None or args.lobo is not None
    if len(specs) > 1 and not (held_out or args.probe):
        parser.error("several --everyday samples are for comparing with --lomo, --lobo or --probe")
    if args.probe and not held_out and not args.cv_only:
        parser.error("--probe reports figures only: with --lomo, --lobo or --cv-only")
    for spec in specs:
        if spec is not None:
            print(f"=== everyday {spec}", flush=True)
            add_everyday(d, spec, args.data.parent.parent / "goemotions" / "train.tsv", args.cache)
        if args.probe:
            probe_report(d, args.cache)
        if args.lomo is not None:
            leave_one_mechanism_out(d, args.cache, suffixed(args.lomo, spec, len(specs)))
        if args.lobo is not None:
            leave_one_batch_out(d, args.cache, suffixed(args.lobo, spec, len(specs)))
    if held_out or len(specs) > 1:
        return
    if args.level_only:
        write_level_artefact(d, args.bank)
        return
    everyday = specs[0]
    cv: dict[str, Any] = {}
    if not args.skip_cv:
        reports = cross_validate(d, list(VARIANTS.values()) if args.compare else [variant])
        for name, rep in reports.items():
            print(
                f"{FOLDS}-fold CV by user (unseen users), {name}: AUC={rep['auc']:.3f} recall={rep['recall']:.3f} "
                f"precision={rep['precision']:.3f} (model-only AUC={rep['model_only_auc']:.3f})",
                flush=True,
            )
        if args.cv_json is not None:
            args.cv_json.write_text(json.dumps(reports, indent=2) + "\n", encoding="utf-8")
        cv = reports.get(variant.name, {})
    if args.cv_only:
        return
    everyone = np.arange(len(d.labels))
    sentence = fit_sentence_model(d, everyone)
    if args.batches:
        t_sentence, tune_figures = held_out_threshold(d, sentence, d.tune, args.sentence_threshold)
    elif args.sentence_threshold is not None:
        t_sentence, tune_figures = fixed_sentence_threshold(sentence, d.tune, args.sentence_threshold)
    else:
        t_sentence, tune_figures = choose_sentence_threshold(sentence, d.tune)
    print(f"sentence threshold {t_sentence:.3f}: tune half {tune_figures}", flush=True)
    s_all = summaries(d, sentence, everyone)
    c, weight, t_person, inner = choose_person(d, everyone, s_all, SEED, variant)
    person = fit_person(person_x(d, everyone, s_all, variant), d.users_y, c, weight)
    meta = {
        "name": "risk-sentence-minilm-lr+person-ngram-lr",
        "data": {
            "cssrs": "cssrs/users.csv (Gaur et al. 2019, Reddit C-SSRS, CC BY; the project's share of users)",
            "cssrs_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
            "bank": "scripts/risk_paraphrases.jsonl (written for Reverie)",
            "bank_sha256": hashlib.sha256(args.bank.read_bytes()).hexdigest(),
            # the sentence model's inputs from the written lines under this lexicon (tests/analysis_risk/
            # test_artefact.py recomputes it: a lexicon change that alters them needs a retrain)
            "bank_inputs_sha256": training_inputs_sha256(str(item["text"]) for item in d.bank_items),
            "tune": [str(p.relative_to(ROOT)) for p in args.tune] + ["(sentence threshold only)"],
        },
        "licence": "weights derived from CC BY data (Gaur et al. 2019) and Reverie's own bank",
        "data_sha256": hashlib.sha256(args.data.read_bytes()).hexdigest(),
        "n_users": len(d.labels),
        "n_bank_sentences": len(d.bank_rows),
        "seed": SEED,
        "encoder": "models/encoder (int8 ONNX MiniLM, 384 dimensions)",
        "encoder_output": ENCODER_OUTPUT,
        "sentence_features": list(SENTENCE_FEATURES),
        "sentence_model": {
            "C": SENTENCE_C,
            "embed_scale": EMBED_SCALE,
            "cssrs_weight": CSSRS_WEIGHT,
            "cssrs_labels": CSSRS_LABELS,
            "max_false_alarms": MAX_FALSE_ALARMS,
            "threshold_rule": (
                "the fifth round's: the most genuine tuning cases flagged, pooled false alarms within the cap, "
                "the demo calm"
                if args.sentence_threshold is None
                else f"fixed at {args.sentence_threshold} (docs/risk.md, the round that set it)"
            ),
        },
        "features": {
            "hash_dim": HASH_DIM,
            "ngrams": "word 1-2, log1p counts, L2",
            "rules": list(RULE_FEATURES),
            "summary": list(SUMMARY_FEATURES),
        },
        "person_model": {
            "variant": variant.name,
            "summaries_read": [SUMMARY_FEATURES[i] for i in variant.summaries],
            "ngrams": variant.ngrams,
            "summary_scale": variant.scale,
            "C": c,
            "class_weight": weight or "none",
            "selection_on_all_users": inner,
        },
        "target_recall": TARGET_RECALL,
        "cv": {k: cv[k] for k in ("n", "auc", "recall", "precision", "confusion", "model_only_auc", "folds")}
        if cv
        else None,
        "tune_half": tune_figures,
    }
    if args.batches:
        meta["data"]["batches"] = {
            name: hashlib.sha256((CHALLENGE_DIR / f"challenge_{name}.jsonl").read_bytes()).hexdigest()
            for name in TRAINING_BATCHES
        }
        meta["data"]["batch_inputs_sha256"] = training_inputs_sha256(
            str(item["text"]) for _, item in training_batch_items()
        )
        meta["sentence_model"]["batch_weight"] = BATCH_WEIGHT
        meta["sentence_model"]["batch_labels"] = BATCH_LABELS
        meta["sentence_model"]["threshold_rule"] = (
            "the seventh round's, on the tuning batches' held-out scores (each without its own lines)"
            if args.sentence_threshold is None
            else f"fixed at {args.sentence_threshold} (docs/risk.md, the round that set it)"
        )
        if BATCH_LABELS == "content":
            meta["data"]["instance_selector"] = {
                "file": str(INSTANCE_SELECTOR.relative_to(ROOT)),
                "sha256": hashlib.sha256(INSTANCE_SELECTOR.read_bytes()).hexdigest(),
                "content_score": CONTENT_SCORE,
            }
    if everyday is not None and everyday.written:
        meta["data"]["everyday"] = (
            "scripts/risk_everyday_bank.jsonl (written for Reverie): its training two thirds as negatives"
        )
        meta["data"]["everyday_sha256"] = hashlib.sha256(EVERYDAY_BANK.read_bytes()).hexdigest()
        meta["sentence_model"]["everyday"] = {
            "written": True,
            "weight": everyday.weight,
            "held_seed": EVERYDAY_HELD_SEED,
            "sentences": len(d.everyday_rows),
        }
    elif everyday is not None:
        meta["data"]["everyday"] = (
            "goemotions/train.tsv (Demszky et al. 2020, GoEmotions, Apache-2.0): comments without risk "
            "language as weak negatives"
        )
        meta["data"]["everyday_sha256"] = hashlib.sha256(
            (args.data.parent.parent / "goemotions" / "train.tsv").read_bytes()
        ).hexdigest()
        meta["licence"] = (
            "weights derived from CC BY data (Gaur et al. 2019), Apache-2.0 data (GoEmotions) and Reverie's own bank"
        )
        meta["sentence_model"]["everyday"] = {
            "n": everyday.n,
            "weight": everyday.weight,
            "no_sad": everyday.no_sad,
            "sentences": len(d.everyday_rows),
        }
    write_artefact(as_risk_model(sentence, t_sentence, person, t_person, variant), meta)


if __name__ == "__main__":
    main()
