"""Settings, declared once: name, type, default and help, read from environment variables at the edge.

Every setting is documented in ``docs/settings.md`` (a test fails when one is missing there). Secrets are given by
reference (a file path or an environment variable) and are redacted when shown.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reverie.errors import ConfigurationError

APP_NAME = "reverie"


def _default_data_dir() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / APP_NAME)


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected true or false")


def _networks(raw: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """``"10.0.0.5, 192.168.1.0/24, ::1"`` → networks; an address alone is a network of one."""
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in raw.split(",") if part.strip())


def _int(raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ValueError("expected a whole number") from None


@dataclass(frozen=True, slots=True)
class Range:
    """The whole numbers a setting (or a command-line option meaning the same) may take, bounds included."""

    low: int
    high: int

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def __str__(self) -> str:
        return f"from {self.low:,} to {self.high:,}"


# The longest entry the export format carries (``journal.interchange.MAX_BODY_CHARS``; kept equal by a test).
ENTRY_CHARS_CEILING = 1_000_000
# The largest file an export carries (``journal.interchange.MAX_ZIP_MEMBER_BYTES``; kept equal by a test).
ATTACHMENT_BYTES_CEILING = 200_000_000

PORTS = Range(0, 65535)  # 0: any free port (shared with ``reverie serve --port``)
IDLE_MINUTES = Range(1, 720)  # a session ends 12 hours after sign-in whatever happens
LEASE_SECONDS = Range(5, 86400)
ENTRY_CHARS = Range(1, ENTRY_CHARS_CEILING)
ATTACHMENT_BYTES = Range(1, ATTACHMENT_BYTES_CEILING)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting. ``allowed`` states what a parsed value may be (a range of whole numbers, or a set of words);
    ``load`` refuses anything else with an E600 error naming the variable and what is allowed."""

    name: str
    default: Callable[[], str]
    help: str
    parse: Callable[[str], Any] = str
    secret: bool = False
    allowed: Range | tuple[str, ...] | None = None
    why: str = ""  # said after what is allowed, when it needs a reason

    def check(self, value: Any) -> None:
        if self.allowed is None or value in self.allowed:
            return
        raise self.refused(value)

    def refused(self, value: object) -> ConfigurationError:
        """The error for a value outside what is allowed (or, with a range, not a whole number at all)."""
        if isinstance(self.allowed, Range):
            wanted = f"a whole number {self.allowed}"
        else:
            wanted = "one of " + ", ".join(self.allowed or ())
        return ConfigurationError(f"{self.name} must be {wanted} (not {value!r}){self.why}.")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "REVERIE_MODE",
        lambda: "embedded",
        "embedded (one machine, SQLite) or clinic (PostgreSQL, TLS required).",
        allowed=("embedded", "clinic"),
    ),
    Setting(
        "REVERIE_DATA_DIR",
        _default_data_dir,
        "Folder for the SQLite database, key file and attachments (XDG).",
    ),
    Setting(
        "REVERIE_DATABASE_URL",
        lambda: "",
        "Database URL. Empty: SQLite in the data folder. postgresql://user:pass@host:port/name selects PostgreSQL.",
        secret=True,
    ),
    Setting(
        "REVERIE_KEY_FILE", lambda: "", "Master key file. Empty: keys.json in the data folder (mode 0600)."
    ),
    Setting(
        "REVERIE_MASTER_KEY",
        lambda: "",
        "Master key given directly (base64 or key-file JSON); wins over the key file. Use a secret store.",
        secret=True,
    ),
    Setting(
        "REVERIE_SECRET_KEY",
        lambda: "",
        "Django secret for sessions and CSRF. Empty in embedded mode: generated once into the data folder.",
        secret=True,
    ),
    Setting(
        "REVERIE_SECRET_KEY_FALLBACKS",
        lambda: "",
        "Comma-separated earlier secrets, kept after a rotation so sign-ins and sealed drafts in flight still open.",
        secret=True,
    ),
    Setting("REVERIE_HOST", lambda: "127.0.0.1", "Address the web server listens on."),
    Setting("REVERIE_PORT", lambda: "8000", "Port the web server listens on.", _int, allowed=PORTS),
    Setting(
        "REVERIE_DEBUG", lambda: "false", "Show tracebacks in the browser (never in clinic mode).", _bool
    ),
    Setting("REVERIE_TLS", lambda: "false", "Served behind TLS: secure cookies and HSTS.", _bool),
    Setting(
        "REVERIE_ALLOWED_HOSTS", lambda: "127.0.0.1,localhost", "Comma-separated host names the app answers."
    ),
    Setting(
        "REVERIE_MAX_ENTRY_CHARS",
        lambda: "1000000",
        "Largest journal entry, in characters.",
        _int,
        allowed=ENTRY_CHARS,
        why=f": {ENTRY_CHARS_CEILING:,} characters is the most an export carries",
    ),
    Setting(
        "REVERIE_MAX_ATTACHMENT_BYTES",
        lambda: "10485760",
        "Largest art or music attachment, in bytes.",
        _int,
        allowed=ATTACHMENT_BYTES,
        why=f": {ATTACHMENT_BYTES_CEILING:,} bytes is the largest file an export carries",
    ),
    Setting(
        "REVERIE_IDLE_MINUTES",
        lambda: "30",
        "Sign out after this many minutes without activity.",
        _int,
        allowed=IDLE_MINUTES,
    ),
    Setting(
        "REVERIE_LOG_LEVEL",
        lambda: "INFO",
        "Log level. Logs never contain entry text.",
        lambda raw: raw.strip().upper(),
        allowed=LOG_LEVELS,
    ),
    Setting(
        "REVERIE_ANALYSIS",
        lambda: "background",
        "background, inline or off: when saved entries are analysed.",
        allowed=("background", "inline", "off"),
    ),
    Setting(
        "REVERIE_TRUSTED_PROXIES",
        lambda: "",
        "Comma-separated addresses or networks of the TLS proxies in front of Reverie. Only a request whose direct "
        "peer is one of them has its X-Forwarded-Proto and X-Forwarded-For believed. Empty: never believed.",
        _networks,
    ),
    Setting(
        "REVERIE_TASK_LEASE_SECONDS",
        lambda: "60",
        "A worker renews its lease every third of this; a running task whose worker's lease has run out is "
        "put back in the queue for another worker.",
        _int,
        allowed=LEASE_SECONDS,
    ),
)


