"""Batch analysis of JSON lines: ``reverie analyse --jsonl FILE``.

Input: one JSON object per line, ``{"id": …, "text": …, "kind": …}`` (``kind`` optional, default
``free_association``, read as ``--kind`` reads it: a journal kind's words or code in any case, or session; ``id``
any JSON value, echoed back). Lines end at ``\n`` only, and every string must be valid text
(:func:`reverie.analysis.jsonlines.objects`). Output: one JSON line per input line, in order,
``{"schema": "reverie.analysis.batch/1", "analysis_schema": "reverie.analysis/1", "id": …, "line": n,
"kind", "truncated", "notes", "analyzers", "findings"}`` (the single-text result's fields). The models are loaded once and texts go
through the pipeline in chunks (one encoder pass per chunk). The whole input is checked before anything is
analysed, so a malformed line stops the run at once with its line number (never its text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from reverie.analysis import jsonlines
from reverie.analysis.kinds import analysis_kind
from reverie.errors import InvalidInput

SCHEMA = "reverie.analysis.batch/1"
CHUNK = 16
DEFAULT_KIND = "free_association"
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BatchItem:
    line: int
    id: Any
    text: str
    kind: str


def read_items(raw: str) -> list[BatchItem]:
    """Parse and check every line (blank lines are skipped)."""
    return [_item(row, number) for number, row in jsonlines.objects(raw)]


def _item(row: dict[str, Any], number: int) -> BatchItem:
    text = row.get("text")
    if not isinstance(text, str):
        raise InvalidInput(f'Line {number} has no "text" string.')
    kind = row.get("kind", DEFAULT_KIND)
    if kind is None:
        kind = DEFAULT_KIND
    if not isinstance(kind, str) or not kind.strip():
        raise InvalidInput(f'Line {number}: "kind" must be a non-empty string.')
    try:
        code = analysis_kind(kind)  # read as --kind reads it
    except InvalidInput as exc:
        raise InvalidInput(f"Line {number}: {exc.message}") from None
    return BatchItem(line=number, id=row.get("id"), text=text, kind=code)


def analyse_items(
    items: Sequence[BatchItem],
    out: TextIO,
    *,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
    chunk: int = CHUNK,
) -> int:
    """Analyse ``items`` in chunks and write one JSON line each to ``out``; returns the count written."""
    from reverie.analysis.pipeline import analyse_many

    done = 0
    for start in range(0, len(items), chunk):
        part = items[start : start + chunk]
        results = analyse_many([(i.text, i.kind) for i in part], only=only)
        for item, result in zip(part, results, strict=True):
            analysis = result.to_json()
            row = {"id": item.id, "line": item.line, **analysis, "schema": SCHEMA}
            row["analysis_schema"] = analysis["schema"]
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        done += len(part)
        if progress is not None:
            progress(done, len(items))
    return done


def analyse_jsonl(
    raw: str, out: TextIO, *, only: Collection[str] | None = None, progress: Progress | None = None
) -> int:
    return analyse_items(read_items(raw), out, only=only, progress=progress)
