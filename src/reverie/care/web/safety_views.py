"""The safety plan (client's own, or a linked client's for the therapist), risk alerts and the check-in."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reverie.care.services import alerts, safety
from reverie.care.web.common import form_base, user_of, with_error
from reverie.clinic.models import User
from reverie.clinic.services.safety import crisis_lines
from reverie.clinic.web.drafts import keeps_text
from reverie.clinic.web.shown import record_when_shown
from reverie.clinic.web.therapist_pages import therapist_page
from reverie.errors import Conflict, InvalidInput, NotFound, ReverieError, StaleEdit
from reverie.programmes.countries import country_code, country_name
from reverie.programmes.safety import SECTION_MAX_ITEMS, SECTION_TITLES
from reverie.text import is_blank


def _plan_boxes() -> dict[str, str]:
    """The plan's inputs, by the names its check gives them (``InvalidInput.field``): the boxes of the form."""
    rows = [
        f"{key}_{part}_{n}"
        for key in safety.CONTACT_SECTIONS
        for part in ("name", "phone")
        for n in range(1, SECTION_MAX_ITEMS + 1)
    ]
    return {name: name for name in (*SECTION_TITLES, "crisis_country", *rows)}


def _plan_page(request: HttpRequest, client: User | None) -> HttpResponse:
    user = user_of(request)
    plan = safety.get_plan(user, client)
    context: dict[str, Any] = {"titles": SECTION_TITLES.items(), "client": client, "saved": False}
    if client is None:  # the client's own plan: said plainly that a linked therapist reads and edits it
        context["shared_with_therapist"] = alerts.SAFETY_PLAN_SHARED
    context["values"] = request.POST if request.method == "POST" else safety.form_initial(plan)
    posted = safety.posted_contacts(request.POST) if request.method == "POST" else {}
    context["contact_rows"] = safety.contact_rows(
        posted if request.method == "POST" else safety.plan_contacts(plan)
    )
    # the crisis-line countries by name (a code typed by hand, "England" cut to "EN", matched no country, silently)
    countries = [(c.country, c.name) for c in crisis_lines()]
    chosen = country_code(str(context["values"].get("crisis_country", "") or "").strip())
    if chosen and chosen not in {code for code, _ in countries}:
        countries.append((chosen, country_name(chosen)))  # a country saved before (or a file's) stays chosen
    context.update(countries=countries, chosen_country=chosen)
    context["base_version"] = safety.plan_version(user, client)  # sent back: a save made since is caught
    if request.method == "POST":
        fields = {key: request.POST.get(key, "") for key in (*SECTION_TITLES, "crisis_country")}
        try:
            base = form_base(context, request.POST)
            saved = safety.save_plan(
                user, safety.plan_data_from_form(fields, posted), client, base_version=base
            )
        except StaleEdit as exc:  # the typed text stays in the form; the plan saved now is shown above it
            stored = safety.form_initial(plan)
            context.update(
                base_version=exc.current, stored=[(t, stored.get(k, "")) for k, t in SECTION_TITLES.items()]
            )
            return with_error(request, "care/safety_plan.html", context, exc)
        except (
            ReverieError
        ) as exc:  # a refused section, contact or country on its box (the plan's check names it)
            return with_error(request, "care/safety_plan.html", context, exc, _plan_boxes())
        context["saved"] = True
        context["base_version"] = safety.plan_version(user, client)
        context["contact_rows"] = safety.contact_rows(
            safety.plan_contacts(saved)
        )  # as saved: no empty rows between
    return render(request, "care/safety_plan.html", context)


def _plan_labels(**_: Any) -> dict[str, str]:
    """The plan's boxes, in the words its page shows: each section by its title, a contact's name and phone by its
    section's, and the country of its crisis lines ("Save it now" after a sign-in, drafts)."""
    contacts = {
        f"{key}_{part}": f"{SECTION_TITLES[key]}: {word}"
        for key in safety.CONTACT_SECTIONS
        for part, word in (("name", "name"), ("phone", "phone"))
    }
    return {**SECTION_TITLES, **contacts, "crisis_country": "Country for crisis lines"}


@keeps_text(labels=_plan_labels)
@login_required
@require_http_methods(["GET", "POST"])
def my_plan(request: HttpRequest) -> HttpResponse:
    return _plan_page(request, None)


@keeps_text(labels=_plan_labels)
@login_required
@require_http_methods(["GET", "POST"])
@therapist_page
def client_plan(request: HttpRequest, client_id: int) -> HttpResponse:
    client = User.objects.filter(pk=client_id).first()
    if client is None:
        raise NotFound("No such safety plan.")
    return _plan_page(request, client)


