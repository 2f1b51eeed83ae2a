"""The insight pages: the client's own patterns (when they choose to look) and the therapist's view of what was shared."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.clinic.models import User
from reverie.clinic.services import insights, observations
from reverie.clinic.web.downloads import download
from reverie.clinic.web.ids import query_id
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.insights.highlights import empty_words, highlights, keyed_sections, rated_days
from reverie.insights.pictures import relationship_map_svg, timeline_svg, triangles_svg
from reverie.insights.view import DISCLAIMER, InsightView, too_few_words


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


LINKS_PER_PATTERN = 4


def _page(request: HttpRequest, view: InsightView, client_id: int | None) -> HttpResponse:
    actor = _user(request)
    # Saved entries the worker has not read yet (the demo leaves its analysis to it): say how far it has got. The
    # view counted them already (``insights.view_for``: ``waiting``; a therapist's, only the entries shared with them).
    # Below MIN_ENTRIES the one few-entries sentence says it (``too_few_words``), not the note on top as well.
    reading = view.waiting
    if view.too_few_entries:  # one plain sentence and a way back to writing, no figures (review r116)
        few = {"reading": reading, "view": view, "client_id": client_id, "too_few": too_few_words(view)}
        return render(request, "reverie/insights.html", few)
    found = highlights(view)
    dates = insights.entry_dates(actor, [i for h in found for i in h.evidence])
    summary = []
    for h in found:
        known = [(i, dates[i]) for i in h.evidence if i in dates]
        latest = sorted(known, key=lambda pair: pair[1], reverse=True)[:LINKS_PER_PATTERN]
        summary.append((h, latest, len(known) - len(latest)))
    owner = actor if client_id is None else User.objects.filter(pk=client_id).first()
    fit = observations.agreement(owner, reader=actor) if owner is not None else []
    calendar = insights.feelings_calendar(actor, client_id)
    context = {
        "reading": reading,
        "view": view,
        "client_id": client_id,
        "agreement": observations.fit_words(fit, own=view.audience == "client"),
        "disclaimer": DISCLAIMER,
        "summary": summary,
        # each section with what it says when empty (highlights.empty_words)
        "sections": [(title, rows, empty_words(key)) for key, title, rows in keyed_sections(view)],
        "unverified": view.unverified,  # the therapist's research prompts: one collapsed, labelled section
        "calendar": calendar,
        "rated_days": rated_days(calendar),  # the ratings in words: newest first throughout
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        # The SVGs are built from counts and category labels only, with every text node escaped by the renderer.
        "timeline": mark_safe(timeline_svg(view)),  # noqa: S308
        "relationships": mark_safe(relationship_map_svg(view)),  # noqa: S308
        "triangles": mark_safe(triangles_svg(view)),  # noqa: S308
    }
    return render(request, "reverie/insights.html", context)


@login_required
@require_GET
def my_insights(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.is_therapist:
        return render(
            request,
            "reverie/insights_choose.html",
            {"pairs": user.pairs_as_therapist.open()},
        )
    if request.GET.get("show") != "1":
        return render(request, "reverie/insights_ask.html", {})
    return _page(request, insights.view_for(user), None)


@login_required
@require_GET
@therapist_page
def client_insights(request: HttpRequest, client_id: int) -> HttpResponse:
    return _page(request, insights.view_for(_user(request), client_id), client_id)


@login_required
@require_GET
def insights_pdf(request: HttpRequest) -> HttpResponse:
    client_id = query_id(request.GET.get("client"))
    actor = _user(request)
    view = insights.view_for(actor, client_id)
    return download(insights.report_pdf(actor, view, client_id), "application/pdf", "reverie-patterns.pdf")
