"""Ctrl-C in any command says so and exits 130 (Typer ≥ 0.20 turns the interrupt into a silent exit code)."""

from __future__ import annotations

import sys

import pytest
import typer

from reverie.cli import main


def test_ctrl_c_says_stopped_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    waits = typer.Typer()

    @waits.command()
    def wait() -> None:
        raise KeyboardInterrupt  # as when the person presses Ctrl-C while the command reads or works

    @waits.command()
    def other() -> None:
        pass

    monkeypatch.setattr(main, "app", waits)
    monkeypatch.setattr(sys, "argv", ["reverie", "wait"])
    with pytest.raises(SystemExit) as stopped:
        main.run()
    assert stopped.value.code == 130
    assert capsys.readouterr().err.strip() == "Stopped."
