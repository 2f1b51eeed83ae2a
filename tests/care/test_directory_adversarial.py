"""Review r2: old directory links, the fit check and the profile form, forged and odd inputs. An approach in a link
in another case or with spaces ("?modality=dit") finds DIT and ticks its box, so pressing Search again keeps the
filter; a forged fit-check answer names the question; the profile form, after a save or a refusal, ticks the boxes
that were sent (a '; '-joined text post, another case), so a second save does not lose them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from test_directory_listing import PROFILE

from reverie.care.services import directory
from reverie.programmes import fit as fit_rules
from reverie.programmes.directory import COLUMNS

pytestmark = pytest.mark.django_db
HEADER = ",".join(COLUMNS)
ROWS = (
    "t1,Dr Ada Example,psychoanalytic;DIT,dit,en;de,yes,yes,London,GB,80,120,GBP,open",
    "t2,Art Room,art,art_therapy,en,no,yes,,IE,60,60,GBP,open",
)


def _ticked(html: str, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]*)" checked', html)


@pytest.mark.parametrize("query", ["modality=dit", "modality=%20DIT%20", "modality=Dit&modality=ART"])
def test_an_approach_in_another_case_is_ticked_so_searching_again_keeps_it(query: str) -> None:
    directory.import_csv(None, ("\n".join([HEADER, *ROWS]) + "\n").encode())
    html = Client().get(f"/directory/?{query}").content.decode()
    assert "Dr Ada Example" in html
    assert "DIT" in _ticked(html, "modality")
    assert ("art" in _ticked(html, "modality")) == ("ART" in query)


def _fit_form(**changes: str) -> dict[str, str]:
    form = {f"seed_{key}": "yes" for key, _ in fit_rules.SEED_QUESTIONS}
    form |= {f"pref_{item.key}": "0" for item in fit_rules.PREFERENCE_ITEMS}
    form["structure"] = "open_ended"
    form.update(changes)
    return {k: v for k, v in form.items() if v != "-"}


@pytest.mark.parametrize("forged", ["-", "maybe", "YES", "x" * 10000])
def test_a_forged_seed_answer_names_its_question_and_keeps_the_other_answers(forged: str) -> None:
    key, question = fit_rules.SEED_QUESTIONS[2]
    page = Client().post("/fit/", _fit_form(**{f"seed_{key}": forged, "structure": "structured"}))
    html = page.content.decode()
    assert page.status_code == 400
    error = re.search(r'<p class="error" role="alert">(.*?)</p>', html, re.S)
    assert error is not None and question.replace("'", "&#x27;") in error.group(1)
    assert "xxxxxxxxxx" not in html.split('role="alert"')[1].split("</p>")[0]
    assert 'value="structured" checked' in html
    first = fit_rules.SEED_QUESTIONS[0][0]
    assert f'name="seed_{first}" value="yes" checked' in html


@pytest.mark.parametrize(
    "sent",
    [
        {"modalities": "psychodynamic; DIT", "formats": "dit; long_term"},  # the form before the tick boxes
        {"modalities": ["psychodynamic", "dit"], "formats": ["DIT", " long_term "]},
    ],
)
@pytest.mark.parametrize("fee_min", ["70", "abc"])
def test_the_profile_form_ticks_what_was_sent_after_a_save_or_a_refusal(
    sent: dict[str, Any], fee_min: str, make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user(role="therapist"))
    page = web.post("/directory/profile/", {**PROFILE, **sent, "fee_min": fee_min})
    html = page.content.decode()
    assert page.status_code == (200 if fee_min == "70" else 400)
    assert _ticked(html, "modalities") == ["psychodynamic", "DIT"]
    assert _ticked(html, "formats") == ["dit", "long_term"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_link_or_form_with_too_many_fields_is_a_plain_400_not_an_incident(method: str) -> None:
    """Over Django's 1,000 fields (a link with the same approach 1,500 times, a forged post) the request is
    malformed: a plain 400, as for a body too large, never 'Reverie hit an unexpected problem' (a 500)."""
    fields = "&".join(["modality=DIT"] * 1500)
    client = Client(raise_request_exception=False)
    if method == "get":
        page = client.get(f"/directory/?{fields}")
    else:
        page = client.post("/fit/", fields, content_type="application/x-www-form-urlencoded")
    assert page.status_code == 400
    assert "refused as malformed" in page.content.decode() and "Incident" not in page.content.decode()


def _options(html: str, name: str) -> list[tuple[str, str, bool]]:
    select = re.search(rf'<select id="{name}" name="{name}">(.*?)</select>', html, re.S)
    assert select is not None, f"no {name} select"
    found = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select.group(1))
    return [(value, label, bool(selected)) for value, selected, label in found]


@pytest.mark.parametrize("query", ["country=UK", "country=uk", "country=GB"])
def test_uk_and_gb_are_one_country_in_the_select_and_the_search(query: str) -> None:
    """'UK' is the crisis lines' alias of GB and reads "United Kingdom": a listing saved with UK and one with GB
    were two "United Kingdom" options finding different people, and ?country=UK found only the UK one."""
    uk = ROWS[1].replace("t2,", "t9,").replace("Art Room", "Uk Room").replace(",IE,", ",UK,")
    directory.import_csv(None, ("\n".join([HEADER, *ROWS, uk]) + "\n").encode())
    html = Client().get(f"/directory/?{query}").content.decode()
    assert "Dr Ada Example" in html and "Uk Room" in html and "Art Room" not in html
    assert [o for o in _options(html, "country") if o[1] == "United Kingdom"] == [
        ("GB", "United Kingdom", True)
    ]


@pytest.mark.parametrize("query", ["", "language=en&mode=online"])
def test_an_empty_directory_says_so_rather_than_try_fewer_filters(query: str) -> None:
    """With no listings at all, 'No therapist matches all of these filters. Try fewer.' sent a person with no
    filters to remove filters; the page says the directory has no one listed yet."""
    html = Client().get(f"/directory/?{query}").content.decode()
    assert "Try fewer" not in html and "No therapist is listed in the directory yet." in html
    directory.import_csv(None, ("\n".join([HEADER, *ROWS]) + "\n").encode())
    assert "Try fewer" in Client().get("/directory/?language=fr").content.decode()
