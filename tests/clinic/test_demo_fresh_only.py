"""The demo is for a fresh installation only: its invented entries and a therapist account nobody owns are never
added beside real people's accounts, whether from the web's first run or `reverie demo`
(``clinic.services.demo.refuse_beside_real_people``, which both reach through ``create_accounts``)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reverie.errors import Conflict


@pytest.mark.django_db
def test_demo_accounts_are_refused_beside_another_account(make_user: Any) -> None:
    from reverie.clinic.models import Entry, User
    from reverie.clinic.services import demo

    make_user()
    with pytest.raises(Conflict, match="fresh data folder"):
        demo.load_demo(n_entries=2)
    assert not User.objects.filter(username__startswith="demo-").exists()
    assert Entry.objects.count() == 0


def test_cli_demo_refuses_a_data_dir_that_has_real_accounts(tmp_path: Path) -> None:
    """A clinic admin (or a person with a real journal) runs `reverie demo` to look around. Before r56 was fixed it
    added demo-client and demo-therapist, 40 invented entries, a course, an alert and a therapist password printed
    on the terminal into the installation that already holds real people, without a word: invented data now sits
    beside real data (install-wide counts such as `reverie insights precision` and `reverie doctor` include it) and
    a therapist account nobody owns exists on the real server. The web's "Explore with demo data" is first-run only
    (demo_views.demo refuses once anyone has an account); the CLI should refuse the same way, plainly (exit status
    not 0, no demo accounts made), and say to use a fresh REVERIE_DATA_DIR."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVERIE_")}
    env.update(REVERIE_DATA_DIR=str(tmp_path), REVERIE_ANALYSIS="off", REVERIE_PASSWORD="a-real-person-123")
    made = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "user", "create", "realclient"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    demo = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode != 0, demo.stdout
    assert "Demo loaded" not in demo.stdout
    assert "REVERIE_DATA_DIR" in demo.stderr, demo.stderr
    with sqlite3.connect(tmp_path / "reverie.sqlite3") as db:  # nothing written: no demo account, no entry
        names = [row[0] for row in db.execute("SELECT username FROM clinic_user")]
        entries = db.execute("SELECT COUNT(*) FROM clinic_entry").fetchone()[0]
    assert names == ["realclient"]
    assert entries == 0
