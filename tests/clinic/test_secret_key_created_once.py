"""Processes started together on a fresh data folder use the one secret key the file keeps (review r124): the key
file is created once, first writer wins (``clinic/settings.py``'s ``_secret_key``, linked into place as keys.json
is), and every process reads the file's key."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_folder import env

pytestmark = pytest.mark.slow

# What every reverie process does first (``django_ready``: DJANGO_SETTINGS_MODULE=reverie.clinic.settings), at a
# shared start moment; it prints a digest of the secret key it will sign and hash with, never the key.
_LOAD_SETTINGS = """
import hashlib, sys, time
import django, reverie.settings  # the slow imports first, so the processes reach the settings together
start = float(sys.argv[1])
while time.time() < start:
    pass
from django.conf import settings
print(hashlib.sha256(settings.SECRET_KEY.encode()).hexdigest())
"""


ROUNDS, TOGETHER = 8, 4


def test_processes_started_together_on_a_fresh_data_folder_use_the_one_secret_key(tmp_path: Path) -> None:
    """The first boot (docs/deploy.md, "Started together": `reverie serve` and a worker unit, or two workers, at the
    same moment on a new data folder): each process found no ``secret_key`` file and wrote its own, replacing the
    other's (a check, then an overwriting write). Measured before: in 10 of 10 rounds of four processes at least one
    went on with a key that is not the file's. A `reverie serve` that kept the lost key signs every session and
    hashes every two-step recovery code made that day with it (``signin._hash_recovery``): at its next start
    everyone is signed out, and a therapist's recovery codes never match again. Every process uses the key the file
    keeps (the first writer's, as ``keys.json`` is)."""
    said: list[tuple[str, list[str]]] = []
    for round_ in range(ROUNDS):
        data = tmp_path / f"fresh-{round_}" / "data"
        start = time.time() + 2.0  # every interpreter has its imports done by then
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _LOAD_SETTINGS, str(start)],
                env={**env(data), "DJANGO_SETTINGS_MODULE": "reverie.clinic.settings"},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(TOGETHER)
        ]
        outs = [proc.communicate(timeout=60) for proc in procs]
        assert [proc.returncode for proc in procs] == [0] * TOGETHER, [err for _, err in outs]
        kept = hashlib.sha256((data / "secret_key").read_text().strip().encode()).hexdigest()
        said.append((kept, [out.strip() for out, _ in outs]))
        assert not list(data.glob(".secret_key.*")), "a temporary key file was left behind"
    lost = [(kept, used) for kept, used in said if any(key != kept for key in used)]
    assert not lost, (
        f"rounds where a process uses a secret key the file does not keep: {len(lost)} of {ROUNDS}"
    )
