"""Clinic mode refuses unsafe settings at load, for any entry point; forwarded headers only from trusted proxies."""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings

from reverie import settings as reverie_settings
from reverie.clinic.web.proxy import resolve

STRONG_SECRET = "k3J9xQ2mV7pL0sT5wY8zB1nC4fH6gD9aR2eU5iO8qW1tZ3yX"
PG_URL = (
    "postgresql://reverie@127.0.0.1:1/reverie"  # never connected to: loading the settings needs no database
)

LOAD_WSGI = (
    "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'reverie.clinic.settings'\n"
    "from django.core.wsgi import get_wsgi_application\n"
    "get_wsgi_application()\n"
    "from django.conf import settings\n"
    "print(settings.SECURE_PROXY_SSL_HEADER, settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE)\n"
)


def _env(tmp_path: Any, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    env.update(REVERIE_DATA_DIR=str(tmp_path / "data"), PYTHONWARNINGS="ignore", **values)
    return env


def _load_wsgi(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LOAD_WSGI], env=env, capture_output=True, text=True, timeout=120, check=False
    )


SAFE = {
    "REVERIE_MODE": "clinic",
    "REVERIE_TLS": "true",
    "REVERIE_DATABASE_URL": PG_URL,
    "REVERIE_SECRET_KEY": STRONG_SECRET,
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"REVERIE_TLS": "false"}, "Clinic mode needs TLS"),
        ({"REVERIE_DATABASE_URL": ""}, "Clinic mode needs PostgreSQL"),
        ({"REVERIE_DATABASE_URL": "sqlite:////tmp/clinic.sqlite3"}, "Clinic mode needs PostgreSQL"),
        ({"REVERIE_SECRET_KEY": ""}, "needs REVERIE_SECRET_KEY"),
        ({"REVERIE_SECRET_KEY": "django-insecure-" + "x" * 40}, "too weak"),
        ({"REVERIE_SECRET_KEY": "short"}, "too weak"),
        ({"REVERIE_SECRET_KEY": "a" * 60}, "too weak"),
    ],
)
def test_clinic_mode_any_wsgi_server_refuses_unsafe_settings(
    tmp_path: Any, change: dict[str, str], message: str
) -> None:
    """Before: only ``reverie serve`` checked; a WSGI server importing ``reverie.clinic.wsgi`` served plain HTTP."""
    result = _load_wsgi(_env(tmp_path, **{**SAFE, **change}))
    assert result.returncode != 0
    assert "ConfigurationError" in result.stderr and message in result.stderr


def test_clinic_mode_cli_refuses_with_a_clear_message(tmp_path: Any) -> None:
    env = _env(tmp_path, **{**SAFE, "REVERIE_TLS": "false"})
    result = subprocess.run(
        [sys.executable, "-m", "reverie.cli.main", "worker", "--batch"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 9
    assert result.stderr.startswith("error: Clinic mode needs TLS")


def test_clinic_mode_safe_settings_load_and_trust_only_configured_proxies(tmp_path: Any) -> None:
    behind_proxy = _load_wsgi(_env(tmp_path, **SAFE, REVERIE_TRUSTED_PROXIES="10.0.0.2, 192.168.7.0/24"))
    assert behind_proxy.returncode == 0, behind_proxy.stderr
    assert behind_proxy.stdout.split() == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "31536000", "True"]
    no_proxy = _load_wsgi(_env(tmp_path, **SAFE))
    assert no_proxy.returncode == 0, no_proxy.stderr
    assert no_proxy.stdout.split() == ["None", "31536000", "True"]  # X-Forwarded-Proto believed from no one


def test_clinic_mode_trusted_proxies_setting_is_parsed_and_checked() -> None:
    config = reverie_settings.load({"REVERIE_TRUSTED_PROXIES": "10.0.0.2, 192.168.7.0/24,::1"})
    assert config["REVERIE_TRUSTED_PROXIES"] == (
        ipaddress.ip_network("10.0.0.2/32"),
        ipaddress.ip_network("192.168.7.0/24"),
        ipaddress.ip_network("::1/128"),
    )
    with pytest.raises(Exception, match="REVERIE_TRUSTED_PROXIES is not valid"):
        reverie_settings.load({"REVERIE_TRUSTED_PROXIES": "proxy.example"})


PROXIES = (ipaddress.ip_network("10.0.0.2/32"), ipaddress.ip_network("192.168.7.0/24"))


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("10.0.0.2", "198.51.100.7", ("198.51.100.7", True)),
        (
            "10.0.0.2",
            "6.6.6.6, 198.51.100.7",
            ("198.51.100.7", True),
        ),  # the left part is the client's own claim
        ("10.0.0.2", "198.51.100.7, 192.168.7.4", ("198.51.100.7", True)),  # two trusted hops
        ("10.0.0.2", "", ("10.0.0.2", True)),
        ("10.0.0.2", "garbage, 198.51.100.7", ("198.51.100.7", True)),
        ("10.0.0.2", "198.51.100.7, garbage", ("10.0.0.2", True)),
        ("::ffff:10.0.0.2", "198.51.100.7", ("198.51.100.7", True)),
        ("203.0.113.9", "198.51.100.7", ("203.0.113.9", False)),  # not a proxy: its header is ignored
    ],
)
def test_clinic_mode_client_address_behind_proxies(
    peer: str, forwarded: str, expected: tuple[str, bool]
) -> None:
    assert resolve(peer, forwarded, PROXIES) == expected


