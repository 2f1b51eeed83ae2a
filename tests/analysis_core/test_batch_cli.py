"""``reverie analyse --jsonl``: one JSON line of findings per input line, models loaded once (a real subprocess)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from reverie.analysis.batch import SCHEMA, read_items
from reverie.errors import InvalidInput

ROWS = [
    {"id": 1, "text": "I dreamt a man chased me through a station and I was terrified.", "kind": "dream"},
    {"id": "b", "text": "I picture a quiet house by the sea where nobody shouts at me.", "kind": "daydream"},
    {"id": None, "text": "Lunch with my sister. She laughed at my new job and I felt small."},
]


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_one_line_per_input_in_order(cli: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps(r) for r in ROWS[:2]] + ["", json.dumps(ROWS[2])])
    _, out, _ = cli("analyse", "--jsonl", str(path), "--only", "dreams,people")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [1, "b", None]
    assert [r["line"] for r in rows] == [1, 2, 4]
    assert {r["schema"] for r in rows} == {SCHEMA}
    assert [r["kind"] for r in rows] == ["dream", "daydream", "free_association"]
    kinds = [{f["kind"] for f in r["findings"]} for r in rows]
    assert "dream_code" in kinds[0] and "dream_code" not in kinds[1]
    # the same text analysed alone gives the same findings
    single = tmp_path / "one.txt"
    single.write_text(ROWS[2]["text"], encoding="utf-8")  # type: ignore[arg-type]
    _, alone, _ = cli("analyse", str(single), "--json", "--only", "dreams,people")
    assert json.loads(alone)["findings"] == rows[2]["findings"]


def test_batch_reads_stdin(cli: Any) -> None:
    _, out, _ = cli("analyse", "--jsonl", "-", "--only", "people", input=json.dumps(ROWS[2]) + "\n")
    assert len(out.splitlines()) == 1


def test_a_malformed_line_stops_the_run_with_its_number_and_no_text(cli: Any, tmp_path: Path) -> None:
    secret = "my very private words"
    path = _write(tmp_path, [json.dumps({"id": 1, "text": secret}), '{"id": 2, "text": ' + '"' + secret])
    code, out, err = cli("analyse", "--jsonl", str(path), check=False)
    assert code != 0 and out == ""
    assert "Line 2" in err and secret not in err


def test_read_items_checks_every_line() -> None:
    assert read_items('{"text": "x"}\n')[0].kind == "free_association"
    for bad, message in [
        ("[1, 2]", "Line 1 is not a JSON object"),
        ('{"id": 3}', 'Line 1 has no "text"'),
        ('{"text": "x", "kind": 5}', '"kind" must be'),
    ]:
        with pytest.raises(InvalidInput, match=message):
            read_items(bad)


def test_analyse_items_reports_progress_per_chunk() -> None:
    from reverie.analysis.batch import analyse_items

    items = read_items("\n".join(json.dumps({"id": i, "text": f"My friend {i} called."}) for i in range(3)))
    calls: list[tuple[int, int]] = []
    out = io.StringIO()
    assert (
        analyse_items(items, out, only=["people"], chunk=2, progress=lambda d, t: calls.append((d, t))) == 3
    )
    assert calls == [(2, 3), (3, 3)]
    assert len(out.getvalue().splitlines()) == 3
