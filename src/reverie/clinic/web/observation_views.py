"""The entry page's "What Reverie noticed" panel and its "does this fit?" form (a plain POST; no script needed)."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from reverie.clinic.models import FitAnswer, NoticedOnEntries, User
from reverie.clinic.services import observations
from reverie.errors import ReverieError

log = logging.getLogger(__name__)

CHOICES = (
    (FitAnswer.FITS, "Fits"),
    (FitAnswer.DOES_NOT_FIT, "Doesn't fit"),
    (FitAnswer.NOT_SURE, "Not sure"),
)


def panel_context(user: User, entry_id: Any, *, own: bool, show: bool = False) -> dict[str, Any]:
    """Template context for the panel on the entry page (empty while the entry is not analysed).

    On their own entry the client's choice decides (``User.noticed_on_entries``): "ask" gives a closed panel
    (open when they asked for it, ``show``), "always" an open one, "never" none and no observations read. The
    risk note (``risk``) is shown beside the panel, never in it, whatever the choice. Anyone else's view (the
    linked therapist's) is unchanged.
    """
    mode = user.noticed_on_entries if own else NoticedOnEntries.ALWAYS
    if mode == NoticedOnEntries.NEVER:
        return {"risk": observations.risk_only(user, entry_id), "noticed_mode": mode}
    # the risk note first, on its own: nothing the panel reads (an answer that does not open) may hide it
    risk = observations.risk_only(user, entry_id, record=False)
    try:
        found = observations.noticed(user, entry_id)
    except ReverieError as exc:
        log.warning("the noticed panel could not be read: %s", type(exc).__name__)
        found = None
    return {
        "noticed": found,
        "risk": risk,
        "fit_choices": CHOICES,
        "noticed_mode": mode,
        "noticed_open": mode == NoticedOnEntries.ALWAYS or show,
    }


@login_required
@require_POST
def fit(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    observations.answer(user, entry_id, request.POST.get("observation", ""), request.POST.get("answer", ""))
    return redirect(
        reverse("entry", kwargs={"entry_id": entry_id}) + "?show=1#noticed"
    )  # the panel stays open
