"""A form refused by the CSRF check (cookies cleared mid-writing, a very old page) never loses what was typed.

Django's bare "CSRF verification failed" page is replaced (``CSRF_FAILURE_VIEW``) by a Reverie page that explains in
plain words what happened and gives the text back: every posted text field re-shown, escaped by the template, on a
fresh form with a new token that posts to the same page again; the choices it carries hidden (the kind, the
feelings with their strengths) are named in plain words above the text, as "Save it now" names them. Nothing of it is stored or logged (Django's
``django.security.csrf`` warning names the path and the reason only); passwords and codes are never echoed; an
attached file cannot be carried and the page says so. Answered 403, ``no-store``.

The fresh form is offered only for a post that came from Reverie's own pages. A post another website made (its
``Origin``, ``Sec-Fetch-Site`` or ``Referer`` says so) shows the fields to read and copy, with no button: otherwise
one click on "Save again" would carry out whatever the other site posted (ending a link, emptying the trash).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reverie.clinic.web.drafts import (
    SAFE_NAME,
    SECRET,
    attach_again,
    chosen_note,
    chosen_words,
    file_lost,
    given_back_long,
    given_back_type,
    labels_of,
)  # one reader of posted fields' names and labels: a kept form's own (its view's ``labels``)

# Fields carried back as hidden inputs (choices and the form's one-time token), not shown as text.
HIDDEN = re.compile(r"^(entry_id|kind|writer|carried_once|(feel|int)_[a-z_]{1,40})$")
MAX_FIELDS = 80


def typed_fields(request: HttpRequest) -> tuple[list[tuple[str, str]], list[dict[str, object]]]:
    hidden: list[tuple[str, str]] = []
    shown: list[dict[str, object]] = []
    pairs = [(name, value) for name, values in request.POST.lists() for value in values]  # repeated names too
    labels = labels_of(request.path)
    for name, raw in pairs[:MAX_FIELDS]:
        value = str(raw)
        if name == "csrfmiddlewaretoken" or not SAFE_NAME.match(name) or SECRET.search(name):
            continue
        if HIDDEN.match(name):
            hidden.append((name, value))
        elif value.strip():
            long = given_back_long(name, value)
            shown.append(
                {
                    "name": name,
                    "value": value,
                    "label": labels.get(name) or name.replace("_", " ").capitalize(),
                    "long": long,
                    "type": given_back_type(name, value),
                }
            )
    return hidden, shown


def _from_this_site(request: HttpRequest) -> bool:
    """Whether the refused post came from a page of this site, as far as the browser tells.

    A browser that sends none of the three headers (an old one, a script) is given the benefit of the doubt: a
    current browser always sends ``Origin`` or ``Sec-Fetch-Site`` on a cross-site form post, and a page cannot
    remove them.
    """
    host = request.get_host()
    origin = request.headers.get("Origin")
    if origin is not None:
        return urlsplit(origin).netloc == host
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    referer = request.headers.get("Referer")
    if referer is not None:
        return urlsplit(referer).netloc == host
    return True


def _with_draft(request: HttpRequest, path: str) -> HttpResponse | None:
    """A refused post that carries words through the sign-in (r15): a therapist-only form's words are sealed for
    their writer and never shown on this page; a sign-in post carrying a draft (another tab signed in first and
    rotated the token) shows the sign-in page again with it, or, to its writer already signed in, the words to save
    by one press. Nothing is saved here. None: the ordinary refusal page."""
    from django.urls import reverse

    from reverie.clinic.web import drafts
    from reverie.clinic.web.forms import LoginForm

    therapists = drafts.takes_text(path) and not drafts.is_clients_own(path)
    if not _from_this_site(request):
        # Another site's post carries nothing on: its "draft" would be offered to the person to save (r16).
        # A therapist-only form's words are still never shown: the plain page without them.
        return _refused_without_words(request) if therapists else None
    if path in (reverse("login"), reverse("login_code")):
        draft = drafts.from_login(request.POST)
        if not draft:
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            carried = drafts.unpack(draft, user.pk)
            if carried.owner == user.pk and not carried.sealed:
                resumed = drafts.resumed(
                    request, user, carried
                )  # a risk answer screened, a check-in answered
                if resumed is not None:
                    return resumed
                return drafts.shown_back(request, carried, message=drafts.SIGNED_IN_AGAIN, can_save=True)
        context = {"form": LoginForm(), **drafts.login_context(draft)}  # sign in again, the words kept
        return drafts.login_page(request, "reverie/login.html", context, status=403)
    if therapists or _someone_elses(request, path):
        # the one rule for a kept form: crisis lines if it asks for help, its writer's resume if signed in (r75);
        # a client's words marked for another account than the one signed in now are sealed for their writer, as
        # after a sign-in (review r135 fault 5: another tab's sign-in rotated the token, and the next account was
        # shown them on this page)
        return drafts.kept_form(request, status=403)
    return None


def _someone_elses(request: HttpRequest, path: str) -> bool:
    """A kept form's post whose ``writer`` mark names another account than the one signed in now."""
    from reverie.clinic.web import drafts

    user = getattr(request, "user", None)
    if not drafts.takes_text(path) or user is None or not user.is_authenticated:
        return False
    mark = drafts.writer_of(str(request.POST.get(drafts.WRITER, "")), ignore_age=True)
    return mark is not None and mark != user.pk


def _refused_without_words(request: HttpRequest) -> HttpResponse:
    context = {"hidden": [], "shown": [], "action": "/", "file_lost": "", "resend": False}
    return render(request, "reverie/csrf_failed.html", context, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The page for a refused form post (Django calls it with the reason, which is not shown to the person)."""
    path = request.path if request.path.startswith("/") and not request.path.startswith("//") else "/"
    carried = _with_draft(request, path)
    if carried is not None:
        carried["Cache-Control"] = "no-store"
        return carried
    hidden, shown = typed_fields(request)
    had_file = bool(request.FILES) if request.content_type == "multipart/form-data" else False
    context = {
        "hidden": hidden,
        "shown": shown,
        # the kind and feelings it carries hidden, in plain words, as "Save it now" shows them (h132)
        "chosen": chosen_words(hidden, labels_of(path)),
        "chosen_note": chosen_note(hidden, path),
        "action": path,
        # what the write page says of a file it lost, for this entry's kind (drafts.file_lost, h156)
        "file_lost": file_lost(dict(hidden).get("kind")) if had_file else "",
        "attach": attach_again(dict(hidden).get("kind"), path),
        "resend": _from_this_site(request),
    }
    response = render(request, "reverie/csrf_failed.html", context, status=403)
    response["Cache-Control"] = "no-store"
    return response
