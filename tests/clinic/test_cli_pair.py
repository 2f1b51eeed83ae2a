"""``reverie pair``: a therapist links a client from the command line (brief q3, QA qa33 point 16)."""

from __future__ import annotations

import re
import sqlite3
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


def test_cli_pair_end_tells_a_therapist_which_course_records_become_unreachable(cli: Any) -> None:
    """Review r133 (fault 1): `reverie pair end` asked only "Nothing more is shared after it"; to a therapist it now
    names each course record with the client that the end puts out of reach, where to download it, and the
    client's open alerts, before the question. A client is asked as before."""
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    code = CODE.search(cli("pair", "invite", "--user", "theo")[1])
    assert code is not None
    cli("pair", "accept", code.group(0), "--user", "cara")
    cli("course", "create", "-u", "theo", "--client", "cara", "--programme", "dit",
        "--start", "2030-03-04T10:00", "--tz", "Europe/London")  # fmt: skip
    cli("measure", "fill", "phq9", "-u", "cara", "--answers", "1,1,1,1,1,1,1,1,2")  # an open alert
    pair_id = cli("pair", "list", "--user", "theo")[1].split("\t")[0]
    asked = cli("pair", "end", pair_id, "--user", "theo", input="n\n")[1]
    assert (
        "become unreachable: 0 sessions held, 0 progress notes" in asked
        and "1 questionnaire answered" in asked
    )
    assert "/record/" in asked and "Risk alert not acknowledged" in asked and "Kept the link." in asked
    assert asked.index("become unreachable") < asked.index("End link")
    with sqlite3.connect(cli.data_dir / "reverie.sqlite3") as db:  # the alert lines shown: a reading, audited
        (reads,) = db.execute(
            "SELECT count(*) FROM clinic_auditevent WHERE action = 'risk.alert.read'"
        ).fetchone()
    assert reads == 1
    for_client = cli("pair", "end", pair_id, "--user", "cara", input="n\n")[1]
    assert "become unreachable" not in for_client and "Kept the link." in for_client
