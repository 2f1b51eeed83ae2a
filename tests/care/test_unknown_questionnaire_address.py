"""Review r61: a mistyped questionnaire address.

docs/usage.md: "A mistyped or old address answers Reverie's own 'We could not find that page', with the crisis lines
and a way back." ``/measures/fill/<id>/`` with an id that is no questionnaire (an old bookmark, a link typed in
capitals) answers 400 "That did not work — Unknown questionnaire; expected one of: phq9, gad7.": internal codes on a
client's page, and no crisis lines (``measure_views.measure_fill`` lets ``get_questionnaire``'s InvalidInput through)."""

from __future__ import annotations

from typing import Any

import pytest

from web_client import signed_in as _as

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("wrong", ["PHQ9", "phq-9", "k10"])
def test_a_mistyped_questionnaire_address_is_the_plain_not_found_page(
    dit: tuple[Any, Any, Any], wrong: str
) -> None:
    """A client opens /measures/fill/PHQ9/ from a note they typed. They see "Unknown questionnaire; expected one of:
    phq9, gad7." with status 400. They should get the documented "We could not find that page" (404) with the
    crisis lines, and never the codes phq9/gad7."""
    client, _, _ = dit
    reply = _as(client).get(f"/measures/fill/{wrong}/")
    page = reply.content.decode()
    assert reply.status_code == 404
    assert "We could not find that page" in page
    assert "phq9" not in page and "gad7" not in page
