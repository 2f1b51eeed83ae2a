"""The dream series page: codes, indicators against the norms with effect sizes, recurring elements, waking life."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.analysis.dreams import h_profile_svg
from reverie.clinic.models import User
from reverie.clinic.services.dreams import series_for


@login_required
@require_GET
def dream_series(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    norms = request.GET.get("norms", "female")
    series = series_for(user, norms if norms in ("female", "male") else "female")
    context = {
        "series": series,
        "norms": norms,
        # The chart renderer escapes its text; it draws numbers and indicator names only.
        "chart": mark_safe(h_profile_svg(series.profile)) if series.codings else "",  # noqa: S308
    }
    return render(request, "reverie/dreams.html", context)
