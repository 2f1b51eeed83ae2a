"""Review r64: a PATCH retried after a timeout (the first one was saved, its answer lost) changes nothing more.

The service treats the same edit sent again from the same base as that save (``_is_stored``), but only when the
caller sent the revision it read. ``PATCH /entries/{id}`` without ``revision`` (docs/api.md: "left out, the call
goes ahead as before") stores the identical words a second time: a new revision, a new ETag, an empty
"earlier version" in the history, and another device's edit from the real latest revision refused as
"changed somewhere else" though nothing changed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token

pytestmark = pytest.mark.django_db


def test_patch_sent_twice_without_revision_keeps_one_new_revision(make_user: Any) -> None:
    """A client's app fixes a typo; the answer is lost and the app sends the same PATCH again. The entry now
    shows revision 3 and two identical versions in its history; another of their devices, which read revision 2
    after the first save, is told the entry "was changed somewhere else". They should see revision 2 and one
    earlier version: the retry was the same save."""
    user = make_user(role="client")
    api = as_token(user)
    made = api.post("entries", {"kind": "reflection", "body": "Teh walk helped."})
    assert made.status_code == 201
    path = f"entries/{json.loads(made.content)['id']}"
    first = api.patch(path, {"body": "The walk helped."})
    assert first.status_code == 200 and json.loads(first.content)["revision"] == 2
    again = api.patch(path, {"body": "The walk helped."})
    assert again.status_code == 200
    assert json.loads(again.content)["revision"] == 2, "a retried identical edit made a new revision"
    assert len(json.loads(api.get(f"{path}/revisions").content)) == 1
    other_device = api.patch(path, {"body": "The walk helped a lot.", "revision": 2})
    assert other_device.status_code == 200, other_device.content
