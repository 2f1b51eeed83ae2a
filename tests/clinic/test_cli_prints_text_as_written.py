"""Every command that prints what a person wrote prints it as written (r81): square brackets are not Rich styling
("[red]", "[/]", "[link=x]" neither crash the command nor vanish), ":smile:" is not an emoji code; a progress bar
never reaches a pipe; and the command reference lists every exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.journal.interchange import markdown_text

BODY = "[red]late[/] :smile: [/] [link=x]dad[/link]"
TITLE = "[bold]night[/bold]"
FEELING = "[blue]calm"
WIDE = {"COLUMNS": "200"}


@pytest.mark.db
@pytest.mark.slow
def test_every_command_that_prints_an_entry_prints_its_brackets_as_written(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "ana")
    cli("journal", "write", "-u", "ana", "--title", TITLE, "--feeling", f"{FEELING}:3", input=BODY + "\n")
    (entry_id,) = [row["id"] for row in json.loads(cli("journal", "list", "-u", "ana", "--json")[1])]
    for command, expected in [
        (("journal", "list"), (BODY, FEELING)),
        (("journal", "search", "dad"), (BODY, FEELING)),
        (("journal", "show", entry_id[:8]), (BODY, TITLE, FEELING)),
        # Markdown source: the words escaped so that a Markdown reader shows them as written (review r127)
        (
            ("journal", "export", "--format", "markdown"),
            (markdown_text(BODY), markdown_text(TITLE, inline=True)),
        ),
        (("insights",), ()),
    ]:
        rc, out, err = cli(*command, "-u", "ana", check=False, **WIDE)
        assert rc == 0, (command, err)
        for text in expected:
            assert text in out, (command, text, out)
        assert "😄" not in out, command
    note = tmp_path / "note.txt"
    note.write_text(f"Yesterday I phoned my father. {BODY}\n", encoding="utf-8")
    rc, out, err = cli("analyse", str(note), "--only", "timeframes,people", check=False, **WIDE)
    assert rc == 0, err
    assert "😄" not in out


@pytest.mark.db
@pytest.mark.slow
def test_import_piped_to_a_file_prints_only_what_it_says(cli: Any, tmp_path: Path) -> None:
    """`journal import … > log`: no progress bar's empty line before "Imported …"."""
    cli("user", "create", "ana")
    cli("user", "create", "ben")
    cli("journal", "write", "-u", "ana", input="a walk by the river\n")
    export = tmp_path / "ana.json"
    cli("journal", "export", "-u", "ana", "--output", str(export))
    _, out, _ = cli("journal", "import", str(export), "-u", "ben")
    assert out.startswith("Imported 1 entry; 0 were already here."), repr(out)  # never "1 entries"


def test_the_command_reference_lists_every_exit_status() -> None:
    """A script that reads `reverie`'s exit status finds each one in docs/cli.md (4: not found, 70: a fault)."""
    from reverie.cli.main import app
    from reverie.cli.reference import markdown
    from reverie.errors import ReverieError

    def family(cls: type[ReverieError]) -> list[type[ReverieError]]:
        return [cls, *(c for sub in cls.__subclasses__() for c in family(sub))]

    page = markdown(app)
    codes = {cls.exit_code for cls in family(ReverieError)} | {0, 70, 130}
    for code in codes:
        assert f"\n- {code}: " in page, code
    assert "`E404`" in page
