"""The formulation workspace (IPAF, CCRT, Malan's triangles), the agreed IPAF and the goodbye letter."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from reverie.care.policy import is_course_therapist
from reverie.care.services import course as courses
from reverie.care.services import formulation
from reverie.care.services.client_course import ClientCourse
from reverie.care.web.common import form_base, posted_base, user_of, with_error
from reverie.clinic.web.drafts import keeps_text
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.errors import InvalidInput, NotFound, ReverieError, StaleEdit


def _context(request: HttpRequest, course_id: str) -> dict[str, Any]:
    user = user_of(request)
    course = courses.get_course(user, course_id)
    therapist = is_course_therapist(user, course)
    if therapist:
        history = formulation.versions(user, course.id)
    elif course.formulation_shared:  # the client: what ClientCourse gives them, as their export holds it
        history = ClientCourse(user, course).formulation
    else:
        raise NotFound("No such formulation.")
    latest = history[-1].values if history else {}
    words = (lambda label: label) if therapist else formulation.client_label
    return {
        "course": course,
        "versions": [(v, [words(label) for label in v.changed_labels]) for v in reversed(history)],
        "values": request.POST if request.method == "POST" else latest,
        "sections": formulation.SECTIONS,
        "ccrt_fields": [
            (key, words(label), formulation.cluster_choices(c)) for key, c, label in formulation.CCRT_FIELDS
        ],
        "therapist": therapist,
        "text_limit": formulation.TEXT_LIMIT,  # the textareas' maxlength: a refusal never has to send words back
        "base_version": history[-1].version if history else 0,  # sent back: a save made since is caught
        "latest": latest,
    }


@keeps_text(labels=formulation.FIELD_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def formulation_page(request: HttpRequest, course_id: str) -> HttpResponse:
    context = _context(request, course_id)
    if request.method == "GET":
        return render(request, "care/formulation.html", context)
    fields = (*formulation.TEXT_FIELDS, *(k for k, _, _ in formulation.CCRT_FIELDS))
    draft = {key: request.POST.get(key, "") for key in fields}
    try:
        base = form_base(context, request.POST)
        formulation.save_formulation(user_of(request), course_id, draft, base_version=base)
    except StaleEdit as exc:  # the typed text stays in the form; the version saved now is listed below it
        context.update(base_version=exc.current, conflict=True)
        return with_error(request, "care/formulation.html", context, exc)
    except ReverieError as exc:  # a refused text or cluster on its box (the service names it by its key)
        return with_error(request, "care/formulation.html", context, exc, {key: key for key in fields})
    return redirect("care:formulation", course_id=context["course"].id)


@login_required
@require_POST
@therapist_page
def formulation_share(request: HttpRequest, course_id: str) -> HttpResponse:
    try:
        version = posted_base(request.POST, "version")  # the version the page showed
        course = formulation.share(
            user_of(request), course_id, request.POST.get("shared") == "1", version=version
        )
    except ReverieError as exc:  # a newer version than the page showed: listed under Versions, nothing shared
        context = _context(request, course_id)
        context["values"] = context["latest"]
        return with_error(request, "care/formulation.html", context, exc)
    return redirect("care:formulation", course_id=course.id)


@login_required
@require_POST
def ipaf_agree(request: HttpRequest, course_id: str) -> HttpResponse:
    # the version the course page showed: a newer one saved since is refused (409, the error page says so)
    version = posted_base(request.POST, "version")
    course = formulation.agree_ipaf(user_of(request), course_id, version=version)
    return redirect("care:course", course_id=course.id)


# The goodbye letter's box, in the words its page shows ("Save it now" after a sign-in, drafts)
LETTER_LABELS = {"text": "Letter"}


@keeps_text(labels=LETTER_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def letter_page(request: HttpRequest, course_id: str) -> HttpResponse:
    user = user_of(request)
    course = courses.get_course(user, course_id)
    therapist = is_course_therapist(user, course)
    context: dict[str, Any] = {"course": course, "therapist": therapist}
    if therapist:
        # said on arrival, and Give offered only for a saved letter in its phase (r133: the page said nothing of the
        # phase until a save was refused, then offered "Give" for the unsaved text)
        context["given_from"] = courses.letter_given_from(course)
        context["can_give"] = courses.letter_can_be_given(course)
        context["saved_version"] = courses.letter_version(user, course.id)
    if request.method == "POST":
        action = request.POST.get("action")
        context["given"] = _given(course)
        try:
            if action == "write":
                base = form_base(context, request.POST)
                courses.write_letter(user, course.id, request.POST.get("text", ""), base_version=base)
            elif action == "give":  # the letter's one form: the box's text comes too, kept on a refusal
                version = posted_base(request.POST)
                # before its phase, or with a newer letter saved meanwhile, give_letter says that first
                if context["can_give"] and version == context["saved_version"]:
                    _check_saved_as_typed(user, course.id, request.POST.get("text"))
                courses.give_letter(user, course.id, version=version)
            else:
                raise InvalidInput("Unknown action.")
        except StaleEdit as exc:  # the typed text stays in the form; the letter saved now is shown above it
            saved = courses.read_letter(user, course.id)
            context.update(base_version=exc.current, conflict=True, saved=saved)
            typed = request.POST.get("text", saved)  # a save or a give from the one form: the box as typed
            return with_error(request, "care/letter.html", {**context, "text": typed}, exc)
        except ReverieError as exc:  # a refused save or give: the typed text stays in the box
            context["base_version"] = request.POST.get("base_version", "")
            kept = {**context, "text": request.POST.get("text", "")}
            boxes = {"text": "text"} if action == "write" else None
            return with_error(request, "care/letter.html", kept, exc, boxes)
        return redirect("care:letter", course_id=course.id)
    context["text"] = courses.read_letter(user, course.id)
    context["given"] = _given(course)
    context["base_version"] = courses.letter_version(
        user, course.id
    )  # sent back: a save made since is caught
    return render(request, "care/letter.html", context)


def _check_saved_as_typed(user: Any, course_id: object, typed: str | None) -> None:
    """Give gives the saved letter: with changes in the box not saved yet, nothing is given and they are kept (r133:
    "Give" was offered for a letter never saved, and its refusal emptied the box)."""
    saved = courses.read_letter(user, course_id)
    if typed is None or saved is None:
        return  # no box sent (an older page), or no letter: give_letter says "Save the goodbye letter first"
    if typed.replace("\r\n", "\n").strip() != saved.replace("\r\n", "\n").strip():
        raise InvalidInput("Your changes to the letter are not saved yet: save the letter, then give it.")


def _given(course: Any) -> Any:
    """When the letter was given to the client (None: not yet, or no letter)."""
    return getattr(getattr(course, "goodbye_letter", None), "given_at", None)
