"""Score the emotion model on a GoEmotions-format TSV (``text <TAB> label ids <TAB> id``), read in place.

Each row is scored as one sentence, through the same path the analyzer uses (shared encoder, then the head and
its thresholds; a row with no label over threshold gets its most likely label). Only aggregates are returned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from reverie.analysis import jsonlines
from reverie.analysis.emotion_scope import emotion_words
from reverie.analysis.emotions import (
    EmotionHead,
    OwnerHead,
    load_head,
    load_owner,
    sentence_probabilities,
    top_emotion,
)
from reverie.analysis.encoder import Encoder, encode_both
from reverie.errors import InvalidInput
from reverie.text import one_line_ending

CHUNK = 256


def read_goemotions(path: Path, labels: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """Texts and a 0/1 matrix (rows x labels); rows without a text or label column are skipped, and a row whose
    labels are not label ids (a header row, an id out of range) is an :class:`InvalidInput` naming its line. Lines
    end at ``\n`` (or ``\r\n``) only, as in :func:`reverie.analysis.jsonlines.objects`."""
    texts: list[str] = []
    targets: list[np.ndarray] = []
    try:
        lines = one_line_ending(path.read_text(encoding="utf-8")).split("\n")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(f"Cannot read the evaluation file {path.name}.") from None
    for number, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if len(parts) < 2 or not parts[1].strip():
            continue
        row = np.zeros(len(labels), dtype=bool)
        row[_label_ids(parts[1], len(labels), f"Line {number} of {path.name}")] = True
        texts.append(parts[0])
        targets.append(row)
    if not texts:
        raise InvalidInput(f"The evaluation file {path.name} has no labelled rows.")
    return texts, np.vstack(targets)


def _label_ids(column: str, count: int, where: str) -> list[int]:
    """The label ids of a GoEmotions row ("3,17"), each a whole number below ``count``; otherwise
    :class:`InvalidInput` naming ``where`` (a header row "labels", an id out of range), never the row's text."""
    ids: list[int] = []
    for part in column.split(","):
        said = part.strip()
        if not (said.isascii() and said.isdigit()) or int(said) >= count:
            raise InvalidInput(
                f"{where} is not a GoEmotions row: its labels must be ids from 0 to {count - 1}, comma-separated."
            )
        ids.append(int(said))
    return ids


