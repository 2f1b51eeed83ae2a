"""Page numbers and API windows out of range answer a clear 400/422, never a 500 (issue 11, item 9)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db


def _api(user: Any) -> Client:
    from reverie.api import tokens

    return Client(headers={"Authorization": f"Bearer {tokens.issue(user, 'tests').secret}"})


BAD_PAGES = ["²", "-1", "0", "99999999999999999999", "1e3", "٣", " 2x", "9223372036854775808"]


@pytest.mark.parametrize("raw", BAD_PAGES)
def test_paging_bad_page_numbers_answer_400_naming_the_range(make_user: Any, web_as: Any, raw: str) -> None:
    web = web_as(make_user())
    response = web.get("/journal/", {"page": raw})
    assert response.status_code == 400
    assert b"The page must be a whole number from 1 to 100,000." in response.content


def test_paging_good_pages_still_work(make_user: Any, web_as: Any) -> None:
    user = make_user()
    for i in range(3):
        journal.create_entry(user, EntryDraft(kind="reflection", body=f"note {i}"))
    web = web_as(user)
    assert web.get("/journal/").status_code == 200
    assert web.get("/journal/", {"page": ""}).status_code == 200
    first = web.get("/journal/", {"page": "1"})
    assert first.status_code == 200 and b"note 2" in first.content
    far = web.get("/journal/", {"page": "100000"})  # the largest page: empty, not an error
    assert far.status_code == 200 and b"note 2" not in far.content


@pytest.mark.parametrize(
    "query",
    [
        "limit=9223372036854775808",
        "limit=-1",
        "limit=0",
        "limit=1001",
        "offset=-1",
        "offset=9223372036854775808",
    ],
)
def test_paging_api_windows_out_of_range_answer_422(make_user: Any, query: str) -> None:
    response = _api(make_user()).get(f"/api/v1/entries?{query}")
    assert response.status_code == 422
    assert json.loads(response.content)["error"]["code"] == "E100"


def test_paging_api_limit_and_offset_page_the_list(make_user: Any) -> None:
    user = make_user()
    for i in range(3):
        journal.create_entry(user, EntryDraft(kind="reflection", body=f"note {i}"))
    rows = json.loads(_api(user).get("/api/v1/entries?limit=2&offset=1").content)
    assert [r["body"] for r in rows] == ["note 1", "note 0"]


def test_paging_service_refuses_windows_no_database_can_hold(make_user: Any) -> None:
    user = make_user()
    with pytest.raises(InvalidInput):
        journal.list_entries(user, limit=2**63)
    with pytest.raises(InvalidInput):
        journal.list_entries(user, offset=2**63)
    with pytest.raises(InvalidInput):
        journal.list_entries(user, offset=-1)
