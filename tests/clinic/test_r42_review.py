"""Review r42: adversarial checks of h36 (CLI failures, editor file, waiting check-in line), h39 (noticed choice)
and h40 (doctor's owed alerts). Each test states the behaviour expected; a failing one is a proved fault."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from cli_process import editor_env, files_holding, terminal

WORDS = "the secret words I typed at midnight about my brother"
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."
RISKY_TOO = "Tonight I want to end my life, I have the pills ready."


def _run(cli: Any, argv: list[str], stdin: Any = None, **env: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        argv,
        stdin=stdin,
        capture_output=True,
        env={**cli.env, "REVERIE_USER": "ana", **env},
        timeout=480,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def test_hangup_in_the_editor_leaves_no_plain_text_in_the_data_folder(cli: Any, tmp_path: Path) -> None:
    """A terminal hang-up (SIGHUP) while the editor is open leaves no plain-text copy of the entry in the data folder."""
    cli("user", "create", "ana")
    # the editor has saved the text when the terminal goes away (an ssh drop, a closed window)
    editor = editor_env(tmp_path, f'#!/bin/sh\necho "{WORDS}" > "$1"\nkill -HUP $PPID\nsleep 3\n')
    with terminal() as stdin:
        _run(cli, [sys.executable, "-m", "reverie.cli.main", "journal", "write"], stdin=stdin, **editor)
    time.sleep(0.5)
    cli("journal", "list", "-u", "ana")  # any later command may tidy up
    left = files_holding(cli.data_dir, WORDS)
    assert not left, f"entry text left in plain text: {[str(p.relative_to(cli.data_dir)) for p in left]}"


_RECOVER_WITH_A_LOCK = """
import sys
from reverie.cli import runtime
real_sign_in = runtime.sign_in
def sign_in(*args, **kwargs):
    actor = real_sign_in(*args, **kwargs)  # Django is ready now
    from django.db.utils import OperationalError
    from reverie.clinic.services import journal
    real = journal.create_entry
    saved = []
    def create_entry(*a, **k):
        if saved:  # a worker holds the write lock past the timeout for the second copy
            raise OperationalError("database is locked")
        view = real(*a, **k)
        saved.append(view)
        return view
    journal.create_entry = create_entry
    return actor
runtime.sign_in = sign_in
sys.argv = ["reverie", "journal", "recover"]
from reverie.cli.main import run
run()
"""


def test_a_check_in_raised_by_a_recovered_entry_is_shown_in_full_when_a_later_copy_fails(cli: Any) -> None:
    """A check-in raised by an entry `journal recover` saved is shown in full (with the crisis lines) even when a
    later copy fails with a database error, here or at the next save (not only as the "still waiting" line)."""
    cli("user", "create", "ana")
    for words in (RISKY, RISKY_TOO):  # refused for their date: each is kept as a recovery copy
        rc, _, _ = cli(
            "journal", "write", "-u", "ana", "--happened-at", "2999-01-01", input=words, check=False
        )
        assert rc != 0
    rc, out, err = _run(cli, [sys.executable, "-c", _RECOVER_WITH_A_LOCK])
    assert rc != 0, out + err  # the second copy failed
    _, listed, _ = cli("journal", "list", "--json", "-u", "ana")
    assert len(json.loads(listed)) == 1, "the first copy was saved, the second was not"
    _, later, _ = cli("journal", "write", "-u", "ana", input="A long walk by the river with my sister.")
    assert "Crisis lines" in out + later, f"recover said: {out!r} {err!r}; the next save said: {later!r}"


_IMPORT_WITH_A_LOCK = """
import sys
from reverie.cli import runtime
from reverie.clinic.services import portability
portability.IMPORT_BATCH = 1  # a long file: committed in batches (200 an import in the shipped code)
real_sign_in = runtime.sign_in
def sign_in(*args, **kwargs):
    actor = real_sign_in(*args, **kwargs)  # Django is ready now
    from django.db.utils import OperationalError
    real = portability._import_batch
    done = []
    def batch(*a, **k):
        if done:  # a worker holds the write lock past the timeout for the second batch
            raise OperationalError("database is locked")
        real(*a, **k)
        done.append(1)
    portability._import_batch = batch
    return actor
runtime.sign_in = sign_in
sys.argv = ["reverie", "journal", "import", sys.argv[1], "-u", "bea"]
from reverie.cli.main import run
run()
"""


def test_a_check_in_raised_by_an_imported_batch_is_shown_in_full_when_a_later_batch_fails(
    cli: Any, tmp_path: Path
) -> None:
    """A check-in raised by an entry `journal import` committed is shown in full (with the crisis lines) even when
    a later batch fails with a database error, here or at the next save (not only as the "still waiting" line)."""
    cli("user", "create", "ana")
    cli("user", "create", "bea")
    for words in (RISKY, RISKY_TOO):
        cli("journal", "write", "-u", "ana", input=words)
    exported = tmp_path / "ana.json"
    cli("journal", "export", "-u", "ana", "-o", str(exported))
    rc, out, err = _run(cli, [sys.executable, "-c", _IMPORT_WITH_A_LOCK, str(exported)], REVERIE_USER="bea")
    assert rc != 0, out + err  # the second batch failed
    _, listed, _ = cli("journal", "list", "--json", "-u", "bea")
    assert len(json.loads(listed)) == 1, "the first batch was committed, the second was not"
    _, later, _ = cli("journal", "write", "-u", "bea", input="A long walk by the river with my sister.")
    assert "Crisis lines" in out + later, f"import said: {out!r} {err!r}; the next save said: {later!r}"


_WORKER_RAISES = """
import sys
from reverie.cli.runtime import django_ready
django_ready()
from django.utils import timezone
from reverie.care.services import alerts
from reverie.clinic.models import Entry, User
ana = User.objects.get(username="ana")
entry = Entry.objects.get(client=ana)
# what the after-analysis hook (alerts.on_analysis) does when the worker's sentence model reads risk the save's
# lexicon screen did not find
alerts.signal(ana, "journal", "ideation", alerts.revision_record(entry.id, entry.revision),
              written_at=timezone.now(), model_alone=True)
"""


def test_a_check_in_the_worker_raised_after_the_save_is_shown_in_full_at_the_next_save(cli: Any) -> None:
    """A check-in raised after a command-line save (by the background analysis, the default mode), which the
    command line never showed, is shown in full with the crisis lines at the next save, not only recalled in one
    line as one already shown."""
    cli("user", "create", "ana")
    _, first, _ = cli("journal", "write", "-u", "ana", input="Everything feels grey and pointless lately.")
    assert "Crisis lines" not in first  # the save's screen found nothing
    rc, out, err = _run(cli, [sys.executable, "-c", _WORKER_RAISES])
    assert rc == 0, out + err
    _, later, _ = cli("journal", "write", "-u", "ana", input="A long walk by the river with my sister.")
    assert "Crisis lines" in later, later
