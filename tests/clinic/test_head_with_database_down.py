"""h63: with the database out of reach, HEAD answers exactly as GET does, without the body.

Before, ``HeadAsGetMiddleware`` opened its rolled-back transaction before anything else, so with the database
unreachable every HEAD answered 500, a static file's included. Now a HEAD whose transaction cannot open runs the
GET with every statement refused as the database refused it: a static file is 200, a page that needs the database
503 with ``Retry-After``, the same status and headers a GET gets. The database is made unreachable for real (SQLite:
a file in a missing folder; PostgreSQL: a port nothing listens on), not mocked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.db

URLS = (
    "/static/reverie/reverie.css",
    "/favicon.ico",
    "/",
    "/login/",
    "/safety/",
    "/api/v1/safety/crisis-lines",
    "/api/v1/entries",
)


def _answer(response: Any) -> tuple[int, dict[str, str]]:
    response.close()  # a static file's answer holds it open until closed
    return response.status_code, dict(response.headers)


@pytest.mark.parametrize("url", URLS)
def test_head_answers_as_get_with_the_database_down(database_down: None, url: str) -> None:
    client = Client(raise_request_exception=False)
    got, head = client.get(url), client.head(url)
    assert _answer(head) == _answer(got), url
    assert head.getvalue() == b"" and head.status_code != 500


def test_a_static_file_is_200_and_a_page_503_with_retry_after(database_down: None) -> None:
    client = Client(raise_request_exception=False)
    static = client.head("/static/reverie/reverie.css")
    static.close()
    assert static.status_code == 200 and static["Content-Type"].startswith("text/css")
    page = client.head("/")
    assert page.status_code == 503 and int(page["Retry-After"]) > 0
