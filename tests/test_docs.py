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


def test_docs_name_the_export_schema_the_export_writes() -> None:
    """Review r83: README called `docs/export-schema-v6.json` "the published schema" after the export had moved to
    `reverie.export/7`. README and ARCHITECTURE name the schema `interchange.SCHEMA` writes, its file exists, and
    README lists the older schemas generically (`export-schema-v<N>.json`), so no version number goes stale there."""
    import re

    from reverie.journal.interchange import SCHEMA

    version = SCHEMA.rsplit("/", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"docs/export-schema-v(\d+)\.json` — the published schema", readme)
    assert named == [version], f"README's published schema: {named}; the export writes {SCHEMA}"
    assert (ROOT / "docs" / f"export-schema-v{version}.json").is_file()
    assert f"`{SCHEMA}`" in readme
    assert set(re.findall(r"export-schema-v(\d+)\.json", readme)) == {version}, (
        "older schemas: named generically"
    )
    assert set(re.findall(r"reverie\.export/(\d+)", readme)) == {version}
    architecture = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert re.findall(
        r"export \(`reverie\.export/(\d+)`, `docs/export-schema-v(\d+)\.json`", architecture
    ) == [(version, version)]
