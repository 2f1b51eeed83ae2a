"""The check-in: after a risk signal, a client's next page view shows the calm check-in page first."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

EXEMPT = ("/check-in/", "/safety/", "/logout/", "/login/", "/static/", "/api/")  # the API answers in JSON


class CheckInMiddleware:
    """Send a client with a pending check-in to ``/check-in/`` on any page view (GET) until they answer.

    Writes (POST) pass untouched, so nothing a person is saving is lost. Goes after AuthenticationMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "GET" and not request.path.startswith(EXEMPT) and self._pending(request):
            return redirect("care:check_in")
        return self.get_response(request)

    @staticmethod
    def _pending(request: HttpRequest) -> bool:
        from reverie.care.services.alerts import pending_check_in

        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated and pending_check_in(user) is not None
