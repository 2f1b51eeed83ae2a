"""Django settings, derived from Reverie's declared settings (``reverie.settings``). Nothing is configured here twice."""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path
from typing import Any

from reverie import settings as reverie_settings
from reverie.clinic.web import static_headers as _static_headers
from reverie.errors import ConfigurationError

CONFIG = reverie_settings.load()
# Every entry point (reverie serve, any WSGI server, a management command) refuses unsafe clinic settings alike.
reverie_settings.refuse_unsafe_clinic(CONFIG)
DATA_DIR: Path = CONFIG.data_dir
_PACKAGE_DIR = Path(__file__).resolve().parent


def _refuse_data_dir_not_a_folder() -> None:
    """A ``REVERIE_DATA_DIR`` that names a file (or anything else that is not a folder, or a path through one) is a
    plain configuration error naming the setting and the path, on every command (run as the settings load), never
    an "unexpected FileExistsError". Nothing is created here."""
    for path in (DATA_DIR, *DATA_DIR.parents):
        if path.exists():  # the nearest part of the path that is there must be a folder
            if path.is_dir():
                return
            raise ConfigurationError(
                f"REVERIE_DATA_DIR names {DATA_DIR}, which is not a folder ({path} is a file or something else"
                " that is not a folder): set it to the folder that holds Reverie's data (the folder of keys.json"
                " and reverie.sqlite3), or to a new folder."
            )


def _ensure_data_dir() -> None:
    _refuse_data_dir_not_a_folder()
    DATA_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


_refuse_data_dir_not_a_folder()


def _secret_key() -> str:
    given = str(CONFIG["REVERIE_SECRET_KEY"])
    if given:
        if CONFIG.clinic_mode and (len(given) < 40 or given.startswith("django-insecure")):
            raise ConfigurationError(
                "REVERIE_SECRET_KEY is too weak for clinic mode: use 50 random characters."
            )
        return given
    if CONFIG.clinic_mode:
        raise ConfigurationError("Clinic mode needs REVERIE_SECRET_KEY set to a long random value.")
    _ensure_data_dir()
    path = DATA_DIR / "secret_key"
    if not path.exists():
        from reverie.files import write_private_atomic

        # Created once, first writer wins (linked into place, never replaced, as keys.json is): processes started
        # together on a fresh data folder each try, one file is made whole, and every process reads its key below.
        with contextlib.suppress(FileExistsError):
            write_private_atomic(path, secrets.token_urlsafe(50).encode(), overwrite=False)
    return path.read_text().strip()


def _database() -> dict[str, Any]:
    target = reverie_settings.parse_database_url(str(CONFIG["REVERIE_DATABASE_URL"]), DATA_DIR)
    if target.engine == "sqlite":
        Path(target.name).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return {
            "ENGINE": "reverie.clinic.sqlite",  # Django's, with a safe switch into WAL mode
            "NAME": target.name,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                # secure_delete: a deleted row (an erased person's wrapped data key) is overwritten with zeros,
                # not left in a free page; the erasure then empties the WAL (keys.empty_the_wal). WAL mode is set
                # by the engine (reverie.clinic.sqlite.wal), which waits out a switch another process is making.
                "init_command": "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;",
            },
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
        }
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": target.name,
        "USER": target.user,
        "PASSWORD": target.password,
        "HOST": target.host,
        "PORT": target.port,
        "CONN_MAX_AGE": 60,
        # A kept connection is checked before a request first uses it: one the server ended (a restart, a
        # failover) is replaced at once, not met by the request as a 503 (review r136).
        "CONN_HEALTH_CHECKS": True,
    }


SECRET_KEY = _secret_key()
SECRET_KEY_FALLBACKS = [
    k.strip() for k in str(CONFIG["REVERIE_SECRET_KEY_FALLBACKS"]).split(",") if k.strip()
]
DEBUG = bool(CONFIG["REVERIE_DEBUG"]) and not CONFIG.clinic_mode
# Only the configured names: Django's test set-up (pytest-django's ``setup_test_environment``) adds its own
# ``testserver`` while tests run, and nothing else does, in clinic or embedded mode.
ALLOWED_HOSTS = [h.strip() for h in str(CONFIG["REVERIE_ALLOWED_HOSTS"]).split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "reverie.clinic.apps.ClinicConfig",
    "reverie.workers.apps.WorkersConfig",
    "reverie.api.apps.ApiConfig",
    "reverie.care.apps.CareConfig",
]

MIDDLEWARE = [
    "reverie.clinic.web.proxy.TrustedProxyMiddleware",  # first: forwarded headers only from trusted proxies
    # what a page records about being shown (a check-in's shown_at), kept only after a good answer (h116)
    "reverie.clinic.web.shown.ShownMiddleware",
    "reverie.clinic.web.middleware.HeadAsGetMiddleware",  # HEAD answered as GET, body dropped (all routes)
    # a redirect answering a form sent by the page's script (send_kept.js) named in a 204 the script follows (r135)
    "reverie.clinic.web.sent_by_script.SentByScriptMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # outside the session: a page that must open with the database down is answered again without it (r95)
    "reverie.clinic.web.no_database.WithoutDatabaseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "reverie.clinic.web.local_time.LocalTimeMiddleware",
    "reverie.clinic.web.middleware.SessionSafetyMiddleware",
    "reverie.clinic.web.middleware.SecurityHeadersMiddleware",
    "reverie.clinic.web.middleware.ReverieErrorMiddleware",
    "reverie.clinic.web.form_focus.PageFocusMiddleware",  # a page's crisis mark lasts one request (r90)
]

ROOT_URLCONF = "reverie.clinic.urls"
WSGI_APPLICATION = "reverie.clinic.wsgi.application"
AUTH_USER_MODEL = "clinic.User"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reverie.clinic.web.context.reverie_context",
            ],
        },
    }
]

FORM_RENDERER = "reverie.clinic.web.form_focus.Renderer"  # a refused form's first box takes focus (h104)

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = None  # served from the package by WhiteNoise finders; no collectstatic step
STATICFILES_DIRS: list[str] = []
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
WHITENOISE_ALLOW_ALL_ORIGINS = False  # no "Access-Control-Allow-Origin: *" on Reverie's files
WHITENOISE_ADD_HEADERS_FUNCTION = _static_headers.add_headers  # the policy headers the middleware cannot add

# Uploads stay in memory up to the attachment limit (attachments are encrypted before they touch the disk); a larger
# file is counted and refused plainly, never dropped (reverie.clinic.web.uploads). The data limit is for the fields.
FILE_UPLOAD_HANDLERS = ["reverie.clinic.web.uploads.BoundedMemoryUploadHandler"]
DATA_UPLOAD_MAX_MEMORY_SIZE = int(CONFIG["REVERIE_MAX_ATTACHMENT_BYTES"]) + 5_000_000

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12  # absolute timeout
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "reverie.clinic.web.csrf_views.csrf_failure"  # gives the person their text back
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if CONFIG["REVERIE_TLS"]:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_HSTS_SECONDS = 31536000
    if CONFIG["REVERIE_TRUSTED_PROXIES"]:
        # TrustedProxyMiddleware removed the header unless a trusted proxy sent it.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": str(CONFIG["REVERIE_LOG_LEVEL"])},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

REVERIE = CONFIG
