"""Settings and command-line options with a range or a set of allowed values (``Setting.allowed`` in
``reverie.settings``): a value outside it is the usual E600 configuration error naming the variable and what is
allowed (exit status 9), or a usage error naming the option (exit status 2): never an incident number, never a
server that quietly does something else. The settings loader is the edge that reads the environment; the rest run
the real ``reverie`` in its own process with a data folder under the test's tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reverie import settings as reverie_settings
from reverie.errors import ConfigurationError
from reverie.settings import load


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVERIE_")}
    env.update({"REVERIE_DATA_DIR": str(data_dir), "REVERIE_ANALYSIS": "off", **extra})
    return env


def _serve_until_said(env: dict[str, str], seconds: float = 150) -> tuple[int | None, str]:
    """Start ``reverie serve --no-worker``; stop it once it says it is running. The exit status (None when it had
    to be stopped because it served) and all it wrote."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "reverie.cli.main", "serve", "--no-worker"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    said: list[str] = []
    deadline = time.monotonic() + seconds
    status: int | None = None
    try:
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line:
                said.append(line)
                if "is running" in line:
                    break
            elif proc.poll() is not None:
                status = proc.returncode
                break
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        else:
            status = proc.returncode
            said.append(proc.stdout.read())
        proc.stdout.close()
    return (None if any("is running" in s for s in said) else status), "".join(said)


def test_port_above_65535_is_refused_not_served_on_another_port(tmp_path: Path) -> None:
    """An admin sets REVERIE_PORT=70000 (a typo for 7000). Before r56 was fixed, `reverie serve` said "Reverie is
    running at http://127.0.0.1:4464/" (70000 wrapped round 65536) and serves there: the clinic's proxy points at a
    port nothing listens on, and an unplanned port is open. It should refuse to start and say REVERIE_PORT must be a
    port number from 0 to 65535."""
    status, said = _serve_until_said(_env(tmp_path, REVERIE_PORT="70000"))
    assert "is running" not in said, said
    assert status not in (None, 0), said
    assert "REVERIE_PORT" in said, said


def test_negative_port_names_the_variable_not_an_incident(tmp_path: Path) -> None:
    """REVERIE_PORT=-1: before r56 was fixed, `reverie serve` ended with "error: unexpected ValueError (incident …);
    run with --debug." (exit 70), as if Reverie had crashed. It should say plainly that REVERIE_PORT is not a valid
    port (a configuration error, E600, exit status 9)."""
    status, said = _serve_until_said(_env(tmp_path, REVERIE_PORT="-1"))
    assert "unexpected" not in said, said
    assert "REVERIE_PORT" in said, said
    assert status == 9, said


@pytest.mark.parametrize("level", ["loud", "verbose"])
def test_unknown_log_level_names_the_variable_not_an_incident(tmp_path: Path, level: str) -> None:
    """REVERIE_LOG_LEVEL=verbose (docs/settings.md: "Log level"): before r56 was fixed, every command, `reverie
    serve` included, stops with "error: unexpected ValueError (incident …); run with --debug." (exit 70): nothing
    tells the admin which setting is wrong. It should say that REVERIE_LOG_LEVEL must be one of DEBUG, INFO,
    WARNING, ERROR, CRITICAL (E600, exit status 9)."""
    status, said = _serve_until_said(_env(tmp_path, REVERIE_LOG_LEVEL=level))
    assert "unexpected" not in said, said
    assert "REVERIE_LOG_LEVEL" in said, said
    assert status == 9, said


@pytest.mark.parametrize("minutes", ["-5", "0"])
def test_idle_minutes_not_positive_is_refused(minutes: str) -> None:
    """REVERIE_IDLE_MINUTES=-5 (or 0) was accepted before r56 was fixed; then every signed-in person is signed out
    at their next page (the idle check `now - last > minutes * 60` is always true, clinic/web/middleware.py): the
    sign-in seems to work and every click lands back on the sign-in page, with nothing saying why. The setting
    should be refused when it loads, naming REVERIE_IDLE_MINUTES, as REVERIE_TASK_LEASE_SECONDS out of range is."""
    with pytest.raises(ConfigurationError, match="REVERIE_IDLE_MINUTES"):
        load({"REVERIE_IDLE_MINUTES": minutes})


def test_serve_port_option_above_65535_is_refused(tmp_path: Path) -> None:
    """`reverie serve --port 70000`: before r56 was fixed, it said "Reverie is running at http://127.0.0.1:4464/"
    and serves there (the port wrapped round 65536). It should refuse plainly: --port takes 0 to 65535 (a usage
    error)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "reverie.cli.main", "serve", "--no-worker", "--port", "70000"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    with proc:
        first = ""
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and "error" not in first and "is running" not in first:
            line = proc.stdout.readline()
            if not line:
                break
            first += line
        if proc.poll() is None:
            proc.terminate()
        proc.wait(timeout=20)
    assert "is running" not in first, first
    assert "70000" in first or "--port" in first, first


def test_worker_negative_interval_is_a_usage_error_not_an_incident(tmp_path: Path) -> None:
    """`reverie worker --interval -1`: before r56 was fixed, "error: unexpected ValueError (incident …); run with
    --debug." (exit 70), as if the worker had crashed. It should be a usage error naming --interval (exit status 2)."""
    done = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "worker", "--interval", "-1"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "unexpected" not in done.stderr, done.stderr
    assert "--interval" in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("REVERIE_PORT", "65536"),
        ("REVERIE_PORT", "-1"),
        ("REVERIE_PORT", "eighty"),
        ("REVERIE_IDLE_MINUTES", "721"),
        ("REVERIE_MAX_ATTACHMENT_BYTES", "0"),
        ("REVERIE_MAX_ATTACHMENT_BYTES", "-1"),
        ("REVERIE_MAX_ATTACHMENT_BYTES", "200000001"),
        ("REVERIE_TASK_LEASE_SECONDS", "4"),
        ("REVERIE_LOG_LEVEL", "TRACE"),
        ("REVERIE_MODE", "cluster"),
        ("REVERIE_ANALYSIS", "later"),
    ],
)
def test_value_outside_the_declared_range_names_the_setting_and_what_is_allowed(name: str, bad: str) -> None:
    """Every numeric or choice setting states what it allows, and a value outside it says so when the settings
    load (a zero-byte attachment limit refused every upload; a negative one too)."""
    setting = next(s for s in reverie_settings.SETTINGS if s.name == name)
    assert setting.allowed is not None
    with pytest.raises(ConfigurationError, match=name) as raised:
        load({name: bad})
    allowed = setting.allowed
    shown = str(allowed) if isinstance(allowed, reverie_settings.Range) else ", ".join(allowed)
    assert shown in raised.value.message
    if isinstance(allowed, reverie_settings.Range):  # and both ends of the range are kept
        assert load({name: str(allowed.low)})[name] == allowed.low
        assert load({name: str(allowed.high)})[name] == allowed.high
    else:
        assert all(load({name: word})[name] == word for word in allowed)


def test_log_level_is_read_in_any_case() -> None:
    assert load({"REVERIE_LOG_LEVEL": "warning"})["REVERIE_LOG_LEVEL"] == "WARNING"


def test_attachment_limit_never_exceeds_what_an_export_carries() -> None:
    """A larger attachment could be saved but never exported (each file is one member of the export zip)."""
    from reverie.journal.interchange import MAX_ZIP_MEMBER_BYTES

    assert reverie_settings.ATTACHMENT_BYTES_CEILING == MAX_ZIP_MEMBER_BYTES
    assert reverie_settings.ATTACHMENT_BYTES.high == MAX_ZIP_MEMBER_BYTES
