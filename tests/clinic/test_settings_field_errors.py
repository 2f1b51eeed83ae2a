"""h92: the settings page said a refused time zone or a refused choice of what Reverie noticed only at the top of
the page. Each is now on its box too, as on every form (``with_error``): ``aria-invalid``, described by its message;
the summary at the top still says it, and nothing is changed."""

from __future__ import annotations

from typing import Any

import pytest

from field_errors import field_error
from reverie.clinic.services import local_time

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("form", "box", "words"),
    [
        ({"time_zone": "Mars/Olympus"}, "id_time_zone", "Unknown time zone"),
        ({"noticed_on_entries": "sometimes"}, "noticed-boxes", "Choose ask first, always show or never show"),
    ],
    ids=["time-zone", "noticed"],
)
def test_a_refused_setting_is_said_on_its_box(
    make_user: Any, web_as: Any, form: dict[str, str], box: str, words: str
) -> None:
    person = make_user(role="client")
    before = (local_time.zone_name(person), person.noticed_on_entries)
    page = web_as(person).post("/account/settings/", form)
    assert page.status_code == 400
    html = page.content.decode()
    invalid, described = field_error(html, box)
    assert invalid and words in described, (box, invalid, described)
    assert 'role="alert"' in html
    person.refresh_from_db()
    assert (local_time.zone_name(person), person.noticed_on_entries) == before
