"""Recovery copies belong to their writer: their key, their folder, their erasure; only they recover them; kind,
title and feelings are kept; one broken copy never blocks the others (issue 11, item 4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.services import portability, recovery
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.errors import InvalidInput

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
DREAM = EntryDraft(
    kind="dream",
    body="the sea came into the kitchen",
    title="Flood",
    feelings=(Feeling("fear", 4), Feeling("awe", 2)),
    happened_at=datetime(2026, 1, 10, 3, 30, tzinfo=UTC),
    tags=("water",),
)


def test_recovery_ownership_copy_is_sealed_with_the_writers_key_and_keeps_the_entry(
    make_user: Any, tmp_path: Path
) -> None:
    alice = make_user()
    path = recovery.keep(alice, DREAM, tmp_path)
    assert path.parent == tmp_path / "recovery" / str(alice.pk)
    assert path.stat().st_mode & 0o077 == 0
    doc = json.loads(path.read_bytes())
    assert doc["format"] == recovery.FORMAT and doc["owner"] == alice.pk and "sealed" in doc
    assert b"kitchen" not in path.read_bytes() and b"Flood" not in path.read_bytes()
    kept = recovery.read(path, alice)
    assert kept.draft == DREAM  # kind, title, feelings, date and tags survive


def test_recovery_ownership_another_person_cannot_open_or_list_it(make_user: Any, tmp_path: Path) -> None:
    alice, bob = make_user(), make_user()
    path = recovery.keep(alice, DREAM, tmp_path)
    assert recovery.pending(bob, tmp_path) == []
    with pytest.raises(InvalidInput, match="belongs to another account"):
        recovery.read(path, bob)
    forged = json.loads(path.read_bytes()) | {"owner": bob.pk, "owner_since": bob.date_joined.isoformat()}
    stolen = tmp_path / "recovery" / str(bob.pk) / path.name
    stolen.parent.mkdir(parents=True)
    stolen.write_text(json.dumps(forged))
    with pytest.raises(InvalidInput, match="does not open with your key"):
        recovery.read(stolen, bob)  # relabelled as bob's: still sealed with alice's key and id


def test_recovery_ownership_erasure_removes_the_copies(
    make_user: Any, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    alice, bob = make_user(), make_user()
    kept_for_alice = recovery.keep(alice, DREAM, tmp_path)
    kept_for_bob = recovery.keep(bob, DREAM, tmp_path)
    with django_capture_on_commit_callbacks(execute=True):  # removed once the erasure has committed
        portability.erase_client(alice, alice.username, PASSWORD, data_dir=tmp_path)
    assert not kept_for_alice.exists() and not kept_for_alice.parent.exists()
    assert kept_for_bob.exists()


def test_recovery_ownership_plain_fallback_stays_in_the_owners_folder(
    make_user: Any, tmp_path: Path, settings: Any
) -> None:
    from reverie.clinic.services import keys

    alice = make_user()
    keys.forget_cached_keys()
    settings.REVERIE.key_file.unlink()  # no key can be loaded: the copy is kept as plain JSON, mode 0600
    path = recovery.keep(alice, DREAM, tmp_path)
    assert path.parent.name == str(alice.pk) and json.loads(path.read_bytes())["plain"]["body"] == DREAM.body
    assert recovery.read(path, alice).draft == DREAM


@pytest.mark.db
def test_recovery_ownership_cli_recover_is_per_person_and_skips_broken_copies(cli: Any) -> None:
    cli("user", "create", "hana")
    cli("user", "create", "ivo")
    for body in ("first kept text", "second kept text"):
        code, _, err = cli(
            "journal", "write", "-u", "hana", "--kind", "dream", "--title", "Kept", "--feeling", "fear:4",
            "--happened-at", "2999-01-01", input=body, check=False,
        )  # fmt: skip
        assert code != 0 and "kept in" in err
    folder = next((cli.data_dir / "recovery").iterdir())
    copies = sorted(folder.glob("*.json"))
    assert len(copies) == 2
    copies[0].write_text("{damaged")  # one broken copy
    legacy = cli.data_dir / "recovery" / "old.json"
    legacy.write_text(json.dumps({"format": "reverie.recovery/1", "plain": "someone's old text"}))

    _, out, _ = cli("journal", "recover", "-u", "ivo")  # another person: nothing of hana's, nothing unowned
    assert "Recovered 0 entries" in out
    _, listed, _ = cli("journal", "list", "-u", "ivo", "--json")
    assert json.loads(listed) == []

    code, out, err = cli("journal", "recover", "-u", "hana", check=False)
    assert code == 1 and "Recovered 1 entry." in out
    assert "cannot be used" in err and "reverie.recovery/1" in err
    [entry] = json.loads(cli("journal", "list", "-u", "hana", "--json")[1])
    assert entry["kind"] == "dream" and entry["title"] == "Kept" and entry["feelings"] == [["fear", 4]]
    assert entry["body"] in ("first kept text", "second kept text")  # the one not broken (names are random)
    assert copies[0].exists() and not copies[1].exists() and legacy.exists()
    _, out, _ = cli("recovery-legacy", "--delete")
    assert "Deleted 1" in out and not legacy.exists()


# A process killed after its save committed and before it removed its recovery copy (r4): the copy names the entry
# its save made, so recovering it later finds that entry instead of saving the text a second time.
KILLED_AFTER_COMMIT = r"""
import os, sys
import reverie.cli.runtime
from reverie.clinic.services import recovery

