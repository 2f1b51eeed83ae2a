"""The person's own time zone on every page, and the settings page (the zone; for a client, also when "What
Reverie noticed" shows on their entries)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from reverie.care.web.common import with_error
from reverie.clinic.models import NoticedOnEntries, User
from reverie.clinic.services import local_time, observations
from reverie.errors import ReverieError, about


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


# the settings page's inputs a refusal may name, each with its box (the choice of what was noticed: its fieldset)
_SETTINGS_BOXES = {"time_zone": "id_time_zone", "noticed_on_entries": "noticed-boxes"}


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    refused: ReverieError | None = None
    message = None
    if request.method == "POST" and user.is_client and "noticed_on_entries" in request.POST:
        try:
            with about("noticed_on_entries"):
                chosen = observations.set_preference(user, request.POST["noticed_on_entries"])
        except ReverieError as exc:
            refused = exc
        else:
            message = f"What Reverie noticed on your entries: {NoticedOnEntries(chosen).label.lower()}."
    elif request.method == "POST":
        try:
            with about("time_zone"):
                zone = local_time.set_time_zone(user, request.POST.get("time_zone", ""))
        except ReverieError as exc:
            refused = exc
        else:
            timezone.activate(local_time.zone_of(user))
            message = f"Times are now shown in {local_time.zone_label(zone)}."
    context = {
        "zones": local_time.choices(),
        "current": local_time.zone_name(user),
        "now": timezone.now(),
        "message": message,
        # the client's own entry pages only (a therapist's view of shared entries is not governed by it)
        "noticed_choices": NoticedOnEntries.choices if user.is_client else None,
        "noticed_current": user.noticed_on_entries,
    }
    if (
        refused is not None
    ):  # on the box it is about too, as every form's refusal (care.web.common.with_error)
        return with_error(request, "reverie/account_settings.html", context, refused, _SETTINGS_BOXES)
    return render(request, "reverie/account_settings.html", context)
