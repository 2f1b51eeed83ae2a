"""The entry page's "What Reverie noticed" panel and its "does this fit?" form (a plain POST; no script needed)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from reverie.clinic.models import FitAnswer, User
from reverie.clinic.services import observations

CHOICES = (
    (FitAnswer.FITS, "Fits"),
    (FitAnswer.DOES_NOT_FIT, "Doesn't fit"),
    (FitAnswer.NOT_SURE, "Not sure"),
)


def panel_context(user: User, entry_id: Any) -> dict[str, Any]:
    """Template context for the panel on the entry page (empty while the entry is not analysed)."""
    found = observations.noticed(user, entry_id)
    return {"noticed": found, "fit_choices": CHOICES}


@login_required
@require_POST
def fit(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    observations.answer(user, entry_id, request.POST.get("observation", ""), request.POST.get("answer", ""))
    return redirect(reverse("entry", kwargs={"entry_id": entry_id}) + "#noticed")
