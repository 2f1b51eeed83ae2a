"""Words typed while the session ran out travel through the sign-in, bound to the person who typed them.

A form that takes a person's text (a journal entry, an edit, a therapist's notes, formulation, goodbye letter,
safety plan) is wrapped in :func:`keeps_text`. Its POST arriving signed out (the idle timeout, the absolute session
age, a sign-out in another tab) does not get the bare redirect of ``login_required``: it gets the sign-in page (401)
carrying every posted field as a hidden ``draft_<name>`` input, with three of Reverie's own beside them:
``draft__path`` (where it was posted), ``draft__owner`` (who was signed in, signed with a salt for drafts only:
the account the idle timeout signed out on this request, else the form's own ``writer`` mark; absent when no one
was known) and ``draft__file`` (a file was attached: it cannot travel, the page says so).

After the sign-in (``views._carry_on``): the words are saved only into the account that wrote them, and only
what can be saved whole. Otherwise they are shown back to whoever is at the keyboard (who typed them) to copy or to
save deliberately. Nothing of the draft is stored on the server or logged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

OWNER_SALT = "reverie.web.draft-owner"
WRITER = "writer"  # the hidden field of every text form (templates/reverie/_writer.html): who was signed in
SIGNED_OUT_ATTR = "reverie_signed_out_user"  # set on the request by the idle timeout that signed them out
PREFIX = "draft_"
PATH, OWNER, FILE = "draft__path", "draft__owner", "draft__file"
SAFE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,60}$")
SECRET = re.compile(r"password|code|token|secret|otp", re.IGNORECASE)
MAX_FIELDS = 120
FILE_LOST = "Your picture/recording was not kept: attach it again."
SIGNED_IN_AGAIN = (
    "You are signed in again. Nothing of this was saved yet: your text is below, press Save it now."
)
NOT_YOURS = "This text was written while someone else was signed in; it has not been saved."
UNKNOWN = (
    "Reverie could not tell who was signed in when this text was written, so it has not been saved. "
    "Copy it, or save it below if it is yours."
)


def sign_owner(user_id: int) -> str:
    """The writer's mark on a form: the account id, signed for drafts only. Deterministic (no timestamp), so a page
    renders the same way every time; it proves nothing but "typed while this account was signed in"."""
    return signing.Signer(salt=OWNER_SALT).sign(str(user_id))


def owner_of(token: str) -> int | None:
    """The account id a draft was written under; None when absent or forged."""
    if not token:
        return None
    try:
        value = signing.Signer(salt=OWNER_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return int(value) if value.isdigit() else None


def _safe_path(raw: str) -> str:
    return raw if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw else "/write/"


def carried(request: HttpRequest) -> list[tuple[str, str]]:
    """A signed-out POST as the hidden fields of the sign-in page: the form's fields, never a secret."""
    pairs: list[tuple[str, str]] = [(PATH, _safe_path(request.path))]
    owner = getattr(request, SIGNED_OUT_ATTR, None)  # the idle timeout signed them out on this very request
    mark = str(request.POST.get(WRITER, ""))  # else the form's own mark (the session was already gone)
    if isinstance(owner, int):
        pairs.append((OWNER, sign_owner(owner)))
    elif owner_of(mark) is not None:
        pairs.append((OWNER, mark))
    if request.content_type == "multipart/form-data" and request.FILES:
        pairs.append((FILE, "1"))
    for name, values in list(request.POST.lists())[:MAX_FIELDS]:
        if name in ("csrfmiddlewaretoken", WRITER) or not SAFE_NAME.match(name) or SECRET.search(name):
            continue
        pairs.extend((PREFIX + name, str(v)) for v in values)
    return pairs


