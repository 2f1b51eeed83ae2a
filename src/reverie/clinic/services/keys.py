"""The bridge between stored records and the vault: per-client data keys, sealing and opening."""

from __future__ import annotations

import threading

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import ClientKey, User
from reverie.errors import KeyUnavailable
from reverie.vault.envelope import open_sealed, seal
from reverie.vault.keys import DataKey, MasterKeyring, create_key_file, load_keyring

_lock = threading.Lock()
_keyring: MasterKeyring | None = None
_data_keys: dict[int, DataKey] = {}


def _env_key() -> str | None:
    value = str(settings.REVERIE["REVERIE_MASTER_KEY"])
    return value or None


def ensure_key_file() -> bool:
    """First run in embedded mode: create the key file if no key is configured and nothing is encrypted yet.

    Returns True when a new key file was created. Refuses to create one when encrypted data already exists, since a
    new key could never open it: that is a missing key file, and the person must restore it.
    """
    path = settings.REVERIE.key_file
    if _env_key() or path.exists():
        return False
    if ClientKey.objects.exists():
        raise KeyUnavailable(
            f"The key file {path} is missing but encrypted journals exist. Restore the key file from your backup "
            "(or set REVERIE_KEY_FILE / REVERIE_MASTER_KEY); without it the journals cannot be opened."
        )
    create_key_file(path)
    return True


def keyring() -> MasterKeyring:
    global _keyring
    with _lock:
        if _keyring is None:
            _keyring = load_keyring(settings.REVERIE.key_file, _env_key())
        return _keyring


def forget_cached_keys() -> None:
    """Drop keys held in memory (after rotation, erasure, or in tests)."""
    global _keyring
    with _lock:
        _keyring = None
        _data_keys.clear()


def data_key(client: User) -> DataKey:
    cached = _data_keys.get(client.pk)
    if cached is not None:
        return cached
    with transaction.atomic():
        row = ClientKey.objects.filter(client=client).first()
        if row is None:
            if client.erased_at is not None:
                raise KeyUnavailable("This person's data was erased; their key no longer exists.")
            key = DataKey.generate()
            ClientKey.objects.create(client=client, wrapped=keyring().wrap(key, str(client.pk)))
        else:
            key = keyring().unwrap(bytes(row.wrapped), str(client.pk))
    _data_keys[client.pk] = key
    return key


def seal_for(client: User, record_id: str, purpose: str, plaintext: bytes) -> bytes:
    return seal(data_key(client), plaintext, client_id=str(client.pk), record_id=record_id, purpose=purpose)


def open_for(client: User, record_id: str, purpose: str, blob: bytes | memoryview) -> bytes:
    return open_sealed(
        data_key(client), bytes(blob), client_id=str(client.pk), record_id=record_id, purpose=purpose
    )


def destroy_key(client: User) -> None:
    """Crypto-shredding: once the wrapped data key is gone, every sealed record of this client is unreadable."""
    ClientKey.objects.filter(client=client).delete()
    _data_keys.pop(client.pk, None)


def rewrap_all() -> int:
    """Re-wrap every client's data key under the active master key (after ``reverie keys rotate``)."""
    ring = keyring()
    count = 0
    with transaction.atomic():
        for row in ClientKey.objects.select_for_update():
            row.wrapped = ring.rewrap(bytes(row.wrapped), str(row.client_id))
            row.rewrapped_at = timezone.now()
            row.save(update_fields=["wrapped", "rewrapped_at"])
            count += 1
    return count
