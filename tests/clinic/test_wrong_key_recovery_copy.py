"""r130 fault 3: `reverie journal write` with a wrong master key sealed its "kept" recovery copy under that wrong key
(the fallback key derived from the active master key), so once the right key was back the text could never be
recovered. A master key known not to be the clinic's (it opens none of the stored data keys) is never sealed under:
the copy is kept plain, readable only by its owner, and `journal recover` saves it under the right key.

``recovery.keep`` is the one writer of every recovery copy (`journal write` from a pipe, a file or the editor, the
editor's trouble, the leftover sweep), so this covers each of them."""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

import pytest

from reverie.errors import KeyUnavailable

pytestmark = pytest.mark.db


def test_a_copy_kept_under_a_wrong_master_key_is_recovered_with_the_right_one(cli: Any) -> None:
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", input="erin's words, sealed under the clinic's key")
    cli("user", "create", "bob")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    code, _, err = cli(
        "journal", "write", "-u", "bob", input="bob's first words", check=False, REVERIE_MASTER_KEY=wrong
    )
    assert code == KeyUnavailable.exit_code and "Your text is kept in" in err
    (copy,) = (cli.data_dir / "recovery").glob("*/*.json")
    doc = json.loads(copy.read_text())
    assert "fallback_sealed" not in doc and "sealed" not in doc  # nothing under the wrong key
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    cli("journal", "recover", "-u", "bob")  # the right key (the key file) is back
    _, out, _ = cli("journal", "list", "-u", "bob", "--json")
    assert len(json.loads(out)) == 1
    assert not list((cli.data_dir / "recovery").glob("*/*.json"))
