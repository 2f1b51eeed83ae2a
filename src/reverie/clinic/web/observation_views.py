"""The entry page's "What Reverie noticed" panel and its "does this fit?" form (a plain POST; no script needed)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from reverie.clinic.models import FitAnswer, NoticedOnEntries, User
from reverie.clinic.services import observations
from reverie.clinic.web.drafts import keeps_text

CHOICES = (
    (FitAnswer.FITS, "Fits"),
    (FitAnswer.DOES_NOT_FIT, "Doesn't fit"),
    (FitAnswer.NOT_SURE, "Not sure"),
)


def panel_context(user: User, entry_id: Any, *, show: bool = False) -> dict[str, Any]:
    """Template context for the panel on the entry page (empty while the entry is not analysed).

    What the reader sees is the one rule (``observations.seen_by``, the same for the API and the CLI): on their
    own entry the client's choice decides (``User.noticed_on_entries``): "ask" gives a closed panel (open when they
    asked for it, ``show``), "always" an open one, "never" none and no observations read. The risk note (``risk``)
    is shown beside the panel, never in it, whatever the choice. Anyone else's view (the linked therapist's) is
    unchanged.
    """
    seen = observations.seen_by(user, entry_id, page=True)
    if seen.status == observations.HIDDEN:
        return {"risk": seen.risk, "noticed_mode": seen.mode}
    fit = seen.panel.agreement if seen.panel is not None else ()
    return {
        "noticed": seen.panel,
        # the reader's answers as counts of what was done, never a score (r134)
        "fit_line": observations.fit_words(fit, own=seen.writer, patterns=False),
        "risk": seen.risk,
        "fit_choices": CHOICES,
        "noticed_mode": seen.mode,
        "noticed_open": seen.mode == NoticedOnEntries.ALWAYS or show,
    }


@keeps_text(labels={"answer": "Does this fit?"})
@login_required
@require_POST
def fit(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    observations.answer(user, entry_id, request.POST.get("observation", ""), request.POST.get("answer", ""))
    return redirect(
        reverse("entry", kwargs={"entry_id": entry_id}) + "?show=1#noticed"
    )  # the panel stays open
