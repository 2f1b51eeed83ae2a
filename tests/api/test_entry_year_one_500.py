"""r22: the API's entry ``happened_at`` at the start of year 1. ``0001-01-01T00:30:00+01:00`` (a valid ISO time, in
the past) answered 500 (E999, its UTC instant is in year 0); ``0001-01-01T00:30:00Z`` was saved, and then the owner's
journal list answered 500 once their zone is America/New_York (the page's local time is in year 0). A plain 400, or
a page that renders, is owed: the journal service now refuses a happened_at outside the years 1900-9998. Nothing is
mocked."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token

pytestmark = pytest.mark.django_db


def test_api_entry_at_the_first_hour_of_year_one_east_of_utc_is_refused_plainly(make_user: Any) -> None:
    """POST /entries with happened_at 0001-01-01T00:30:00+01:00 answers 400 E100 (no 500)."""
    api = as_token(make_user(role="client"))
    response = api.post(
        "entries", {"kind": "dream", "body": "a dream", "happened_at": "0001-01-01T00:30:00+01:00"}
    )
    assert response.status_code == 400, response.content[:200]


def test_journal_list_west_of_utc_survives_an_entry_in_the_first_hour_of_year_one(
    make_user: Any, web_as: Any
) -> None:
    """An entry saved at 0001-01-01T00:30Z is either refused, or the owner's journal list (New York) answers 200."""
    user = make_user(role="client")
    response = as_token(user).post(
        "entries", {"kind": "dream", "body": "a dream", "happened_at": "0001-01-01T00:30:00Z"}
    )
    if response.status_code == 400:
        return
    user.time_zone = "America/New_York"
    user.save(update_fields=["time_zone"])
    browser = web_as(user)
    browser.raise_request_exception = False
    assert browser.get("/journal/").status_code == 200
