"""r18 review: a mindful choice written as its three parts only (situation, urge, choice), without a free text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

from reverie.clinic.models import Entry

PARTS = {
    "situation": "My sister shouted at me.",
    "urge": "To slam the door.",
    "choice": "I breathed and left calmly.",
}


@pytest.mark.django_db
def test_api_saves_a_mindful_choice_written_as_its_three_parts(make_user: Any) -> None:
    """POST /entries saves a mindful choice whose words are all in its three parts (they are not 'empty')."""
    api = as_token(make_user(role="client"))
    response = api.post("entries", {"kind": "mindful_choice", "body": "", "extra": PARTS})
    assert response.status_code == 201, response.content
    assert Entry.objects.count() == 1


@pytest.mark.django_db
def test_web_saves_a_mindful_choice_written_as_its_three_parts(make_user: Any, web_as: Any) -> None:
    """The write page saves a mindful choice with the three parts filled in and the free text left blank."""
    web = web_as(make_user(role="client"))
    response = web.post("/write/", {"kind": "mindful_choice", "body": "", **PARTS})
    assert response.status_code == 302, response.content.decode()[:300]
    assert Entry.objects.count() == 1


def test_validate_counts_the_three_parts_as_a_mindful_choice_s_words_only() -> None:
    """The parts are a mindful choice's text; on another kind (or all blank) the entry is still empty."""
    from reverie.clinic.services import journal
    from reverie.errors import InvalidInput

    kept = journal.validate(journal.EntryDraft(kind="mindful_choice", body="", extra={"urge": " To run. "}))
    assert kept.extra["urge"].strip() == "To run."
    for draft in (
        journal.EntryDraft(kind="dream", body="", extra=dict(PARTS)),
        journal.EntryDraft(
            kind="mindful_choice", body=" ", extra={"situation": "  ", "urge": "", "choice": ""}
        ),
        journal.EntryDraft(kind="mindful_choice", body="", extra={"place": "Home"}),
    ):
        with pytest.raises(InvalidInput, match="The entry is empty"):
            journal.validate(draft)


@pytest.mark.django_db
def test_the_entry_page_labels_the_parts_in_the_write_forms_words(make_user: Any, web_as: Any) -> None:
    """The entry page names each part as the write form does ("The reflexive urge"), never by its stored key
    ("urge"), and a Day One entry's time zone as "Time zone": one table read by both (review r126)."""
    import re

    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft
    from reverie.journal.kinds import FIELD_WORDS

    person = make_user(role="client")
    web = web_as(person)
    form = web.get("/write/").content.decode()
    saved = web.post("/write/", {"kind": "mindful_choice", "body": "", **PARTS})
    page = web.get(saved["Location"]).content.decode()
    labels = re.findall(r"<dt>(.*?)</dt>", page)
    assert labels == ["The situation", "The reflexive urge", "The choice I made"], labels
    for key in PARTS:
        assert f'<label for="id_{key}">{FIELD_WORDS[key]}' in form
    imported = journal.create_entry(
        person, EntryDraft(kind="reflection", body="Rain.", extra={"time_zone": "Europe/London"})
    )
    assert re.findall(r"<dt>(.*?)</dt>", web.get(f"/journal/{imported.id}/").content.decode()) == [
        "Time zone"
    ]
