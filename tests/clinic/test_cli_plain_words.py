"""The command line in plain words (brief u1): help placeholders, the kinds of entry, numbers typed wrong, and a
recovery copy that can never be saved."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from reverie.cli.main import app
from reverie.cli.reference import _walk

TYPE_NAMES = re.compile(r"<(str|int|float|path|bool|datetime)[^>]*>|list\[")


@pytest.fixture(autouse=True)
def _plain_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "typer.core.HAS_RICH", False
    )  # as `reverie` prints it (reverie.cli sets TYPER_USE_RICH=0)


def _help(*path: str) -> str:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, (path, result.output)
    return result.output


def test_cli_help_shows_plain_placeholders_never_python_types() -> None:
    import typer

    root = typer.main.get_command(app)
    walked = [path for path, command in _walk(root, []) if not getattr(command, "commands", None)]
    assert len(walked) > 30
    for path in walked:
        out = _help(*path)
        assert not TYPE_NAMES.search(out), (path, out)
        assert "{" not in out.split("\n")[0], (path, out)  # the usage line names arguments as Click does
    listed = _help("journal", "list")
    assert "-u, --user NAME" in listed and "--kind KIND" in listed
    shown = _help("journal", "show")
    assert "journal show [OPTIONS] ENTRY_ID" in shown
    assert "--file FILE" in _help("journal", "write") and "--days NUMBER" in _help("user", "invite-therapist")


def test_cli_kind_help_lists_the_kinds_in_words() -> None:
    from reverie.clinic.models import EntryKind

    for command in ("write", "list"):
        out = " ".join(_help("journal", command).split())
        for label in EntryKind.labels:  # the words the web's form shows, from the same table
            assert label.lower().split(" or ")[0] in out, (command, label)
        assert "free_association" not in out.split("--kind KIND")[1].split("--")[0]


@pytest.mark.db
def test_cli_kind_in_words_is_accepted_and_an_unknown_kind_names_the_choices(cli: Any) -> None:
    cli("user", "create", "kira")
    assert cli("journal", "write", "-u", "kira", "--kind", "Free association", input="A walk.")[1].startswith(
        "Saved free association"
    )
    cli("journal", "write", "-u", "kira", "--kind", "mindful-choice", input="Chose tea.")
    for command in (("write",), ("list",)):
        code, _, err = cli("journal", *command, "-u", "kira", "--kind", "nightmare", input="x", check=False)
        assert code == 2 and "Traceback" not in err and "[E100]" in err, err
        assert "Unknown entry kind" in err and "daydream (or fantasy)" in err and "mindful choice" in err
    rows = json.loads(cli("journal", "list", "-u", "kira", "--kind", "Mindful choice", "--json")[1])
    assert [row["kind"] for row in rows] == ["mindful_choice"]
    table = cli("journal", "list", "-u", "kira")[1]
    assert "Free association" in table and "free_association" not in table


@pytest.mark.db
def test_cli_a_number_typed_wrong_is_a_plain_error(cli: Any) -> None:
    cli("user", "create", "nico")
    for args in (
        ("token", "revoke", "abc", "-u", "nico"),
        ("token", "revoke", "1.5", "-u", "nico"),
        ("token", "revoke", "-3", "-u", "nico"),
        ("token", "revoke", "99999999999999999999999", "-u", "nico"),
        ("token", "revoke", "0", "-u", "nico"),
        ("pair", "end", "abc", "-u", "nico"),
        ("insights", "--client", "x", "-u", "nico"),
        ("user", "invite-therapist", "--days", "two"),
        ("journal", "recover", "--discard", "first", "-u", "nico"),
    ):
        code, _, err = cli(*args, check=False)
        assert code == 2, (args, code, err)
        assert err.startswith("error: ") and "[E100]" in err, (args, err)
        for jargon in ("Invalid value", "valid integer", "No such option", "Traceback", "Usage:", "incident"):
            assert jargon not in err, (args, err)
        assert "number" in err, (args, err)


@pytest.mark.db
def test_cli_recover_discard_drops_a_copy_that_can_never_be_saved_after_asking(cli: Any) -> None:
    cli("user", "create", "rosa")
    code, _, err = cli(
        "journal", "write", "-u", "rosa", "--happened-at", "2999-01-01", input="x", check=False
    )
    assert code != 0 and "kept in" in err
    [copy] = list((cli.data_dir / "recovery").glob("*/*.json"))
    copy.write_text("{damaged")  # can never be saved: before, every `journal recover` offered it again
    for _ in range(2):
        code, _, err = cli("journal", "recover", "-u", "rosa", check=False)
        assert code == 1 and "left in place as copy 1" in err and "--discard NUMBER" in err
    code, _, err = cli("journal", "recover", "-u", "rosa", "--discard", "2", check=False)
    assert code == 2 and "no recovery copy 2" in err and copy.exists()
    code, out, _ = cli("journal", "recover", "-u", "rosa", "--discard", "1", input="n\n")
    assert "Kept recovery copy 1" in out and copy.exists()  # never silently
    code, out, _ = cli("journal", "recover", "-u", "rosa", "--discard", "1", "--yes")
    assert f"Deleted recovery copy 1 ({copy.name})" in out and not copy.exists()
    code, out, err = cli("journal", "recover", "-u", "rosa")
    assert "Recovered 0 entries" in out and "left in place" not in err
