"""The web's first-run demo with a worker (REVERIE_ANALYSIS=background) is ready once the entries are written and
the therapist's side is made: the full analysis is queued for the worker only then, and the demo page and the
Patterns page say how much is still being read. The worker then reads it all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.test import Client

from reverie.clinic.models import Entry, EntryScreen, StoredAnalysis, User
from reverie.clinic.services import analysis, demo

NOW = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)
ANALYSE_TASK = "reverie.clinic.services.analysis.analyse_entry_task"


@pytest.mark.django_db(transaction=True)  # real commits: the saves' after-commit hooks run as in production
def test_the_web_demo_is_ready_before_the_analysis_and_the_worker_reads_it(
    background: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django_tasks_db.models import DBTaskResult

    from reverie.care.models import Course

    monkeypatch.setattr(demo, "DEMO_ENTRIES", 6)
    web = Client()
    html = b"".join(web.post("/demo/").streaming_content).decode()
    assert html.count("<progress") == 6 + 1  # six written, the therapist's side; no reading step on the page
    assert "Demo data loaded" in html and "6 invented entries" in html
    assert "the analyzers read the entries on this machine in the background" in html
    assert "Reverie is still reading 6 of the 6 entries in the background" in html
    client = User.objects.get(username=demo.DEMO_CLIENT)
    assert Entry.objects.filter(client=client).count() == 6
    assert (
        EntryScreen.objects.filter(entry__client=client).count() == 6
    )  # the save-time risk screen: never left
    assert StoredAnalysis.objects.filter(entry__client=client).count() == 0
    assert Course.objects.filter(client=client).exists()  # the therapist's side is there
    queued = DBTaskResult.objects.filter(task_path=ANALYSE_TASK)
    assert queued.count() == 6  # queued once, after everything was written
    patterns = web.get("/insights/?show=1").content.decode()
    assert "So far there are 6 entries, and Reverie is still reading 6 of them." in patterns
    call_command("db_worker", batch=True, verbosity=0)  # the worker's queue, as `reverie worker` runs it
    assert StoredAnalysis.objects.filter(entry__client=client).count() == 6
    assert analysis.pending_count(client) == 0
    assert "still reading" not in web.get("/insights/?show=1").content.decode()


@pytest.mark.django_db
def test_without_a_worker_the_demo_reads_everything_itself() -> None:
    accounts = demo.load_demo(
        n_entries=5, now=NOW
    )  # REVERIE_ANALYSIS=off here, as for the CLI's `reverie demo`
    assert StoredAnalysis.objects.filter(entry__client=accounts.client).count() == 5
    assert analysis.pending_count(accounts.client) == 0


@pytest.mark.django_db
def test_held_back_saves_are_scheduled_once_on_leaving(background: None) -> None:
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services.journal import EntryDraft, create_entry

    accounts = demo.create_accounts()
    with analysis.held_back() as held:
        view = create_entry(accounts.client, EntryDraft(kind="dream", body="A dream about a long corridor."))
        held.append(
            (view.id, view.revision)
        )  # what the after-commit hook adds (tests run inside a transaction)
        assert DBTaskResult.objects.filter(task_path=ANALYSE_TASK).count() == 0
    assert DBTaskResult.objects.filter(task_path=ANALYSE_TASK).count() == 1


@pytest.mark.django_db
def test_held_back_saves_are_scheduled_even_when_the_block_ends_early(background: None) -> None:
    from django_tasks_db.models import DBTaskResult

    from reverie.clinic.services.journal import EntryDraft, create_entry

    accounts = demo.create_accounts()
    with pytest.raises(RuntimeError), analysis.held_back() as held:
        view = create_entry(accounts.client, EntryDraft(kind="dream", body="A dream about a staircase."))
        held.append((view.id, view.revision))
        raise RuntimeError("the page was closed")  # e.g. the demo page closed while it was writing
    assert DBTaskResult.objects.filter(task_path=ANALYSE_TASK).count() == 1
