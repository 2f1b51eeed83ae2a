"""After an erasure, the running server keeps nothing of the erased person's readings in memory (review r57)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, insights, journal, keys, portability
from reverie.clinic.services.journal import EntryDraft

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import TEXT, result

pytestmark = pytest.mark.django_db(transaction=True)  # the erasure really commits: forgetting runs after it


def test_an_erased_clients_patterns_do_not_stay_in_the_server_s_memory(
    make_user: Any, tmp_path: Path
) -> None:
    """A client opens Patterns (the server builds their insight state: every analysed entry's findings, labels and
    dates), then erases their account. The data key is dropped from the process's memory at once
    (``keys.destroy_key``), but the insight state built from their entries stays in the web process's cache
    (``insights._cache``) for as long as the server runs: nothing calls ``insights.forget`` on erasure. What a
    person erased should leave the server's memory with the key: their cached state should be gone."""
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="free_association", body=TEXT))
    StoredAnalysis.objects.create(
        entry_id=view.id,
        revision=view.revision,
        analyzers={},
        risk_level="none",
        payload=keys.seal_for(
            alice,
            analysis._result_id(view.id, view.revision),
            analysis.RESULT_PURPOSE,
            json.dumps(result()).encode(),
        ),
    )
    insights.view_for(alice)  # the Patterns page
    assert alice.pk in insights._cache  # built and kept, as the service intends for a live account
    pk = alice.pk
    portability.erase_client(alice, alice.username, "a long test password", data_dir=tmp_path)
    assert pk not in insights._cache
    assert pk not in keys._data_keys
