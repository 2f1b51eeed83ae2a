"""r59 review of 2745b73 (demo refused beside real accounts), fixed in h73: the refusal told the person to use a fresh data
folder ("REVERIE_DATA_DIR=/some/new/folder reverie demo", ``clinic.services.demo.refuse_beside_real_people``). Where
the database is named by REVERIE_DATABASE_URL (any PostgreSQL installation, and an SQLite file placed elsewhere,
as docs/settings.md allows: ``sqlite:////absolute/path.db``), a new data folder still opens the same database, so following
the advice gave the same refusal again. The advice now names what to change for the configured database
(``demo.fresh_advice``): a new data folder without REVERIE_DATABASE_URL, or a new, empty database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=480,
    )


def test_following_the_demo_refusals_advice_runs_the_demo(tmp_path: Path) -> None:
    """An installation whose database is named by REVERIE_DATABASE_URL holds a real account. Its admin runs
    `reverie demo`, is told "use a fresh data folder (REVERIE_DATA_DIR=/some/new/folder reverie demo)", does
    exactly that, and is refused again with the same words: a loop with no way out in the message. The advice should
    be one that works there (a fresh data folder and a fresh database: REVERIE_DATABASE_URL too), and following it
    should run the demo."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    env.update(
        REVERIE_DATA_DIR=str(tmp_path / "data"),
        REVERIE_DATABASE_URL=f"sqlite:///{tmp_path / 'db' / 'reverie.sqlite3'}",
        REVERIE_ANALYSIS="off",
        REVERIE_PASSWORD="a-real-person-123",
    )
    (tmp_path / "db").mkdir()
    made = _run(env, "user", "create", "realclient")
    assert made.returncode == 0, made.stderr
    first = _run(env, "demo")
    assert first.returncode != 0 and "REVERIE_DATA_DIR=" in first.stderr, first.stderr
    assert "env -u REVERIE_DATABASE_URL REVERIE_DATA_DIR=/some/new/folder reverie demo" in first.stderr, (
        "the advice should say what to change for a database named by REVERIE_DATABASE_URL: " + first.stderr
    )
    fresh = {k: v for k, v in env.items() if k != "REVERIE_DATABASE_URL"}  # what the message says to do
    fresh["REVERIE_DATA_DIR"] = str(tmp_path / "fresh")
    again = _run(fresh, "demo")
    assert again.returncode == 0 and "Demo loaded" in again.stdout, again.stderr
    with_data_dir_alone = _run(
        {**env, "REVERIE_DATA_DIR": str(tmp_path / "other")}, "demo"
    )  # the database is still the one named
    assert with_data_dir_alone.returncode != 0 and "env -u REVERIE_DATABASE_URL" in with_data_dir_alone.stderr
