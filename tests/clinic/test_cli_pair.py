"""``reverie pair``: a therapist links a client from the command line (brief q3, QA qa33 point 16)."""

from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$", re.M)


def test_cli_pair_invite_accept_list_and_end_after_asking(cli: Any) -> None:
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    issued = cli("pair", "invite", "--user", "theo")[1]
    code = CODE.search(issued)
    assert code is not None, issued  # four groups of five, as docs/usage.md shows
    assert "You are now linked." in cli("pair", "accept", code.group(0).lower(), "--user", "cara")[1]
    listed = cli("pair", "list", "--user", "theo")[1]
    assert "cara" in listed
    pair_id = listed.split("\t")[0]
    kept = cli("pair", "end", pair_id, "--user", "cara", input="n\n")[1]
    assert "Kept the link." in kept and "cara" in cli("pair", "list", "--user", "theo")[1]  # the near miss
    assert "has ended" in cli("pair", "end", pair_id, "--user", "cara", "--yes")[1]
    assert cli("pair", "list", "--user", "theo")[1].strip() == ""
