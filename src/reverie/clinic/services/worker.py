"""The analysis worker: django-tasks' database worker, as a child process in embedded mode.

In clinic mode run ``reverie worker`` on as many machines as needed; they share the PostgreSQL task table.
"""

from __future__ import annotations

import atexit
import subprocess
import sys


def start_background_worker() -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "reverie.cli.main", "worker"])
    atexit.register(process.terminate)
    return process
