"""Evaluate the risk screen on the C-SSRS Reddit format (Gaur et al. 2019): one row per user.

The CSV has columns ``User``, ``Post`` (a Python-list literal of that user's posts; about 6 % are cut or badly
quoted, and are read as well as they can be) and ``Label`` (Supportive, Indicator, Ideation, Behavior,
Attempt). Each user's posts are joined and screened as one text. "Positive" means ideation or worse.

If the shipped model was trained on the file being evaluated, the figures are training-set figures: the result
says so (``training_set``) and ``docs/risk.md`` gives the cross-validated ones.

The report also carries ``challenge``: the hand-written challenge set (``tests/analysis_risk/challenge_*.jsonl``,
when the source tree is at hand), each half screened entry by entry with :func:`screen` exactly as at save time:
the share of genuine first-person cases flagged, the false-alarm rate on hard negatives, and how many hard
negatives reached ``attempt``.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis import jsonlines
from reverie.analysis.encoder import BASE_OUTPUT, encode_output
from reverie.analysis.risk import (
    IDEATION,
    LEVELS,
    MODEL_DIR,
    RiskModel,
    RiskScreen,
    load_model,
    screen,
    screen_person,
)
from reverie.analysis.risk_lexicon import SESSION_KINDS
from reverie.errors import AnalysisUnavailable, InvalidInput
from reverie.journal.kinds import KINDS

if TYPE_CHECKING:
    import numpy.typing as npt

LABELS = ("Supportive", "Indicator", "Ideation", "Behavior", "Attempt")
CHALLENGE_DIR = Path(__file__).resolve().parents[4] / "tests" / "analysis_risk"
# The batches named first come first in the report; any other ``challenge_<name>.jsonl`` in the folder (a new
# held-back batch such as ``frozen3``) is reported too, by its name, with no code change (docs/risk.md).
CHALLENGE_HALVES = ("tune", "frozen", "frozen2")
_CHALLENGE_NAME = re.compile(r"challenge_([a-z0-9_-]+)\.jsonl")
POSITIVE = frozenset(LABELS[2:])
_SPLIT = re.compile(r"""['"]\s*,\s*['"]""")


@dataclass(frozen=True, slots=True)
class User:
    user: str
    text: str
    label: str
    malformed: bool


def parse_posts(raw: str) -> tuple[list[str], bool]:
    """The posts in one ``Post`` cell and whether the cell was malformed (then split as well as possible)."""
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        value = None
    if isinstance(value, list):
        return [str(v) for v in value], False
    body = raw.strip().removeprefix("[").removesuffix("]").strip()
    return [p.strip("'\" ") for p in _SPLIT.split(body) if p.strip("'\" ")], True


def read_users(path: Path) -> list[User]:
    """Rows of a C-SSRS users file; raises :class:`InvalidInput` when the file or its columns are missing."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise InvalidInput(f"The C-SSRS file {path.name} cannot be read.") from exc
    if rows and not {"Post", "Label"} <= set(rows[0]):
        raise InvalidInput(f"The C-SSRS file {path.name} needs the columns Post and Label.")
    users = []
    for i, row in enumerate(rows):
        if row["Label"] not in LABELS:
            raise InvalidInput(f"Row {i + 2} of {path.name} has an unknown label.")
        posts, malformed = parse_posts(row["Post"] or "")
        users.append(User(row.get("User") or f"row-{i + 2}", "\n\n".join(posts), row["Label"], malformed))
    return users


def auc(scores: Sequence[float], positives: Sequence[bool]) -> float | None:
    """Area under the ROC curve (Mann–Whitney, ties counted half); ``None`` with only one class."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(positives, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_scores = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def summarise(labels: Sequence[str], levels: Sequence[str], scores: Sequence[float]) -> dict[str, Any]:
    """AUC on the score, recall and precision of "ideation or worse", and the label × level confusion."""
    truth = [label in POSITIVE for label in labels]
    flagged = [LEVELS.index(level) >= IDEATION for level in levels]
    tp = sum(t and f for t, f in zip(truth, flagged, strict=True))
    confusion = [[0] * len(LEVELS) for _ in LABELS]
    for label, level in zip(labels, levels, strict=True):
        confusion[LABELS.index(label)][LEVELS.index(level)] += 1
    return {
        "n": len(labels),
        "auc": auc(scores, truth),
        "recall": tp / sum(truth) if sum(truth) else None,
        "precision": tp / sum(flagged) if sum(flagged) else None,
        "confusion": confusion,
        "labels": {"rows": list(LABELS), "columns": list(LEVELS)},
    }