def f1_scores(truth: np.ndarray, pred: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-label F1 (0 where a label is neither true nor predicted) and micro-F1."""
    tp = (truth & pred).sum(axis=0).astype(float)
    fp = (~truth & pred).sum(axis=0).astype(float)
    fn = (truth & ~pred).sum(axis=0).astype(float)
    denom = 2 * tp + fp + fn
    per_label = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    micro = 2 * tp.sum() / max(1.0, 2 * tp.sum() + fp.sum() + fn.sum())
    return per_label, float(micro)


def evaluate_emotions(
    path: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    encoder: Encoder | None = None,
    head: EmotionHead | None = None,
    scope: bool = True,
    owner: OwnerHead | None = None,
) -> dict[str, Any]:
    """``{"macro_f1", "micro_f1", "n", "per_label": {name: f1}}`` over the rows of ``path``, as the analyzer
    labels them (head, then negation and attribution: a feeling credited to someone else still counts here,
    since GoEmotions labels the feelings a text expresses, whoever holds them); ``head_only`` gives the
    head's figures without the negation layer. ``owner``: the owner head (1.22.0); by default the installed one
    where the head reads with the top layer, as the analyzer does."""
    if head is None:
        head = load_head()[0]
        if owner is None and scope and head.top is not None:
            owner = load_owner()
    if encoder is None:
        from reverie.analysis.onnx_encoder import load_encoder

        encoder = load_encoder()
    texts, truth = read_goemotions(path, head.labels)
    pred = np.zeros_like(truth)
    probs = np.zeros(truth.shape, dtype=np.float32)
    reader = head  # the head alone where the encoder gives no top-layer vectors (the same for every chunk)
    vectors: list[np.ndarray] = []
    tops: list[np.ndarray] = []
    for start in range(0, len(texts), CHUNK):
        chunk = texts[start : start + CHUNK]
        base, top = encode_both(encoder, chunk)
        reader = head.reading_for(top)
        probs[start : start + len(chunk)] = reader.probabilities(chunk, base, top)
        if top is not None and reader.top is not None:
            vectors.append(base)
            tops.append(top)
        pred[start : start + len(chunk)] = reader.predict(probs[start : start + len(chunk)])
        if progress is not None:
            progress(start + len(chunk), len(texts))
    head_per_label, head_micro = f1_scores(truth, pred)
    if scope:
        both = (
            (np.vstack(vectors), np.vstack(tops))
            if owner is not None and sum(len(t) for t in tops) == len(texts)
            else None
        )
        pred = scoped(texts, reader, probs, pred, owner=owner if both else None, vectors=both)
    per_label, micro = f1_scores(truth, pred)
    return {
        "head_only": {"macro_f1": round(float(head_per_label.mean()), 4), "micro_f1": round(head_micro, 4)},
        "macro_f1": round(float(per_label.mean()), 4),
        "micro_f1": round(micro, 4),
        "n": len(texts),
        "per_label": {name: round(float(f), 4) for name, f in zip(head.labels, per_label, strict=True)},
    }


def scoped(
    texts: list[str],
    head: EmotionHead,
    probs: np.ndarray,
    pred: np.ndarray,
    *,
    owner: OwnerHead | None = None,
    vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Apply the analyzer's journal layer (denial, hedges, sarcasm, stated feelings) row by row, as the
    analyzer does; tagger only, no parser. Someone else's feelings count here (GoEmotions labels the feelings a
    text expresses, whoever holds them); ``neutral`` stands for an abstention, as in the analyzer. With ``owner``
    and the rows' ``vectors`` (base, top layer), the owner head drops what the analyzer's drops (1.22.0)."""
    from reverie.analysis.document import load_spacy
    from reverie.analysis.emotion_scope import good_news
    from reverie.analysis.emotions import apply_scope, owned

    nlp = load_spacy()
    out = np.zeros_like(pred)
    column = {label: j for j, label in enumerate(head.labels)}
    disabled = [name for name in nlp.pipe_names if name in {"parser", "ner"}]
    for i, doc in enumerate(nlp.pipe(texts, batch_size=64, disable=disabled)):
        words = emotion_words(list(doc))
        news = good_news(texts[i])  # as the analyzer reads a whole entry
        reading = apply_scope(head, probs[i], pred[i].astype(bool), words, texts[i], news=news)
        if owner is not None and vectors is not None:
            from_head = frozenset(head.labels[j] for j in np.flatnonzero(pred[i]))
            reading = owned(reading, owner, vectors[0][i], vectors[1][i], from_head)
        for label in (*reading.labels, *reading.others):  # a text expresses others' feelings too
            out[i, column[label]] = True
    return out


def evaluate_journal_emotions(path: Path, *, encoder: Encoder | None = None) -> dict[str, Any]:
    """Journal-voice check: ``{"text", "plausible": [labels], "not": [labels]}`` per line.

    ``top_plausible``: share of texts whose top writer's emotion (the analyzer's first entry finding:
    stated feelings first, then by probability) is in ``plausible``; an abstention (no writer's emotion, or
    only ``neutral``) counts as plausible only when ``neutral`` is in ``plausible``. ``abstained``: share of
    texts where it abstains; ``answered_plausible``: share plausible among the texts where it did not.
    ``wrongly_credited``: share where a label in ``not`` (a denied feeling, or
    someone else's) is credited to the writer. ``head_only``: the same from the head alone (no journal layer).
    ``misses``: the line numbers (1-based) whose top label is not plausible, ``wrong_lines`` those with a
    wrongly credited label (numbers only: no text leaves the function)."""

    from reverie.analysis import pipeline

    if encoder is None:
        from reverie.analysis.onnx_encoder import load_encoder

        encoder = load_encoder()
    head = load_head()[0]
    rows = jsonlines.read_objects(path, what="evaluation file")
    for number, row in rows:
        if not isinstance(row.get("text"), str) or not isinstance(row.get("plausible"), list):
            raise InvalidInput(f'Line {number} of {path.name} needs "text" and a "plausible" list.')
        if not isinstance(row.get("not", []), list):
            raise InvalidInput(f'Line {number} of {path.name}: "not" must be a list.')
    top_ok = wrong = head_ok = head_wrong = abstained = answered_ok = 0
    misses: list[int] = []
    wrong_lines: list[int] = []
    for number, row in rows:
        text = str(row["text"])
        plausible, banned = set(row.get("plausible", [])), set(row.get("not", []))
        result = pipeline.analyse(text, encoder=encoder, only={"emotions"})
        entry = [f for f in result.of_kind("emotion") if f.data.get("scope") == "entry"]
        top = top_emotion(list(result.findings))
        abstained += top == "neutral"
        if top in plausible:
            top_ok += 1
            answered_ok += top != "neutral"
        else:
            misses.append(number)
        if any(f.label in banned for f in entry):
            wrong += 1
            wrong_lines.append(number)
        reader, probs = sentence_probabilities(head, [text], encoder)
        chosen = reader.predict(probs)[0]
        labels = {head.labels[j] for j in np.flatnonzero(chosen)}
        head_top = head.labels[int(np.argmax(probs[0]))]
        head_ok += head_top in plausible
        head_wrong += bool(labels & banned)
    n = len(rows)
    return {
        "file": path.name,
        "n": n,
        "top_plausible": round(top_ok / n, 4) if n else None,
        "abstained": round(abstained / n, 4) if n else None,
        "answered_plausible": round(answered_ok / (n - abstained), 4) if n > abstained else None,
        "wrongly_credited": round(wrong / n, 4) if n else None,
        "head_only": {
            "top_plausible": round(head_ok / n, 4) if n else None,
            "wrongly_credited": round(head_wrong / n, 4) if n else None,
        },
        "misses": misses,
        "wrong_lines": wrong_lines,
    }