def keeps_text(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Above ``login_required``: a signed-out POST gets the sign-in page that carries the typed words."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not request.user.is_authenticated:
            from reverie.clinic.web.forms import LoginForm

            context = {"form": LoginForm(), **login_context(carried(request))}
            return render(request, "reverie/login.html", context, status=401)
        return view(request, *args, **kwargs)

    return wrapper


def writer_context(request: HttpRequest) -> dict[str, Any]:
    """For the context processor: the signed-in person's mark for text forms, made only where a form uses it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    user_id = int(user.pk)
    return {"draft_writer": lambda: sign_owner(user_id)}


def as_form(pairs: list[tuple[str, str]]) -> MultiValueDict[str, str]:
    """The draft for a template (``draft.lists``: every value of every field) and for ``dict(...)``."""
    form: MultiValueDict[str, str] = MultiValueDict()
    for key, value in pairs:
        form.appendlist(key, value)
    return form


def login_context(draft: list[tuple[str, str]]) -> dict[str, Any]:
    """What the sign-in page (and its retries) needs to carry a draft and to say what will happen to it."""
    path = next((v for k, v in draft if k == PATH), "/write/")
    return {
        "draft": as_form(draft),
        "expired": bool(draft),
        "file_lost": any(k == FILE for k, _ in draft),
        "draft_label": "entry" if path.startswith(("/write/", "/journal/")) else "text",
    }


def from_login(post: Any) -> list[tuple[str, str]]:
    """The draft a sign-in form carried (``draft_*`` fields), in order; empty when it carried no words."""
    pairs: list[tuple[str, str]] = []
    for name, values in list(post.lists())[: MAX_FIELDS + 3]:
        if name.startswith(PREFIX):
            pairs.extend((name, str(v)) for v in values)
    fields = [v for k, v in pairs if k not in (PATH, OWNER, FILE)]
    return pairs if any(v.strip() for v in fields) else []


@dataclass(frozen=True, slots=True)
class Carried:
    """A draft after the sign-in: where it was going, whether the signed-in person wrote it, the form's fields."""

    path: str
    owner: int | None
    file_lost: bool
    fields: list[tuple[str, str]]  # the form's own names, without the prefix


def unpack(draft: list[tuple[str, str]]) -> Carried:
    """The sign-in form's ``draft_*`` fields, read back: the owner only when its signature holds."""
    meta = dict((k, v) for k, v in draft if k in (PATH, OWNER, FILE))
    fields = [
        (k.removeprefix(PREFIX), v)
        for k, v in draft
        if k not in (PATH, OWNER, FILE) and SAFE_NAME.match(k.removeprefix(PREFIX))
    ]
    return Carried(
        _safe_path(meta.get(PATH, "/write/")), owner_of(meta.get(OWNER, "")), meta.get(FILE) == "1", fields
    )


LABELS = {
    "body": "Your text",
    "text": "Your text",
    "title": "Title",
    "happened_at": "When it happened",
    "situation": "The situation",
    "urge": "The reflexive urge",
    "choice": "The choice I made",
    "people": "People",
    "tags": "Tags",
    "other_feelings": "Other feelings",
}
HIDDEN = re.compile(r"^(entry_id|kind|action|base_revision|base_version|writer|(feel|int)_[a-z_]{1,40})$")


def shown_back(request: HttpRequest, draft: Carried, *, message: str, can_save: bool) -> HttpResponse:
    """The words after the sign-in, on a page: to copy, and (``can_save``) on a form posting to where they were
    going, with a fresh token, so saving them is one deliberate press."""
    hidden = [(k, v) for k, v in draft.fields if HIDDEN.match(k)]
    if can_save and draft.owner is not None:
        hidden.append((WRITER, sign_owner(draft.owner)))
    shown = [
        {"name": k, "value": v, "label": LABELS.get(k, k.replace("_", " ")), "long": "\n" in v or len(v) > 80}
        for k, v in draft.fields
        if not HIDDEN.match(k) and v.strip()
    ]
    context = {
        "message": message,
        "file_lost": draft.file_lost,
        "hidden": hidden if can_save else [],
        "shown": shown,
        "action": draft.path,
        "can_save": can_save,
    }
    response = render(request, "reverie/draft_back.html", context, status=200 if can_save else 409)
    response["Cache-Control"] = "no-store"
    return response
