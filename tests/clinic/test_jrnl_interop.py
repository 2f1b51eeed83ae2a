"""Interop with the real jrnl 4.6 (a dev dependency): a journal written with jrnl's own command line, exported
with jrnl's own JSON exporter and taken as jrnl's plain-text file, imported through Reverie's import path.
Every entry, its title, body, tags and its local time (stored as the right UTC instant) is checked.

Reverie writes no jrnl-readable format (its exports are its own JSON and Markdown), so nothing goes back to jrnl.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.services import journal, local_time, portability
from reverie.journal.interchange import load

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

JRNL = Path(sys.executable).with_name("jrnl")
ZONE = "Europe/Berlin"

# What is typed into jrnl (local Berlin times; 29 March 2026 is the night the clocks go forward at 02:00),
# and what Reverie must hold: (title, body, UTC instant, tags, kind).
WRITTEN = [
    "2026-01-05 21:15: Meeting ran long.\nI said yes again when I meant no. @work\nThen the train was late.",
    "2026-03-10 00:30: Slept badly.",
    "2026-03-28 23:40: Dreamt of the sea. @dream #sleep\nThe water was warm and my brother was there.",
    "2026-03-29 03:30: Up early after the clocks changed. *\nOdd light.",
]
EXPECTED = {
    "Meeting ran long.": (
        "I said yes again when I meant no. @work\nThen the train was late.",
        datetime(2026, 1, 5, 20, 15, tzinfo=UTC),
        ("work",),
        "reflection",
    ),
    "": ("Slept badly.", datetime(2026, 3, 9, 23, 30, tzinfo=UTC), (), "reflection"),
    "Dreamt of the sea. @dream #sleep": (
        "The water was warm and my brother was there.",
        datetime(2026, 3, 28, 22, 40, tzinfo=UTC),
        ("dream", "sleep"),
        "dream",
    ),
    "Up early after the clocks changed.": (
        "Odd light.",
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # 03:30 summer time (+02:00)
        ("starred",),
        "reflection",
    ),
}


@pytest.fixture(scope="module")
def jrnl_journal(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """jrnl's JSON export and its plain-text journal file, made by the real jrnl in a home of its own."""
    if not JRNL.exists():
        pytest.fail(f"jrnl is a dev dependency but {JRNL} is missing")
    home = tmp_path_factory.mktemp("jrnl-home")
    text_file = home / "journal.txt"
    config = home / "config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        f"indent_character: '|'\njournals:\n  default:\n    journal: {text_file}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\nversion: v4.6\n"
    )
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "TZ": ZONE,
        "LANG": "C.UTF-8",
        "NO_COLOR": "1",
    }

    def run(*args: str) -> str:
        done = subprocess.run(
            [str(JRNL), *args], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    for line in WRITTEN:
        run(line)
    exported = run("--export", "json").encode()
    assert text_file.read_text().startswith("[2026-01-05 09:15:00 PM] Meeting ran long.")
    return exported, text_file.read_bytes()


def _check(views: list[Any]) -> None:
    got = {view.title: view for view in views}
    assert set(got) == set(EXPECTED)
    for title, (body, instant, tags, kind) in EXPECTED.items():
        view = got[title]
        assert view.body == body, title
        assert view.happened_at == instant and view.written_at == instant, title
        assert tuple(sorted(view.tags)) == tags, title
        assert view.kind == kind, title


def test_jrnls_own_json_export_imports_with_local_times(make_user: Any, jrnl_journal: Any) -> None:
    exported, _ = jrnl_journal
    user = make_user()
    local_time.set_time_zone(user, ZONE)
    report = portability.import_journal(user, exported, all_or_nothing=True)
    assert (report.created, report.skipped, report.problems) == (4, 0, ())
    _check(journal.list_entries(user))


def test_jrnls_plain_text_file_imports_as_its_json_does(make_user: Any, jrnl_journal: Any) -> None:
    exported, text = jrnl_journal
    user = make_user()
    local_time.set_time_zone(user, ZONE)
    report = portability.import_journal(user, text, all_or_nothing=True)
    assert (report.created, report.skipped, report.problems) == (4, 0, ())
    _check(journal.list_entries(user))
    # the same journal as JSON is the same four entries: nothing is added twice
    again = portability.import_journal(user, exported)
    assert (again.created, again.skipped) == (0, 4)
    assert load(text).schema == "jrnl.txt" and load(exported).schema == "jrnl.json"


def test_jrnl_is_installed_as_the_version_the_test_names() -> None:
    version = subprocess.run(
        [str(JRNL), "--version"], capture_output=True, text=True, timeout=120, check=False
    ).stdout
    assert "4.6" in version
