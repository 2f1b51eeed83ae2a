"""``reverie keys list`` and ``reverie keys retire``: an old master key leaves the key file only once nothing needs it."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from django.conf import settings
from django.db import DatabaseError
from typer.testing import CliRunner

from reverie.cli.main import app
from reverie.clinic.services import audit, journal, keys, recovery
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import ConfigurationError, Conflict, InvalidInput, NotFound
from reverie.vault.keys import load_keyring, rotate_key_file


def _cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _ring() -> Any:
    return load_keyring(settings.REVERIE.key_file, None)


def test_keys_retire_after_rotate_removes_the_old_key_and_every_entry_opens(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    written = [
        journal.create_entry(p, EntryDraft(kind="dream", body=f"{p.username}'s dream")) for p in (alice, bob)
    ]
    old = _ring().active
    rotated = _cli("keys", "rotate")
    assert rotated.exit_code == 0, rotated.output
    listed = _cli("keys", "list")
    assert listed.exit_code == 0, listed.output
    new = _ring().active
    assert f"{new}  active  wraps 2 data keys" in listed.output
    assert f"{old}  old     wraps 0 data keys" in listed.output
    for material in _ring().keys.values():
        assert base64.b64encode(material).decode() not in listed.output

    retired = _cli("keys", "retire", old)
    assert retired.exit_code == 0, retired.output
    assert f"Retired master key {old}" in retired.output
    assert _ring().kids == (new,)
    keys.forget_cached_keys()
    for person, view in zip((alice, bob), written, strict=True):
        assert journal.get_entry(person, view.id).body == f"{person.username}'s dream"
    assert audit.verify().ok  # events keyed under the retired key still verify
    assert old not in _cli("keys", "list").output


def test_keys_retire_refuses_while_a_data_key_is_wrapped_under_it(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="dream", body="kept"))
    old = _ring().active
    rotate_key_file(settings.REVERIE.key_file)  # a rotation whose re-wrap never ran
    before = settings.REVERIE.key_file.read_bytes()
    result = _cli("keys", "retire", old)
    assert isinstance(result.exception, Conflict)
    message = str(result.exception)
    assert "still wraps 1 data keys" in message and "reverie keys rewrap" in message
    assert settings.REVERIE.key_file.read_bytes() == before
    keys.forget_cached_keys()
    assert journal.get_entry(alice, view.id).body == "kept"
    # the fix the message names: re-wrap under the active key (no new key), then retire
    rewrapped = _cli("keys", "rewrap")
    assert rewrapped.exit_code == 0, rewrapped.output
    assert "Re-wrapped 1 data keys" in rewrapped.output
    assert len(_ring().kids) == 2  # no key was added
    assert _cli("keys", "retire", old).exit_code == 0
    keys.forget_cached_keys()
    assert journal.get_entry(alice, view.id).body == "kept"


def test_keys_retire_refuses_while_a_recovery_copy_is_sealed_under_it(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = make_user()
    journal.create_entry(alice, EntryDraft(kind="dream", body="first"))

    def database_down(*args: Any, **kwargs: Any) -> bytes:
        raise DatabaseError("down")

    with monkeypatch.context() as patched:
        patched.setattr(keys, "seal_for", database_down)
        copy = recovery.keep(alice, EntryDraft(kind="dream", body="saved aside"))
    old = _ring().active
    assert json.loads(copy.read_bytes())["fallback_kid"] == old
    try:
        assert _cli("keys", "rotate").exit_code == 0
        before = settings.REVERIE.key_file.read_bytes()
        result = _cli("keys", "retire", old)
        assert isinstance(result.exception, Conflict)
        assert "0 data keys and seals 1 recovery copies" in str(result.exception)
        assert "reverie journal recover" in str(result.exception)
        assert settings.REVERIE.key_file.read_bytes() == before
        keys.forget_cached_keys()
        assert recovery.read(copy, alice).draft.body == "saved aside"
    finally:
        recovery.forget(alice.pk)


def test_keys_retire_refuses_the_active_key_an_unknown_key_and_an_environment_key(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user()
    before = settings.REVERIE.key_file.read_bytes()
    active = _cli("keys", "retire", _ring().active)
    assert isinstance(active.exception, Conflict) and "active key" in str(active.exception)
    unknown = _cli("keys", "retire", "mk-000000000000")
    assert isinstance(unknown.exception, NotFound)
    assert settings.REVERIE.key_file.read_bytes() == before
    from reverie.settings import Config

    values = {**settings.REVERIE.values, "REVERIE_MASTER_KEY": base64.b64encode(bytes(32)).decode()}
    monkeypatch.setattr(settings, "REVERIE", Config(values))
    from_env = _cli("keys", "retire", "mk-000000000000")
    assert isinstance(from_env.exception, ConfigurationError)
    assert "REVERIE_MASTER_KEY" in str(from_env.exception)


@pytest.mark.parametrize("kid", ["", "x" * 100_000, "mk-../../etc"])
def test_keys_retire_names_a_malformed_key_id_by_its_shape_and_changes_nothing(
    make_user: Any, kid: str
) -> None:
    make_user()
    before = settings.REVERIE.key_file.read_bytes()
    result = _cli("keys", "retire", kid)
    assert isinstance(result.exception, InvalidInput)
    message = str(result.exception)
    assert "1-64 of A-Z a-z 0-9" in message and len(message) < 200  # never the input echoed back
    assert settings.REVERIE.key_file.read_bytes() == before
