"""Demo data: an invented client and therapist with six months of invented entries, clearly marked as demo.

The texts come from ``reverie.insights.demo_texts`` (written for Reverie, about no real person). They are stored
through the ordinary journal service and analysed by the real analyzers, so the demo shows what Reverie really does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from reverie.clinic.models import Pair, Role, User
from reverie.clinic.services import analysis, journal, keys, people
from reverie.clinic.services.generated_password import generate_password
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.errors import Conflict

DEMO_CLIENT = "demo-client"
DEMO_THERAPIST = "demo-therapist"
DEMO_TAG = "demo data"


@dataclass(frozen=True, slots=True)
class DemoAccounts:
    client: User
    therapist: User
    password: str
    entries: int


def load_demo(progress: Callable[[int, int], None] | None = None, *, n_entries: int = 40) -> DemoAccounts:
    """Create the demo pair and their entries, analysed. Refuses to run twice."""
    from reverie.insights.demo_texts import synthetic_texts

    if User.objects.filter(username__in=(DEMO_CLIENT, DEMO_THERAPIST)).exists():
        raise Conflict("The demo is already loaded (accounts demo-client and demo-therapist exist).")
    keys.ensure_key_file()
    password = generate_password(DEMO_CLIENT, DEMO_THERAPIST)
    with transaction.atomic():
        client = people.create_user(DEMO_CLIENT, password, Role.CLIENT)
        therapist = people.create_user(DEMO_THERAPIST, password, Role.THERAPIST)
        Pair.objects.create(client=client, therapist=therapist)
    texts = [t for t in synthetic_texts(n_entries=n_entries, n_sessions=0) if t.source == "entry"]
    for i, text in enumerate(texts, 1):
        view = journal.create_entry(
            client,
            EntryDraft(
                kind=text.kind,
                body=text.text,
                happened_at=text.happened_at,
                tags=(DEMO_TAG,),
                feelings=tuple(Feeling(name, level) for name, level in text.feelings),
            ),
        )
        if text.shared_with_therapist:
            journal.set_shared(client, view.id, True)
        analysis.analyse_stored_entry(view.id, view.revision)
        if progress:
            progress(i, len(texts))
    return DemoAccounts(client, therapist, password, len(texts))
