"""h92: the public directory search (a GET form, its filters in a link) refused a bad value at the top of the page
only. The refusal is now also on the filter it is about, in plain words: ``aria-invalid``, described by the
message, which names the filter; a typed fee comes back."""

from __future__ import annotations

import html as html_lib
from typing import Any

import pytest
from django.test import Client

from field_errors import field_error
from reverie.care.services import directory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "box", "words"),
    [
        ("modality=astrology", "modality-boxes", "approach"),
        ("format=weekend", "format-boxes", "format"),
        ("mode=by_post", "mode", "Sessions are in person, online, or either"),
        ("language=english", "language", "Language: two letters"),
        ("country=Britain", "country", "Country: two letters"),
        ("max_fee=cheap", "max_fee", "The highest fee must be a number"),
        ("max_fee=-5", "max_fee", "The highest fee must be a number from 0"),
        ("currency=pounds", "currency", "Currency: three letters"),
        ("include_full=maybe", "include_full", "Practices that are full"),
    ],
    ids=["approach", "course", "mode", "language", "country", "fee", "fee-negative", "currency", "full"],
)
def test_a_bad_filter_is_said_on_the_filter(make_user: Any, query: str, box: str, words: str) -> None:
    listing = {"name": "Dr Bea Sample", "modalities": "psychodynamic", "languages": "en", "online": "yes"}
    listing |= {"country": "GB", "fee_min": "70", "fee_max": "90", "currency": "GBP", "availability": "open"}
    directory.publish(make_user(role="therapist"), listing)  # a listing: the currency select offers its GBP
    page = Client().get(f"/directory/?{query}")
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    if box == "max_fee":
        assert f'value="{query.split("=")[1]}"' in html_lib.unescape(html)
