"""Review r106 (faults 1 and 3; fault 2, the response of the other without an interaction, is h118's): what the linked therapist reads of a client's shared entry under "Details: every reading".

The real analyzers run (``inline``). The entry page's panel opens with "shown only where its tests say it is likely
to be right", and the patterns page puts the same relationship (CCRT) readings under "Unverified readings" with
their measured figure (5 of 20 right on unseen texts, docs/evaluation.md, frozen11: W/RO/RS 0.19/0.20/0.21). The
details list below the panel shows every one of them as a plain line, with no floor, no confidence and no caveat.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft
from reverie.insights.observations import SUPPORT
from reverie.insights.unverified import measured_words

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("inline")]

# Written for this review (r106); a raise asked for, an answer deferred, a calm that feels like someone else's.
RAISE = (
    "Asked my manager for a raise. He said he'd think about it. I felt oddly calm, like it was happening to "
    "someone else."
)
# A plain entry: errands, no feeling named.
SHELVES = "Reorganised the spare room shelves today. Labelled the boxes by year."


def _details(therapist: Any, client: Any, body: str, web_as: Any) -> str:
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=body))
    analysis.analyse_stored_entry(view.id, view.revision)  # what the inline run does on commit
    journal.set_shared(client, view.id, True)
    page = web_as(therapist).get(f"/journal/{view.id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "every reading, with its codes" in html, "the analysis did not run or the details are gone"
    part = html.split("every reading, with its codes", 1)[1].split("</details>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", part).split())


def test_relationship_readings_in_the_details_carry_their_measured_accuracy(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """A therapist opening the shared entry "Asked my manager for a raise …" reads, under "Details: every
    reading", "with boss; wish: be controlled, hurt and not responsible; other: understanding; self:
    self-controlled and self-confident", a plain statement with nothing to say it is a reading right about 1 in 4
    times (SUPPORT["relationships"].unseen, 5 of 20; 2 of 8 at the 0.7 floor) and withheld from every summary
    for that reason; the wish is wrong (asking for a raise is asserting oneself). In 16 relationship readings of
    25 entries written for this review, 2 were right, 10 wrong. They should carry the same caveat the patterns
    page's "Unverified readings" gives (the measured figure, "unverified", "prompts ... not findings"), or not be
    listed."""
    client, therapist = paired
    assert SUPPORT["relationships"].unseen is not None
    text = _details(therapist, client, RAISE, web_as)
    assert "wish:" in text  # the episode reading is listed
    assert measured_words("relationships") in text or "unverified" in text.lower(), text


def test_feelings_below_the_floor_are_not_listed_as_feelings_the_words_suggest(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """The plain entry "Reorganised the spare room shelves today. Labelled the boxes by year." shows the therapist
    "Feelings the words suggest: sadness — Reorganised the spare room shelves today." with no confidence beside
    it, and "Asked my manager for a raise …" shows "relief" read at 0.03 (the feelings floor is 0.5,
    SUPPORT["feelings"]). Readings the panel itself withheld as unsure should not be listed as what the words
    suggest without saying how unsure they are."""
    client, therapist = paired
    floor = SUPPORT["feelings"].floor
    text = _details(therapist, client, RAISE, web_as)
    # no feeling over the floor: the heading is left out with its lines
    heading = "Feelings the words suggest"
    feelings = text.split(heading, 1)[1].split("Who it is about", 1)[0] if heading in text else ""
    # the reading of "relief" was 0.03, under the floor; the page lists it with no number or hedge
    assert not ("relief" in feelings and not re.search(r"unsure|\d\.\d\d|below", feelings)), (floor, feelings)