def test_clinic_mode_no_proxies_configured_ignores_forwarded_for() -> None:
    assert resolve("127.0.0.1", "198.51.100.7", ()) == ("127.0.0.1", False)


@pytest.fixture
def behind_proxy() -> Iterator[None]:
    """This process's settings as clinic mode behind a TLS proxy at 127.0.0.1 would load them."""
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config(
        {**original.values, "REVERIE_TRUSTED_PROXIES": (ipaddress.ip_network("127.0.0.1/32"),)}
    )
    try:
        with override_settings(
            SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_HSTS_SECONDS=31536000
        ):
            yield
    finally:
        settings.REVERIE = original


@pytest.mark.django_db
def test_clinic_mode_hsts_only_when_a_trusted_proxy_says_https(behind_proxy: None) -> None:
    via_proxy = Client(REMOTE_ADDR="127.0.0.1").get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert via_proxy.status_code == 200
    assert via_proxy["Strict-Transport-Security"].startswith("max-age=31536000")
    spoofed = Client(REMOTE_ADDR="203.0.113.9").get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert spoofed.status_code == 200
    assert "Strict-Transport-Security" not in spoofed


@pytest.mark.django_db
def test_clinic_mode_throttle_counts_real_clients_behind_the_proxy(
    behind_proxy: None, make_user: Any
) -> None:
    """Before: every request through the proxy had the proxy's address, so one guesser locked everyone out."""
    from reverie.clinic.services import signin

    make_user("nadia")
    guesser = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    for i in range(signin.MAX_PER_ADDRESS):
        guesser.post("/login/", {"username": f"nobody{i}", "password": "a wrong password"})
    refused = guesser.post("/login/", {"username": "nadia", "password": "a long test password"})
    assert refused.status_code == 401  # the guesser's own address is throttled
    colleague = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    signed_in = colleague.post("/login/", {"username": "nadia", "password": "a long test password"})
    assert signed_in.status_code == 302
    # A client that talks to Reverie directly cannot pick an address with the header.
    spoofer = Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.8")
    for i in range(signin.MAX_PER_ADDRESS):
        spoofer.post("/login/", {"username": f"nobody{i}", "password": "a wrong password"})
    assert (
        colleague.post("/login/", {"username": "nadia", "password": "a long test password"}).status_code
        == 302
    )


@pytest.fixture
def clinic_behind_proxy(behind_proxy: None) -> Iterator[None]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config(
        {**original.values, "REVERIE_MODE": "clinic", "REVERIE_TLS": True}
    )
    try:
        yield
    finally:
        settings.REVERIE = original


@pytest.mark.django_db
def test_clinic_mode_never_answers_plain_http(clinic_behind_proxy: None) -> None:
    """Before: a WSGI server running clinic mode over plain HTTP served every page."""
    plain = Client(REMOTE_ADDR="127.0.0.1").get("/login/")
    assert plain.status_code == 403 and b"HTTPS only" in plain.content and b"<form" not in plain.content
    spoofed = Client(REMOTE_ADDR="203.0.113.9").get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert spoofed.status_code == 403  # a client cannot claim TLS for itself
    via_proxy = Client(REMOTE_ADDR="127.0.0.1").get("/login/", HTTP_X_FORWARDED_PROTO="https")
    assert via_proxy.status_code == 200 and "Strict-Transport-Security" in via_proxy
    tls_server = Client(REMOTE_ADDR="203.0.113.9").get(
        "/login/", secure=True
    )  # a server terminating TLS itself
    assert tls_server.status_code == 200
