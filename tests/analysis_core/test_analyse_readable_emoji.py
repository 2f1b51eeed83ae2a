"""(Found by review r74 of h80.)'s readable output (``reverie analyse FILE``): the person's words are to be quoted as written
(``print_readable``: "What comes from the text ... is printed literally"). Real subprocesses (the ``cli`` fixture)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_the_readable_output_quotes_an_emoji_code_as_typed(cli: Any, tmp_path: Path) -> None:
    """A person who types an emoji shortcode, as chat apps and forums teach them to ("again :cry: and I felt so
    sad"), sees the quote under "Feelings the words suggest" with "😢" in place of what they wrote: Rich's emoji
    codes are replaced even though the markup is escaped. They should see ":cry:" exactly as typed."""
    path = tmp_path / "entry.txt"
    path.write_text("My mum shouted at me again :cry: and I felt so sad and lonely.\n", encoding="utf-8")
    _, out, _ = cli("analyse", str(path), "--only", "emotions")
    assert "\U0001f622" not in out
    assert ":cry:" in out
