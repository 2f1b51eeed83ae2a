"""h92: the therapist's directory profile showed a refusal only at the top of the page, in the words of a CSV row
("column 'fee_max'"), never on the box. Each refusal is now on its box too (the row check names its column, the
form's box of that column shows it): ``aria-invalid``, described by its message, the typed values kept."""

from __future__ import annotations

import html as html_lib
from typing import Any

import pytest

from field_errors import field_error
from reverie.care.models import DirectoryProfile

pytestmark = pytest.mark.django_db
PROFILE = {
    "name": "Dr Bea Sample",
    "modalities": "psychodynamic",
    "languages": "en",
    "online": "yes",
    "country": "GB",
    "fee_min": "70",
    "fee_max": "90",
    "currency": "GBP",
    "availability": "open",
}


@pytest.mark.parametrize(
    ("change", "box", "words"),
    [
        ({"email": "bea at example"}, "email", "e-mail address"),
        ({"fee_max": "50"}, "fee_max", "below"),
        ({"website": "example.org"}, "website", "https://"),
        ({"online": ""}, "sessions", "in-person or online"),
        ({"in_person": "yes", "location": ""}, "location", "in-person sessions"),
        ({"modalities": "astrology"}, "modalities-boxes", "not on the form"),
    ],
    ids=["email", "fee-order", "website", "no-mode", "no-location", "forged-choice"],
)
def test_a_refused_profile_is_said_on_its_box(
    make_user: Any, web_as: Any, change: dict[str, str], box: str, words: str
) -> None:
    web = web_as(make_user(role="therapist"))
    page = web.post("/directory/profile/", {**PROFILE, **change})
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html  # the summary at the top still says it
    shown = html_lib.unescape(html)
    assert 'value="Dr Bea Sample"' in shown
    for key, typed in change.items():  # a typed text comes back (the boxes offer only their choices)
        assert key in ("online", "in_person", "modalities") or f'value="{typed}"' in shown, key
    assert not DirectoryProfile.objects.exists()
