"""Review r90 on h101: "was this id deleted for good?" now reads purged-files.json on every save that carries an id
the client chose (an ``Idempotency-Key``, the write form's token). A damaged record refuses those saves (503,
docs/security.md). What the person's app is told must still name no server file (api/handlers.py: "in words that
name no server path")."""

from __future__ import annotations

from typing import Any

import pytest
from api_client import as_token, error_of

from reverie.clinic.models import Entry
from reverie.clinic.services import purged

pytestmark = pytest.mark.django_db


def test_a_damaged_purged_files_record_is_not_told_to_the_client_by_its_server_path(make_user: Any) -> None:
    """An operator's disk hiccup leaves purged-files.json half written. A client's phone app saves a dream with an
    Idempotency-Key (as it should, to retry safely). It gets 503 and the message "The record of files removed for
    good, /srv/reverie/keys/purged-files.json, cannot be read; nothing was changed.": the server's folder layout,
    and words about "files removed for good" that mean nothing to someone saving a dream. The answer should say
    the entry was not saved and to try later, naming no server path (as a damaged database's answer does)."""
    client = make_user(role="client")
    target = purged.path(purged.FILES)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text('{"format": "reverie.purged-files/1", "files": {')
    reply = as_token(client).post(
        "entries", {"kind": "dream", "body": "A lighthouse and a stair."}, headers={"Idempotency-Key": "k-1"}
    )
    assert reply.status_code == 503
    assert not Entry.objects.filter(client=client).exists()
    message = error_of(reply)["message"]
    assert str(target.parent) not in message and "purged-files.json" not in message, message
