"""The Patterns page, summary first: strongest patterns with dated entry links, own feelings by week, details folded."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, journal, keys
from reverie.clinic.services.journal import EntryDraft, Feeling

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import TEXT, result

pytestmark = pytest.mark.django_db
CODES = re.compile(r"\((W|RO|RS)\)|\b(W|RO|RS) [a-z]|\bODF\b|\b\d[MFJ][A-Z]{2}\b|'[a-z]+:\d'")


def _cleared() -> dict[str, Any]:
    """The observation result with its mixed feelings (0.6) over their floor: the client's patterns page counts
    only what an entry page would show (``insights.shown``), which words no relationship episode while that
    analyzer scores under MIN_SCORE, so the recurring pattern here is the mixed feelings about Sam."""
    payload = result()
    for finding in payload["findings"]:
        if finding["kind"] == "ambivalence":
            finding["confidence"] = 0.9
    sam = TEXT.index("Sam")
    payload["findings"].append(
        {
            **payload["findings"][0],
            "kind": "person",
            "analyzer": "person",
            "label": "other",
            "confidence": 0.9,
            "spans": [[sam, sam + 3]],
            "data": {},
        }
    )
    return payload


def _entries(
    client: Any, n: int = 6, shared: bool = False, payload: dict[str, Any] | None = None
) -> list[Any]:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    views = []
    for i in range(n):
        feelings = (Feeling("joy", 2), Feeling("sadness", 4)) if i % 2 else (Feeling("anger", 3),)
        view = journal.create_entry(
            client,
            EntryDraft(
                kind="free_association",
                body=TEXT,
                happened_at=start + timedelta(days=3 * i),
                feelings=feelings,
            ),
        )
        if shared:
            journal.set_shared(client, view.id, True)
        sealed = keys.seal_for(
            client,
            analysis._result_id(view.id, 1),
            analysis.RESULT_PURPOSE,
            json.dumps(payload or result()).encode(),
        )
        StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
        views.append(view)
    return views


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_client_sees_the_strongest_patterns_first_with_dates_and_own_feelings(
    make_user: Any, web_as: Any
) -> None:
    alice = make_user()
    views = _entries(alice, n=7, payload=_cleared())
    # h100: half the entries mention no one, so mother and Sam together in the other 7 of 7 is beyond chance (in
    # every entry it was what independence gives, and no longer a strongest pattern)
    _entries(alice, n=7, payload={"schema": "reverie.analysis/1", "findings": []})
    page = web_as(alice).get("/insights/?show=1").content.decode()
    strongest, details = page.index("The strongest patterns"), page.index("Everything Reverie counted")
    calendar = page.index('class="heat"')
    assert strongest < calendar < details
    summary = page[strongest:calendar]
    assert summary.count("<li>") >= 1 and "seen in" in summary
    assert "come up together in 7 of 14 entries" in summary
    assert "In the relationship moments described" not in summary  # no core theme for the client
    assert (
        "response of others" not in page and "Recurring patterns" not in page
    )  # no empty sections of CCRT terms
    assert re.search(r'href="/journal/[0-9a-f-]{36}/">\d{1,2} Mar 2026</a>', summary)
    assert "entry " + str(views[0].id)[:8] not in page  # dates, not ids
    assert 'class="mix i4"' in page and 'class="neg i3"' in page  # mixed days stay mixed
    assert "What Reverie read in the words" in page  # the model's reading: its own, labelled layer
    assert not CODES.search(_visible(page)), CODES.search(_visible(page))


def test_therapist_sees_only_shared_feelings_and_the_same_summary_first(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    _entries(client, n=4, shared=True)
    _entries(client, n=2)
    page = web_as(therapist).get(f"/clients/{client.pk}/insights/").content.decode()
    assert page.index("The strongest patterns") < page.index("Everything Reverie counted")
    assert "Feelings the client rated (shared entries)" in page
    assert page.count('class="mix i4"') + page.count('class="neg i3"') == 4


def test_pdf_quotes_dates_and_words_of_readable_entries_never_ids(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    shared = _entries(client, n=4, shared=True)
    private = _entries(client, n=2)
    mine = web_as(client).get("/insights/report.pdf")
    assert mine.status_code == 200 and mine.content.startswith(b"%PDF")
    theirs = web_as(therapist).get(f"/insights/report.pdf?client={client.pk}").content
    from reverie.clinic.models import User
    from reverie.clinic.services import insights
    from reverie.insights.report import printed_ids, render_pdf

    view = insights.view_for(User.objects.get(pk=therapist.pk), client.pk)
    labels = insights.evidence_labels(therapist, printed_ids(view))
    assert labels and set(labels) <= {str(v.id) for v in shared}  # never a label for an unshared entry
    assert all("Mar 2026" in text and "When I was a child" in text for text in labels.values())
    plain = render_pdf(view, labels=labels, compress=False)
    for v in shared + private:
        assert str(v.id).encode() not in plain
    assert theirs.startswith(b"%PDF")


@pytest.mark.usefixtures("relationships_spoken")
def test_patterns_page_shows_how_readings_fit(paired: tuple[Any, Any], web_as: Any) -> None:
    from reverie.clinic.services import observations

    client, therapist = paired
    shared, private = _entries(client, n=1, shared=True)[0], _entries(client, n=1)[0]
    for view, given in ((shared, "fits"), (private, "does_not_fit")):
        found = observations.noticed(client, view.id)
        assert found is not None
        observations.answer(client, view.id, found.shown[0].observation.ref, given)
    from reverie.insights.view import MIN_ENTRIES

    _entries(
        client, n=MIN_ENTRIES, shared=True
    )  # a page below MIN_ENTRIES shows no figures (h136), unanswered
    mine = web_as(client).get("/insights/?show=1").content.decode()
    # r134: counts of what the person did, never a score ("you marked 1 of 2 … as fitting")
    said = "Across all your entries, you put away 1 reading that did not fit and said 1 reading fits."
    assert f"{said} What did not fit is left out of these patterns." in mine
    assert "as fitting" not in mine and "“Doesn't fit” under “What Reverie noticed”" in mine
    theirs = web_as(therapist).get(f"/clients/{client.pk}/insights/").content.decode()
    assert (
        "On shared entries, the client said 1 reading fits." in theirs
    )  # the unshared answer is not counted
    assert "put away" not in theirs
