"""``reverie analyse --jsonl``: a line's "kind" is read as ``--kind`` reads it, a string that is not valid text is
refused with its line, and a line ends at "\\n" only (review r71). Real subprocesses (the ``cli`` fixture)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DREAM = "I dreamt my friend Sam chased me through a dark station and I was terrified."


def test_a_batch_lines_kind_is_read_as_the_kind_option_reads_it(cli: Any, tmp_path: Path) -> None:
    """ "kind": "Dream" ran no dream coding and said nothing, while `--kind Dream` codes the dream; an unknown kind
    was accepted. Both doors read a kind one way (the journal's words or codes, any case), and a kind that is none
    of them is refused with its line number, as `--kind nonsense` is."""
    single = tmp_path / "dream.txt"
    single.write_text(DREAM, encoding="utf-8")
    _, out, _ = cli("analyse", str(single), "--kind", "Dream", "--json", "--only", "dreams")
    assert "dream_code" in {f["kind"] for f in json.loads(out)["findings"]}
    batch = tmp_path / "dreams.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": DREAM, "kind": "Dream"}) + "\n", encoding="utf-8")
    _, out, _ = cli("analyse", "--jsonl", str(batch), "--only", "dreams")
    row = json.loads(out.splitlines()[0])
    assert row["kind"] == "dream"
    assert "dream_code" in {f["kind"] for f in row["findings"]}
    odd = tmp_path / "odd.jsonl"
    odd.write_text(json.dumps({"id": 1, "text": DREAM, "kind": "nonsense"}) + "\n", encoding="utf-8")
    code, out, err = cli("analyse", "--jsonl", str(odd), "--only", "dreams", check=False)
    assert code == 2 and "Line 1" in err and "Unknown kind" in err and out == ""


def test_a_batch_id_with_a_lone_surrogate_is_a_plain_refusal(cli: Any, tmp_path: Path) -> None:
    """An "id" of "\\ud83d" (half an emoji, valid JSON) ended the run with an unexpected UnicodeEncodeError, exit
    70, after the models loaded. It is refused before anything is analysed: a plain message naming the line,
    exit 2."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "\\ud83d", "text": "My friend called me today."}\n', encoding="utf-8")
    code, _, err = cli("analyse", "--jsonl", str(path), "--only", "people", check=False)
    assert "unexpected" not in err
    assert code == 2 and "Line 1" in err


def test_a_batch_text_with_a_lone_surrogate_is_refused_not_half_analysed(cli: Any, tmp_path: Path) -> None:
    """A "text" holding "\\ud800" was analysed with its analyzers failing one by one ("could not run"), exit 0.
    It is refused up front with its line number (the one rule for text on every door), exit 2."""
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": 1, "text": "My friend Sam called me \\ud800 today."}\n', encoding="utf-8")
    code, out, err = cli("analyse", "--jsonl", str(path), "--only", "people", check=False)
    assert "could not run" not in out
    assert code == 2 and "Line 1" in err


def test_a_batch_line_with_a_unicode_line_separator_inside_its_text_is_read(cli: Any, tmp_path: Path) -> None:
    """Lines written with `json.dumps(row, ensure_ascii=False)` may hold a raw U+2028 inside a string (valid JSON
    Lines): the file was refused ("Line 1 is not valid JSON.") because lines were split with str.splitlines."""
    row = {"id": 1, "text": "My friend Sam called.\u2028Then my mum rang."}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, err = cli("analyse", "--jsonl", str(path), "--only", "people", check=False)
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1]