def evaluate_risk(
    path: Path, *, model: RiskModel | bool | None = True, challenge_dir: Path = CHALLENGE_DIR
) -> dict[str, Any]:
    """Screen every user in ``path`` and report ``auc``, ``recall``, ``precision``, ``confusion``, ``n``.

    Each row is one person's posts, so the top-level figures use :func:`screen_person` (the model may flag).
    ``entry_mode`` gives the same figures for :func:`screen`, the per-entry screen (levels from the lexicon).
    ``confusion[i][j]`` counts users with true label ``LABELS[i]`` screened at level ``LEVELS[j]``.
    Recall and precision are for ideation-or-worse at the shipped threshold; AUC uses the continuous score.
    ``challenge`` screens every challenge batch in ``challenge_dir`` (the source tree's by default).
    """
    users = read_users(path)
    labels = [u.label for u in users]
    encoder = _memo_encoder(model)
    people = [screen_person([u.text], model=model, encoder=encoder) for u in users]
    report = summarise(labels, [r.level for r in people], [r.score for r in people])
    entries = [screen(u.text, model=model, encoder=encoder) for u in users]
    entry = summarise(labels, [r.level for r in entries], [r.score for r in entries])
    report["entry_mode"] = {k: entry[k] for k in ("auc", "recall", "precision", "confusion")}
    report["threshold"] = people[0].threshold if people else None
    report["malformed_rows"] = sum(u.malformed for u in users)
    report["training_set"] = _trained_on(path) if model is True else False
    report["challenge"] = evaluate_challenge(challenge_dir, model=model)
    if report["training_set"]:
        report["note"] = (
            "The shipped model was trained on this file: these are training-set figures. "
            "See docs/risk.md for the 5-fold cross-validated figures."
        )
    return report


# The kinds a challenge line may name (``kind``): a journal entry's, or a therapist's session note, which the screen
# reads as the app reads a note (the client named in the third person is the client). A line without ``kind`` is
# read as a free-association entry, as every batch before frozen29 was.
CHALLENGE_KINDS = frozenset(KINDS) | SESSION_KINDS


def read_challenge(path: Path) -> list[dict[str, Any]]:
    """Challenge items (JSON lines: ``text``, ``expect`` (lowest acceptable level, or ``none``), ``group``, and
    optionally ``kind``, one of :data:`CHALLENGE_KINDS`)."""
    items = jsonlines.read_objects(path, what="challenge file")
    for number, item in items:
        if not {"text", "expect", "group"} <= set(item) or (item["expect"] not in LEVELS):
            raise InvalidInput(f"Line {number} of {path.name} needs text, group and a known expect level.")
        if item.get("kind", "free_association") not in CHALLENGE_KINDS:
            raise InvalidInput(
                f"Line {number} of {path.name} names a kind the screen does not read; use one of "
                + ", ".join(sorted(CHALLENGE_KINDS))
                + "."
            )
    return [item for _, item in items]


def _screened(item: dict[str, Any], model: RiskModel | bool | None, encoder: Any | None) -> RiskScreen:
    return screen(item["text"], item.get("kind", "free_association"), model=model, encoder=encoder)


