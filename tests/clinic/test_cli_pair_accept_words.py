"""Review r57: a client who links on the command line is told what their therapist will see, as on the web and
through the API (``alerts.THERAPIST_SEES``)."""

from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}")


def test_a_client_linking_on_the_command_line_is_told_what_the_therapist_will_see(cli: Any) -> None:
    """A client types ``reverie pair accept CODE``. The web's "My therapist" page and the API's accept answer tell
    them what the therapist will now see (risk alerts: how serious it sounded, a date, the check-in answer; never
    their words; nothing written before the link). The command line prints only "You are now linked.": the same
    person linking from a terminal consents to the same thing without being told. It should print the same
    words the web and the API give."""
    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    code = CODE.search(cli("pair", "invite", "--user", "theo")[1])
    assert code is not None
    out = cli("pair", "accept", code.group(0), "--user", "cara")[1]
    assert "You are now linked." in out
    assert "your therapist sees an alert" in out and "The alert never quotes your words" in out, out
