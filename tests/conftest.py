"""Shared fixtures. Database tests get a private key file per test; CLI tests get a private data folder."""

from __future__ import annotations

import itertools
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests explore the same examples on every run: a test suite never fails by chance.
hypothesis_settings.register_profile("reverie", derandomize=True, database=None)
hypothesis_settings.load_profile("reverie")

# The test settings (production's, with quick password hashing: settings_module/reverie_test_settings.py) reach the
# processes the tests start too: pytest-django names them in DJANGO_SETTINGS_MODULE, which children inherit, and
# their folder goes on the children's PYTHONPATH. The ``cli`` fixture names them itself.
TEST_SETTINGS_MODULE = "reverie_test_settings"
TEST_SETTINGS_FOLDER = str(Path(__file__).resolve().parent / "settings_module")
if TEST_SETTINGS_FOLDER not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [TEST_SETTINGS_FOLDER, os.environ.get("PYTHONPATH")])
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_newgateway(gateway: Any) -> None:
    """Under ``pytest -n N`` each worker process gets its own data folder (keys, secret key, SQLite test database,
    recovery copies), set before the worker reads Reverie's settings: two workers never share one."""
    base = os.environ.get("REVERIE_DATA_DIR")
    if base:
        folder = str(Path(base) / str(gateway.id))
        gateway.remote_exec(f"import os; os.environ['REVERIE_DATA_DIR'] = {folder!r}").waitclose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("django_db") or "db" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.db)