recovery.discard = lambda path: os._exit(9)  # the kill -9 lands between the commit and the copy's removal
from reverie.cli.main import run

sys.argv = ["reverie", *sys.argv[1:]]
run()
"""


@pytest.mark.parametrize("crashed", ["write", "recover"])
def test_recovery_ownership_a_copy_left_by_a_kill_after_the_save_is_not_saved_twice(
    cli: Any, crashed: str
) -> None:
    import subprocess
    import sys

    cli("user", "create", "hana")

    def killed(*args: str, text: str | None = None) -> None:
        proc = subprocess.run(
            [sys.executable, "-c", KILLED_AFTER_COMMIT, *args],
            input=None if text is None else text.encode(),
            capture_output=True,
            env=cli.env,
            timeout=180,
        )
        assert proc.returncode == 9, proc.stderr.decode()

    if crashed == "write":
        killed("journal", "write", "-u", "hana", "-f", "-", text="said once, kept once")
    else:  # the save itself failed (a date refused), then `journal recover` was killed after saving it
        code, _, err = cli(
            "journal", "write", "-u", "hana", "--happened-at", "2999-01-01", input="said once, kept once",
            check=False,
        )  # fmt: skip
        assert code != 0 and "kept in" in err
        killed("journal", "recover", "-u", "hana")
    assert len(list((cli.data_dir / "recovery").rglob("*.json"))) == 1  # the copy outlived its save
    _, out, _ = cli("journal", "recover", "-u", "hana")
    bodies = [e["body"] for e in json.loads(cli("journal", "list", "-u", "hana", "--json")[1])]
    assert bodies == ["said once, kept once"]  # before: two entries with the same text
    assert not list((cli.data_dir / "recovery").rglob("*.json"))  # the copy is gone now
    _, out, _ = cli("journal", "recover", "-u", "hana")
    assert "Recovered 0 entries" in out


def test_recovery_ownership_bytes_that_are_not_utf8_are_kept_as_they_are(
    make_user: Any, tmp_path: Path
) -> None:
    """h103 (review r86): text an editor saved in Windows-1251 is kept as its bytes (format 3), not as a Western
    European reading: nothing is guessed, and the person's choice of encoding gives their words back. A copy of
    format 2 (no bytes field) is still read."""
    alice = make_user()
    raw = "Мне снилась мама".encode("cp1251")
    path = recovery.keep(alice, EntryDraft(kind="dream", body="."), tmp_path, undecoded=raw)
    assert json.loads(path.read_bytes())["format"] == "reverie.recovery/3"
    kept = recovery.read(path, alice)
    assert kept.undecoded == raw and kept.draft.body == ""
    assert kept.with_encoding("cp1251").body == "Мне снилась мама"
    with pytest.raises(InvalidInput, match="does not read as utf-8"):
        kept.with_encoding("utf-8")
    with pytest.raises(InvalidInput, match="not the name of a text encoding"):
        kept.with_encoding("base64")
    old = tmp_path / "recovery" / str(alice.pk) / "00000000-0000-4000-8000-000000000002.json"
    plain = {
        "kind": "dream",
        "title": "",
        "body": "the sea",
        "feelings": [],
        "people": [],
        "tags": [],
        "extra": {},
    }
    since = alice.date_joined.isoformat()
    doc = {
        "format": "reverie.recovery/2",
        "id": old.stem,
        "owner": alice.pk,
        "owner_since": since,
        "plain": plain,
    }
    old.write_text(json.dumps(doc))
    read_old = recovery.read(old, alice)
    assert read_old.draft.body == "the sea" and read_old.undecoded is None
