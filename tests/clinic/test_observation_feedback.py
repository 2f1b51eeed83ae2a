"""The entry panel and "does this fit?": plain observations, sealed answers, folding, agreement, policy, precision."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import ObservationFeedback, StoredAnalysis
from reverie.clinic.services import analysis, journal, keys, observations
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput, NotFound

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import RAW_CODE, TEXT, result

pytestmark = pytest.mark.django_db


def _analysed(client: Any, shared: bool = False) -> Any:
    """An entry with a hand-made stored analysis (the real analyzers are tested elsewhere; this is fast)."""
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT))
    if shared:
        journal.set_shared(client, view.id, True)
    sealed = keys.seal_for(
        client,
        analysis._result_id(view.id, view.revision),
        analysis.RESULT_PURPOSE,
        json.dumps(result()).encode(),
    )
    StoredAnalysis.objects.create(
        entry_id=view.id, revision=view.revision, analyzers={}, risk_level="ideation", payload=sealed
    )
    return view


def _visible_text(html: bytes) -> str:
    """What a person reads: no tags, no hidden form values, no attribute values."""
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html.decode(), flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def test_client_panel_is_plain_at_most_five_with_the_risk_calmly(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = _analysed(alice)
    page = web_as(alice).get(f"/journal/{view.id}/")
    html = page.content
    assert page.status_code == 200 and b"What Reverie noticed" in html
    assert html.count(b'class="observation"') <= 5
    panel = _visible_text(html.split(b'id="noticed"')[1].split(b"</section>")[0])
    assert not RAW_CODE.search(panel.replace("_", " ")), RAW_CODE.search(panel.replace("_", " "))
    assert "self_assertion" not in panel and "High-adaptive" not in panel and "Details" not in panel
    # r39: the risk note and the safety link sit before the panel, which the client may keep closed or turn off
    before = _visible_text(html.split(b'id="noticed"')[0])
    assert "sounds heavy" in before and "sounds heavy" not in panel and b'href="/safety/"' in html
    assert "Does this fit?" in panel


@pytest.mark.usefixtures("relationships_spoken")
def test_fit_round_trip_sealed_folded_and_counted(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = _analysed(alice)
    web = web_as(alice)
    reading = observations.noticed(alice, view.id)
    assert reading is not None
    first, second = reading.shown[0].observation, reading.shown[1].observation
    url = f"/journal/{view.id}/fit/"
    assert web.post(url, {"observation": first.ref, "answer": "fits"}).status_code == 302
    assert web.post(url, {"observation": second.ref, "answer": "does_not_fit"}).status_code == 302
    assert (
        web.post(url, {"observation": second.ref, "answer": "does_not_fit"}).status_code == 302
    )  # no duplicate
    rows = list(ObservationFeedback.objects.filter(entry_id=view.id))
    assert len(rows) == 2
    for row in rows:
        assert first.key.encode() not in bytes(row.payload) and b"relationships:" not in bytes(row.payload)
    page = web.get(f"/journal/{view.id}/").content.decode()
    assert 'aria-pressed="true"' in page and "did not fit" in page
    shown = page.split('class="observations"')[1].split("</ol>")[0]
    assert second.text not in shown  # folded away, one tap to change the answer back
    assert "So far you marked" in page and "1 of 1 relationship observation" in page
    after = observations.noticed(alice, view.id)
    assert after is not None and [s.observation.key for s in after.folded] == [second.key]


def test_only_the_owner_answers_others_get_not_found(
    paired: tuple[Any, Any], make_user: Any, web_as: Any
) -> None:
    client, therapist = paired
    view = _analysed(client, shared=True)
    ref = observations.noticed(client, view.id).shown[0].observation.ref  # type: ignore[union-attr]
    for actor in (therapist, make_user()):
        with pytest.raises(NotFound):
            observations.answer(actor, view.id, ref, "fits")
        assert (
            web_as(actor).post(f"/journal/{view.id}/fit/", {"observation": ref, "answer": "fits"}).status_code
            == 404
        )
    with pytest.raises(InvalidInput):
        observations.answer(client, view.id, "0" * 16, "fits")
    with pytest.raises(InvalidInput):
        observations.answer(client, view.id, ref, "maybe")
    assert not ObservationFeedback.objects.exists()


@pytest.mark.usefixtures("relationships_spoken")
def test_therapist_sees_the_summary_first_codes_beside_and_the_shared_agreement(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    client, therapist = paired
    shared, private = _analysed(client, shared=True), _analysed(client)
    for view in (shared, private):
        found = observations.noticed(client, view.id)
        assert found is not None
        observations.answer(client, view.id, found.shown[0].observation.ref, "fits")
    page = web_as(therapist).get(f"/journal/{shared.id}/").content.decode()
    summary_at, details_at = page.index('class="observations"'), page.index("every reading, with its codes")
    assert summary_at < details_at and "CCRT W6 RO5 RS2" in page
    assert "the client marked 1 of 1 relationship observation" in page  # the private entry does not count
    assert "The risk screen flagged this entry" in page


@pytest.mark.usefixtures("relationships_spoken")
def test_operator_precision_is_aggregated_and_content_free(make_user: Any) -> None:
    people = [make_user() for _ in range(3)]
    for person in people:
        for i, given in enumerate(("fits", "does_not_fit")):
            view = _analysed(person)
            found = observations.noticed(person, view.id)
            assert found is not None
            observations.answer(person, view.id, found.shown[0].observation.ref, given if i == 0 else "fits")
    rows = {p.analyzer: p for p in observations.precision()}
    rel = rows["relationships"]
    assert rel.answered == 6 and rel.people == 3 and rel.fits == 6 and rel.precision == 1.0
    assert rows["feelings"].fits is None  # under five answers: no figures
    assert set(rel.to_json()) == {
        "analyzer",
        "answered",
        "people",
        "fits",
        "does_not_fit",
        "not_sure",
        "precision",
    }


def test_cli_precision_prints_counts_only(cli: Any) -> None:
    _, out, _ = cli("insights", "precision", "--json")
    report = json.loads(out.splitlines()[-1])
    assert report["schema"] == "reverie.fit-precision/1"
    assert [r["analyzer"] for r in report["analyzers"]][:2] == ["relationships", "feelings"]
    assert all(r["answered"] == 0 and r["precision"] is None for r in report["analyzers"])


def test_cli_insights_without_entries_prints_one_plain_sentence(cli: Any) -> None:
    """A person with no entries yet gets one plain sentence, no empty headings and no codes (h136, review r116: the
    figures show from three entries on; the summary-first order of a full view: tests/insights/test_insight_report)."""
    cli("user", "create", "erin")
    _, out, _ = cli("insights", "-u", "erin")
    assert "So far there are no entries to look for patterns in." in " ".join(out.split())
    assert "The strongest patterns" not in out and "What this view draws on" not in out
    assert "(W)" not in out and "ODF" not in out


def test_therapist_reads_that_a_model_alone_flag_had_no_explicit_words(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    """r6: the alert line said "no explicit words" but the therapist's view of the shared entry did not."""
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT))
    journal.set_shared(client, view.id, True)
    data = result()
    for finding in data["findings"]:
        if finding["kind"] == "risk":
            finding["data"]["triggers"] = [{"span": [0, 4], "rule": "model", "level": "ideation"}]
    sealed = keys.seal_for(
        client,
        analysis._result_id(view.id, view.revision),
        analysis.RESULT_PURPOSE,
        json.dumps(data).encode(),
    )
    StoredAnalysis.objects.create(
        entry_id=view.id, revision=view.revision, analyzers={}, risk_level="ideation", payload=sealed
    )
    page = web_as(therapist).get(f"/journal/{view.id}/").content.decode()
    # r133: the level in the alert list's words (reverie.words), never its code
    assert "The risk screen flagged this entry (thoughts of suicide or self-harm): no explicit words" in page


@pytest.mark.usefixtures("relationships_spoken")
def test_the_agreement_line_says_it_counts_every_entry(make_user: Any, web_as: Any) -> None:
    """Review r132: one "Doesn't fit" on one entry, and every other entry's panel said "So far you marked 0 of 1
    relationship observation as fitting." on an entry where nothing was marked: the line counts across all the
    client's entries and now says so."""
    alice = make_user()
    answered, other = _analysed(alice), _analysed(alice)
    web = web_as(alice)
    reading = observations.noticed(alice, answered.id)
    assert reading is not None
    ref = reading.shown[0].observation.ref
    assert (
        web.post(f"/journal/{answered.id}/fit/", {"observation": ref, "answer": "does_not_fit"}).status_code
        == 302
    )
    page = web.get(f"/journal/{other.id}/").content.decode()
    line = page.split('class="agreement"', 1)[1].split("</p>", 1)[0]
    assert "So far you marked 0 of 1 relationship observation as fitting, across all your entries." in line, (
        line
    )
