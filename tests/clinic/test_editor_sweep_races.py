"""The editor's plain-text file: left alone by another command's sweep while the editor still has it open, even when
the editor saves by renaming; a second signal cannot end the sealing; two sweeps at once never crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from editor_session import editor_script, write_with_editor

WORDS = "the first words of a long entry I am still writing"


def test_a_second_command_leaves_an_editor_file_saved_by_rename_alone(cli: Any, tmp_path: Path) -> None:
    """A file still open in the editor (saved by rename, as vim does) is not swept by another command meanwhile."""
    cli("user", "create", "ana")
    marks = tmp_path / "marks"
    marks.mkdir()
    editor = editor_script(
        tmp_path,
        "#!/bin/sh\n"
        f'printf "{WORDS}" > "$1.swp" && mv "$1.swp" "$1"\n'  # a save: a new file renamed over the old one
        f"{sys.executable} -m reverie.cli.main journal list -u ana </dev/null >/dev/null 2>{marks}/sweep.err\n"
        f'[ -f "$1" ] || echo gone > {marks}/gone\n'
        "exit 0\n",
    )
    proc = write_with_editor(cli, editor)
    swept = (marks / "sweep.err").read_text()
    assert not (marks / "gone").exists(), (
        f"the open editor's file was swept: {swept} / the writer: {proc.stderr.decode()[-600:]}"
    )
    assert proc.returncode == 0, proc.stderr.decode()[-800:]
    assert not list((cli.data_dir / "recovery").rglob("*.json"))  # saved once, not also a recovery copy


def test_a_second_signal_after_a_hang_up_cannot_end_the_sealing() -> None:
    """After a hang-up or kill ends the editor, a second one is still ignored while what was typed is sealed."""
    import signal

    from reverie.cli import editing

    before = signal.getsignal(signal.SIGTERM)
    try:
        try:
            with editing.closing_raises():
                os.kill(os.getpid(), signal.SIGTERM)
                raise AssertionError("the handler runs before os.kill returns")
        except editing.TerminalClosed:
            pass
        # `journal write` seals the text only after this block (its file is already deleted by then): a second
        # SIGTERM now must not kill the process with the words in memory alone
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN, (
            "a second SIGTERM would lose what was typed"
        )
    finally:
        signal.signal(signal.SIGTERM, before)


@pytest.mark.django_db
def test_two_sign_ins_sweeping_the_same_leftover_do_not_fail(make_user: Any, monkeypatch: Any) -> None:
    """A leftover another command's sweep sealed and deleted after this sweep opened it is skipped, not a crash."""
    from reverie.cli import editing
    from reverie.clinic.services import recovery

    pytest.importorskip("fcntl")
    owner = make_user("ana")
    folder = recovery.folder_of(owner.pk)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    left = folder / f"{editing.PREFIX}abc{editing.SUFFIX}"
    left.write_text(WORDS)

    def the_other_sweep_finished_first(
        fd: int,
    ) -> bool:  # it sealed the file, deleted it and let go of its lock
        left.unlink()
        return False

    monkeypatch.setattr(editing, "_in_use", the_other_sweep_finished_first)
    editing.sweep(owner)


@pytest.mark.django_db
@pytest.mark.parametrize("ending", ["saved", "killed"])
def test_the_editor_file_stays_and_signals_stay_ignored_until_the_text_is_sealed(
    ending: str, make_user: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    """From the editor's end to the sealed copy (an ordinary save, or a kill while the editor was open), a hang-up or
    kill is ignored and the plain file is still there; after, the file is gone and the handlers are back."""
    import signal

    from reverie.cli import journal_cmds
    from reverie.clinic.services import recovery
    from reverie.errors import ReverieError

    owner = make_user("ana")
    folder = recovery.folder_of(owner.pk)
    editor = tmp_path / "ed.sh"
    stop = "kill -TERM $PPID\nsleep 5\n" if ending == "killed" else ""
    editor.write_text(f'#!/bin/sh\nprintf "{WORDS}" > "$1"\n{stop}exit 0\n')
    editor.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setenv("REVERIE_PASSWORD", "a long test password")

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    seen: list[tuple[Any, Any, list[str]]] = []
    real_keep = recovery.keep

    def keep(*args: Any, **kwargs: Any) -> Path:
        plain = [p.read_text() for p in folder.glob(".editing-*.md")]
        seen.append((signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP), plain))
        return real_keep(*args, **kwargs)

    monkeypatch.setattr(recovery, "keep", keep)
    before = (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP))
    try:
        if ending == "killed":
            with pytest.raises(ReverieError, match="is kept"):
                journal_cmds.write(user="ana")
        else:
            journal_cmds.write(user="ana")
        assert seen == [(signal.SIG_IGN, signal.SIG_IGN, [WORDS])]
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".editing-")]
        assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before
    finally:
        signal.signal(signal.SIGTERM, before[0])
        signal.signal(signal.SIGHUP, before[1])