# The acknowledge form's one box, in the words its page shows and "Save it now" shows after a sign-in (drafts)
ACK_LABELS = {"note": "Note (optional, kept encrypted)"}


@login_required
@require_GET
@therapist_page
def alert_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    context = {
        "alerts": alerts.read_alerts(user),
        "labels": ACK_LABELS,
        "histories": alerts.acknowledged_clients(user),  # each one's acknowledged alerts, a tap away (r133)
    }
    return render(request, "care/alerts.html", context)


@login_required
@require_GET
@therapist_page
def acknowledged_alerts(request: HttpRequest, client_id: int) -> HttpResponse:
    """One linked client's alerts this therapist acknowledged: when, the urgency then, and their own note (review
    r133: a note could be written and never read back). Another client answers as a missing one."""
    client, rows = alerts.acknowledged_history(user_of(request), client_id)
    return render(request, "care/alerts_acknowledged.html", {"client": client, "rows": rows})


@keeps_text(labels=ACK_LABELS)
@login_required
@require_POST
@therapist_page
def alert_acknowledge(request: HttpRequest, alert_id: str) -> HttpResponse:
    """Acknowledge one alert as the page showed it (the form's ``shown``): one changed since (the client answered
    "I need help now") is refused (409) and the list comes back with the alert as it is now, the refusal on top; a
    refused note (too long, not text) comes back in its box, the refusal on it too (h99)."""
    user = user_of(request)
    shown = request.POST.get("shown")
    note = request.POST.get("note", "")
    try:
        alerts.acknowledge(user, alert_id, note, shown=shown)
    except (Conflict, InvalidInput) as exc:  # the typed note stays in that alert's form, to send again
        kept = {
            "alerts": alerts.read_alerts(user),
            "kept_note": note,
            "kept_for": alert_id,
            "labels": ACK_LABELS,
            "histories": alerts.acknowledged_clients(user),
        }
        return with_error(request, "care/alerts.html", kept, exc, {"note": f"note-{alert_id}"})
    messages.success(request, alerts.ACKNOWLEDGED if is_blank(note) else alerts.ACKNOWLEDGED_WITH_NOTE)
    return redirect("care:alerts")


def _check_in_context(user: User) -> dict[str, Any]:
    return {
        **safety.plan_and_lines(user),
        "answers": alerts.ANSWERS,
        "check_in_page": True,  # the banner is this page's own form here
    }


def _asks_help(post: Any) -> bool:
    """A check-in answered "I need help now" signed out: the sign-in page shows the crisis lines."""
    return str(post.get("answer", "")) == "need_help"


def _answer_back(request: HttpRequest, user: User, post: Any) -> HttpResponse:
    """A check-in answer sent after the session ended, recorded as soon as its owner signs in again: it reaches
    the therapist (the alert's urgency) without a second press; the page is the check-in's own answer."""
    return _check_in_page(request, user, post)


@keeps_text(urgent=_asks_help, resume=_answer_back, labels={"answer": "Your answer"})
@login_required
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest) -> HttpResponse:
    """Are you safe? The plan and the crisis lines are on this same page before any answer, and after it.

    The banner at the top of every page posts here; nothing is locked while a check-in waits."""
    return _check_in_page(request, user_of(request), request.POST if request.method == "POST" else None)


def _check_in_page(request: HttpRequest, user: User, post: Any) -> HttpResponse:
    """The check-in page; ``post``: the answer sent (None: the page asked for)."""
    pending = alerts.pending_check_in(user)
    context = _check_in_context(user)
    if post is not None:
        answered = alerts.answer_check_in(user, post.get("check_in", ""), post.get("answer", ""))
        context["answered"] = answered.answer
        context["question"] = answered.question
        # the page is headed by the answer once given, never by a question left with nothing to answer it (r132)
        context["answered_words"] = alerts.ANSWERS.get(answered.answer, "")
    elif pending is None:
        context["answered"] = "none_pending"
    context["pending"] = alerts.pending_check_in(user) if post is not None else pending
    if context["pending"] is not None:
        context["question"] = context["pending"].question
    context.setdefault("question", alerts.CHECK_IN_QUESTION)
    context["words"] = alerts.check_in_words(user, context["pending"])
    context["entry"] = alerts.check_in_entry(user, context["pending"]) if context["words"] else None
    context["told"] = alerts.check_in_told(context["pending"])
    page = render(request, "care/check_in.html", context)
    if context["pending"] is not None:
        # Marked only once the page exists: one that failed before it rendered never used up the full showing (r44).
        # This page holds the question with the plan and the crisis lines: always the full showing.
        # Kept only once the answer is known good (clinic/web/shown.py, h116).
        alerts.show_check_in(
            user, context["pending"], full=True, when_shown=lambda record: record_when_shown(request, record)
        )
    return page
