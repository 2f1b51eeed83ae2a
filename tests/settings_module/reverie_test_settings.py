"""Reverie's Django settings for the test suite: production's (``reverie.clinic.settings``), with one change, password
hashing at Argon2id's smallest cost. Used by pytest-django (pyproject.toml) and by every ``reverie`` process a test
starts (the ``cli`` fixture; tests/conftest.py puts this folder on the children's PYTHONPATH).

Each test account's password was hashed with Argon2id at full cost (100 MiB, 8 lanes): about 0.2 s a hash on a quiet
2-core machine, once per account made and once per sign-in, in process and in every ``reverie`` command, and far
more when two test processes hash at once. The tests are about everything but that cost; the one that checks the
production hashing (tests/clinic/test_security.py) reads ``reverie.clinic.settings`` itself. Nothing here is
reachable from a real installation: this folder is not part of the package."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher

from reverie.clinic.settings import *  # noqa: F403 - production's settings, every one


class QuickArgon2PasswordHasher(Argon2PasswordHasher):
    """The same algorithm and format (``argon2$argon2id$...``), at the library's smallest cost."""

    time_cost = 1
    memory_cost = 8  # KiB: Argon2's least, 8 per lane
    parallelism = 1


PASSWORD_HASHERS = ["reverie_test_settings.QuickArgon2PasswordHasher"]
