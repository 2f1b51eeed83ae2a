"""The person's own time zone on every page, and the settings page (the zone; for a client, also when "What
Reverie noticed" shows on their entries)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from reverie.clinic.models import NoticedOnEntries, User
from reverie.clinic.services import local_time, observations
from reverie.errors import ReverieError


class LocalTimeMiddleware:
    """Activates the signed-in person's zone: templates show local times and forms read local times."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(local_time.zone_of(user))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    error = message = None
    if request.method == "POST" and user.is_client and "noticed_on_entries" in request.POST:
        try:
            chosen = observations.set_preference(user, request.POST["noticed_on_entries"])
        except ReverieError as exc:
            error = exc.message
        else:
            message = f"What Reverie noticed on your entries: {NoticedOnEntries(chosen).label.lower()}."
    elif request.method == "POST":
        try:
            zone = local_time.set_time_zone(user, request.POST.get("time_zone", ""))
        except ReverieError as exc:
            error = exc.message
        else:
            timezone.activate(local_time.zone_of(user))
            message = f"Times are now shown in {local_time.zone_label(zone)}."
    context = {
        "zones": local_time.choices(),
        "current": local_time.zone_name(user),
        "now": timezone.now(),
        "error": error,
        "message": message,
        # the client's own entry pages only (a therapist's view of shared entries is not governed by it)
        "noticed_choices": NoticedOnEntries.choices if user.is_client else None,
        "noticed_current": user.noticed_on_entries,
    }
    return render(request, "reverie/account_settings.html", context, status=400 if error else 200)
