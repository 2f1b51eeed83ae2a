"""Docs that cannot drift: every declared setting is documented."""

from __future__ import annotations

from pathlib import Path

from reverie.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]


def test_docs_every_setting_is_documented() -> None:
    text = (ROOT / "docs" / "settings.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert missing == []


def test_docs_readme_has_exactly_two_setup_commands() -> None:
    text = (ROOT / "README.md").read_text()
    blocks = text.split("```sh\n")[1:]
    assert [b.split("\n", 1)[0] for b in blocks] == ["scripts/start", "scripts/test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test" in ci


def test_docs_cli_reference_is_current() -> None:
    from reverie.cli.main import app
    from reverie.cli.reference import markdown

    assert (ROOT / "docs" / "cli.md").read_text() == markdown(app), (
        "run: python -m reverie.cli.reference > docs/cli.md"
    )


def test_docs_test_modules_have_unique_names() -> None:
    """pytest imports test modules by file name: two with one name break collection of the whole suite."""
    names = [p.name for p in (ROOT / "tests").rglob("*.py") if p.name != "conftest.py"]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_no_test_imports_the_tests_folder_as_a_package() -> None:
    """CI runs `.venv/bin/pytest`, which does not put the clone's root on the path: `from tests.x import y` passed
    under `python -m pytest` here and failed five tests there (stop 40). Helpers at tests/ top level are imported by
    their own name (`from web_client import signed_in`)."""
    import re

    pattern = re.compile(r"^\s*(from tests[.\s]|import tests\b)", re.MULTILINE)
    found = [
        str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("*.py") if pattern.search(p.read_text())
    ]
    assert found == []


def test_a_clients_journal_commands_speak_plainly() -> None:
    """Walk r3: `reverie journal write` and `export` told a client about "$EDITOR", "stdin", "ISO 8601" and a "JSON
    schema"; the reference (generated from the code) holds the words a client reads."""
    from reverie.cli.main import app
    from reverie.cli.reference import markdown

    text = markdown(app)
    for command in ("reverie journal write", "reverie journal export"):
        section = text.split(f"### `{command}`")[1].split("\n### ")[0]
        for jargon in ("$EDITOR", "stdin", "ISO 8601", "schema"):
            assert jargon not in section, (command, jargon)
