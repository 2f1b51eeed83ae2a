"""The dream series page: codes, indicators against the norms with effect sizes, recurring elements, waking life."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.analysis.dreams import h_profile_svg
from reverie.clinic.models import User
from reverie.clinic.services.dreams import MIN_DREAMS_FOR_NORMS, NORM_CHOICES, NORMS_WHY, series_for


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
        "norm_labels": (("none", "No comparison"), ("female", "Women's norms"), ("male", "Men's norms")),
        # The chart renderer escapes its text; it draws numbers and indicator names only.
        "chart": mark_safe(h_profile_svg(series.profile)) if compared else "",  # noqa: S308
    }
    return render(request, "reverie/dreams.html", context)
