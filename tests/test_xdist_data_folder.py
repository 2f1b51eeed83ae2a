"""Under ``pytest -n N`` (the test command runs two processes) each worker reads its own data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_each_test_process_has_its_own_data_folder() -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        pytest.skip("one test process: nothing to share")
    from django.conf import settings

    assert Path(settings.DATA_DIR).name == worker
    assert Path(os.environ["REVERIE_DATA_DIR"]).name == worker
    assert str(settings.DATABASES["default"].get("TEST", {}).get("NAME", worker)).find(worker) >= 0
