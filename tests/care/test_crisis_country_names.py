"""Brief u32 point 2: crisis lines are listed under plain country names wherever a person reads them; the codes
stay in the data (the API keeps ``country``)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
NAMES = (
    "United States",
    "Canada",
    "United Kingdom",
    "Ireland",
    "Germany",
    "France",
    "Australia",
    "New Zealand",
    "European Union",
)
CODES = ("US", "CA", "GB", "IE", "DE", "FR", "AU", "NZ", "EU")


def _no_bare_code(page: str) -> None:
    for code in CODES:
        assert not re.search(rf"<(strong|h2|summary)>{code}</", page), code


def test_the_safety_page_heads_each_country_by_name(make_user: Any, web_as: Any) -> None:
    page = web_as(make_user()).get("/safety/").content.decode()
    for name in NAMES:
        assert f"<h2>{name}</h2>" in page
    _no_bare_code(page)


def test_i_need_help_now_lists_countries_by_name(make_user: Any, web_as: Any) -> None:
    client = make_user()
    journal.create_entry(
        client, EntryDraft(kind="reflection", body="I want to kill myself. Nobody would miss me.")
    )
    pending = alerts.pending_check_in(client)
    assert pending is not None
    page = (
        web_as(client)
        .post("/check-in/", {"check_in": str(pending.id), "answer": "need_help"})
        .content.decode()
    )
    assert "Or call your local emergency number." in page
    for name in NAMES:
        assert f"<strong>{name}</strong>" in page
    _no_bare_code(page)


def test_codes_stay_in_the_data_and_an_unknown_code_is_never_shown_bare(make_user: Any, web_as: Any) -> None:
    from reverie.programmes.countries import country_name

    body = web_as(make_user()).get("/api/v1/safety/crisis-lines").json()
    assert {c["country"] for c in body} >= set(CODES)
    assert country_name("uk") == "United Kingdom" and country_name("GB") == "United Kingdom"
    assert country_name("XQ") == "Country code XQ"
