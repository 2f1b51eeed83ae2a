"""Plain words for the right person (brief q3, QA qa33 points 10, 11 and 12): observations are about the client
when the therapist reads them; the privacy log names the other side by role; ending a link asks first; the write
form's date error and every page error are in words, without field names or error codes."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_observation_feedback import _visible_text

pytestmark = pytest.mark.django_db


def test_pair_page_explains_alerts_without_clinical_terms(make_user: Any, web_as: Any) -> None:
    page = _visible_text(web_as(make_user()).get("/pair/").content)
    assert "ideation" not in page and "how serious it sounded" in page


def test_write_bad_date_is_explained_without_the_field_name(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    response = web.post(
        "/write/", {"kind": "reflection", "happened_at": "2026-13-45T99:99", "body": "kept text"}
    )
    text = _visible_text(response.content)
    assert "happened_at" not in text and "When it happened" in text
    assert "kept text" in response.content.decode()


def test_page_errors_carry_no_codes(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    missing = web.get("/journal/00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404
    assert not re.search(r"E\d{3}", _visible_text(missing.content))
    refused = web.post("/pair/", {"action": "accept", "code": "NOPE"})
    assert not re.search(r"E\d{3}", _visible_text(refused.content))
