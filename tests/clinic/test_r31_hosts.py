"""Review r31: the Host names the web app answers to (failing before the fixes of brief h18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _allowed_hosts(tmp_path: Path, **env: str) -> list[str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("REVERIE_")}
    keep.update({"PYTHONPATH": SRC, "REVERIE_DATA_DIR": str(tmp_path), **env})
    code = "import json, reverie.clinic.settings as s; print(json.dumps(s.ALLOWED_HOSTS))"
    out = subprocess.run([sys.executable, "-c", code], env=keep, capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


@pytest.mark.parametrize("mode", ["clinic", "embedded"])
def test_r31_allowed_hosts_are_only_the_configured_ones(tmp_path: Path, mode: str) -> None:
    """The web app answers only to REVERIE_ALLOWED_HOSTS (docs/settings.md), never to a test client's name."""
    env = {"REVERIE_MODE": mode, "REVERIE_ALLOWED_HOSTS": "reverie.example.org"}
    if mode == "clinic":
        env |= {
            "REVERIE_TLS": "true",
            "REVERIE_DATABASE_URL": "postgresql://reverie:pw@db.example.org:5432/reverie",
            "REVERIE_SECRET_KEY": "Vb3r-Ka9qZ_t2LmWx7Qp0Ns4Yd8Hc1Fj6Ru5Ge9Ti2Ao7Kw3Mz",
        }
    assert _allowed_hosts(tmp_path, **env) == ["reverie.example.org"]


@pytest.mark.django_db
def test_r31_static_files_carry_the_security_headers_and_no_wildcard_cors() -> None:
    """Brief h18: WhiteNoise answers /static/ before the middleware that adds the policy headers; its hook adds
    them, and nothing of Reverie's is offered to every origin."""
    from django.test import Client

    from reverie.clinic.web.middleware import CSP

    page = Client().get("/static/reverie/reverie.css")
    assert page.status_code == 200
    assert page["Content-Security-Policy"] == CSP and page["X-Content-Type-Options"] == "nosniff"
    assert page["X-Frame-Options"] == "DENY" and "camera=()" in page["Permissions-Policy"]
    assert "Access-Control-Allow-Origin" not in page
    page.close()  # the file WhiteNoise opened
