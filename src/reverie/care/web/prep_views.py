"""The session-prep page for the therapist."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from reverie.care.services import measures
from reverie.care.services.prep import prepare
from reverie.care.web.common import user_of
from reverie.clinic.services import local_time
from reverie.clinic.web.therapist_pages import therapist_page

# shared entries shown before "Show all": 20 cards made the page 5,734 px tall on a 360-px phone (h65)
SHARED_FIRST = 3


@login_required
@require_GET
@therapist_page
def session_prep(request: HttpRequest, course_id: str) -> HttpResponse:
    user = user_of(request)
    prep = prepare(user, course_id)
    # The chart renderer escapes every text node it writes; the points are numbers and dates.
    history = [c for c in measures.history(user, prep.course.id) if c.rows]
    # each with its visible title, the figure's accessible name (review r129: two untitled charts, told apart only
    # by their axis maximum)
    charts = [(f"{c.name} scores", mark_safe(c.svg)) for c in history]  # noqa: S308
    latest = [(c.questionnaire.short_title, *c.rows[-1]) for c in history]
    # PHQ-9 item 9 above 0 stays in sight (review r129): the latest form's line says it; when an earlier form's did
    # and the latest's did not, that earlier answer is named below it
    answered = [f for f in measures.responses(user, prep.course.id) if f.risk]
    last_risk = answered[-1] if answered and not any(row[-1] for row in latest) else None
    changes = [c.words for c in prep.progress.changes]  # as the Scores page words them
    return render(
        request,
        "care/prep.html",
        {
            "prep": prep,
            "charts": charts,
            "changes": changes,
            "latest": latest,
            "last_risk": last_risk,
            "shared_first": prep.shared_since[:SHARED_FIRST],  # the rest behind "show all" (h65)
            "shared_rest": prep.shared_since[SHARED_FIRST:],
            "zone_name": local_time.zone_name(user),  # every time on the page is in the therapist's zone
        },
    )
