"""Review r30 (moved next to the code): the therapist's prep page does not lead with a relationship theme the
analyzer gets right about 1 in 6 times. 20 entries in new voices (``tests/fixtures/review_r30_entries.jsonl``,
fixture ``shared_history``)."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest

pytestmark = pytest.mark.django_db

# Words by which a statement could tell the therapist how often such readings were right when measured.
MEASURED = re.compile(r"measured|unseen|held[- ]out|right (in|for) \d|\d+ of \d+ (were|was) right", re.I)


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_the_prep_page_does_not_lead_with_a_core_theme_measured_right_once_in_six(
    shared_history: Any, web_as: Any
) -> None:
    """The prep page's strongest patterns do not lead with the CCRT core theme unless its measured accuracy is beside it."""
    # "the client often wishes to be close (3 of 14), and the client feels respected (4 of 14)": 3 of 14 is not often,
    # 2 of the 4 "respected" are a father's dismissal and a dream mother walking past; the core wish matched the
    # writers' own in 1 of 6 batches.
    _client, therapist, course, _ids = shared_history
    page = _text(web_as(therapist).get(f"/courses/{course.id}/prep/").content.decode())
    start = page.index("The strongest patterns in what was shared")
    block = page[start : page.index("Details: the statements behind them", start)]
    if "In the relationship moments described" in block:
        assert MEASURED.search(block), block
