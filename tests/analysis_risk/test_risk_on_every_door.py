"""The risk screen on every door: ``reverie analyse`` (one text and ``--jsonl``) and the Python API read a text's risk
as saving it does, whatever the language check says, and over the whole text however long (review r71). Each CLI
test runs the real command in its own process (the ``cli`` fixture) on texts written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reverie.analysis import pipeline
from reverie.analysis.document import MAX_ANALYSED_CHARS
from reverie.analysis.risk import SAVE_SENTENCES, screen

# A terse entry that says plainly it is a goodbye, in words too few and too unusual for the language check.
TERSE_RISK = "Suicidal. Plan ready. Goodbye everyone."


def _risk_levels(result: dict[str, Any]) -> list[str]:
    return [f["label"] for f in result["findings"] if f["kind"] == "risk"]


def _long_text() -> str:
    """About 110 kB of everyday days, ending in a plan with the means at hand."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    things = ["the garden", "my sister's flat", "the library", "the market", "the dentist", "the allotment"]
    body = " ".join(
        f"On {days[i % 7]} number {i} I went to {things[i % 6]} and came home at {i % 12 + 1} o'clock."
        for i in range(1500)
    )
    return body + " I have the pills counted out and I am going to kill myself tonight.\n"


def test_a_terse_risk_entry_gets_its_risk_screen_on_the_analyse_door_too(cli: Any, tmp_path: Path) -> None:
    """ "Suicidal. Plan ready. Goodbye everyone." fails the language check: `reverie analyse` showed only "Language
    not supported yet" and no risk finding, while saving the same words screens them as ideation. The pipeline
    itself runs the risk screen on any text that is not blank (docs/risk.md)."""
    at_save = screen(TERSE_RISK, max_sentences=SAVE_SENTENCES).level
    assert at_save == "ideation"  # what the save-time screen reads for these words
    path = tmp_path / "entry.txt"
    path.write_text(TERSE_RISK + "\n", encoding="utf-8")
    _, out, _ = cli("analyse", str(path), "--json", "--only", "risk")
    assert _risk_levels(json.loads(out)) == [at_save]
    batch = tmp_path / "entries.jsonl"
    batch.write_text(json.dumps({"id": "e1", "text": TERSE_RISK}) + "\n", encoding="utf-8")
    _, out, _ = cli("analyse", "--jsonl", str(batch), "--only", "risk")
    assert _risk_levels(json.loads(out.splitlines()[0])) == [at_save]


def test_the_python_api_screens_risk_where_the_language_check_leaves_no_sentence() -> None:
    """`pipeline.analyse` on the terse entry, with every analyzer: the others are skipped for want of sentences
    (and say so), the risk screen runs and is recorded as run."""
    result = pipeline.analyse(TERSE_RISK, "free_association")
    assert [f.label for f in result.findings if f.kind == "risk"] == ["ideation"]
    assert "risk" in result.analyzers and "risk" not in result.skipped
    assert result.skipped and set(result.skipped.values()) == {pipeline.NO_SENTENCES}
    assert any(note.startswith("Language not supported yet") for note in result.notes)
    blank = pipeline.analyse("   \n", "free_association", only={"risk"})
    assert blank.findings == () and blank.skipped == {"risk": pipeline.NO_SENTENCES}


def test_a_long_entrys_last_words_of_risk_reach_the_analysis(cli: Any, tmp_path: Path) -> None:
    """A 110 kB entry ending "I have the pills counted out and I am going to kill myself tonight.": the save's
    screen reads the whole text (behavior); `reverie analyse` read only the first 100,000 characters. The risk
    screen reads the whole text on every door, and the note says plainly which analyzers read only the start."""
    text = _long_text()
    assert len(text) > MAX_ANALYSED_CHARS
    at_save = screen(text, max_sentences=SAVE_SENTENCES).level
    assert at_save == "behavior"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    _, out, _ = cli("analyse", str(path), "--json", "--only", "risk")
    result = json.loads(out)
    assert _risk_levels(result) == [at_save]
    assert result["truncated"] is True
    assert (
        f"Only the first {MAX_ANALYSED_CHARS:,} characters were analysed; the risk analyzer read the whole text."
        in result["notes"]
    )
