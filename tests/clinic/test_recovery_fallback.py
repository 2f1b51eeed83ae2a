"""A recovery copy kept while the person's data key cannot be had is sealed under the master key, never plain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.services import keys, recovery
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import KeyUnavailable

pytestmark = pytest.mark.django_db


def test_recovery_fallback_sealed_under_master_key_when_data_key_fails(
    make_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = make_user()
    draft = EntryDraft(kind="free_association", body="a canary sentence 7f3a")

    def no_key(*_: Any, **__: Any) -> bytes:
        raise KeyUnavailable("no data key")

    monkeypatch.setattr(keys, "seal_for", no_key)
    path = recovery.keep(owner, draft, tmp_path)
    monkeypatch.undo()
    raw = path.read_bytes()
    assert b"canary" not in raw
    doc = json.loads(raw)
    assert "plain" not in doc and "fallback_sealed" in doc
    assert recovery.read(path, owner).draft.body == "a canary sentence 7f3a"
    other = make_user()
    with pytest.raises(Exception, match="belongs to another account"):
        recovery.read(path, other)
