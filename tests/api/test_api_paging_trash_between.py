"""Review r64: paging ``GET /entries`` while the journal changes on another device.

(h76: ``?after=<id of the last entry shown>``, a keyset cursor, is the answer; offset paging is documented as
counting from the newest entry at each call.) docs/api.md promised that "paging by offset reaches each once". Offsets count from the newest entry at the moment
of each call, so an entry trashed on the laptop between two pages moves every older entry up by one: the phone's
next page starts one too far and one entry is never shown (and an entry written meanwhile shows one twice). The API
offers no way to ask for "the entries older than the last one I have" (a cursor), so a client cannot avoid it.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from api_client import as_token

pytestmark = pytest.mark.django_db


def test_an_entry_trashed_between_two_pages_hides_no_other_entry(make_user: Any) -> None:
    """A client scrolls their journal on the phone, two entries a page. On the laptop they move the newest entry
    to the trash. The phone's next page skips an entry that is still in the journal, so the phone never shows it;
    they should see every entry still there exactly once."""
    api = as_token(make_user(role="client"))
    start = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
    ids = []
    for day in range(5):
        made = api.post(
            "entries",
            {
                "kind": "reflection",
                "body": f"Day {day} went by.",
                "happened_at": (start + timedelta(days=day)).isoformat(),
            },
        )
        assert made.status_code == 201, made.content
        ids.append(json.loads(made.content)["id"])
    seen: list[str] = []
    page = json.loads(api.get("entries", data={"limit": 2, "offset": 0}).content)
    seen += [e["id"] for e in page]
    assert seen == [ids[4], ids[3]]
    assert api.delete(f"entries/{ids[4]}").status_code == 204  # on the laptop, meanwhile
    for _ in range(5):  # h76: the next page starts after the last entry shown (a cursor), not at an offset
        page = json.loads(api.get("entries", data={"limit": 2, "after": seen[-1]}).content)
        if not page:
            break
        seen += [e["id"] for e in page]
    missing = [i for i in ids[:4] if i not in seen]
    assert not missing, f"{len(missing)} entries still in the journal were never shown"
    assert len(seen) == len(set(seen)) == 5  # each once, the trashed one only where it was shown


def test_a_cursor_naming_no_entry_of_the_callers_is_refused_plainly(make_user: Any) -> None:
    """A cursor naming someone else's entry answers as one naming no entry at all: 400, in plain words."""
    mine, theirs = as_token(make_user(role="client")), as_token(make_user(role="client"))
    other = json.loads(theirs.post("entries", {"kind": "reflection", "body": "Theirs."}).content)["id"]
    answers = [
        mine.get("entries", data={"after": other}),
        mine.get("entries", data={"after": str(uuid.uuid4())}),
    ]
    assert [a.status_code for a in answers] == [400, 400]
    assert json.loads(answers[0].content) == json.loads(answers[1].content)
