from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import analysis, insights, journal
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import NotFound

pytestmark = pytest.mark.django_db

TEXT = (
    "My partner wanted to get closer last night and I shut down. When I was a kid my mother "
    "went silent whenever I needed her. I love him but I'm so angry that he pushed."
)


def test_analysis_runs_after_save_and_is_stored_sealed(
    make_user: Any, inline: None, django_capture_on_commit_callbacks: Any
) -> None:
    alice = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        view = journal.create_entry(alice, EntryDraft(kind="free_association", body=TEXT))
    stored = StoredAnalysis.objects.get(entry_id=view.id)
    assert b"partner" not in bytes(stored.payload)
    found = analysis.findings_for(alice, view.id)
    assert found is not None and found.revision == 1
    kinds = {f["kind"] for f in found.result["findings"]}
    assert {"person", "time", "episode"} <= kinds
    assert "people" in stored.analyzers


def test_analysis_follows_the_entry_policy(paired: tuple[Any, Any], make_user: Any) -> None:
    client, therapist = paired
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT))
    analysis.analyse_stored_entry(view.id, view.revision)
    with pytest.raises(NotFound):
        analysis.findings_for(therapist, view.id)
    with pytest.raises(NotFound):
        analysis.findings_for(make_user(), view.id)
    journal.set_shared(client, view.id, True)
    assert analysis.findings_for(therapist, view.id) is not None


def test_analysis_failure_never_loses_the_entry(
    make_user: Any, inline: None, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    import reverie.analysis.pipeline as pipeline

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("model exploded")

    monkeypatch.setattr(pipeline, "analyse", broken)
    alice = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        view = journal.create_entry(alice, EntryDraft(kind="dream", body="kept regardless"))
    assert journal.get_entry(alice, view.id).body == "kept regardless"
    assert StoredAnalysis.objects.count() == 0


def test_analysis_stale_results_are_recomputed(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="reflection", body=TEXT))
    analysis.analyse_stored_entry(view.id, 1)
    StoredAnalysis.objects.update(analyzers={"people": "0.0:old"})
    assert analysis.reanalyse().done == 1
    assert StoredAnalysis.objects.get().analyzers != {"people": "0.0:old"}
    assert analysis.reanalyse().done == 0


def _analysed(client: Any, n: int) -> list[Any]:
    """``n`` analysed entries of TEXT: the patterns show from ``MIN_ENTRIES`` (3) entries on (h136)."""
    views = [journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT)) for _ in range(n)]
    for view in views:
        analysis.analyse_stored_entry(view.id, 1)
    return views


def test_insights_update_incrementally_and_respect_sharing(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    first, *rest = _analysed(client, 3)
    own = insights.view_for(client)
    # The client's view counts only what the entry page would show (insights.shown): this entry's episodes are
    # read under the relationships floor, so its people, not its episodes, are what the client's view cites.
    assert any(str(first.id) in s.evidence for s in own.statements())
    assert insights.view_for(therapist, client.pk).to_json()["sections"] != own.to_json()["sections"]
    for view in (first, *rest):  # the therapist's patterns too show from three shared entries on
        journal.set_shared(client, view.id, True)
    shared = insights.view_for(therapist, client.pk)
    assert any(str(first.id) in s.evidence for s in shared.statements())
    with pytest.raises(NotFound):
        insights.view_for(therapist, client.pk + 999)


def test_insights_pages_render_for_client_and_therapist(paired: tuple[Any, Any], web_as: Any) -> None:
    client, therapist = paired
    for view in _analysed(client, 3):
        journal.set_shared(client, view.id, True)
    web = Client()
    web.force_login(client)
    assert b"Show my patterns" in web.get("/insights/").content
    page = web.get("/insights/?show=1")
    assert page.status_code == 200 and b"<svg" in page.content and b"does not diagnose" in page.content
    assert web.get("/insights/report.pdf").content.startswith(b"%PDF")
    web = web_as(therapist)
    assert web.get(f"/clients/{client.pk}/insights/").status_code == 200
    assert web.get(f"/clients/{client.pk + 999}/insights/").status_code == 404


def test_demo_loads_analysed_invented_data() -> None:
    from reverie.clinic.services.demo import load_demo

    accounts = load_demo(n_entries=6)
    assert Entry.objects.filter(client=accounts.client).count() == accounts.entries == 6
    assert StoredAnalysis.objects.count() == 6
    assert all("demo data" in v.tags for v in journal.list_entries(accounts.client))


def test_entry_page_shows_what_was_noticed_with_evidence(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=TEXT))
    analysis.analyse_stored_entry(view.id, 1)
    page = web_as(alice).get(f"/journal/{view.id}/")
    assert b"What Reverie noticed" in page.content and b"my mother" in page.content


def test_analysis_risk_is_screened_even_when_nothing_else_can_be_read(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body="kms kms tbh lol"))
    stored = analysis.analyse_stored_entry(view.id, 1)
    assert stored is not None
    found = analysis.findings_for(alice, view.id)
    assert found is not None
    risk = [f for f in found.result["findings"] if f["kind"] == "risk"]
    assert len(risk) == 1 and stored.risk_level == risk[0]["label"] != "none"
