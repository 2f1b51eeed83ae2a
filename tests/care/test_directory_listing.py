"""Directory listings with contact details and a booking link, a profile form with labels (not field names), and
the filters for DIT, psychoanalytic and art/music therapy."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from reverie.care.services import directory
from reverie.errors import InvalidInput
from reverie.programmes.directory import COLUMNS

pytestmark = pytest.mark.django_db
HEADER = ",".join((*COLUMNS, "email", "phone", "website", "booking_url"))
ROWS = (
    "t1,Dr Ada Example,psychoanalytic;DIT,dit,en,yes,yes,London,GB,80,120,GBP,open,"
    "ada@example.org,+44 20 7946 0000,https://ada.example.org,https://book.example.org/ada",
    "t2,Art Room,art,art_therapy,en,no,yes,,GB,60,60,GBP,open,,,,",
    "t3,Sound Space,music,music_therapy,en,no,yes,,GB,60,60,GBP,open,,,,",
)


def _import(*rows: str) -> None:
    directory.import_csv(None, ("\n".join([HEADER, *rows]) + "\n").encode())


# A profile form's fields as a therapist fills them in; each test changes what it is about.
PROFILE: dict[str, Any] = {
    "name": "Dr Bea Sample",
    "languages": "en",
    "online": "yes",
    "country": "GB",
    "fee_min": "70",
    "fee_max": "90",
    "currency": "GBP",
    "availability": "open",
}


def test_listing_shows_contact_details_and_a_booking_link() -> None:
    _import(*ROWS)
    html = Client().get("/directory/?modality=DIT").content.decode()
    assert (
        '<a class="button" href="https://book.example.org/ada" rel="noopener noreferrer nofollow">Book a first session</a>'
        in html
    )
    assert 'href="mailto:ada@example.org"' in html and 'href="tel:+442079460000"' in html
    assert "taking new clients" in html and "Art Room" not in html


@pytest.mark.parametrize(
    ("modality", "name"),
    [
        ("psychoanalytic", "Dr Ada Example"),
        ("DIT", "Dr Ada Example"),
        ("art", "Art Room"),
        ("music", "Sound Space"),
    ],
)
def test_filters_for_dit_psychoanalytic_art_and_music(modality: str, name: str) -> None:
    _import(*ROWS)
    html = Client().get(f"/directory/?modality={modality}").content.decode()
    assert re.search(r"<h2>1 found</h2>", html) and name in html


def test_a_booking_link_must_be_a_web_address() -> None:
    with pytest.raises(InvalidInput, match="column 'booking_url': must be a web address"):
        _import(ROWS[0].replace("https://book.example.org/ada", "javascript:alert(1)"))


def test_profile_form_shows_labels_and_publishes_contacts(make_user: Any, web_as: Any) -> None:
    therapist = make_user(role="therapist")
    web = web_as(therapist)
    form = web.get("/directory/profile/").content.decode()
    assert ">Lowest fee per session</label>" in form and ">Link to book a first session</label>" in form
    assert ">fee_max</label>" not in form and ">in_person</label>" not in form
    fields = {
        **PROFILE,
        "modalities": "psychodynamic, DIT",
        "formats": "dit",
        "booking_url": "https://book.example.org/bea",
    }
    saved = web.post("/directory/profile/", fields)
    assert saved.status_code == 200 and "Published." in saved.content.decode()
    assert 'value="https://book.example.org/bea"' in web.get("/directory/profile/").content.decode()
    assert "https://book.example.org/bea" in Client().get("/directory/").content.decode()


def test_profile_form_errors_name_fields_as_the_form_does(make_user: Any, web_as: Any) -> None:
    """Walk x3: a bad fee on the profile form was reported as "column 'fee_min': ..."; the form's errors name the
    field by its label. The CSV import keeps its line and column (the file's own words)."""
    web = web_as(make_user(role="therapist"))
    fields = {**PROFILE, "modalities": "psychodynamic", "fee_min": "cheap"}
    bad = web.post("/directory/profile/", fields)
    text = bad.content.decode()
    assert bad.status_code == 400 and "Lowest fee per session: must be a number" in text
    assert "fee_min" not in text.split("<form")[0] and "column" not in text
    below = web.post("/directory/profile/", {**fields, "fee_min": "95"}).content.decode()
    assert "Highest fee per session: must not be below the lowest fee per session." in below


def test_profile_form_offers_approaches_and_formats_as_tick_boxes(make_user: Any, web_as: Any) -> None:
    """Walk x3, decided: approaches and formats are tick boxes with plain labels, not typed codes; the codes stored
    (and so the public directory's data) are the same; a forged value is refused by the field's label."""
    from reverie.care.models import DirectoryProfile

    therapist = make_user(role="therapist")
    web = web_as(therapist)
    form = web.get("/directory/profile/").content.decode()
    assert '<input type="checkbox" name="formats" value="dit">' in form
    assert re.search(r'name="formats" value="long_term"> long-term psychodynamic therapy</label>', form)
    assert re.search(r'name="modalities" value="DIT"> Dynamic Interpersonal Therapy \(DIT\)</label>', form)
    assert 'id="formats"' not in form and "brief_psychodynamic," not in form
    fields = {
        **PROFILE,
        "name": "Dr Cy Sample",
        "modalities": ["psychodynamic", "DIT"],
        "formats": ["dit", "long_term"],
    }
    assert "Published." in web.post("/directory/profile/", fields).content.decode()
    row = DirectoryProfile.objects.get(owner=therapist)
    assert (row.modalities, row.formats) == (["psychodynamic", "DIT"], ["dit", "long_term"])
    again = web.get("/directory/profile/").content.decode()
    assert 'name="formats" value="long_term" checked>' in again
    assert 'name="formats" value="cbt">' in again
    forged = web.post("/directory/profile/", {**fields, "formats": ["dit", "<b>evil</b>"], "name": "Dr X"})
    text = forged.content.decode()
    assert forged.status_code == 400 and "Formats offered: a choice was sent that is not on the form" in text
    assert "evil" not in text
    row.refresh_from_db()
    assert (row.name, row.formats) == ("Dr Cy Sample", ["dit", "long_term"])
    public = Client().get("/directory/?format=long_term").content.decode()
    assert (
        "Dr Cy Sample" in public and '<span class="chip">Dynamic Interpersonal Therapy (DIT)</span>' in public
    )
    assert 'value="DIT"> Dynamic Interpersonal Therapy (DIT)</label>' in public  # the search's boxes in words


def test_listing_chips_read_in_plain_words_each_once() -> None:
    """Walk x4, decided: a listing's chips use the profile form's labels, not the stored codes ("DIT", "art",
    "long_term"); an approach and a format that read the same (approach DIT, format dit) show once. The codes stay
    in the data: the search still filters by them."""
    _import(*ROWS, "t4,Long Room,psychodynamic;CBT,long_term;cbt,en,no,yes,,GB,70,70,GBP,open,,,,")
    html = Client().get("/directory/").content.decode()
    chips = re.findall(r'<span class="chip">([^<]*)</span>', html)
    assert "DIT" not in chips and "art" not in chips and "long_term" not in chips and "CBT" not in chips
    assert chips.count("Dynamic Interpersonal Therapy (DIT)") == 1  # t1: approach DIT and format dit
    assert chips.count("art therapy") == 1 and chips.count("music therapy") == 1
    assert chips.count("cognitive behavioural therapy (CBT)") == 1  # t4: approach CBT and format cbt
    assert "long-term psychodynamic therapy" in chips and "psychoanalytic" in chips
    assert "Long Room" in Client().get("/directory/?modality=CBT&format=long_term").content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("modality=reiki", "An approach in this search is not one the directory lists. Tick the approaches"),
        ("format=reiki", "A format in this search is not one the directory lists. Tick the formats"),
        ("mode=teleport", "Sessions are in person, online, or either."),
        ("language=english", "Language: two letters, such as en for English."),
        ("country=Germany", "Country: two letters, such as GB for the United Kingdom."),
        ("max_fee=abc", "The highest fee must be a number"),
    ],
)
def test_a_bad_search_value_gets_a_plain_message(query: str, message: str) -> None:
    """Walk x5: a hand-edited or stale link (?modality=reiki, ?format=reiki, ?language=english) got a message in
    codes ("unknown modality; expected: ... DIT, art ...", "in_person") or, for a format, language or country,
    silently "0 found". Each now gets one plain message, and the filters that were fine stay filled in."""
    _import(*ROWS)
    page = Client().get(f"/directory/?{query}&location=London")
    text = page.content.decode()
    assert page.status_code == 400 and message in text, text[text.find("<main") :][:600]
    shown = re.sub(
        r"<[^>]+>", " ", text.split("<form")[0]
    )  # what is read, not the summary link's #modality-boxes (h104)
    assert "modality" not in shown and "in_person" not in shown
    assert "reiki" not in text and 'name="location" value="London"' in text
    assert "0 found" not in text and "No therapist matches" not in text  # nothing was searched


