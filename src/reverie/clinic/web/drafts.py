"""Words typed while the session ran out travel through the sign-in, bound to the person who typed them.

A form that takes a person's text (a journal entry, an edit, a therapist's notes, formulation, goodbye letter,
safety plan, the note on moving or cancelling a session, a goal's words) is wrapped in :func:`keeps_text`, which
marks the view (only such a view is a "Save it now" target, :func:`takes_text`). Its POST arriving signed out (the
idle timeout, the absolute session age, a sign-out in another tab) does not get the bare redirect of
``login_required``: it gets the sign-in page (401, ``no-store``) carrying the posted fields: a client's own journal
or safety plan whose writer no one knows as hidden ``draft_<name>`` inputs, any other form's (a therapist's, words
written for the other side of the course, and a client's whose writer is known, review r135) as one ``draft__sealed`` value (:func:`seal`: AES-GCM, readable by no one but the account it is bound to). Beside them
``draft__path`` (where it was posted), ``draft__owner`` (:func:`sign_owner`: who wrote it, and whether the server
knew that, the idle timeout having signed that account out on this request, or only the form's expiring ``writer``
mark said so; absent when no one was known) and ``draft__file`` (a file was attached: it cannot travel).

After the sign-in (``views._carry_on``): the words go only to the account that wrote them, and only whole; a new
entry is saved without a press only when the server knew its writer. Otherwise they are shown back (a therapist's
words never to anyone but their writer) to copy or to save deliberately. Nothing of the draft is stored on the
server or logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any, overload

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from reverie.clinic.web import page_seal
from reverie.errors import ACCOUNT_ERASED_MESSAGE, InvalidInput

OWNER_SALT = "reverie.web.draft-owner"  # the sign-in page's draft__owner: who, and how the server knows it
WRITER_SALT = "reverie.web.draft-writer"  # the ``writer`` mark of every text form
SEAL_INFO = b"reverie.web.draft-seal/1"
SEAL_VERSION = "1"
WRITER = "writer"  # the hidden field of every text form (templates/reverie/_writer.html): who was signed in
SIGNED_OUT_ATTR = "reverie_signed_out_user"  # set on the request by the idle timeout that signed them out
KEEPS_TEXT_ATTR = "reverie_keeps_text"  # set on a view wrapped by keeps_text: "Save it now" may post there
RESUME_ATTR = (
    "reverie_resume"  # a wrapped view's own way to take its words back after the sign-in (keeps_text)
)
ONCE_FIELD = (
    "carried_once"  # the one-time pass of words carried through this sign-in, past a forced password change
)
ONCE_SESSION = "reverie_carried_once"  # its only copy on the server, in the session; consumed by its press
ONCE_ATTR = "reverie_carried_once"  # set on the request that issued it, for the page's forms (_writer.html)
URGENT_ATTR = "reverie_urgent"  # a wrapped view's own way to tell that a POST asks for help now (keeps_text)
LABELS_ATTR = (
    "reverie_labels"  # a wrapped view's fields' labels, as its form shows them (keeps_text's ``labels``)
)
PREFIX = "draft_"
PATH, OWNER, FILE, SEALED = "draft__path", "draft__owner", "draft__file", "draft__sealed"
URGENT = (
    "draft__urgent"  # the kept form asks for help now (PHQ-9 item 9 above 0, "I need help now"): crisis lines
)
META = (PATH, OWNER, FILE, SEALED, URGENT)
NOT_WORDS = (PATH, OWNER, FILE, URGENT)  # a draft's own marks, beside the form's fields
SERVER, FORM = (
    "server",
    "form",
)  # the owner known by the server (the idle timeout), or only by the form's mark
SAFE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,60}$")
SECRET = re.compile(r"password|code|token|secret|otp", re.IGNORECASE)
CLIENTS_OWN = ("/write/", "/journal/", "/safety/plan/")  # a client's own text: the only text carried readable
MAX_FIELDS = 120
# The fields that take paragraphs (an entry's text, a mindful choice's parts, a note, a message): given back in a box
# of many lines (``given_back_long``) however short, as their own form shows them.
LONG = frozenset({"body", "situation", "urge", "choice", "text", "note", "content", "message"})
FILE_LOST = "Your picture was not kept: attach it again."  # an art entry's; a music entry's "recording"
# the file as the entry's kind names it (r134: never "picture/recording")
FILE_WORDS = {"art": "picture", "music": "recording"}
# A file sent with an entry of a kind that takes none (``media.ALLOWED``: an art entry takes a picture, a music entry
# a recording, nothing else): attaching it again would be refused again, so the words say what to do instead.
FILE_NOT_TAKEN = (
    "Your file was not kept: only an Art entry takes a picture and a Music entry a recording, not {kind}."
    " Save your words without it, or choose Art or Music as the kind and attach it again."
)


def file_lost(kind: object) -> str:
    """What a write form given back says of the file it was sent with (no browser puts one back in the form), for
    an entry of ``kind`` (review r126): attach it again where the kind takes a file; else what to do instead. The
    one sentence of every page that gives a form back without its file (h156): the write page, the sign-in page
    after the session ended (:func:`login_context`), the words shown back after it (:func:`shown_back`) and the
    refused-form page (``csrf_views``); a kind not known (a form that is no entry's) gets "attach it again"."""
    from reverie.clinic.services.media import ALLOWED
    from reverie.journal.kinds import KIND_WORDS

    code = str(kind or "")
    if code in ALLOWED or code not in KIND_WORDS:
        return FILE_LOST.replace("picture", FILE_WORDS.get(code, "file"))
    return FILE_NOT_TAKEN.format(kind=f"a {KIND_WORDS[code].lower()}")


def file_refused(kind: object) -> str:
    """What a write page says after refusing the file itself (not the kind of file the entry takes, too large): the
    refusal said what happened; this says once what to do (r134: not "attach it again" of that very file)."""
    what = FILE_WORDS.get(str(kind or ""), "file")
    return f"Attach another {what}, or save your words without one."


def attach_again(kind: object, action: str) -> tuple[str, str] | None:
    """Where a page gives back a write form (the words shown back, the refused-form page) and the entry's kind
    takes a file (an art or music entry going to the write page): the label and name of a box to attach it on that
    very page, the write form's own, as :func:`file_lost` asks when a file was lost (and after a refused form sent
    again, where the sign-in no longer knows one was); else None. Before (h161) those pages said "attach it again"
    and offered nowhere to, so the one press saved the entry without it."""
    from reverie.clinic.services.media import ALLOWED
    from reverie.clinic.web.forms import EntryForm

    if str(kind or "") not in ALLOWED or action != "/write/":
        return None
    return str(EntryForm.base_fields["attachment"].label), "attachment"


SIGNED_IN_AGAIN = (
    "You are signed in again. Nothing of this was saved yet: your text is below, press Save it now."
)
# the 503 page's Try again (:func:`kept_while_down`), its writer still signed in: they never signed out
ANSWERS_AGAIN = "Reverie answers again. Nothing of this was saved yet: your text is below, press Save it now."
SIGNED_IN_AGAIN_ANSWERS = (
    "You are signed in again. Your answers are below, not sent yet: press Send. "
    "If you said you need help, your therapist has already been told."
)
NOT_YOURS = "This text was written while someone else was signed in; it has not been saved."
KEPT_FOR_WRITER = "Words someone else was writing were kept for them. Only they can open them: they must sign in to get them back."
WRITER_MUST_SIGN_IN = (
    "Not saved: this was written while someone else was signed in. The person who wrote it must sign in to get "
    "it back."
)
SEALED_FOR_NO_WRITER = "Not saved: this was sealed without a known writer, so no account can open it, and nothing of it was saved."
SEALED_FOR_WRITER = "Not saved yet: this text is sealed in this page for the person who wrote it, who must sign in to get it back."
UNKNOWN = (
    "Reverie could not tell who was signed in when this text was written, so it has not been saved. "
    "It may be yours, or written by someone else on this device: copy it, or save it below only if it is yours."
)
# What the sign-in page carrying a draft says of it (h199: it said "Your text is safe in this page" whatever was true)
KEPT_SEALED = (
    "Your session ended while you were writing. Your text is kept sealed in this page for the account it was written"
    " in, and no other account can open it: sign in and it will be saved, or shown back to you to save by one press."
)
KEPT_FOR_KNOWN_WRITER = (
    "Your session ended while you were writing. Your text is safe in this page: sign in and it will be saved, or"
    " shown back to you to save by one press."
)
KEPT_UNKNOWN_WRITER = (
    "You were signed out when this was sent. The text is in this page, not saved yet. Reverie cannot tell who wrote"
    " it, so after signing in it is shown back, not saved: save it by one press only if it is yours."
)
SEALED_FOR_NO_ONE = (
    "You were signed out when this was sent, and Reverie cannot tell who wrote it, so it could not be kept for"
    " anyone: nothing of it was saved, and signing in will not bring it back."
)
NOTHING_TYPED = "You were signed out when this was sent. Nothing typed came with it, and nothing was saved."
# the heading of the words shown back after a sign-in: whose text Reverie knows it to be (review r135 fault 5)
HEADING_YOURS = "Not saved yet — your text is here"
HEADING_UNKNOWN = "Not saved yet — text typed on this device before signing in"
HEADING_NOT_YOURS = "Not saved — text written while someone else was signed in"
HEADING_KEPT = "Words kept for someone else"


def max_age() -> int:
    """How long a writer mark or a draft's owner holds: the session's own absolute limit (12 hours)."""
    from django.conf import settings

    return int(settings.SESSION_COOKIE_AGE)


def sign_writer(user_id: int) -> str:
    """The writer's mark on a form: the account id, signed for drafts only, with the time it was made. It holds
    for the session's lifetime; it proves only "this form was shown while this account was signed in", so a
    draft bound by it alone is never saved without a press (:func:`views._carry_on`)."""
    return signing.TimestampSigner(salt=WRITER_SALT).sign(str(user_id))


def writer_of(token: str, *, ignore_age: bool = False) -> int | None:
    """The account id of a form's writer mark; None when absent, forged or (unless ``ignore_age``) too old."""
    if not token:
        return None
    signer = signing.TimestampSigner(salt=WRITER_SALT)
    try:
        value = signer.unsign(token) if ignore_age else signer.unsign(token, max_age=max_age())
    except signing.BadSignature:  # SignatureExpired too
        return None
    return int(value) if value.isdigit() else None


def _digest(fields: list[tuple[str, str]]) -> str:
    """The carried fields' digest; line breaks counted alike (a browser sends a hidden value's as CR LF)."""
    plain = [(k, v.replace("\r\n", "\n").replace("\r", "\n")) for k, v in fields]
    return hashlib.sha256(json.dumps(plain, ensure_ascii=False).encode()).hexdigest()[:32]


def sign_owner(user_id: int, how: str, fields: list[tuple[str, str]]) -> str:
    """The sign-in page's ``draft__owner``: who wrote, whether the server knew it (``SERVER``: the idle timeout
    signed that account out on this very post) or only the form's mark (``FORM``), and for which words (a digest
    of the carried fields: the token vouches for nothing else). Expires with the session's lifetime."""
    return signing.TimestampSigner(salt=OWNER_SALT).sign(f"{user_id}:{how}:{_digest(fields)}")


def owner_of(token: str, fields: list[tuple[str, str]]) -> tuple[int | None, bool]:
    """(the account a draft was written under, whether the server itself knew it); (None, False) when absent,
    forged, too old or made for other words."""
    if not token:
        return None, False
    try:
        value = signing.TimestampSigner(salt=OWNER_SALT).unsign(token, max_age=max_age())
    except signing.BadSignature:
        return None, False
    user, how, digest = [*value.split(":"), "", "", ""][:3]
    if not user.isdigit() or how not in (SERVER, FORM) or digest != _digest(fields):
        return None, False
    return int(user), how == SERVER


def _aad(owner: int | None, path: str) -> bytes:
    return f"{SEAL_VERSION}\n{owner if owner is not None else '-'}\n{path}".encode()


def seal(fields: list[tuple[str, str]], owner: int | None, path: str) -> str:
    """A therapist-only form's words, encrypted for the page (:mod:`page_seal`: AES-256-GCM, a key derived by HKDF
    from SECRET_KEY and a salt of this draft's own): nothing of them is readable in the page's source, and only the
    account it is bound to (the additional data) gets them back after the sign-in. Always under the current key."""
    raw = page_seal.seal(json.dumps(fields).encode(), info=SEAL_INFO, aad=_aad(owner, path))
    return SEAL_VERSION + "." + base64.urlsafe_b64encode(raw).decode()


def unseal(token: str, owner: int, path: str) -> list[tuple[str, str]] | None:
    """The sealed words for their owner; None when the token is not one, or not for this account and path, or
    sealed under a key that is neither ``SECRET_KEY`` nor one of its fallbacks (a rotation that dropped it)."""
    version, _, rest = token.partition(".")
    try:
        raw = base64.urlsafe_b64decode(rest.encode())
    except ValueError:
        return None
    if version != SEAL_VERSION:
        return None
    plain = page_seal.open_sealed(raw, info=SEAL_INFO, aad=_aad(owner, path))
    if plain is None:
        return None
    try:
        loaded = json.loads(plain)
    except ValueError:
        return None
    return [(str(k), str(v)) for k, v in loaded if isinstance(k, str) and SAFE_NAME.match(k)]


def is_clients_own(path: str) -> bool:
    """A client's own journal or safety plan; every other text form is a therapist's (notes, formulation, letter,
    a client's plan edited by the therapist) or written for the other side of the course (the note on moving or
    cancelling a session, a goal proposed by either), and its words travel sealed, for their writer only."""
    return path.startswith(CLIENTS_OWN)


def takes_text(path: str) -> bool:
    """Whether a same-site path is served by a view wrapped in :func:`keeps_text` (a form that takes text)."""
    from django.urls import Resolver404, resolve

    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return False
    try:
        match = resolve(path.split("?", 1)[0])
    except Resolver404:
        return False
    return bool(getattr(match.func, KEEPS_TEXT_ATTR, False))


def _safe_path(raw: str) -> str:
    return raw if takes_text(raw) else ""


def _fields(request: HttpRequest) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for name, values in list(request.POST.lists())[:MAX_FIELDS]:
        if (
            name in ("csrfmiddlewaretoken", WRITER, ONCE_FIELD)
            or not SAFE_NAME.match(name)
            or SECRET.search(name)
        ):
            continue
        fields.extend((name, str(v)) for v in values)
    return fields


def _kind_codes() -> frozenset[str]:
    from reverie.journal.kinds import KIND_WORDS

    return frozenset(KIND_WORDS)


def carried(request: HttpRequest, urgent: bool = False) -> list[tuple[str, str]]:
    """A signed-out POST as the hidden fields of the sign-in page: the form's fields, never a secret; a
    therapist-only form's fields sealed (:func:`seal`), a client's own journal text as it is; ``urgent``: the
    form asks for help now (its view's ``urgent`` said so), and the sign-in page shows the crisis lines."""
    path = request.path
    fields = _fields(request)
    timed_out = getattr(
        request, SIGNED_OUT_ATTR, None
    )  # the idle timeout signed them out on this very request
    # the form's own mark, whatever its age: it only names whose draft this is (a mark alone never saves without
    # its owner's press), so a note left open overnight is still sealed for its writer, not for no one (r15)
    mark = writer_of(str(request.POST.get(WRITER, "")), ignore_age=True)
    owner: int | None = None
    how = FORM
    if isinstance(timed_out, int) and mark in (None, timed_out):
        owner, how = timed_out, SERVER
    elif mark is not None:  # the session was already gone, or it was someone else's: the form's mark, no more
        owner = mark
    if owner is not None or not is_clients_own(path):
        # words whose writer is known are sealed for that account alone, a client's journal too (review r135 fault
        # 5: on a shared phone the next account to sign in was shown them); a therapist's always
        fields = [(SEALED, seal(fields, owner, path))]
    pairs: list[tuple[str, str]] = [(PATH, path)]
    if owner is not None:
        pairs.append((OWNER, sign_owner(owner, how, fields)))
    if request.content_type == "multipart/form-data" and request.FILES:
        # its value the entry's kind (a code, never words), so the sign-in page can say "picture" or "recording" of
        # words sealed for their writer
        pairs.append((FILE, kind if (kind := str(request.POST.get("kind", ""))) in _kind_codes() else "1"))
    if urgent:
        pairs.append((URGENT, "1"))
    pairs.extend((k if k == SEALED else PREFIX + k, v) for k, v in fields)
    return pairs


# What the 503 page says of a text form's words posted while the database was out of reach (review r136 finding 2)
KEPT_WHILE_DOWN = (
    "Your text is kept sealed in this page for the account it was written in, and no other account can open it."
    " Nothing of it is stored on the server. When Reverie answers again, press Try again: it is given back to you to"
    " save by one press (signing in first if your session has ended)."
)
NOT_KEPT_WHILE_DOWN = (
    "What you typed could not be kept: without its database Reverie cannot tell whose words they are, and this form"
    " carried no mark of its writer, so they are not in this page. If going back brings them back in your browser,"
    " copy them before you save again."
)
# the 503 page's "Try again": the sealed draft posted to the sign-in, no password with it
CARRY_ON = "carry_on"


def kept_while_down(request: HttpRequest) -> list[tuple[str, str]] | None:
    """A POST to a form that takes text, from this site, that met the database out of reach before any view ran
    (the session is read from it, so who is signed in cannot be read: ``middleware.server_error``): its words sealed
    for the form's own ``writer`` mark (signed with SECRET_KEY alone, so checked without the database), exactly as
    the signed-out path seals them (:func:`carried`), as the sign-in's ``draft_*`` fields. Opened only after the
    database answers again, by the account the mark names (``views.login_view``'s carry-on, ``views._carry_on``).

    None when they cannot be kept: not a text form, not sent from this site (the CSRF check, done here as Django
    does it, since no view ran), or no writer mark (a client's own journal would travel readable, for anyone at the
    keyboard: review r135 fault 5). Reads nothing from the database (the view's ``urgent`` reads the POST only)."""
    if sign_in_post(request):
        return _sealed_again(request)
    match = _view_of(request.path)
    if request.method != "POST" or match is None or not _from_this_site(request, match.func):
        return None
    if writer_of(str(request.POST.get(WRITER, "")), ignore_age=True) is None:
        return None
    urgent_of = getattr(match.func, URGENT_ATTR, None)
    try:
        asks_help = urgent_of is not None and bool(urgent_of(request.POST, **match.kwargs))
    except Exception:  # answers that cannot be read: no crisis lines said for them, the words kept
        asks_help = False
    draft = carried(request, asks_help)
    return draft if any(k == SEALED for k, _ in draft) else None


def sign_in_post(request: HttpRequest) -> bool:
    """A post to either sign-in step (which may carry words sealed for their writer)."""
    return request.method == "POST" and request.path in (reverse("login"), reverse("login_code"))


def _sealed_again(request: HttpRequest) -> list[tuple[str, str]] | None:
    """A sign-in post carrying words sealed for their writer ("Try again" pressed while the database is still out
    of reach, or the sign-in page of a session that ended) that met the database down: the same sealed draft, to
    carry again, so pressing too soon never loses it. Only a draft that is sealed whole (nothing readable beside it)
    and whose owner's signature holds for it, from this site; None for anything else."""
    from reverie.clinic.web import views

    draft = from_login(request.POST)
    # the CSRF check is the same for both steps
    if not draft or not _from_this_site(request, views.login_view):
        return None
    if any(name not in META for name, _ in draft) or sum(name == SEALED for name, _ in draft) != 1:
        return None
    owner, _ = owner_of(dict(draft).get(OWNER, ""), [(k, v) for k, v in draft if k == SEALED])
    return draft if owner is not None else None


def _from_this_site(request: HttpRequest, view: Any) -> bool:
    """Django's own CSRF check of a POST (origin, referer, token), asked without its failure page (which may read
    the database): for a request that failed before ``CsrfViewMiddleware.process_view`` ran."""
    from django.middleware.csrf import CsrfViewMiddleware

    class _Check(CsrfViewMiddleware):
        def _reject(self, request: HttpRequest, reason: str) -> HttpResponse:
            return HttpResponse(status=403)

    return _Check(lambda _: HttpResponse()).process_view(request, view, (), {}) is None


def login_page(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """A sign-in page (the password, its retry, the code step, the 401 carrying a draft): never stored by the
    browser, whether or not it carries words (a shared computer's cache or back button must not keep them)."""
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    return response


Resume = Callable[..., HttpResponse]
Urgent = Callable[..., bool]
# A kept form's fields' labels, the words its page shows beside each box: a mapping, or made from the path's own
# arguments (``labels(**url_kwargs)``: a questionnaire's questions); the one source its template and "Save it now"
# read, so a carried field is never shown by its raw name (h99)
Labels = Mapping[str, str] | Callable[..., Mapping[str, str]]


View = Callable[..., HttpResponse]


@overload
def keeps_text(
    view: View, *, urgent: Urgent | None = None, resume: Resume | None = None, labels: Labels | None = None
) -> View: ...


@overload
def keeps_text(
    view: None = None,
    *,
    urgent: Urgent | None = None,
    resume: Resume | None = None,
    labels: Labels | None = None,
) -> Callable[[View], View]: ...


def keeps_text(
    view: View | None = None,
    *,
    urgent: Urgent | None = None,
    resume: Resume | None = None,
    labels: Labels | None = None,
) -> View | Callable[[View], View]:
    """Above ``login_required``: a signed-out POST gets the sign-in page that carries the typed words; a signed-in
    POST whose form was marked for another account is refused (409), the words shown back only if they are a
    client's journal text. Marks the view as one "Save it now" may post to (:func:`takes_text`).

    ``@keeps_text`` alone, or with a form of answers' own needs: ``urgent(post, **url_kwargs)`` tells, from the POST, that
    it asks for help now (the sign-in page then shows the crisis lines, to anyone, no account needed);
    ``resume(request, user, fields, **url_kwargs)`` is what the view does with its words once their owner has
    signed in again (``views._carry_on``), before any press: a risk answer screened, a check-in answered.
    ``labels``: its fields' labels as its form shows them (:data:`Labels`), what "Save it now" names each carried
    field by; a Django form's view gives ``form_labels(TheForm)``. Every kept form's every field must have one
    (``tests/clinic/test_posts_kept_through_sign_in.py``)."""
    if view is None:

        def decorator(inner: View) -> View:
            return keeps_text(inner, urgent=urgent, resume=resume, labels=labels)

        return decorator

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not request.user.is_authenticated:
            return kept_form(request, status=401)
        if request.method == "POST":
            mark = writer_of(str(request.POST.get(WRITER, "")), ignore_age=True)
            if mark is not None and mark != request.user.pk:
                return kept_form(request, status=409)
        return view(request, *args, **kwargs)

    setattr(wrapper, KEEPS_TEXT_ATTR, True)
    setattr(wrapper, RESUME_ATTR, resume)
    setattr(wrapper, URGENT_ATTR, urgent)
    setattr(wrapper, LABELS_ATTR, labels)
    return wrapper


def form_labels(form: Any, extra: Mapping[str, str] | None = None) -> Callable[..., Mapping[str, str]]:
    """A Django form class's fields' labels, as its page shows them (a field with none: Django's own, its name
    made words), read when asked: for :func:`keeps_text`'s ``labels``. ``extra``: the labels of the page's boxes
    the form class does not hold (the write page's feelings, :data:`FEELINGS`)."""

    def labels(**_: Any) -> Mapping[str, str]:
        return {
            **{
                name: str(field.label or name.replace("_", " ").capitalize())
                for name, field in form.base_fields.items()
            },
            **(extra or {}),
        }

    return labels


def labels_of(path: str) -> Mapping[str, str]:
    """The labels of the kept form at ``path`` (its view's ``labels``, with the path's own arguments); empty for a
    path no kept form serves, or whose view declares none."""
    match = _view_of(path)
    if match is None:
        return {}
    declared = getattr(match.func, LABELS_ATTR, None)
    if declared is None:
        return {}
    labels: Mapping[str, str] = declared(**match.kwargs) if callable(declared) else declared
    return labels


def kept_form(request: HttpRequest, *, status: int) -> HttpResponse:
    """The one answer to a POST to a form that takes text (:func:`keeps_text`) that is kept instead of done:
    signed out (401), refused by the CSRF check (403, ``csrf_views``), or marked for another account than the one
    signed in (409). Every such path comes here, so none can forget the form's own needs (review r75):

    - the crisis lines whenever the POST asks for help now (the view's ``urgent``: PHQ-9 item 9 above 0, "I need
      help now"), on the sign-in page it gets, to anyone, no account needed;
    - its writer signed in (a CSRF refusal: another tab's sign-in renewed the token): the view's ``resume`` at once,
      as after a sign-in (a risk answer screened, the therapist alerted; a check-in answered), nothing else saved;
    - otherwise the sign-in page carrying the words for their writer (a client's own journal text marked for
      another account: shown back, not saved)."""
    from reverie.clinic.web.forms import LoginForm

    match = _view_of(request.path)
    kwargs: dict[str, Any] = dict(match.kwargs) if match is not None else {}
    urgent_of = getattr(match.func, URGENT_ATTR, None) if match is not None else None
    asks_help = urgent_of is not None and bool(urgent_of(request.POST, **kwargs))
    user = request.user
    if not user.is_authenticated:
        # the form was loaded before its writer's account was erased (review r124): its words go nowhere
        if _writer_erased(request):
            help_only = [(URGENT, "1")] if asks_help else []  # no words: the crisis lines only
            context = {
                "form": LoginForm(),
                **login_context(help_only),
                "expired": False,
                "error": ACCOUNT_ERASED_MESSAGE,
            }
            return login_page(request, "reverie/login.html", context, status=410)
        context = {"form": LoginForm(), **login_context(carried(request, asks_help))}
        return login_page(request, "reverie/login.html", context, status=status)
    mark = writer_of(str(request.POST.get(WRITER, "")), ignore_age=True)
    resume = getattr(match.func, RESUME_ATTR, None) if match is not None else None
    if mark == user.pk and resume is not None:
        answer: HttpResponse = resume(request, user, as_form(_fields(request)), **kwargs)
        answer.status_code = status  # not done as sent: the answers are back, to send by one press
        answer["Cache-Control"] = "no-store"
        return answer
    # marked for another account (a client's journal text too, review r135): sealed for its writer, shown to no one
    return sign_in_for_writer(request, carried(request, asks_help), status=status)


def _writer_erased(request: HttpRequest) -> bool:
    """Whether a signed-out POST's form was marked for an account that is gone (erased since the form was
    loaded: ``people.account_id_erased``, the one rule): its words are then carried nowhere, not even back to
    the sign-in page, which no one can pass for that account. False when the database cannot say."""
    from django.db import DatabaseError

    from reverie.clinic.services import people

    mark = writer_of(str(request.POST.get(WRITER, "")), ignore_age=True)
    if mark is None:
        return False
    try:
        return people.account_id_erased(mark)
    except DatabaseError:
        return False


def _view_of(path: str) -> Any:
    """The resolver match of a same-site path served by a :func:`keeps_text` view; None for any other."""
    from django.urls import Resolver404, resolve

    if not takes_text(path):
        return None
    try:
        return resolve(path.split("?", 1)[0])
    except Resolver404:
        return None


def resumed(request: HttpRequest, user: Any, draft: Carried) -> HttpResponse | None:
    """A draft back with the account that wrote it: the ``resume`` of the wrapped view it was going to, called
    with its fields and the path's own arguments (a risk answer screened, a check-in answered), before any press;
    None when that view has none (its words are shown back to save by one press). The caller has checked that
    ``user`` is the draft's owner and its words are open."""
    from django.urls import Resolver404, resolve

    if not draft.path or not takes_text(draft.path):
        return None
    try:
        match = resolve(draft.path.split("?", 1)[0])
    except Resolver404:
        return None
    resume = getattr(match.func, RESUME_ATTR, None)
    if resume is None:
        return None
    data: MultiValueDict[str, str] = as_form(draft.fields)
    issue_carried_once(request)  # its page's forms may be sent past a forced password change, once
    response: HttpResponse = resume(request, user, data, **match.kwargs)
    return response


def sign_in_for_writer(request: HttpRequest, draft: list[tuple[str, str]], *, status: int) -> HttpResponse:
    """The sign-in page carrying a draft for its writer (a therapist's words sealed, shown to no one here), with
    the plain reason; signing in as the writer gets the words back to save by one press."""
    from reverie.clinic.web.forms import LoginForm

    context = {"form": LoginForm(), **login_context(draft), "expired": False, "error": SEALED_FOR_WRITER}
    return login_page(request, "reverie/login.html", context, status=status)


def writer_context(request: HttpRequest) -> dict[str, Any]:
    """For the context processor: the signed-in person's mark for text forms, made only where a form uses it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    kept = {"carried_once": getattr(request, ONCE_ATTR, "")}
    if getattr(user, "must_change_password", False):
        # the forced password change's pages carry no fresh mark (the check-in banner's form): only words carried
        # through this sign-in may pass it, by their one-time pass (:func:`carried_once_used`)
        return kept
    user_id = int(user.pk)
    return {"draft_writer": lambda: sign_writer(user_id), **kept}


def issue_carried_once(request: HttpRequest) -> str:
    """For a person who must change the password the operator reset: a one-time pass for the forms of the page
    that hands back the words carried through this sign-in (their "Save it now", a questionnaire's Send), kept
    in the session only, so that one press of it is saved before the forced change (r73, review r75). A new pass
    replaces the one before. Empty (none needed) for anyone else."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not getattr(user, "must_change_password", False):
        return ""
    token = getattr(request, ONCE_ATTR, "") or secrets.token_urlsafe(24)
    request.session[ONCE_SESSION] = token
    setattr(request, ONCE_ATTR, token)
    return str(token)


def carried_once_used(request: HttpRequest) -> bool:
    """Whether this POST carries the session's one-time pass (:func:`issue_carried_once`); consumed if so."""
    sent = str(request.POST.get(ONCE_FIELD, ""))
    kept = request.session.get(ONCE_SESSION)
    if not sent or not isinstance(kept, str) or not hmac.compare_digest(sent.encode(), kept.encode()):
        return False
    del request.session[ONCE_SESSION]
    return True


def as_form(pairs: list[tuple[str, str]]) -> MultiValueDict[str, str]:
    """The draft for a template (``draft.lists``: every value of every field) and for ``dict(...)``."""
    form: MultiValueDict[str, str] = MultiValueDict()
    for key, value in pairs:
        form.appendlist(key, value)
    return form


def login_context(draft: list[tuple[str, str]]) -> dict[str, Any]:
    """What the sign-in page (and its retries) needs to carry a draft and to say what will happen to it."""
    path = next((v for k, v in draft if k == PATH), "/write/")
    urgent = any(k == URGENT for k, _ in draft)
    return {
        "draft": as_form(draft),
        "expired": bool(draft),
        "urgent": urgent,  # the kept form asks for help now: the crisis lines on every sign-in page it reaches
        "crisis_lines": _crisis_lines() if urgent else None,
        # the one kind-aware sentence (a dream takes no file: "attach it again" would be refused again, h156)
        "file_lost": file_lost(dict(draft).get(PREFIX + "kind") or _filed_kind(dict(draft).get(FILE)))
        if any(k == FILE for k, _ in draft)
        else "",
        "draft_label": "entry" if path.startswith(("/write/", "/journal/")) else "text",
        "sealed": any(k == SEALED for k, _ in draft),  # kept for the account that wrote it, no other
        "kept_says": kept_says(draft),
        # words that signing in can carry on with: only then does the button say it saves them
        "carries_words": kept_says(draft) not in ("", NOTHING_TYPED, SEALED_FOR_NO_ONE),
    }


def kept_says(draft: list[tuple[str, str]]) -> str:
    """What the sign-in page says of the draft it carries, only what is true (h199): sealed for the account that
    wrote it; sealed for no one (no writer known: no account can open it); in the page, readable, whose no one
    knows (shown back after signing in, never saved by itself); or nothing typed came with it. "" without a draft."""
    if not draft:
        return ""
    known = any(k == OWNER for k, _ in draft)
    if any(k == SEALED for k, _ in draft):
        return KEPT_SEALED if known else SEALED_FOR_NO_ONE
    typed = any(
        value.strip()
        for name, value in draft
        if name not in META and not HIDDEN.match(name.removeprefix(PREFIX))
    )
    if not typed:
        return NOTHING_TYPED
    return KEPT_FOR_KNOWN_WRITER if known else KEPT_UNKNOWN_WRITER


def _filed_kind(value: str | None) -> str:
    """The entry's kind a draft's ``draft__file`` names (its words sealed), else ""."""
    return value if value and value in _kind_codes() else ""


def _crisis_lines() -> Any:
    """The crisis lines for nobody signed in (``lines_for_person(None)``: a fixed order, said on the page)."""
    from reverie.care.services.safety import lines_for_person

    return lines_for_person(None)


def from_login(post: Any) -> list[tuple[str, str]]:
    """The draft a sign-in form carried (``draft_*`` fields), in order; empty when it carried no words."""
    pairs: list[tuple[str, str]] = []
    for name, values in list(post.lists())[: MAX_FIELDS + 4]:
        if name.startswith(PREFIX):
            pairs.extend((name, str(v)) for v in values)
    fields = [v for k, v in pairs if k not in NOT_WORDS]
    return pairs if any(v.strip() for v in fields) else []


@dataclass(frozen=True, slots=True)
class Carried:
    """A draft after the sign-in: where it was going (``""``: to no form that takes text), who wrote it, whether
    the server itself knew that (only then is it saved without a press), the form's fields (empty when sealed for
    someone else), and whether it was a therapist-only form's (sealed)."""

    path: str
    owner: int | None
    by_server: bool
    file_lost: bool
    fields: list[tuple[str, str]]  # the form's own names, without the prefix
    sealed: bool = False
    kept: tuple[
        tuple[str, str], ...
    ] = ()  # sealed for someone else: the draft as the sign-in page carried it


def unpack(draft: list[tuple[str, str]], reader: int) -> Carried:
    """The sign-in form's ``draft_*`` fields, read back for the account ``reader`` that just signed in: the owner
    only when its signature holds for these words, sealed words only when ``reader`` is that owner."""
    meta = dict((k, v) for k, v in draft if k in META)
    carried_fields = [(k, v) for k, v in draft if k not in NOT_WORDS]
    as_sent = [(k if k == SEALED else k.removeprefix(PREFIX), v) for k, v in carried_fields]
    owner, by_server = owner_of(meta.get(OWNER, ""), as_sent)
    path = _safe_path(meta.get(PATH, ""))
    if SEALED in meta:
        opened = (
            unseal(meta[SEALED], owner, meta.get(PATH, "")) if owner == reader and owner is not None else None
        )
        kept = tuple(draft) if opened is None else ()
        return Carried(
            path, owner, by_server, bool(meta.get(FILE)), opened or [], sealed=opened is None, kept=kept
        )
    fields = [(k, v) for k, v in as_sent if SAFE_NAME.match(k)]
    return Carried(path, owner, by_server, bool(meta.get(FILE)), fields)


# What "Save it now" names a carried field its form's labels do not (a form with no view any more): never its raw name
UNLABELLED = "Your words"
# Carried on the "Save it now" form as they were, not shown: choices, tokens and a form's "yes, do it" (``restore`` of a
# trashed entry, ``confirm``
# of moving or cancelling a session, ``confirmed`` of a course set up far back or at night and ``night`` of a move at
# night: the answer to "Is this right?", ``template`` of a goal, ``course``: the course a questionnaire's answers are
# for), so that one press does what the first press meant.
HIDDEN = re.compile(
    r"^(entry_id|kind|action|base_revision|base_version|writer|confirm|confirmed|night|restore|template|shown|observation|answer|check_in|course"
    r"|(feel|int)_[a-z_]{1,40})$"
)


# The label a kept form declares for its ticked feelings (``feel_<name>``, each with its strength ``int_<name>``)
FEELINGS = "feelings"
FEELING = re.compile(r"^feel_([a-z_]{1,40})$")


def chosen_words(fields: list[tuple[str, str]], labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The choices a kept entry carries as they were (the kind, the feelings with their strengths), in the form's
    own labels and plain words, so the person sees what "Save it now" (and the refused form's "Save again",
    ``csrf_views``, h132) will save (h110: they travelled hidden and unseen). The feelings are read as the save reads them (``forms.feelings_from_post``: the ticked boxes, each
    with its strength, review r102, r126); the typed "other feelings" show as their own field."""
    from django.http import QueryDict

    from reverie.clinic.web.forms import feelings_from_post
    from reverie.journal.kinds import KIND_WORDS

    values = dict(fields)
    chosen: list[dict[str, str]] = []
    kind = values.get("kind", "")
    if kind and "kind" in labels:
        chosen.append({"label": labels["kind"], "value": KIND_WORDS.get(kind, kind.replace("_", " "))})
    post = QueryDict(mutable=True)
    for name, value in fields:
        if (FEELING.match(name) and value.strip()) or (name.startswith("int_") and value.strip()):
            post.appendlist(name, value.strip())
    try:
        saved = feelings_from_post(post, "")
    except InvalidInput:  # a strength that is no number: the save refuses it and says so; nothing to list
        saved = ()
    feelings = []
    for feeling in saved:
        word = feeling.name.replace("_", " ")
        picked = values.get(f"int_{feeling.name}", "").strip()
        feelings.append(
            f"{word} {feeling.intensity} of 5" if picked else f"{word} (no strength chosen: 3 of 5)"
        )
    if feelings and FEELINGS in labels:
        chosen.append({"label": labels[FEELINGS], "value": ", ".join(feelings)})
    return chosen


# says what will be saved, on pages headed "Not saved yet" (review r135 fault 7: it said "Saved as chosen")
SAVED_AS_CHOSEN = "These are saved with your words when you press the button; to change them, edit the entry once it is saved."
KIND_STAYS = "An entry keeps the kind it was first saved as."


def an_edit(path: str) -> bool:
    """Whether a kept form was going to an entry's edit page (``/journal/<id>/edit/``)."""
    from django.urls import Resolver404, resolve

    try:
        return resolve(path.split("?", 1)[0]).url_name == "edit"
    except Resolver404:
        return False


def chosen_note(fields: list[tuple[str, str]], path: str) -> str:
    """The line under the choices a kept form carries (:func:`chosen_words`): for a new entry, that they are saved as
    chosen and can be changed by editing it once saved; for an edit (the entry saved already, its kind never to
    change) that the kind stays, where it carries one, else nothing (review r132: "edit the entry once it is saved"
    under the kind of an entry being edited)."""
    if not an_edit(path):
        return SAVED_AS_CHOSEN
    return KIND_STAYS if any(name == "kind" and value for name, value in fields) else ""


def given_back_long(name: str, value: str) -> bool:
    """Whether a field given back (the words shown back after signing in, the refused-form page) goes in a box of
    many lines: one that takes paragraphs (:data:`LONG`), or holds a line break, or is longer than a short line.
    Before (h161) the words shown back put a short entry's text in a one-line box, cut off at a phone's edge."""
    return name in LONG or "\n" in value or len(value) > 80


# A value as a browser's date picker sends it (``<input type="datetime-local">`` or ``type="date"``)
PICKED_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?")
PICKED_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def given_back_type(name: str, value: str) -> str:
    """The box a one-line field given back goes in: a date picker for a value a date picker sent (an entry's "When
    it happened", ``2026-12-07T09:51``), shown as the write and edit pages show it, else a plain text box; a box of
    many lines (:func:`given_back_long`) is never a picker. Before (r132) "Save it now" put the date in a plain box
    as the code the browser sends, read on a phone as a raw code."""
    if given_back_long(name, value):
        return "text"
    if PICKED_DATE_TIME.fullmatch(value):
        return "datetime-local"
    return "date" if PICKED_DATE.fullmatch(value) else "text"


def kept_for_writer(request: HttpRequest, draft: Carried) -> HttpResponse:
    """Words sealed for another account, after someone else signed in (a shared phone, review r135 fault 5): none of
    them shown, only that they were kept; the page still carries them sealed, and "Sign out so they can sign in"
    takes them to the sign-in page (``views.logout_view``), where their writer gets them back."""
    context = {
        "heading": HEADING_KEPT,
        "message": KEPT_FOR_WRITER,
        "kept": list(draft.kept),
        "shown": [],
        "can_save": False,
    }
    response = render(request, "reverie/draft_back.html", context, status=409)
    response["Cache-Control"] = "no-store"
    return response


def shown_back(
    request: HttpRequest,
    draft: Carried,
    *,
    message: str,
    can_save: bool = False,
    heading: str = HEADING_YOURS,
) -> HttpResponse:
    """The words after the sign-in, on a page: to copy, and (``can_save``) on a form posting to where they were
    going, with a fresh token, so saving them is one deliberate press. "Save it now" posts only to a form that
    takes text (:func:`takes_text`): else a journal draft goes to the write page, anything else has no button."""
    action = draft.path or ("/write/" if any(k == "body" for k, _ in draft.fields) else "")
    can_save = can_save and bool(action) and bool(draft.fields)
    hidden = [(k, v) for k, v in draft.fields if HIDDEN.match(k)]
    if can_save and draft.owner is not None:
        hidden.append((WRITER, sign_writer(draft.owner)))
    if can_save and (kept := issue_carried_once(request)):
        hidden.append((ONCE_FIELD, kept))
    labels = labels_of(action) if action else {}
    shown = [
        {
            "name": k,
            "value": v,
            "label": labels.get(k, UNLABELLED),
            "long": given_back_long(k, v),
            "type": given_back_type(k, v),
        }
        for k, v in draft.fields
        if not HIDDEN.match(k) and v.strip()
    ]
    if draft.sealed and draft.kept and draft.owner is not None:  # sealed for no one: no writer to keep it for
        return kept_for_writer(request, draft)
    context = {
        "heading": heading,
        "message": message,
        "file_lost": file_lost(dict(draft.fields).get("kind")) if draft.file_lost else "",
        "attach": attach_again(dict(draft.fields).get("kind"), action) if can_save else None,
        "hidden": hidden if can_save else [],
        "shown": shown,
        "chosen": chosen_words(draft.fields, labels),
        "chosen_note": chosen_note(draft.fields, action),
        "action": action,
        "can_save": can_save,
    }
    response = render(request, "reverie/draft_back.html", context, status=200 if can_save else 409)
    response["Cache-Control"] = "no-store"
    return response
