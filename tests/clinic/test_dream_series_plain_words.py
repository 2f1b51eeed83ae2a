"""The dream series page (``/dreams/``) as a client reads it once they chose to compare with a norm
group, with the real coder on short dreams written for this review (no DreamBank text)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

DREAMS = (
    "My sister and I were fighting in the car. She hit me and I was furious.",
    "A man at the station gave me a ticket and smiled. I felt happy.",
    "I was lost in a big hotel looking for my room. I was scared.",
    "My mother hugged me in the garden and I felt calm.",
)


def _series(client: Any, count: int) -> None:
    start = timezone.now() - timedelta(days=count + 5)
    for i in range(count):
        made = journal.create_entry(
            client,
            EntryDraft(kind="dream", body=DREAMS[i % len(DREAMS)], happened_at=start + timedelta(days=i)),
        )
        analysis.analyse_stored_entry(made.id, made.revision)


def _main(page: str) -> str:
    body = page.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", body)


def test_a_chosen_comparison_names_what_it_counts_in_plain_words(make_user: Any, web_as: Any) -> None:
    """r78-h. A client with 20 dreams chooses "Women's dreams". The chart and its table, on the client's own page,
    name what is compared by the coder's indicator names: "A/C index", "F/C index", "S/C index", "Male/Female %"
    (also in the "In plain words" column: "A/C index: 10% here, 24% in the female norm group"), and write a value
    the series cannot have as "undefined". They should read what is counted in words ("aggression per person in
    your dreams", "the share of men among the people in your dreams") and no "undefined". Cause believed:
    ``analysis/dreams/chart.py: _bar`` and ``profile.py: describe`` print ``Comparison.name`` (the indicator's
    code-like name from ``indicators.py``), and ``templates/reverie/dreams.html`` writes "undefined"."""
    client = make_user()
    _series(client, 20)
    text = _main(web_as(client).get("/dreams/?norms=female").content.decode())
    assert "beside women" in text  # the comparison is shown
    raw = [w for w in ("A/C index", "F/C index", "S/C index", "Male/Female %", "undefined") if w in text]
    assert not raw, raw


def test_the_comparison_says_the_size_of_a_difference_not_the_statistic(make_user: Any, web_as: Any) -> None:
    """h103 (review r86): the client's own dream page said "Cohen's h", "|h| 0.2 small" and headed a column "h" in
    the table behind the chart. It should say the size of each difference in words."""
    client = make_user()
    _series(client, 20)
    text = _main(web_as(client).get("/dreams/?norms=female").content.decode())
    assert "beside women" in text
    found = re.findall(r"Cohen|\|h\||(?<![\w'’&#;])h(?![\w'’])", text)
    assert not found, found
    assert "size of the difference" in text.lower()
