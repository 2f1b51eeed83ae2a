"""a data folder setting that names a file is "unexpected FileExistsError", not a plain message."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_doctor_with_reverie_data_dir_naming_a_file_is_a_configuration_error(
    cli: Any, tmp_path: Path
) -> None:
    """An admin sets ``REVERIE_DATA_DIR`` to the database file instead of its folder (``…/reverie/reverie.sqlite3``)
    and runs ``reverie doctor``: it prints "error: unexpected FileExistsError (incident …); run with --debug." and
    exits 70, a crash report, not what is wrong. It should say in plain words that REVERIE_DATA_DIR names a file,
    not a folder (naming the path), as a configuration error (E600, exit 9) like every other bad setting."""
    not_a_folder = tmp_path / "reverie.sqlite3"
    not_a_folder.write_bytes(b"")
    code, out, err = cli("doctor", check=False, REVERIE_DATA_DIR=str(not_a_folder))
    said = out + err
    assert "unexpected" not in said and "incident" not in said, said
    assert str(not_a_folder) in said and "REVERIE_DATA_DIR" in said, said
    assert code == 9, (code, said)
