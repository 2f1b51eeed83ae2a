"""r14 (moved from tests/review_r14): keys.check_master_key remembers its verdict by key ids, not by key material."""

from __future__ import annotations

import base64
import json
import os
import secrets
from typing import Any

import pytest
from django.conf import settings

from reverie.clinic.services import journal, keys
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import KeyUnavailable

pytestmark = pytest.mark.django_db


def _write_key_file(material: bytes, kid: str = "clinic-2026") -> None:
    path = settings.REVERIE.key_file
    document = {
        "format": "reverie.keyfile/1",
        "active": kid,
        "keys": {kid: base64.b64encode(material).decode()},
    }
    tmp = path.with_name(path.name + ".new")
    tmp.write_text(json.dumps(document))
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)  # a new inode: keyring() reads it again


def test_a_wrong_key_file_with_the_same_key_id_is_checked_again(make_user: Any) -> None:
    """``_ring_checked`` is keyed by (active kid, kids). Key ids in a key file are labels the file states (only
    their spelling is checked, never that they derive from the material), so a replaced key file holding another
    key under the same label ("clinic-2026": the staging file, another data folder's, a hand-made one) is taken as
    already checked: the running server wraps the next new person's data key under it, and what they write is
    lost once the right file is back. The verdict should be keyed by the key material (or its digest)."""
    right = secrets.token_bytes(32)
    _write_key_file(right)
    keys.forget_cached_keys()
    old = make_user("r14-key-old")
    journal.create_entry(old, EntryDraft(kind="dream", body="sealed under the right key"))
    keys.check_master_key()  # the right key: checked and remembered

    _write_key_file(secrets.token_bytes(32))  # replaced while the server runs: another key, the same label
    with pytest.raises(KeyUnavailable):
        keys.check_master_key()
