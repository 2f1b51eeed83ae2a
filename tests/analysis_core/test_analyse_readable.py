"""``reverie analyse FILE`` (readable output) quotes the person's words as written, never as Rich markup
(review r71). Real subprocesses (the ``cli`` fixture)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_the_readable_output_quotes_a_transcripts_brackets_as_written(cli: Any, tmp_path: Path) -> None:
    """ "My mum shouted at me again [laughs] and I felt so sad and lonely.": the quote lost "[laughs]"."""
    path = tmp_path / "session.txt"
    path.write_text("My mum shouted at me again [laughs] and I felt so sad and lonely.\n", encoding="utf-8")
    _, out, _ = cli("analyse", str(path), "--only", "emotions")
    assert "[laughs]" in out


def test_the_readable_output_survives_a_closing_bracket_tag_in_the_text(cli: Any, tmp_path: Path) -> None:
    """ "[/i]" in an entry stopped the output with an unexpected MarkupError, exit 70."""
    path = tmp_path / "entry.txt"
    path.write_text("I felt so sad and lonely today [/i] because my mum shouted at me.\n", encoding="utf-8")
    code, out, err = cli("analyse", str(path), "--only", "emotions", check=False)
    assert "unexpected" not in err
    assert code == 0 and "[/i]" in out
