"""The dream series page: what recurs and meets waking life first, in plain words; a comparison with published
norms (effect sizes) only behind a fold-out, when chosen and with enough dreams."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.analysis.dreams import h_profile_svg
from reverie.clinic.models import User
from reverie.clinic.services.dreams import MIN_DREAMS_FOR_NORMS, NORM_CHOICES, NORMS_WHY, series_for

# What each kind of element is, for a person: the coder's kinds (character, setting, interaction) are not.
KIND_WORDS = {
    "character": "a person",
    "person": "a person",
    "setting": "a place",
    "emotion": "a feeling",
    "interaction": "between people",
    "theme": "between people",
}
NORM_LABELS = (("none", "No comparison"), ("female", "Women's dreams"), ("male", "Men's dreams"))
GROUP_WORDS = {"female": "women's dreams", "male": "men's dreams"}


def _when(days_apart: int) -> str:
    """How far the entry is from the dream, in words (negative: the entry came first)."""
    if days_apart == 0:
        return "the same day"
    days = f"{abs(days_apart)} day{'s' if abs(days_apart) != 1 else ''}"
    return f"written {days} after the dream" if days_apart > 0 else f"written {days} before the dream"


@login_required
@require_GET
def dream_series(request: HttpRequest) -> HttpResponse:
    """The person chooses the norm group, or none (the default); nothing is compared below the minimum."""
    user = request.user
    assert isinstance(user, User)
    asked = request.GET.get("norms")
    if asked in NORM_CHOICES:
        request.session["dream_norms"] = asked
    norms = str(request.session.get("dream_norms", "none"))
    norms = norms if norms in NORM_CHOICES else "none"
    series = series_for(user, norms if norms != "none" else "female")
    enough = len(series.codings) >= MIN_DREAMS_FOR_NORMS
    compared = enough and norms != "none"
    context = {
        "series": series,
        "norms": norms,
        "enough": enough,
        "compared": compared,
        "minimum": MIN_DREAMS_FOR_NORMS,
        "why": NORMS_WHY,
        "norm_labels": NORM_LABELS,
        "group": GROUP_WORDS.get(norms, ""),
        "just_chose": "norms" in request.GET,  # the fold-out stays shut until the person opens it
        "recurring": [(KIND_WORDS.get(r.kind, r.kind), r) for r in series.recurring[:20]],
        "links": [
            (KIND_WORDS.get(link.kind, link.kind), link, _when(link.days_apart))
            for link in series.continuity.links[:40]
        ],
        # The chart renderer escapes its text; it draws numbers and indicator names only.
        "chart": mark_safe(h_profile_svg(series.profile)) if compared else "",  # noqa: S308
    }
    return render(request, "reverie/dreams.html", context)