@dataclass(frozen=True, slots=True)
class Config:
    """The parsed settings, passed down from the edge that read them."""

    values: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def data_dir(self) -> Path:
        return Path(self.values["REVERIE_DATA_DIR"]).expanduser()

    @property
    def key_file(self) -> Path:
        raw = self.values["REVERIE_KEY_FILE"]
        return Path(raw).expanduser() if raw else self.data_dir / "keys.json"

    @property
    def clinic_mode(self) -> bool:
        return bool(self.values["REVERIE_MODE"] == "clinic")

    def shown(self) -> dict[str, str]:
        """Values for display, with secrets redacted."""
        secret = {s.name for s in SETTINGS if s.secret}
        return {k: ("(set)" if v else "(empty)") if k in secret else str(v) for k, v in self.values.items()}


def load(environ: Mapping[str, str] | None = None) -> Config:
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.name)
        raw = setting.default() if raw is None else raw
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as exc:
            if isinstance(setting.allowed, Range):
                raise setting.refused(raw) from None
            raise ConfigurationError(f"{setting.name} is not valid: {exc}.") from None
        setting.check(values[setting.name])
    return Config(values)


def refuse_unsafe_clinic(config: Config) -> None:
    """Clinic mode is for many people over a network: without TLS, PostgreSQL and a real secret it refuses to load.

    Called when Django's settings load, so every entry point (``reverie serve``, any WSGI server, a management
    command) refuses the same way, before anything is served.
    """
    if not config.clinic_mode:
        return
    if not config["REVERIE_TLS"]:
        raise ConfigurationError(
            "Clinic mode needs TLS: serve behind HTTPS (a TLS proxy listed in REVERIE_TRUSTED_PROXIES, or a "
            "server that terminates TLS itself) and set REVERIE_TLS=true."
        )
    if not str(config["REVERIE_DATABASE_URL"]).startswith(("postgres://", "postgresql://")):
        raise ConfigurationError("Clinic mode needs PostgreSQL: set REVERIE_DATABASE_URL=postgresql://…")
    secret = str(config["REVERIE_SECRET_KEY"])
    if not secret:
        raise ConfigurationError("Clinic mode needs REVERIE_SECRET_KEY set to a long random value.")
    if len(secret) < 40 or secret.startswith("django-insecure") or len(set(secret)) < 10:
        raise ConfigurationError("REVERIE_SECRET_KEY is too weak for clinic mode: use 50 random characters.")


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    engine: str  # "sqlite" or "postgresql"
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""


def parse_database_url(url: str, data_dir: Path) -> DatabaseTarget:
    """``""`` → SQLite in the data folder; ``sqlite:///abs/path``; ``postgresql://user:pass@host:port/db``."""
    if not url:
        return DatabaseTarget("sqlite", str(data_dir / "reverie.sqlite3"))
    try:
        parsed = urlparse(url)
    except ValueError:  # e.g. an unclosed [ of an IPv6 address; its words may quote the URL: never shown
        raise ConfigurationError(
            "REVERIE_DATABASE_URL is not a valid URL (postgresql://user:password@host:port/database)."
        ) from None
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if not path:
            raise ConfigurationError(
                "REVERIE_DATABASE_URL: a sqlite URL needs a path, e.g. sqlite:////var/r.db."
            )
        return DatabaseTarget("sqlite", path)
    if parsed.scheme in {"postgres", "postgresql"}:
        name = parsed.path.lstrip("/")
        if not name:
            raise ConfigurationError("REVERIE_DATABASE_URL: a PostgreSQL URL needs a database name.")
        return DatabaseTarget(
            "postgresql",
            unquote(name),
            unquote(parsed.username or ""),
            unquote(parsed.password or ""),
            parsed.hostname or "",
            _port_of(parsed),
        )
    raise ConfigurationError("REVERIE_DATABASE_URL must start with sqlite:// or postgresql://.")


def _port_of(parsed: Any) -> str:
    """A database URL's port, or "" for the default; one that is not a number up to 65535 is a settings error
    naming the variable (r130: Python's ``ValueError`` was an unexpected error), never quoting the URL (it may hold
    the password)."""
    try:
        port = parsed.port
    except ValueError:
        raise ConfigurationError(
            f"REVERIE_DATABASE_URL: the port must be a number from 1 to {PORTS.high}"
            " (postgresql://user:password@host:port/database)."
        ) from None
    return str(port or "")
