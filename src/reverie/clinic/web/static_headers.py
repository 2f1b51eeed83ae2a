"""The security headers on static files too (review r31).

WhiteNoise answers ``/static/`` before the view middleware runs, so :class:`~reverie.clinic.web.middleware.
SecurityHeadersMiddleware` and Django's ``XFrameOptionsMiddleware`` never see those responses (Django's
``SecurityMiddleware`` wraps WhiteNoise and still adds nosniff, the referrer policy and HSTS). WhiteNoise's
header hook (``WHITENOISE_ADD_HEADERS_FUNCTION``) adds the same policy headers here, once per file at start-up;
``WHITENOISE_ALLOW_ALL_ORIGINS = False`` drops its default ``Access-Control-Allow-Origin: *``: nothing of
Reverie's is meant to be read by another site's scripts.
"""

from __future__ import annotations

from wsgiref.headers import Headers


def add_headers(headers: Headers, path: str, url: str) -> None:
    from reverie.clinic.web.middleware import CSP, PERMISSIONS_POLICY

    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = CSP
    headers["Permissions-Policy"] = PERMISSIONS_POLICY
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