def test_listing_reads_languages_and_fees_in_words() -> None:
    """Walk x5: a listing read "GB · languages en, de" and "60.00–60.00 GBP a session"; it reads the country's
    and the languages' names and one fee when the lowest and highest are the same, without ".00"."""
    _import(*ROWS, "t4,Two Tongues,psychodynamic,,en;de;zz,no,yes,,GB,45.50,60,GBP,open,,,,")
    html = Client().get("/directory/").content.decode()
    assert "languages English, German, zz" in html and "£45.50–£60 a session" in html
    assert "£60 a session" in html and "60.00" not in html and "languages en" not in html
    assert "Online · United Kingdom · languages" in html and " · GB · " not in html


def test_profile_form_with_no_approach_ticked_says_to_tick_one(make_user: Any, web_as: Any) -> None:
    """Review r2: with every approach unticked the form said "Approaches: needs at least one value.", the CSV cell's
    words; it says what to do with the tick boxes. Nothing is published."""
    from reverie.care.models import DirectoryProfile

    therapist = make_user(role="therapist")
    refused = web_as(therapist).post("/directory/profile/", {**PROFILE, "formats": ["dit"]})
    text = refused.content.decode()
    assert refused.status_code == 400 and "Approaches: tick at least one." in text
    assert "needs at least one value" not in text
    assert not DirectoryProfile.objects.filter(owner=therapist).exists()


def test_a_listed_phone_is_dialled_in_the_one_form_of_every_tel_link() -> None:
    """A number listed as "020 7946-0000" was linked as ``tel:0207946-0000`` (only the spaces cut); every
    other tel: link is the number as dialled (``programmes.safety.dialled``): digits and a leading + only."""
    _import(
        "t9,Dr Cy Example,psychoanalytic,dit,en,yes,yes,London,GB,80,120,GBP,open,,020 7946-0000,,",
    )
    html = Client().get("/directory/").content.decode()
    assert 'href="tel:02079460000"' in html and "020 7946-0000</a>" in html
