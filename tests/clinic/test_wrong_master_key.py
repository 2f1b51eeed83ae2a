"""A wrong master key must not be used to write."""

from __future__ import annotations

import base64
import secrets
from typing import Any

import pytest
from django.conf import settings

from reverie import settings as reverie_settings
from reverie.clinic.models import ClientKey
from reverie.clinic.services import journal, keys
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import KeyUnavailable, ReverieError

pytestmark = pytest.mark.django_db


def _use_env_key(value: str) -> None:
    values = dict(settings.REVERIE.values)
    values["REVERIE_MASTER_KEY"] = value
    settings.REVERIE = reverie_settings.Config(values)
    keys.forget_cached_keys()


def test_a_wrong_master_key_writes_nothing_that_the_right_one_cannot_open(make_user: Any) -> None:
    """Reverie starts with a master key that opens none of the stored wraps (REVERIE_MASTER_KEY mistyped, the
    staging secret, the wrong key file): existing people fail with KeyUnavailable, but a person without a data key
    yet (a new sign-up, or anyone who has not written) is given one wrapped under the WRONG key and writes. Once the
    operator puts the right key back, everything that person wrote can never be opened again. Nothing checks, when
    the ring is loaded or a new key is wrapped, that the ring opens the wraps already stored."""
    old = make_user("t-existing")
    journal.create_entry(old, EntryDraft(kind="dream", body="sealed under the right master key"))
    right = keys.keyring()
    right_env = base64.b64encode(right.keys[right.active]).decode()
    newcomer = make_user("t-newcomer")

    _use_env_key(base64.b64encode(secrets.token_bytes(32)).decode())  # the mistake
    with pytest.raises(ReverieError):
        journal.list_entries(old)  # the existing journal: refused, as it should be
    try:
        journal.create_entry(newcomer, EntryDraft(kind="reflection", body="my first entry, on the wrong key"))
    except ReverieError:
        return  # refused before writing: what should happen
    _use_env_key(right_env)  # the operator fixes the key
    try:
        journal.list_entries(newcomer)
    except ReverieError as exc:
        pytest.fail(f"the newcomer's journal, written under the wrong master key, is lost: {exc.message}")


def test_a_wrong_master_key_is_refused_plainly_before_any_data_key_is_wrapped(make_user: Any) -> None:
    """The refusal names where the key comes from and what to do, never the key; no data key row is written; once
    the right key is back the newcomer writes as anyone does. ``reverie serve`` makes the same check at start."""
    old = make_user("t-existing-2")
    journal.create_entry(old, EntryDraft(kind="dream", body="sealed under the right master key"))
    right = keys.keyring()
    right_env = base64.b64encode(right.keys[right.active]).decode()
    newcomer = make_user("t-newcomer-2")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    _use_env_key(wrong)
    with pytest.raises(KeyUnavailable) as refused:
        journal.create_entry(newcomer, EntryDraft(kind="reflection", body="my first entry"))
    assert (
        "REVERIE_MASTER_KEY" in refused.value.message
        and "opens none of the data keys" in refused.value.message
    )
    assert wrong not in refused.value.message and keys.keyring().active not in refused.value.message
    with pytest.raises(KeyUnavailable):
        keys.check_master_key()
    assert not ClientKey.objects.filter(client=newcomer).exists()
    _use_env_key(right_env)
    journal.create_entry(newcomer, EntryDraft(kind="reflection", body="my first entry, on the right key"))
    assert [v.body for v in journal.list_entries(newcomer)] == ["my first entry, on the right key"]


def test_serve_refuses_to_start_on_a_master_key_that_opens_no_stored_data_key(cli: Any) -> None:
    """Checked at start too: ``reverie serve`` with the wrong REVERIE_MASTER_KEY says so and does not listen."""
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", "--kind", "dream", input="A house with too many doors.")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    code, out, err = cli("serve", "--port", "0", "--no-worker", check=False, REVERIE_MASTER_KEY=wrong)
    assert code == KeyUnavailable.exit_code and "Reverie is running" not in out
    assert "REVERIE_MASTER_KEY opens none of the data keys" in err and wrong not in err + out


def test_worker_refuses_to_start_on_a_master_key_that_opens_no_stored_data_key(cli: Any) -> None:
    """r130 fault 4: ``reverie worker`` started silently with a wrong key and used up an entry's analysis tries, each
    failing KeyUnavailable; it makes the same start-up check as ``serve`` (E510), and starts with the right key."""
    cli("user", "create", "erin")
    cli("journal", "write", "-u", "erin", "--kind", "dream", input="A house with too many doors.")
    wrong = base64.b64encode(secrets.token_bytes(32)).decode()
    code, out, err = cli("worker", "--batch", check=False, REVERIE_MASTER_KEY=wrong)
    assert code == KeyUnavailable.exit_code
    assert "REVERIE_MASTER_KEY opens none of the data keys" in err and wrong not in err + out
    cli("worker", "--batch")