@pytest.fixture(autouse=True)
def _private_keys(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each database test uses its own fresh key file, never the user's."""
    if not request.node.get_closest_marker("db"):
        yield
        return
    from django.conf import settings

    from reverie import settings as reverie_settings
    from reverie.clinic.services import keys

    folder = tmp_path_factory.mktemp("keys")
    values = dict(settings.REVERIE.values)
    values["REVERIE_KEY_FILE"] = str(folder / "keys.json")
    values["REVERIE_MASTER_KEY"] = ""
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config(values)
    keys.forget_cached_keys()
    try:
        yield
    finally:
        settings.REVERIE = original
        keys.forget_cached_keys()


_user_numbers = itertools.count(1)  # unique names, the same on every run (random ones could collide)


@pytest.fixture
def relationships_spoken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Relationship episodes put into words on the entry panel, as they would be once their measured figure
    reached ``MIN_SCORE`` (shipped: below it, so not shown). For tests of the wording and the "does this fit?"
    mechanics, which do not depend on that figure."""
    from dataclasses import replace

    from reverie.insights import observations

    shipped = observations.SUPPORT["relationships"]
    monkeypatch.setitem(observations.SUPPORT, "relationships", replace(shipped, score=0.64, floor=0.6))


@pytest.fixture
def make_user(db: Any) -> Any:
    from reverie.clinic.services import keys, people

    def make(name: str | None = None, role: str = "client") -> Any:
        keys.ensure_key_file()
        return people.create_user(name or f"user-{next(_user_numbers)}", "a long test password", role)

    return make


@pytest.fixture
def paired(make_user: Any) -> tuple[Any, Any]:
    from reverie.clinic.services import people

    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    return client, therapist


@pytest.fixture
def dit(paired: tuple[Any, Any]) -> tuple[Any, Any, Any]:
    """(client, therapist, course): a 16-session weekly DIT course from Monday 5 January 2026, 10:00 London
    (``course_clock.START``), for the course tests and the drafts tests of its forms."""
    from course_clock import START
    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=START, timezone="Europe/London")
    )
    return client, therapist, course


@pytest.fixture
def shared_history(dit: tuple[Any, Any, Any]) -> tuple[Any, Any, Any, dict[str, str]]:
    """Review r30's 20 entries, shared with the ``dit`` course's therapist, each with its stored analysis
    (``review_r30_history``): the therapist's patterns and prep page tests (tests/insights, tests/care)."""
    from review_r30_history import shared_history as build

    return build(dit)


# --- command-line tests: a real subprocess with its own data folder and database -------------------------------


# A command's wall-clock bound: the slowest (a defense model trained on 12 rows) takes about 60 s alone on 2 cores
# and timed out at 180 s on a shared, loaded machine; a hang still fails, a slow machine does not.
CLI_TIMEOUT_SECONDS = 480


class Cli:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.data_dir = Path(env["REVERIE_DATA_DIR"])

    def __call__(self, *args: str, input: str | bytes | None = None, check: bool = True, **env: str) -> Any:
        import subprocess

        data = input.encode() if isinstance(input, str) else input
        proc = subprocess.run(
            [sys.executable, "-m", "reverie.cli.main", *args],
            input=data,
            capture_output=True,
            env={**self.env, **env},
            timeout=CLI_TIMEOUT_SECONDS,
        )
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        if check and proc.returncode != 0:
            raise AssertionError(f"reverie {' '.join(args)} exited {proc.returncode}: {err}")
        return proc.returncode, out, err


def _admin_url(base: str) -> str:
    return base.rsplit("/", 1)[0] + "/postgres"


def _fresh_database_url(base: str, template: str | None = None) -> tuple[str, str]:
    import psycopg

    name = f"cli_{secrets.token_hex(4)}"
    copied = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(_admin_url(base), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copied}')
    return base.rsplit("/", 1)[0] + f"/{name}", name


def _drop_database(base: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(base), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _cli_env(data_dir: Path) -> dict[str, str]:
    """A ``reverie`` process's environment: none of the test run's own Reverie settings, a private data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    env.update(
        REVERIE_DATA_DIR=str(data_dir),
        REVERIE_PASSWORD="a long test password",
        REVERIE_ANALYSIS="off",
        PYTHONWARNINGS="ignore",
        DJANGO_SETTINGS_MODULE=TEST_SETTINGS_MODULE,
    )
    return env


# What every command does first (``reverie.cli.runtime``: Django set up, the database migrated under its lock), then
# the SQLite file's write-ahead log emptied into it, so that the file alone is the whole database.
_MIGRATE = """
import os
os.umask(0o077)
from reverie.cli import runtime
from django.db import connection
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
connection.close()
"""


@pytest.fixture(scope="session")
def _migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | str]:
    """A database at today's schema, made once per test process by a real ``reverie`` start on an empty one (about
    2 s of every command-line test's first command, 75 migrations): the ``cli`` fixture starts each test from a copy
    (SQLite: the file; PostgreSQL: ``CREATE DATABASE ... TEMPLATE``). Tests marked ``fresh_database`` start empty."""
    import subprocess

    data_dir = tmp_path_factory.mktemp("migrated") / "data"
    env = _cli_env(data_dir)
    base = os.environ.get("REVERIE_DATABASE_URL", "")
    template = None
    if base.startswith("postgres"):
        env["REVERIE_DATABASE_URL"], template = _fresh_database_url(base)
    try:
        subprocess.run([sys.executable, "-c", _MIGRATE], env=env, check=True, timeout=CLI_TIMEOUT_SECONDS)
        yield template if template else data_dir / "reverie.sqlite3"
    finally:
        if template:
            _drop_database(base, template)


@pytest.fixture
def cli(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cli]:
    env = _cli_env(tmp_path / "data")
    base = os.environ.get("REVERIE_DATABASE_URL", "")
    migrated = (
        None
        if request.node.get_closest_marker("fresh_database")
        else request.getfixturevalue("_migrated_database")
    )
    dropped = None
    if base.startswith("postgres"):
        env["REVERIE_DATABASE_URL"], dropped = _fresh_database_url(base, template=migrated and str(migrated))
    elif migrated is not None:
        import shutil

        (tmp_path / "data").mkdir(mode=0o700)
        shutil.copy2(
            Path(migrated), tmp_path / "data" / "reverie.sqlite3"
        )  # a private file, as reverie makes it
    yield Cli(env)
    if dropped:
        _drop_database(base, dropped)


@pytest.fixture
def database_down(django_db_blocker: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The database out of reach for real while the test runs (``database_down.take_down``: SQLite opens a file in a
    missing folder, PostgreSQL a closed port), every connection closed after."""
    from django.db import connections

    from database_down import take_down

    with django_db_blocker.unblock():
        take_down(monkeypatch, tmp_path)
        yield
        for conn in connections.all():
            conn.close()


@pytest.fixture
def web_as(db: Any) -> Any:
    """A Django test client signed in as ``user``, past the two-step sign-in (therapists must have passed it)."""
    from web_client import signed_in

    return signed_in


@pytest.fixture
def background() -> Iterator[None]:
    """Analysis is queued for a worker (``REVERIE_ANALYSIS=background``) instead of running in the saving request."""
    from configured import configured

    with configured(REVERIE_ANALYSIS="background"):
        yield


@pytest.fixture
def leased_background() -> Iterator[None]:
    """As ``background``, with a 30-second task lease, for tests of the worker's leases and retries."""
    from configured import configured

    with configured(REVERIE_ANALYSIS="background", REVERIE_TASK_LEASE_SECONDS=30):
        yield


@pytest.fixture
def inline() -> Iterator[None]:
    """Analysis runs inline, in the saving request (no worker)."""
    from configured import configured

    with configured(REVERIE_ANALYSIS="inline"):
        yield
