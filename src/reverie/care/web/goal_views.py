"""Goals of a course: propose (from a template or in one's own words), agree, rate 0–10, link evidence."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from reverie.care.services import course as courses
from reverie.care.services import goals
from reverie.care.services.client_course import ClientCourse
from reverie.care.web.common import int_field, user_of, with_error
from reverie.clinic.services import journal, local_time
from reverie.clinic.web.drafts import keeps_text
from reverie.errors import Conflict, InvalidInput, NotFound, ReverieError, about
from reverie.programmes.goals import GOAL_TEMPLATES, RATING_ANCHORS


def _context(request: HttpRequest, course_id: str) -> dict[str, Any]:
    user = user_of(request)
    course = courses.get_course(user, course_id)
    own_entries = journal.list_entries(user, limit=30) if user.pk == course.client_id else []
    return {
        "course": course,
        # the client reads them through ClientCourse, as their export holds them
        "goals": ClientCourse(user, course).goals
        if user.pk == course.client_id
        else goals.goals_for(user, course.id),
        "templates": GOAL_TEMPLATES,
        "anchors": sorted(RATING_ANCHORS.items()),
        "entries": own_entries,
        "slots": goals.session_choices(course),
        "client_view": user.pk == course.client_id,
        "today": local_time.today(user).isoformat(),
    }


# The goal forms' boxes, in the words their page shows ("Save it now" after a sign-in, drafts)
GOAL_LABELS = {"title": "Goal", "description": "In more words"}
GOAL_ACTION_LABELS = {
    "rating": "How close do I feel",
    "entry": "Link one of my entries",
    "slot": "Link a session",
}


@keeps_text(labels=GOAL_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def course_goals(request: HttpRequest, course_id: str) -> HttpResponse:
    context = _context(request, course_id)
    if request.method == "GET":
        return render(request, "care/goals.html", context)
    post = request.POST
    try:
        goals.propose(
            user_of(request),
            course_id,
            template=post.get("template", ""),
            title=post.get("title", ""),
            description=post.get("description", ""),
        )
    except ReverieError as exc:  # every field comes back as it was typed; a refused one says so on its box
        names = ("template", "title", "description")
        typed = {key: post.get(key, "") for key in names}
        boxes = {key: key for key in names}
        return with_error(request, "care/goals.html", {**context, "typed": typed}, exc, boxes)
    return redirect("care:goals", course_id=context["course"].id)


@keeps_text(labels=GOAL_ACTION_LABELS)
@login_required
@require_POST
def goal_action(request: HttpRequest, goal_id: str, action: str) -> HttpResponse:
    """agree, rate (0–10, outside the scale → 400) or evidence (an own journal entry or a session). A refusal comes
    back on the goals page, on top and on the box of the form's one input (a rating, the entry or session chosen,
    h99), the rating typed kept."""
    user, post = user_of(request), request.POST
    if action not in ("agree", "rate", "evidence"):
        raise InvalidInput("Unknown action.")
    box = "rating" if action == "rate" else "entry" if post.get("entry") else "slot"
    try:
        with about(box):
            if action == "agree":
                goal = goals.agree(user, goal_id)
            elif action == "rate":
                goal = goals.rate(user, goal_id, post.get("rating", "")).goal
            elif post.get("entry"):
                goal = goals.link_entry(user, goal_id, post.get("entry", "")).goal
            else:
                goal = goals.link_session(user, goal_id, int_field(post.get("slot"), "session")).goal
    except (InvalidInput, NotFound, Conflict) as exc:
        # no such goal (or not theirs): course_of refuses it as the action did, nothing of its page
        context = _context(request, str(goals.course_of(user, goal_id)))
        context |= {"kept_for": str(goal_id), "kept_rating": post.get("rating", "")}
        # the form's one input: what it chose was refused (outside the scale, an entry not theirs, already linked)
        named = getattr(exc, "field", None)
        fields = (
            {named or "": f"{'rate' if box == 'rating' else box}-{goal_id}"} if action != "agree" else None
        )
        return with_error(request, "care/goals.html", context, exc, fields)
    return redirect("care:goals", course_id=goal.course_id)
