"""Review r136, on a real clinic (PostgreSQL stopped for 10 s under a save): a signed-in person's page or form
post while the database is out of reach failed before any view ran (the session is read from the database by the
middleware), so it met Django's 500 "Something went wrong … Reverie hit an unexpected problem", never the busy
503 that docs/deploy.md promises ("The web answers it as its busy 503 page") with `Retry-After`, and a client who
pressed Save was not told that the entry was not saved. It should answer as a view's database failure does: 503,
`Retry-After`, "… so this was not saved", and never the posted words (who is signed in cannot be read, so whose
words they are cannot be checked) in the page or the log. Real Django test client, the database made unreachable
for real (no mocks), as `test_public_pages_resilience.py` does."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

WORDS = "CANARY-R136-DOWN the night I could not sleep"


def _returning() -> Client:
    """A browser that signed in before the outage: it still holds its session cookie."""
    browser = Client(raise_request_exception=False)
    browser.cookies["sessionid"] = "a0b1c2d3e4f5g6h7i8j9k0l1m2n3o4p5"
    return browser


@pytest.mark.db
def test_a_save_while_the_database_is_down_says_not_saved_with_503(
    database_down: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    page = _returning().post("/write/", {"kind": "reflection", "body": WORDS, "title": "CANARY-R136-TITLE"})
    text = page.content.decode()
    assert page.status_code == 503, page.status_code
    assert page["Retry-After"]
    assert "not saved" in text and "Reverie hit an unexpected problem" not in text
    assert "CANARY-R136" not in text  # whose words they are cannot be checked without the database
    assert "CANARY-R136" not in caplog.text


@pytest.mark.db
def test_a_page_while_the_database_is_down_is_the_busy_503(database_down: None) -> None:
    page = _returning().get("/journal/")
    assert page.status_code == 503, page.status_code
    assert page["Retry-After"]
