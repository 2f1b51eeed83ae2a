"""Review r30 (moved next to the code): what the therapist's patterns page and report show from the analysis, read against docs/evaluation.md.

Rule: abstain rather than guess; a finding shown to a person (the therapist is one) must be more likely right than
wrong, or carry its measured accuracy beside it. 20 entries in new voices (``tests/fixtures/review_r30_entries.jsonl``, fixture ``shared_history``), every line judged by
hand (the review's report). Relationship episodes score 0.19 / 0.20 / 0.21 (W / RO / RS) on the newest unseen
vignettes and the core wish matched the writers' in 1 of 6 batches; DMRS levels were right for 40 % of the newest
unseen key set; feelings under ``SUPPORT["feelings"].floor`` are the readings the entry page leaves out."""

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


def _section(page: str, title: str) -> str:
    """The text of the patterns page's section whose heading starts with ``title`` ('' when absent)."""
    for block in page.split("<section")[1:]:
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", block, re.S)
        if heading and _text(heading.group(1)).strip().startswith(title):
            return _text(block.split("</section>")[0])
    return ""


def _patterns_page(shared_history: Any, web_as: Any) -> str:
    client, therapist, _course, _ids = shared_history
    response = web_as(therapist).get(f"/clients/{client.id}/insights/")
    assert response.status_code == 200
    return str(response.content.decode())


def test_relationship_themes_for_the_therapist_abstain_or_carry_their_measured_accuracy(
    shared_history: Any, web_as: Any
) -> None:
    """The therapist's patterns page words no CCRT theme as a finding unless its measured accuracy stands beside it."""
    # "The most frequent wish (W) is ..." on episodes scored 0.19-0.21 unseen: abstain, or say how often such readings
    # were right.
    block = _section(_patterns_page(shared_history, web_as), "Relationship themes")
    if "The most frequent" in block:
        assert MEASURED.search(block), block


def test_the_transference_mirror_does_not_say_the_therapist_rejects_on_readings_that_are_mostly_wrong(
    shared_history: Any, web_as: Any
) -> None:
    """The transference mirror (a wish met by rejection "with you as therapist") abstains or states its measured accuracy."""
    # Here it rests on one episode: the therapist who waited read as rejecting; two entries about Dr Okafor are not read
    # as about the therapist at all.
    block = _section(_patterns_page(shared_history, web_as), "With the therapist and with others")
    if "as therapist" in block:
        assert MEASURED.search(block), block


def test_the_defense_estimate_names_no_level_without_dmrs_measured_accuracy(
    shared_history: Any, web_as: Any
) -> None:
    """The defense section names no ODF value or DMRS level ("neurotic") without DMRS's measured accuracy beside it."""
    # "ODF 3.7; the most frequent level is neurotic" rests on 3 codes, 2 wrong here (a dream kitchen as displacement,
    # a brother laughing as reaction formation); DMRS was right for 40 % of the newest unseen key set.
    block = _section(_patterns_page(shared_history, web_as), "Ways of handling distress")
    if re.search(r"ODF|neurotic|immature|level \d", block):
        assert MEASURED.search(block), block


def test_the_therapists_feelings_count_only_readings_the_entry_page_would_show(
    shared_history: Any, web_as: Any
) -> None:
    """The therapist's most frequent feelings count only readings at or above the entry page's floor."""
    # Every disappointment (0.18-0.26) and approval (0.22-0.31) reading here is under the floor (0.5), and none of the
    # 3 approvals is the writer's ("you're the sensible one", a sarcastic "fine, whatever you think"), yet both lead.
    from reverie.insights.observations import SUPPORT

    assert SUPPORT["feelings"].floor == 0.5
    block = _section(_patterns_page(shared_history, web_as), "Feelings over time")
    most_often = re.search(r"most often ([^.]*)\.", block)
    assert most_often, block
    assert "approval" not in most_often.group(1) and "disappointment" not in most_often.group(1), block


def test_a_pdf_report_for_the_therapist_carries_the_same_caveat_as_the_page(
    shared_history: Any, web_as: Any
) -> None:
    """The therapist's PDF report words the core theme only with its measured accuracy, as the page must."""
    from reverie.clinic.services import insights
    from reverie.insights.report import render_pdf

    client, therapist, _course, _ids = shared_history
    view = insights.view_for(therapist, client.id)
    pdf = render_pdf(view, compress=False).decode("latin-1")
    if "most frequent wish" in pdf:
        assert MEASURED.search(pdf), "the report words the core theme with no measured accuracy"
