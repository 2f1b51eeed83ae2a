"""A person's writing is kept exactly as typed (review r58): a poem's indented first line, a dream's trailing spaces.
Django's forms strip by default; the entry form's prose fields (body, situation, urge, choice) no longer do, and the
one rule for "empty" is the service's (``reverie.text.is_blank``: only white space), on every door. The course's
writing (progress notes, formulation, letters: ``care.services.records.clean_text``) follows the same rule."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import formulation
from reverie.clinic.models import User
from reverie.clinic.services import journal
from reverie.errors import InvalidInput
from reverie.text import is_blank
from web_client import signed_in

pytestmark = pytest.mark.django_db

POEM = "    the tide came in  \n        and I was the shore  "


def _newest(user: User) -> journal.EntryView:
    return journal.get_entry(user, journal.list_entries(user, limit=1, offset=0)[0].id)


def test_the_write_page_keeps_indentation_and_trailing_spaces_and_blank_text_is_still_empty(
    make_user: Any,
) -> None:
    user = make_user("bo")
    web = signed_in(user)
    response = web.post("/write/", {"kind": "dream", "body": POEM})
    assert response.status_code == 302, response.status_code
    assert _newest(user).body == POEM
    # Only spaces and line breaks: still the plain "empty" refusal, nothing saved.
    refused = web.post("/write/", {"kind": "dream", "body": "   \n\t  "})
    assert refused.status_code == 400
    assert "The entry is empty" in refused.content.decode()
    assert len(journal.list_entries(user, limit=10, offset=0)) == 1


def test_a_mindful_choice_keeps_each_part_as_typed(make_user: Any) -> None:
    user = make_user("cy")
    parts = {
        "situation": "  at the bus stop ",
        "urge": "\tto run  ",
        "choice": "  I stayed\n    and breathed ",
    }
    response = signed_in(user).post("/write/", {"kind": "mindful_choice", **parts})
    assert response.status_code == 302, response.status_code
    assert {k: _newest(user).extra[k] for k in parts} == parts


def test_the_service_keeps_text_as_typed_and_counts_only_white_space_as_empty() -> None:
    """The service's one rule (web, API and CLI all save through it): text kept; a body of white space beside a
    feeling is no body at all."""
    kept = journal.validate(journal.EntryDraft(kind="dream", body=POEM))
    assert kept.body == POEM
    blank = journal.validate(
        journal.EntryDraft(kind="dream", body="  \n ", feelings=(journal.Feeling("fear", 3),))
    )
    assert blank.body == "" and is_blank("  \n\t") and not is_blank(" a ")
    with pytest.raises(InvalidInput, match="The entry is empty"):
        journal.validate(journal.EntryDraft(kind="dream", body=" \n "))


def test_a_formulation_keeps_the_therapists_writing_as_typed() -> None:
    field = formulation.TEXT_FIELDS[0]
    typed = "  - wants to be seen\n    - fears being too much  "
    assert formulation.clean({field: typed})[field] == typed
    with pytest.raises(InvalidInput, match="empty"):
        formulation.clean({field: "   \n  "})
