"""One JSON Lines reader for every ``.jsonl`` input: a bad line is a clear error naming the file and the line, never
its content, in the batch command and in every evaluation reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis import jsonlines
from reverie.analysis.evaluation.dreams import read_coded_dreams
from reverie.analysis.evaluation.episodes import read_vignettes, vignette_files
from reverie.analysis.evaluation.risk import read_challenge
from reverie.errors import InvalidInput

SECRET = "my secret words"


def test_objects_skip_blank_lines_and_keep_line_numbers() -> None:
    raw = '{"a": 1}\n\n   \n{"b": 2}\n'
    assert jsonlines.objects(raw) == [(1, {"a": 1}), (4, {"b": 2})]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{" + SECRET, "Line 2 of x.jsonl is not valid JSON."),
        (f'["{SECRET}"]', "Line 2 of x.jsonl is not a JSON object."),
        ("[" * 100_000 + "]" * 100_000, "Line 2 of x.jsonl is not (valid JSON|a JSON object)."),
    ],
)
def test_a_bad_line_names_its_number_never_its_content(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"ok": true}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=message) as caught:
        jsonlines.read_objects(path)
    assert SECRET not in str(caught.value)


def test_a_missing_or_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"The challenge file gone\.jsonl cannot be read\."):
        jsonlines.read_objects(tmp_path / "gone.jsonl", what="challenge file")
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InvalidInput, match="cannot be read"):
        jsonlines.read_objects(binary)


def test_every_evaluation_reader_refuses_a_bad_line_with_its_number(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a", "expect": "none", "group": "idiom"}\n{' + SECRET + "\n", encoding="utf-8")
    for reader in (read_challenge, read_vignettes, read_coded_dreams):
        with pytest.raises(InvalidInput, match=r"Line 2 of bad\.jsonl is not valid JSON\.") as caught:
            reader(bad)
        assert SECRET not in str(caught.value)


def test_a_challenge_line_without_its_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"text": "fine", "expect": "none", "group": "idiom"}\n{"text": "x", "expect": "maybe"}\n'
    )
    with pytest.raises(InvalidInput, match=r"Line 2 of c\.jsonl needs text, group and a known expect level"):
        read_challenge(path)


@pytest.mark.parametrize(
    "episodes",
    [
        '"none"',
        '[{"w": 1, "ro": 2, "rs": 3}]',
        '[{"other": "boss", "w": "one", "ro": 2, "rs": 3}]',
        '[{"other": "boss", "w": 1.5, "ro": 2, "rs": 3}]',
    ],
)
def test_a_vignette_with_a_malformed_episode_is_refused(tmp_path: Path, episodes: str) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"text": "t", "episodes": []}\n{"text": "t", "episodes": ' + episodes + "}\n")
    with pytest.raises(InvalidInput, match=r"Line 2 of v\.jsonl"):
        read_vignettes(path)


def test_a_valid_vignette_reads_with_its_null_components(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text(
        '{"text": "t", "episodes": [{"other": "boss", "w": 1, "ro": null, "rs": 3}], "voice": "x"}\n'
    )
    assert read_vignettes(path) == [
        {
            "text": "t",
            "kind": "journal",
            "episodes": [{"other": "boss", "w": 1, "ro": None, "rs": 3}],
        }
    ]


@pytest.mark.parametrize("content", ["", "\n  \n\n"])
def test_an_evaluation_file_with_nothing_to_read_is_an_error_not_a_score_of_zero(
    tmp_path: Path, content: str
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text(content, encoding="utf-8")
    for reader in (read_challenge, read_vignettes, read_coded_dreams):
        with pytest.raises(InvalidInput, match=r"empty\.jsonl holds no lines to read\."):
            reader(empty)
    # a batch of nothing (reverie analyse --jsonl) stays an empty batch
    assert jsonlines.objects(content) == []


def test_vignette_files_come_in_the_order_they_were_written(tmp_path: Path) -> None:
    names = [
        "vignettes_frozen10.jsonl",
        "vignettes_frozen2.jsonl",
        "vignettes.jsonl",
        "vignettes_extra.jsonl",
    ]
    names += ["vignettes_frozen.jsonl", "vignettes_holdout.jsonl", "other.jsonl"]
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in vignette_files(tmp_path)] == [
        "vignettes.jsonl",
        "vignettes_holdout.jsonl",
        "vignettes_frozen.jsonl",
        "vignettes_frozen2.jsonl",
        "vignettes_frozen10.jsonl",
        "vignettes_extra.jsonl",
    ]


@pytest.mark.parametrize("inside", ["\u2028", "\u2029", "\u0085"])
def test_a_line_ends_at_a_newline_only_never_inside_a_string(inside: str) -> None:
    """Characters that str.splitlines breaks at but JSON keeps raw inside a string (review r71; the control
    characters it also breaks at, a form feed among them, are never raw in valid JSON)."""
    raw = json.dumps({"text": f"one{inside}two"}, ensure_ascii=False) + "\r\n" + '{"b": 2}\n'
    assert jsonlines.objects(raw) == [(1, {"text": f"one{inside}two"}), (2, {"b": 2})]


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "\\ud83d", "text": "x"}',
        '{"text": "a \\udc00 b"}',
        '{"meta": [{"\\ud800": 1}]}',
        '{"t": "a\\u0000"}',
    ],
)
def test_a_string_that_is_not_valid_text_is_refused_with_its_line(line: str) -> None:
    with pytest.raises(InvalidInput, match=r"^Line 2 of x\.jsonl contains ") as caught:
        jsonlines.objects('{"ok": 1}\n' + line + "\n", where=" of x.jsonl")
    assert "ud8" not in str(caught.value)