def challenge_figures(
    items: list[dict[str, Any]], *, model: RiskModel | bool | None = True, encoder: Any | None = None
) -> dict[str, Any]:
    """Screen each item as an entry of its kind (a session note as a note): genuine cases (``group == "genuine"``)
    flagged and at their expected level, hard negatives flagged (false alarms) and at ``attempt`` (never
    acceptable)."""
    genuine = [i for i in items if i["group"] == "genuine"]
    negative = [i for i in items if i["group"] != "genuine"]
    screened_genuine = [_screened(i, model, encoder) for i in genuine]
    screened_negative = [_screened(i, model, encoder) for i in negative]
    flagged = sum(r.flagged for r in screened_genuine)
    at_level = sum(
        LEVELS.index(r.level) >= LEVELS.index(i["expect"])
        for i, r in zip(genuine, screened_genuine, strict=True)
    )
    alarms = [i["group"] for i, r in zip(negative, screened_negative, strict=True) if r.flagged]
    attempts = [i["group"] for i, r in zip(negative, screened_negative, strict=True) if r.level == "attempt"]
    return {
        "n_genuine": len(genuine),
        "n_negative": len(negative),
        "genuine_flagged": flagged / len(genuine) if genuine else None,
        "genuine_at_expected_level": at_level / len(genuine) if genuine else None,
        "false_alarm_rate": len(alarms) / len(negative) if negative else None,
        "false_alarms_by_group": {g: alarms.count(g) for g in sorted(set(alarms))},
        "negatives_at_attempt": len(attempts),
    }


def evaluate_challenge(
    directory: Path = CHALLENGE_DIR, *, model: RiskModel | bool | None = True
) -> dict[str, Any] | None:
    """:func:`challenge_figures` for every batch found in ``directory`` (``None`` when there is none)."""
    batches = challenge_batches(directory)
    if not batches:
        return None
    encoder = _memo_encoder(model)
    return {
        name: challenge_figures(read_challenge(path), model=model, encoder=encoder)
        for name, path in batches.items()
    }


def challenge_batches(directory: Path = CHALLENGE_DIR) -> dict[str, Path]:
    """Every ``challenge_<name>.jsonl`` in ``directory`` by name: the known batches first (tune, frozen, frozen2),
    then any other in name order (a new held-back batch is measured without a code change)."""
    if not directory.is_dir():
        return {}
    found = {}
    for path in directory.iterdir():
        m = _CHALLENGE_NAME.fullmatch(path.name)
        if m and path.is_file():
            found[m.group(1)] = path
    order = [h for h in CHALLENGE_HALVES if h in found] + sorted(
        h for h in found if h not in CHALLENGE_HALVES
    )
    return {h: found[h] for h in order}


class _MemoEncoder:
    """The shared encoder, remembering each sentence's vector (person and entry mode read the same sentences)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self._known: dict[tuple[str, str], npt.NDArray[np.float32]] = {}
        self.dim = int(inner.dim)

    def encode(self, sentences: list[str]) -> npt.NDArray[np.float32]:
        return self.encode_output(sentences, BASE_OUTPUT)

    def encode_output(self, sentences: list[str], output: str) -> npt.NDArray[np.float32]:
        """One output's vectors (:func:`reverie.analysis.encoder.encode_output`), each sentence encoded once."""
        missing = [s for s in dict.fromkeys(sentences) if (output, s) not in self._known]
        if missing:
            vectors = encode_output(self._inner, missing, output)
            self._known.update(((output, s), v) for s, v in zip(missing, vectors, strict=True))
        if not sentences:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._known[(output, s)] for s in sentences])


def _memo_encoder(model: RiskModel | bool | None) -> _MemoEncoder | None:
    chosen = load_model() if model is True else model or None
    if chosen is None or chosen.sentence_weights is None:
        return None
    from reverie.analysis.onnx_encoder import load_encoder

    try:
        return _MemoEncoder(load_encoder())
    except AnalysisUnavailable:
        return None


def _trained_on(path: Path) -> bool:
    manifest = MODEL_DIR / "manifest.json"
    if not manifest.is_file():
        return False
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return bool(json.loads(manifest.read_text(encoding="utf-8")).get("data_sha256") == digest)
