"""Pages of the therapist's side: the policy is asked first, and anyone else gets the plain "for your therapist" page.

Each view of a therapist-only page is wrapped in :func:`therapist_page`; tests/clinic/test_r25_client_pages.py
lists them from the URL table and checks that a client is answered 403 on each, before the view runs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reverie.clinic.services import audit
from reverie.clinic.services.policy import Action, TherapistPage, allows

View = Callable[..., HttpResponse]


def therapist_page(view: View) -> View:
    """Only a therapist reaches ``view``; anyone else (a signed-in client) gets 403 "This page is for your
    therapist", the refusal audited like any other (who, the page's name; no content). Put it under
    ``login_required`` and the method checks, so that a signed-out person is sent to sign in first."""
    page = TherapistPage(view.__name__)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = getattr(request, "user", None)
        if not allows(user, Action.READ, page):
            audit.refused(user, str(Action.READ), "page", page.name)
            return render(request, "care/for_therapist.html", {}, status=403)
        return view(request, *args, **kwargs)

    return wrapped
