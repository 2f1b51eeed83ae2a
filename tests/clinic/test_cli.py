"""The command line, run as a real subprocess with its own data folder (and its own PostgreSQL database there)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.db


def test_cli_help_is_quick_and_lists_commands(cli: Any) -> None:
    _, out, _ = cli("--help")
    for command in ("serve", "journal", "backup", "restore", "erase", "keys"):
        assert command in out


def test_cli_write_list_show_search_export_import(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "erin")
    _, out, _ = cli(
        "journal",
        "write",
        "-u",
        "erin",
        "--kind",
        "dream",
        "--feeling",
        "love:4",
        "--feeling",
        "fear:3",
        input="A house with too many doors. Ünïcode ✨",
    )
    assert out.startswith("Saved dream")
    _, listed, _ = cli("journal", "list", "-u", "erin", "--json")
    rows = json.loads(listed)
    assert rows[0]["feelings"] == [["love", 4], ["fear", 3]]
    _, shown, _ = cli("journal", "show", rows[0]["id"][:8], "-u", "erin")
    assert "too many doors" in shown and "Ünïcode ✨" in shown
    _, found, _ = cli("journal", "search", "DOORS", "-u", "erin", "--json")
    assert len(json.loads(found)) == 1
    export = tmp_path / "export.json"
    cli("journal", "export", "-u", "erin", "-o", str(export))
    assert export.stat().st_mode & 0o077 == 0
    cli("user", "create", "finn")
    _, imported, _ = cli("journal", "import", str(export), "-u", "finn")
    assert "Imported 0 entries" not in imported or "already" in imported


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("--kind", "dream"), b"", "empty"),
        (("--kind", "nightmare"), b"text", "Unknown entry kind"),
        (("--kind", "dream", "--happened-at", "2999-01-01"), b"a dream", "future"),
        (("--kind", "dream"), b"bad \xff\xfe bytes", "UTF-8"),
        (("--kind", "reflection"), b"x" * 1_000_001, "limit"),
    ],
)
def test_cli_bad_entries_exit_nonzero_with_a_clear_message(
    cli: Any, args: tuple[str, ...], stdin: bytes, message: str
) -> None:
    cli("user", "create", "gail")
    code, _, err = cli("journal", "write", "-u", "gail", *args, input=stdin, check=False)
    assert code != 0 and message in err
    _, listed, _ = cli("journal", "list", "-u", "gail", "--json")
    assert json.loads(listed) == []


def test_cli_failed_save_keeps_a_private_recovery_copy(cli: Any) -> None:
    cli("user", "create", "hana")
    code, _, err = cli(
        "journal",
        "write",
        "-u",
        "hana",
        "--kind",
        "dream",
        "--happened-at",
        "2999-01-01",
        input="keep me safe",
        check=False,
    )
    assert code != 0 and "kept in" in err
    copies = list((cli.data_dir / "recovery").glob("*/*.json"))
    assert len(copies) == 1 and copies[0].stat().st_mode & 0o077 == 0
    assert b"keep me safe" not in copies[0].read_bytes()  # sealed with hana's own data key
    cli("journal", "recover", "-u", "hana")
    _, listed, _ = cli("journal", "list", "-u", "hana", "--json")
    assert json.loads(listed)[0]["body"] == "keep me safe"


def test_cli_wrong_password_and_missing_key_file(cli: Any) -> None:
    cli("user", "create", "ivan")
    code, _, err = cli("journal", "list", "-u", "ivan", check=False, REVERIE_PASSWORD="not the password")
    assert code == 3 and "Wrong user name or password" in err
    cli("journal", "write", "-u", "ivan", input="something")
    (cli.data_dir / "keys.json").unlink()
    code, _, err = cli("journal", "list", "-u", "ivan", check=False)
    assert code != 0 and "keys.json" in err and "Traceback" not in err


def test_cli_corrupt_import_exits_nonzero_and_stores_nothing(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "jo")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"entries": [{"title": 1}')
    code, _, err = cli("journal", "import", str(bad), "-u", "jo", check=False)
    assert code == 2 and "error" in err
    _, listed, _ = cli("journal", "list", "-u", "jo", "--json")
    assert json.loads(listed) == []


def _fresh_install_from(cli: Any, tmp_path: Path, name: str) -> Any:
    """Another data folder holding copies of this installation's key files (as a person restoring would)."""
    folder = tmp_path / name
    folder.mkdir()
    for key_file in ("keys.json", "backup-keys.json"):
        (folder / key_file).write_bytes((cli.data_dir / key_file).read_bytes())
        (folder / key_file).chmod(0o600)
    return type(cli)({**cli.env, "REVERIE_DATA_DIR": str(folder)})


def test_cli_backup_restore_and_erase(cli: Any, tmp_path: Path) -> None:
    cli("user", "create", "kim")
    cli("user", "create", "lou")
    cli("journal", "write", "-u", "kim", input="kim before the backup")
    cli("journal", "write", "-u", "lou", input="lou before the backup")
    backup = tmp_path / "backup.json.gz"
    cli("backup", str(backup))
    assert backup.stat().st_mode & 0o077 == 0
    assert b"before the backup" not in __import__("gzip").decompress(backup.read_bytes())
    code, _, err = cli("restore", str(backup), check=False)
    assert code != 0 and "not empty" in err
    if "REVERIE_DATABASE_URL" in cli.env:
        return  # restoring needs a second empty database; the SQLite run covers it
    before_erasure = _fresh_install_from(cli, tmp_path, "restored-before")
    before_erasure("restore", str(backup))
    _, listed, _ = before_erasure("journal", "list", "-u", "kim", "--json")
    assert json.loads(listed)[0]["body"] == "kim before the backup"

    code, _, err = cli("erase", "-u", "kim", check=False)
    assert code != 0 and "--confirm" in err
    cli("erase", "-u", "kim", "--confirm", "kim")
    code, _, _ = cli("journal", "list", "-u", "kim", check=False)
    assert code == 3

    # The old backup, restored with today's key files: the erased person stays erased, the others come back.
    after_erasure = _fresh_install_from(cli, tmp_path, "restored-after")
    after_erasure("restore", str(backup))
    code, _, _ = after_erasure("journal", "list", "-u", "kim", check=False)
    assert code == 3
    _, listed, _ = after_erasure("journal", "list", "-u", "lou", "--json")
    assert json.loads(listed)[0]["body"] == "lou before the backup"


def test_cli_api_tokens_create_list_revoke(cli: Any) -> None:
    cli("user", "create", "tove")
    _, out, _ = cli("token", "create", "laptop", "-u", "tove")
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("rv_")
    _, listed, _ = cli("token", "list", "-u", "tove")
    assert "laptop" in listed and secret not in listed
    token_id = listed.split("\t", 1)[0]
    cli("token", "revoke", token_id, "-u", "tove")
    _, listed, _ = cli("token", "list", "-u", "tove")
    assert "laptop" not in listed


def test_cli_files_are_private_to_their_owner(cli: Any) -> None:
    cli("user", "create", "ulla")
    cli("journal", "write", "-u", "ulla", input="private")
    for path in cli.data_dir.iterdir():
        assert path.stat().st_mode & 0o077 == 0, path.name
