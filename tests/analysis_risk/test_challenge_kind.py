"""A challenge line may name its kind: a session note is screened as the app screens a note (the client named in
the third person is the client), not as a journal entry (frozen29: 16 of 17 notes of a client's own risk went
unflagged when every line was read as an entry)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.evaluation.risk import challenge_figures, read_challenge
from reverie.errors import InvalidInput

NOTE = "Client says she wants to kill herself."  # written for this test


def _write(path: Path, *rows: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_session_note_is_screened_as_a_note(tmp_path: Path) -> None:
    as_note = _write(
        tmp_path / "a.jsonl", {"text": NOTE, "expect": "ideation", "group": "genuine", "kind": "session_note"}
    )
    as_entry = _write(tmp_path / "b.jsonl", {"text": NOTE, "expect": "ideation", "group": "genuine"})
    assert challenge_figures(read_challenge(as_note), model=False)["genuine_flagged"] == 1.0
    assert challenge_figures(read_challenge(as_entry), model=False)["genuine_flagged"] == 0.0


def test_an_unknown_kind_is_refused_by_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.jsonl",
        {"text": "ok", "expect": "none", "group": "plain"},
        {"text": "ok", "expect": "none", "group": "plain", "kind": "diary"},
    )
    with pytest.raises(InvalidInput, match=r"Line 2 of c\.jsonl names a kind"):
        read_challenge(path)
