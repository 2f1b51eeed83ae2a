"""Views for accounts, the journal, sharing, export and the pair. Thin: parse, call a service, render."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reverie.clinic.models import EntryKind, User
from reverie.clinic.services import audit, journal, keys, people, portability, signin
from reverie.clinic.web import drafts, middleware, uploads, versions
from reverie.clinic.web.downloads import download
from reverie.clinic.web.forms import (
    ENTRY_FIELDS,
    EntryForm,
    JoinForm,
    LoginForm,
    SignupForm,
    attachment_from_form,
    draft_from_form,
    feeling_rows,
    other_feelings_text,
    refusal_on_field,
)
from reverie.clinic.web.ids import query_id
from reverie.clinic.web.no_database import needs_no_database, without_database
from reverie.clinic.web.paging import page_number, window
from reverie.errors import (
    AccountErased,
    AlreadySaved,
    AuthenticationFailed,
    Conflict,
    DeletedForGood,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ReverieError,
    StaleEdit,
    TooLarge,
    UnsupportedMedia,
)
from reverie.journal.kinds import unknown_kind

log = logging.getLogger("reverie.web")
# Failures of a save that are not about what was typed: the words are given back (503), never lost.
SAVE_FAILURES = (ReverieError, DatabaseError)

# A caseload longer than these is summed up on the phone first (h65: 25 courses, 5 alerts and 20 shared entries made
# a 9,352-px page at 360 px): cards for what needs the therapist, one line per other session this week, the rest
# behind "Show all".
FEW_CASES, FEW_SHARED = 6, 3
PAGE = 20  # entries per journal page (r45: 40 made a 9,251-px page on a 360-px phone; 20 stay under 6,000)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not people.has_users():
        return redirect("setup")
    if not request.user.is_authenticated:
        return redirect("login")
    user = _user(request)
    if user.is_therapist:
        from reverie.care.services.alerts import open_alerts_on_page
        from reverie.care.services.caseload import caseload

        # the open alerts read once for the page: its caseload, the menu's count and the alert list (issue 16)
        cases = caseload(user, open_alerts=open_alerts_on_page(user, marked=False))
        shared = _with_client_names(journal.list_entries(user, limit=20))
        week = timezone.now() + timedelta(days=7)
        folded = len(cases) > FEW_CASES
        pairs = people.active_pairs(user)
        course_of = {}  # each linked client's open course, the oldest first (caseload's order within a client)
        for c in sorted(cases, key=lambda c: c.course.first_start, reverse=True):
            course_of[c.course.client_id] = c.course
        context = {
            "pairs": pairs,
            # each linked client's name opens their course, or "Set up a course" for them (review r133 fault 3)
            "linked": [(p, course_of.get(p.client_id)) for p in pairs],
            "cases": cases,
            "folded": folded,
            "attention": [
                c for c in cases if c.open_alerts or c.not_on_track or c.session_today or not folded
            ],
            "this_week": [c for c in cases if folded and _other_session_this_week(c, week)],
            "today": sorted((c for c in cases if c.session_today), key=lambda c: c.next_session or week),
            "shared": shared,
            "pairs_folded": len(pairs) > FEW_CASES,
            "shared_folded": len(shared) > FEW_SHARED,
        }
        return render(request, "reverie/therapist_home.html", context)
    return _write_page(request, _new_entry_form(request))


def _other_session_this_week(case: Any, week_end: datetime) -> bool:
    """A course with a session in the coming seven days that is not among the caseload's cards (h65: no alert,
    measures on track, no session today); the phone's summary lists it in one line."""
    calm = not (case.open_alerts or case.not_on_track or case.session_today)
    return calm and case.next_session is not None and case.next_session < week_end


def _with_client_names(entries: list[Any]) -> list[tuple[Any, str]]:
    """Shared entries on the caseload, each with the name of the client who wrote it."""
    names = dict(User.objects.filter(pk__in={e.client_id for e in entries}).values_list("pk", "username"))
    return [(e, names.get(e.client_id, "")) for e in entries]


def _new_entry_form(request: HttpRequest) -> EntryForm:
    return EntryForm(initial={"kind": request.GET.get("kind", "free_association"), "entry_id": uuid.uuid4()})


# The write page's fold-outs (write.html): the mindful choice's three parts, and "Title, people, tags, an image or a
# recording"; each opens by itself for the kinds that need it (static/reverie/entry_kind.js does the same when the
# kind is chosen on the page).
MINDFUL_PARTS = ("situation", "urge", "choice")
MORE_PARTS = ("title", "people", "tags", "attachment")
FOLD_OUT_KINDS = {"mindful": ("mindful_choice",), "more": ("art", "music")}


def _typed(form: EntryForm, name: str) -> bool:
    value = form[name].value()
    return isinstance(value, str) and bool(value.strip())


def kept_words(request: HttpRequest, form: EntryForm, *, file_refused: bool = False) -> str:
    """What a refused write page says it kept, the one rule for every refusal path (the form's own check, a
    service's refusal, a failed save, a conflict): the text, which is in the form again; never a file, which no
    browser puts back in a file input, so a form sent with one says it was not kept (``drafts.file_lost``: attach it
    again, or, for a kind that takes no file, what to do instead). ``file_refused``: the refusal was of the file
    itself (not the kind it must be, too large), which the refusal already said: the page says once what to do,
    never "attach it again" of the file just refused (r134)."""
    said = []
    if any(_typed(form, name) for name in ("body", *MINDFUL_PARTS)):  # a mindful choice's parts are its text
        said.append("Your text is still here.")
    if request.method == "POST" and request.FILES.get("attachment"):
        said.append(
            drafts.file_refused(form["kind"].value())
            if file_refused
            else drafts.file_lost(form["kind"].value())
        )
    return " ".join(said)


def fold_outs_open(form: EntryForm, *, editing: bool) -> dict[str, bool]:
    """Which of the write page's fold-outs start open (review r132): one that holds words of the entry (typed, given
    back after a refusal, or the entry's own on the edit page) or a refused field, or that the entry's kind needs
    (a mindful choice's parts; an art or music entry's file). Before, editing a mindful choice showed an empty "Write
    whatever comes to mind" box with all its words in a closed fold-out, and a refused entry gave back its title,
    people and tags folded away."""
    kind = str(form["kind"].value() or "")

    def holds(names: tuple[str, ...]) -> bool:  # a file is never given back, so only a refused one counts
        return any(form.has_error(n) or (n != "attachment" and _typed(form, n)) for n in names)

    return {
        "mindful": kind in FOLD_OUT_KINDS["mindful"] or holds(MINDFUL_PARTS),
        "more": editing or kind in FOLD_OUT_KINDS["more"] or holds(MORE_PARTS),
    }


def _write_page(request: HttpRequest, form: EntryForm, status: int = 200, **extra: Any) -> HttpResponse:
    stored = extra["editing"].feelings if extra.get("editing") is not None else ()
    rows = feeling_rows(form.data if form.is_bound else None, stored)
    context = {
        "form": form,
        "feeling_rows": rows,
        "kinds": EntryKind.choices,
        "kept": kept_words(request, form, file_refused=bool(extra.pop("file_refused", False))),
        "fold_open": fold_outs_open(form, editing=extra.get("editing") is not None),
        "fold_kinds": {name: " ".join(kinds) for name, kinds in FOLD_OUT_KINDS.items()},
    }
    context.update(extra)
    return render(request, "reverie/write.html", context, status=status)


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """First run: create the first account (and the key file in embedded mode)."""
    if people.has_users():
        return redirect("signup")
    return _signup(request, first_run=True)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    return _signup(request, first_run=False)


def _signup(request: HttpRequest, first_run: bool) -> HttpResponse:
    from reverie.clinic.services import enrolment

    form = (SignupForm if first_run else JoinForm)(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        zone = data.get("time_zone") or ""
        try:
            keys.ensure_key_file()
            if first_run:  # the first account of a fresh install: the operator's choice of role
                user = enrolment.first_account(
                    data["username"], data["password"], data["role"], time_zone=zone
                )
            else:  # clients only, unless the operator's invitation code says otherwise
                user = enrolment.sign_up(
                    data["username"],
                    data["password"],
                    invitation=data.get("invitation") or "",
                    address=_address(request),
                    time_zone=zone,
                )
        except InvalidInput as exc:  # a password the rules refuse: said next to the Password box
            error = refusal_on_field(form, exc)
        except ReverieError as exc:
            error = exc.message
        else:
            login(request, user)
            _say_linked(request, user)
            return redirect("home")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "first_run": first_run, "error": error, "therapist_sees": _therapist_sees()}
    return render(request, "reverie/signup.html", context, status=status)


def _therapist_sees() -> str:
    from reverie.care.services.alerts import (
        THERAPIST_SEES,
    )  # the one wording, as /pair/ shows it before linking

    return THERAPIST_SEES


def _say_linked(request: HttpRequest, user: User) -> None:
    """A new client account linked by their therapist's code: told so on the page they land on, as /pair/ says it."""
    linked = people.active_pairs(user) if user.is_client else []
    if linked:
        name = linked[0].therapist.username
        messages.success(request, f"You are now linked with {name}. {_therapist_sees()}")


def _address(request: HttpRequest) -> str:
    from reverie.clinic.web.proxy import client_address

    return client_address(request)  # the real client behind a trusted proxy (REVERIE_TRUSTED_PROXIES)


# where a two-step sign-in goes after its code, kept in the session from the password step (r95)
PENDING_NEXT = "pending_next"


def _safe_next(request: HttpRequest, target: str) -> str:
    """``next`` if it is a path on this site, else "" (the home page): never another site, ``//host`` or ``/\\host``
    included. The one check of both sign-in steps."""
    local = target.startswith("/") and not target.startswith("//")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if local and allowed else ""


def _finish_sign_in(
    request: HttpRequest, user: User, draft: list[tuple[str, str]], target: str
) -> HttpResponse:
    """Signs in and goes on: the words carried through the sign-in, else ``target`` (checked), else home."""
    login(request, user)  # a new session key: no fixation
    # another account's password step left half done on this browser (r96)
    for half_done in ("pending_user", PENDING_NEXT):
        request.session.pop(half_done, None)
    request.session["otp"] = bool(user.totp_secret) and request.session.get("otp_passed", False)
    if draft:
        return _carry_on(request, user, drafts.unpack(draft, user.pk))
    return redirect(_safe_next(request, target) or "home")


def _carry_on(
    request: HttpRequest, user: User, carried: drafts.Carried, *, back: str = drafts.SIGNED_IN_AGAIN
) -> HttpResponse:
    """Words that travelled through the sign-in: saved only into the account that wrote them and only whole (a new
    entry without its lost file is not saved); otherwise shown back to the person at the keyboard (``back``: what
    the page of their own words says, "signed in again", or "Reverie answers again" for the 503 page's Try again)."""
    if carried.sealed:  # a therapist-only form's words, not opened: they are for their writer only
        if carried.owner is None:  # sealed for no one (no writer known): no sign-in brings them back
            return drafts.shown_back(request, carried, message=drafts.SEALED_FOR_NO_WRITER)
        return drafts.shown_back(request, carried, message=drafts.WRITER_MUST_SIGN_IN)
    if carried.owner is not None and carried.owner != user.pk:
        return drafts.shown_back(request, carried, message=drafts.NOT_YOURS, heading=drafts.HEADING_NOT_YOURS)
    if carried.owner is None:  # whose it is, no one knows: never "your text" (review r135 fault 5)
        return drafts.shown_back(
            request, carried, message=drafts.UNKNOWN, can_save=True, heading=drafts.HEADING_UNKNOWN
        )
    # the words are this account's: the form's own next step first, before any press (a risk answer screened, a
    # check-in answered: docs/usage.md)
    resumed = drafts.resumed(request, user, carried)
    if resumed is not None:
        return resumed
    if not carried.by_server or carried.path != reverse("write") or not user.is_client:
        # Bound only by the form's mark (anyone who saw the form could carry it), or not a new entry: one press.
        return drafts.shown_back(request, carried, message=back, can_save=True)
    data = QueryDict(mutable=True)
    for key, value in carried.fields:
        data.appendlist(key, value)
    form = EntryForm(data)
    if carried.file_lost:  # the text, in the form, not saved: the entry is saved with its file or not at all
        form.is_valid()
        return _write_page(request, form, error=drafts.file_lost(form["kind"].value()))
    if not form.is_valid():
        return _write_page(request, form, status=400)
    entry_id = journal.submission_id(user, form.cleaned_data.get("entry_id"))  # the form's token, as /write/
    try:
        saved = journal.already_saved(user, entry_id)
        if saved is not None:
            return saved_redirect(saved)  # the sign-in page sent twice (a double click): one entry
        view = journal.create_entry(user, draft_from_form(form, data), entry_id=entry_id)
    except AlreadySaved as done:  # the same submission racing this one saved it first: one entry
        return saved_redirect(journal.saved_at(done))
    except DeletedForGood:  # saved, then deleted for good: the deletion stands, the words are given back
        return _deleted_for_good(request, data)
    except InvalidInput as exc:
        return _refused(request, form, exc)
    except SAVE_FAILURES as exc:
        return _save_failed(request, form, exc)
    return saved_redirect(reverse("entry", args=[view.id]))


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    draft = drafts.from_login(request.POST)
    error = None
    forgot = ""  # a wrong password or the wait after too many: the name to give a one-time password (r132)
    if (
        request.method == "POST"
        and draft
        and request.POST.get(drafts.CARRY_ON)
        and "username" not in request.POST
    ):
        # "Try again" on the 503 page of words kept sealed while the database was down (middleware._post_while_down):
        # the person still signed in carries on as after a sign-in (the words only to the account that wrote them);
        # else the sign-in page carrying them
        if request.user.is_authenticated:
            carried = drafts.unpack(draft, request.user.pk)
            return _carry_on(request, _user(request), carried, back=drafts.ANSWERS_AGAIN)
        context = {"form": LoginForm(), **drafts.login_context(draft)}
        return drafts.login_page(request, "reverie/login.html", context, status=401)
    if request.method == "POST" and form.is_valid():
        try:
            user = signin.check_password(
                form.cleaned_data["username"], form.cleaned_data["password"], _address(request)
            )
        except ReverieError as exc:
            error = exc.message
            if isinstance(exc, AuthenticationFailed):
                forgot = form.cleaned_data["username"].strip().lower()
        else:
            target = _safe_next(request, request.GET.get("next", ""))
            if user.totp_secret:  # the code step posts to its own address: where to go next waits here
                request.session["pending_user"] = user.pk
                request.session[PENDING_NEXT] = target
                return drafts.login_page(request, "reverie/login_code.html", drafts.login_context(draft))
            return _finish_sign_in(request, user, draft, target)
    status = 401 if error else 200
    context = {"form": form, "error": error, "forgot": forgot, **drafts.login_context(draft)}
    return drafts.login_page(request, "reverie/login.html", context, status=status)


@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in; opened from the address bar it shows the code form again, or the sign-in."""
    pending = request.session.get("pending_user")
    if request.method == "GET":
        return (
            drafts.login_page(request, "reverie/login_code.html", {"draft": {}})
            if pending
            else redirect("login")
        )
    draft = drafts.from_login(request.POST)
    user = User.objects.filter(pk=pending, is_active=True).first() if pending else None
    if user is None:
        if not draft:
            return redirect("login")
        if request.user.is_authenticated:  # another tab finished this sign-in: carry on (its owner or not)
            return _carry_on(request, _user(request), drafts.unpack(draft, request.user.pk))
        context = {"form": LoginForm(), **drafts.login_context(draft)}  # sign in again, the words kept
        return drafts.login_page(request, "reverie/login.html", context, status=401)
    try:
        signin.check_totp(user, request.POST.get("code", ""), _address(request))
    except ReverieError as exc:
        context = {**drafts.login_context(draft), "error": exc.message}
        return drafts.login_page(request, "reverie/login_code.html", context, status=401)
    del request.session["pending_user"]
    target = str(request.session.pop(PENDING_NEXT, ""))
    request.session["otp_passed"] = True
    return _finish_sign_in(request, user, draft, target)


@require_http_methods(["GET", "POST"])
def logout_view(request: HttpRequest) -> HttpResponse:
    """Signing out is a POST; opened from the address bar the page offers the button (a GET never signs out)."""
    if request.method == "GET":
        signed_in = request.user.is_authenticated
        return render(request, "reverie/logout.html") if signed_in else redirect("login")
    # words kept for someone else, sealed: to the sign-in page, for them
    draft = drafts.from_login(request.POST)
    logout(request)
    if draft:
        context = {"form": LoginForm(), **drafts.login_context(draft)}
        return drafts.login_page(request, "reverie/login.html", context)
    return redirect("login")


# The write and edit pages' labels for "Save it now": the entry form's, and its feelings' box (write.html's legend)
ENTRY_LABELS = drafts.form_labels(EntryForm, extra={drafts.FEELINGS: "Feelings (1 faint … 5 strong)"})


@drafts.keeps_text(labels=ENTRY_LABELS)
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"/login/?next={request.path}")
    if request.method == "GET":
        return _write_page(request, _new_entry_form(request))
    form = EntryForm(request.POST, request.FILES)
    if not form.is_valid():
        return _write_page(request, form, status=400)
    user = _user(request)
    # The form's token is not an entry id: the entry's id derives from it and the person, so the answer never
    # depends on anyone else's entries (no existence oracle) and a replay finds the entry it already made.
    entry_id = journal.submission_id(user, form.cleaned_data.get("entry_id"))
    try:
        entry_draft = draft_from_form(form, request.POST)  # "awe 4/10" is refused here, on its box
        saved = journal.already_saved(user, entry_id)
        if saved is not None:
            return saved_redirect(saved)  # the same submission again: nothing new is written
        attachments = attachment_from_form(form)
        same = journal.recent_same(user, entry_draft, attachments)
    except DeletedForGood:  # saved, then deleted for good: the deletion stands, the words are given back
        return _deleted_for_good(request, request.POST)
    except InvalidInput as exc:  # over the limit: refused plainly, the typed text kept
        return _refused(request, form, exc)
    except SAVE_FAILURES as exc:
        return _save_failed(request, form, exc)
    if same is not None:
        # Back restored the text under a fresh token: most likely the same submission, kept once. The entry page
        # says so and offers to save the words again (with this form's token, so a double click makes one copy).
        token = form.cleaned_data.get("entry_id")
        query = urlencode({"kept": 1, **({"t": token} if token else {})})
        return redirect(f"{reverse('entry', args=[same])}?{query}")
    try:
        view = journal.create_entry(user, entry_draft, attachments, entry_id=entry_id)
    except AlreadySaved as done:  # a double tap whose first request committed while this one was saving
        return saved_redirect(journal.saved_at(done))
    except InvalidInput as exc:
        return _refused(request, form, exc)
    except SAVE_FAILURES as exc:
        return _save_failed(request, form, exc)
    return saved_redirect(reverse("entry", args=[view.id]))


# The one-time news that the entry page's person just saved it (review r132: nothing said it was saved). Reverie
# flashes no message, nothing waits in the session for the next page (docs/ARCHITECTURE.md): the save's redirect
# carries it in a cookie sent only to that entry's page, for two minutes, which that page reads once and removes.
SAVED_COOKIE = "reverie_just_saved"
SAVED_COOKIE_SECONDS = 120


def saved_redirect(path: str) -> HttpResponse:
    """The redirect after a save of a new entry: to its page (``path``), which then says "Saved." at its top, once,
    right after the save (:data:`SAVED_COOKIE`); to the trash (an entry saved, then trashed) as it is."""
    answer = redirect(path)
    if not path.endswith("/trash/"):
        entry_id = path.rstrip("/").rsplit("/", 1)[-1]
        answer.set_cookie(
            SAVED_COOKIE,
            entry_id,
            max_age=SAVED_COOKIE_SECONDS,
            path=path,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return answer


SAVE_FAILED = "Reverie could not save this just now. Your words are below; copy them or try again."
GONE_FOR_GOOD = "That entry was deleted for good. Your words are below; save them again as a new entry if you want to keep them."


def _deleted_for_good(request: HttpRequest, sent: QueryDict) -> HttpResponse:
    """A write form sent again after the entry it saved was deleted for good (Back then Save, a replay): the
    deletion stands (409, nothing stored) and the words come back in a form with a fresh token, so Save on this page
    stores them as a new entry, the person's choice, instead of the same refusal forever (review r85). Not a
    failure: logged at info as a refusal, never a warning; the API's 409 stays as it is (an app's retry must never
    recreate what was deleted)."""
    data = sent.copy()
    data["entry_id"] = str(uuid.uuid4())
    form = EntryForm(data)
    form.is_valid()
    log.info(
        "%s %s: refused, the entry was deleted for good; the form was given back",
        request.method,
        request.path,
    )
    # the words say the text is kept
    file_lost = drafts.file_lost(form["kind"].value()) if request.FILES.get("attachment") else ""
    return _write_page(request, form, status=DeletedForGood.http_status, error=GONE_FOR_GOOD, kept=file_lost)


def _refused(request: HttpRequest, form: EntryForm, exc: InvalidInput, **extra: Any) -> HttpResponse:
    """A save the service refused for what was typed: the form again with the typed words (400), the refusal on its
    field where it names one (:func:`refusal_on_field`), otherwise at the top of the page."""
    if isinstance(exc, (UnsupportedMedia, TooLarge)):
        extra["file_refused"] = True
    return _write_page(request, form, status=400, error=refusal_on_field(form, exc, ENTRY_FIELDS), **extra)


def _save_failed(request: HttpRequest, form: EntryForm, exc: Exception, **extra: Any) -> HttpResponse:
    """A save refused for a reason that is not the person's input: the form again with the typed words, and only
    the kind of failure in the log. The status and words of a failure of the disk or the database are the web's
    one mapping (:func:`middleware.failure_answer`, every other page's too: a full disk 507 "the disk is full", a
    busy database 503 with ``Retry-After``); anything else (the master key missing) 503."""
    if isinstance(exc, (NotFound, PermissionDenied, AccountErased)):
        raise exc  # not a failure of the save: the usual page for it (an account erased meanwhile: 410, r124)
    log.warning(
        "%s %s: the save failed (%s); the form was given back",
        request.method,
        request.path,
        type(exc).__name__,
    )
    failed = middleware.failure_answer(exc)
    if failed is None:
        return _write_page(request, form, status=503, error=SAVE_FAILED, **extra)
    status, _title, words = failed
    return middleware.retry_later(_write_page(request, form, status=status, error=words, **extra))


@login_required
@require_http_methods(["GET", "POST"])
def journal_list(request: HttpRequest) -> HttpResponse:
    """The journal, newest first, a page at a time. "Older entries" carries a cursor, the id of the page's last
    entry (the API's ``after``), so an entry written or trashed between two pages neither shows one twice nor hides
    one (review r68); an old bookmark's ``?page=`` still opens that page. A search is sent as a POST (CSRF), its
    words in the form's body, and answered by a redirect (POST/redirect/GET: Back from an entry shows the results
    again, review r75) to ``?s=``, the words sealed for this account for an hour (:mod:`search_seal`): they never
    go into an address in the clear, where a proxy's access log and the browser's history would keep them. Its
    pages are plain links, ``?s=…&after=…``. An old bookmark's ``?q=`` still searches, and no link on its page
    carries the words in the clear."""
    from reverie.clinic.web import search_seal

    user = _user(request)
    sent = request.POST if request.method == "POST" else request.GET
    kind = sent.get("kind") or None
    query = (sent.get("q") or "").strip() or None
    if query is not None and len(query) > search_seal.MAX_QUERY:
        # refused up front, the words kept in the field to shorten (r134: never "this search has ended")
        long = {"kinds": EntryKind.choices, "kind": kind or "", "q": query, "page": 1}
        return render(
            request, "reverie/journal.html", {**long, "too_long": search_seal.MAX_QUERY}, status=400
        )
    if request.method == "POST":
        if query is None:
            # The form sent with no words: the plain list, at an address that can be bookmarked.
            return redirect(reverse("journal") + (f"?{urlencode({'kind': kind})}" if kind else ""))
        if kind is not None and kind not in EntryKind.values:
            raise unknown_kind()
        steps = {name: str(sent[name]) for name in ("after", "page") if (sent.get(name) or "").strip()}
        sealed = search_seal.seal(user.pk, query, kind or "")
        answer = redirect(reverse("journal") + "?" + urlencode({"s": sealed, **steps}))
        answer.status_code = 303  # See Other: the results are a GET, which Back can show again
        return answer
    if "s" in request.GET:
        opened = search_seal.open_sealed(str(request.GET["s"]), user.pk)
        if opened is None:  # expired, another account's, or not one: ask for the search again, nothing read
            ended = {"kinds": EntryKind.choices, "kind": "", "q": "", "page": 1, "search_expired": True}
            return render(request, "reverie/journal.html", ended, status=400)
        query, kind = opened[0] or None, opened[1] or None
    if kind is not None and kind not in EntryKind.values:
        raise unknown_kind()
    after = (sent.get("after") or "").strip() or None
    page = 1 if after else page_number(request, sent=sent)
    offset, limit = window(page, PAGE)
    context: dict[str, Any] = {"kinds": EntryKind.choices, "kind": kind or "", "q": query or "", "page": page}
    # the pages of a search: plain links carrying it sealed, never its words (a fresh hour from this page)
    context["sealed"] = search_seal.seal(user.pk, query, kind or "") if query else ""
    context["first"] = after is None and page == 1
    try:
        # the page and, past the end, the count of its pages: one reading, one audit event (review r75)
        rows, found = journal.entries_page(
            user, kind=kind, query=query, limit=limit, offset=offset, after=after
        )
    except InvalidInput:
        # The kind is checked above: only the cursor's entry can be gone (purged, or no longer shared).
        context["gone"] = True
        return render(request, "reverie/journal.html", context, status=400)
    shown = rows[:PAGE]
    context["entries"] = _with_client_names(shown) if user.is_therapist else [(e, "") for e in shown]
    context["older"] = str(shown[-1].id) if len(rows) > PAGE else None
    if page > 1 and not rows and found is not None:
        context["last_page"] = last = max(1, -(-found // PAGE))
        context["last_label"] = f"Go to the last page ({last})"
    return render(request, "reverie/journal.html", context)


@login_required
@require_GET
def entry(request: HttpRequest, entry_id: str) -> HttpResponse:
    from reverie.clinic.services.dreams import came_back_words
    from reverie.clinic.web.observation_views import panel_context

    user = _user(request)
    try:
        view = journal.get_entry(user, entry_id)
    except NotFound:
        # One's own entry in the trash (Back after "Move to trash", a bookmark, another tab): said so, with a way to
        # restore it, as the edit page tells it apart (``_edit_trashed``); anyone else's entry, or none, stays the
        # plain "No such entry." (the same answer for both: no oracle).
        trashed = journal.trashed_entry(user, entry_id)
        if trashed is None:
            raise
        return render(request, "reverie/entry_trashed.html", {"entry": trashed})
    own = view.client_id == user.pk
    show = (
        request.GET.get("show") == "1"
    )  # the client opened "What Reverie noticed" (kept open after an answer)
    panel = (
        {} if view.unreadable else panel_context(user, view.id, show=show)
    )  # nothing to observe in what cannot be opened
    context = {"entry": view, "own": own, "can_share": own and journal.can_share(user), **panel}
    context["came_back"] = came_back_words(view)  # a dream its writer said came back (review r134 fault 8)
    if not own:  # a therapist reading a shared entry: whose it is, as the home page and the journal say
        context["writer"] = _with_client_names([view])[0][1]
    if context["own"] and request.GET.get("kept") == "1" and not view.unreadable:
        context["kept_token"] = _token_or_new(request.GET.get("t"))
    # landed here from saving it (:func:`saved_redirect`): said once, the cookie removed; never of an edited entry
    context["just_saved"] = own and request.COOKIES.get(SAVED_COOKIE) == str(view.id) and view.revision == 1
    answer = render(request, "reverie/entry.html", context)
    if SAVED_COOKIE in request.COOKIES:
        answer.delete_cookie(SAVED_COOKIE, path=request.path, samesite="Lax")
    return answer


def _token_or_new(raw: str | None) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        return uuid.uuid4()


@login_required
@require_POST
def save_again(request: HttpRequest, entry_id: str) -> HttpResponse:
    """The person asked to keep the same words twice: a new entry with the same content."""
    token = _token_or_new(request.POST.get("entry_id"))
    view = journal.save_again(_user(request), entry_id, token)
    return saved_redirect(reverse("entry", args=[view.id]))


@drafts.keeps_text(labels=ENTRY_LABELS)
@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = _user(request)
    try:
        current = journal.get_entry(user, entry_id)
    except NotFound:
        # Moved to the trash meanwhile (another tab, the phone): the edit is given back with a choice. Anyone
        # else's entry, or none, stays the plain "No such entry." (the same answer for both: no oracle).
        trashed = journal.trashed_entry(user, entry_id) if request.method == "POST" else None
        if trashed is None and request.method == "POST" and request.POST.get("restore") == "1":
            return _edit_gone(request)  # "Restore the entry and save this" after the trash was emptied
        if trashed is None:
            raise
        return _edit_trashed(request, user, trashed)
    if current.client_id != user.pk:
        return journal_not_found()
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            base = form.cleaned_data.get("base_revision")
            try:
                journal.update_entry(
                    user,
                    entry_id,
                    draft_from_form(form, request.POST, was=current.happened_at),
                    base_revision=base,
                )
            except StaleEdit:
                return _conflict_page(request, user, entry_id)
            except InvalidInput as exc:
                return _refused(request, form, exc, editing=current)
            except SAVE_FAILURES as exc:
                return _save_failed(request, form, exc, editing=current)
            return redirect("entry", entry_id=entry_id)
        return _write_page(request, form, status=400, editing=current)
    initial = {
        "base_revision": current.revision,
        "kind": current.kind,
        "happened_at": current.happened_at,
        "title": current.title,
        "body": current.body,
        # A label stored before commas were refused is shown as it will be saved (", " → "; "): never split.
        "people": ", ".join(journal.labels_without_commas(current.people)),
        "tags": ", ".join(journal.labels_without_commas(current.tags)),
        "other_feelings": other_feelings_text(current.feelings),
        **current.extra,
    }
    return _write_page(request, EntryForm(initial=initial), editing=current)


def _edit_trashed(request: HttpRequest, user: User, trashed: journal.EntryView) -> HttpResponse:
    """An edit saved after its entry went to the trash. "Restore the entry and save this" (``restore=1``) does
    both, or neither; otherwise the form comes back with the person's text (409), offering that or "Save as a new
    entry" (the write page, under a fresh token)."""
    form = EntryForm(request.POST)
    if request.POST.get("restore") == "1" and form.is_valid():
        base = form.cleaned_data.get("base_revision")
        try:
            with transaction.atomic():  # restored only if the edit is saved too
                journal.restore_entry(user, trashed.id)
                journal.update_entry(
                    user,
                    trashed.id,
                    draft_from_form(form, request.POST, was=trashed.happened_at),
                    base_revision=base,
                )
        except StaleEdit:
            pass  # changed before it went to the trash: the page below shows the version stored
        except InvalidInput as exc:
            return _refused(request, form, exc, editing=trashed, trashed=True)
        except SAVE_FAILURES as exc:
            return _save_failed(request, form, exc, editing=trashed, trashed=True)
        else:
            return redirect("entry", entry_id=trashed.id)
    data = request.POST.copy()
    data["base_revision"] = str(trashed.revision)
    data["entry_id"] = str(uuid.uuid4())  # "Save as a new entry" posts to the write page under this token
    data.pop("restore", None)
    form = EntryForm(data)
    form.is_valid()
    return _write_page(request, form, status=409, editing=trashed, trashed=True)


def _edit_gone(request: HttpRequest) -> HttpResponse:
    """ "Restore the entry and save this" pressed after the entry left the trash for good (emptied in another tab,
    on the phone): no such entry (404), but the form with the person's text and only "Save as a new entry" (the
    write page, under a fresh token). The same answer for any entry id, the person's or not: it says nothing of
    anyone's entries."""
    data = request.POST.copy()
    for name in ("restore", "base_revision", "writer"):
        data.pop(name, None)
    data["entry_id"] = str(uuid.uuid4())
    form = EntryForm(data)
    form.is_valid()
    return _write_page(request, form, status=404, gone=True)


def _conflict_page(request: HttpRequest, user: User, entry_id: str) -> HttpResponse:
    """The entry was saved elsewhere since this form was opened: the form again with the person's own text, the
    version saved now beside it, and that version as the new base, so saving again is a deliberate choice."""
    current = journal.get_entry(user, entry_id)
    data = request.POST.copy()
    data["base_revision"] = str(current.revision)
    form = EntryForm(data)
    form.is_valid()
    return _write_page(request, form, status=409, editing=current, conflict=True)


def journal_not_found() -> HttpResponse:
    from reverie.errors import NotFound

    raise NotFound("No such entry.")


@login_required
@require_GET
def history(request: HttpRequest, entry_id: str) -> HttpResponse:
    """Earlier versions of one's own entry, newest last: each whole, with what the version after it changed."""
    user = _user(request)
    current = journal.get_entry(user, entry_id)
    shown = versions.shown_versions(current, journal.revisions(user, entry_id))
    return render(request, "reverie/history.html", {"entry": current, "versions": shown})


@login_required
@require_http_methods(["GET", "POST"])
def revert_version(request: HttpRequest, entry_id: str, number: int) -> HttpResponse:
    """ "Go back to this version" (review r135 fault 8): asks first, on a page of its own, showing that version; the
    press saves it as a new version (nothing deleted, the current one kept among the earlier versions), refused like
    an edit when the entry changed since the page was opened."""
    user = _user(request)
    current = journal.get_entry(user, entry_id)
    earlier = journal.revisions(user, entry_id)  # each version opened once, on this request (h199)
    chosen = next((v for v in earlier if v.number == number), None)
    if chosen is None:
        raise NotFound("No such version of this entry.")
    shown = versions.shown_versions(current, earlier)
    version = next(v for v in shown if v.number == number)
    context: dict[str, Any] = {"entry": current, "version": version, "base_revision": current.revision}
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            base = int(request.POST.get("base_revision", ""))
        except ValueError:
            base = None
        try:
            _, changed = journal.revert_to(user, entry_id, number, base_revision=base, version=chosen)
        except StaleEdit:
            context["changed_meanwhile"] = True
            return render(request, "reverie/revert_confirm.html", context, status=409)
        except InvalidInput as exc:
            context["refused"] = exc.message
            return render(request, "reverie/revert_confirm.html", context, status=400)
        messages.success(
            request,
            f"Version {number} is back, saved as the current version. The one it replaced is kept among the earlier"
            " versions."
            if changed
            else f"The entry already holds what version {number} held: nothing changed.",
        )
        return redirect("entry", entry_id=entry_id)
    return render(request, "reverie/revert_confirm.html", context)


@login_required
@require_POST
def share(request: HttpRequest, entry_id: str) -> HttpResponse:
    try:
        journal.set_shared(_user(request), entry_id, request.POST.get("shared") == "1")
    except Conflict as exc:  # no link open: no one to share with (a stale edit check is not asked for here)
        messages.error(request, exc.message)
    return redirect("entry", entry_id=entry_id)


@login_required
@require_POST
def trash(request: HttpRequest, entry_id: str) -> HttpResponse:
    journal.trash_entry(_user(request), entry_id)
    messages.success(request, "The entry is in the trash. You can restore it until you delete it for good.")
    return redirect("trash_list")


@login_required
@require_GET
def trash_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reverie/trash.html", {"entries": journal.list_trash(_user(request))})


@login_required
@require_POST
def restore(request: HttpRequest, entry_id: str) -> HttpResponse:
    journal.restore_entry(_user(request), entry_id)
    messages.success(request, "The entry is restored and back in your journal.")
    return redirect("entry", entry_id=entry_id)


@login_required
@require_POST
def purge(request: HttpRequest, entry_id: str) -> HttpResponse:
    """Delete a trashed entry for good, but only once the person has confirmed it on a page of its own."""
    user = _user(request)
    if request.POST.get("confirm") != "yes":
        entry = next((e for e in journal.list_trash(user) if str(e.id) == entry_id), None)
        if entry is None:
            raise NotFound("No such entry.")
        return render(request, "reverie/purge_confirm.html", {"entry": entry})
    journal.purge_entry(user, entry_id)
    messages.success(request, "The entry is deleted for good.")
    return redirect("trash_list")


@login_required
@require_http_methods(["GET", "POST"])
def empty_trash(request: HttpRequest) -> HttpResponse:
    """Delete everything in one's own trash for good, once the person has confirmed it on a page of its own.

    Only a client has a trash; anyone else gets the answer ``purge`` gives for an entry not in their trash. The
    "nothing to delete" answer is a page, not a flashed message: a message would wait in the session and appear on
    whatever page comes next (tests/api/test_policy_property.py saw it on the next probe's 404 page)."""
    user = _user(request)
    if not user.is_client:
        raise NotFound("No such entry.")
    # Confirmed only with the fingerprint of the trash the page showed: an entry trashed, restored or deleted
    # elsewhere since then is never deleted unseen; the page is shown again with what the trash holds now.
    shown = request.POST.get("shown", "") if request.method == "POST" else ""
    confirmed = request.POST.get("confirm") == "yes" and bool(shown)
    changed = ""
    count = 0
    if confirmed:
        try:
            count = journal.empty_trash(user, shown)
        except Conflict as exc:
            changed = exc.message
    if not count:  # the confirm page (again), or "nothing to delete" when the trash is empty
        count = journal.trash_count(user)
        context = {"count": count, "shown": journal.trash_fingerprint(user), "changed": changed}
        return render(request, "reverie/empty_trash_confirm.html", context)
    messages.success(
        request, f"{count} {'entry' if count == 1 else 'entries'} deleted for good. The trash is empty."
    )
    return redirect("trash_list")


@login_required
@require_POST
def attachment_remove(request: HttpRequest, attachment_id: str) -> HttpResponse:
    """Remove one picture or recording from one's own entry, for good, once the person has confirmed it on a page of
    its own (the entry page's button asks; no JavaScript needed). The API's own service removes it
    (``attachments.delete_attachment``: the one policy, the audit line); anyone else's file, or none, answers alike."""
    from reverie.clinic.services import attachments

    user = _user(request)
    entry_id, info = attachments.attachment_to_remove(user, attachment_id)
    context = {"entry_id": entry_id, "file": info, "picture": info.media_type.startswith("image/")}
    if request.POST.get("confirm") != "yes":
        return render(request, "reverie/attachment_remove_confirm.html", context)
    try:
        attachments.delete_attachment(user, attachment_id)
    except InvalidInput as exc:  # the last thing the entry holds: kept, with the reason and the way out
        return render(
            request, "reverie/attachment_remove_confirm.html", {**context, "refused": exc.message}, status=400
        )
    messages.success(request, f"The {'picture' if context['picture'] else 'recording'} is removed.")
    return redirect("entry", entry_id=entry_id)


@login_required
@require_GET
def attachment(request: HttpRequest, attachment_id: str) -> HttpResponse:
    name, media_type, data = journal.attachment_data(_user(request), attachment_id)
    return download(data, media_type, name, inline=True)


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    from reverie.journal.interchange import dump_markdown, dump_reverie_json

    if request.method == "GET":
        user = _user(request)
        trash = journal.trash_count(user) if user.is_client else 0  # left out of the export: said on the page
        return render(request, "reverie/export.html", {"trash": trash})
    from reverie.clinic.services.local_time import zone_of

    exported = portability.export_with_report(_user(request))
    markdown = request.POST.get("format") == "markdown"
    # named first (an entry that does not open); the rest is one click away. One trashed while the export ran is in
    # the trash, which this page already says is not in the export: no question for that.
    if portability.needs_confirming(exported.left_out) and request.POST.get("anyway") != "yes":
        lines = portability.left_out_words(exported.left_out, zone_of(_user(request)))
        trash = journal.trash_count(_user(request))  # not in the rest either: said here too
        context = {"trash": trash, "left_out": lines, "format": "markdown" if markdown else "json"}
        return render(request, "reverie/export.html", context)
    data = exported.journal
    if markdown:
        text = dump_markdown(data, zone=zone_of(_user(request)))  # the person's own times, the zone named
        return download(text.encode(), "text/markdown; charset=utf-8", "reverie-journal.md")
    return download(dump_reverie_json(data), "application/json", "reverie-journal.json")


@login_required
@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    """Bring entries back from a Reverie file (review r135 fault 6: the export page promised a read-back only the
    command line had): the same service as `reverie journal import` (``portability.import_journal``: nothing
    overwritten, an entry already here skipped, every imported entry screened as it is saved, a check-in raised as
    after any save), a file up to the API's import limit (``uploads.import_limit``, kept in memory once; a larger
    one: the command line, said in the import's own words). Reverie's Markdown export is refused in plain words: it
    is the reading copy."""
    from reverie.journal.interchange import MARKDOWN_NOT_IMPORTED

    user = _user(request)
    if not user.is_client:
        raise NotFound("Only a client's own journal takes an import.")
    if request.method == "GET":
        return _import_page(request, {})
    sent = request.FILES.get("file")
    if sent is None:
        error = (
            "Choose the Reverie file (.json) of an export to bring its entries back. Nothing was imported."
        )
        return _import_page(request, {"error": error}, status=400)
    if str(sent.name or "").lower().endswith((".md", ".markdown")):
        return _import_page(request, {"error": MARKDOWN_NOT_IMPORTED}, status=400)
    if isinstance(sent, uploads.OversizedUpload):  # over the import's own limit: the command line takes it
        error = uploads.import_too_large(sent.size)
        return _import_page(request, {"error": error}, status=413)
    try:
        report = portability.import_journal(user, uploads.whole_bytes(sent))
    except InvalidInput as exc:  # the file's own fault: said, nothing imported
        return _import_page(request, {"error": exc.message}, status=400)
    return _import_page(request, {"report": report})


def _import_page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    """The import page, naming the most its file may be (``uploads.import_limit``)."""
    from reverie.clinic.services.media import file_size_words

    most = file_size_words(uploads.import_limit())
    return render(request, "reverie/import.html", {**context, "most": most}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def pair(request: HttpRequest) -> HttpResponse:
    from reverie.care.services.alerts import THERAPIST_SEES  # the one wording of what a linked therapist sees

    user = _user(request)
    context: dict[str, Any] = {"therapist_sees": THERAPIST_SEES}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "issue":
                context["code"] = people.issue_invitation(user)
            elif action == "accept":
                people.accept_invitation(user, request.POST.get("code", ""), _address(request))
                # the page says what the therapist sees once, under its heading below (r133: twice on one page)
                context["message"] = "You are now linked." + (
                    " What your therapist sees is below." if user.is_client else ""
                )
            elif action == "confirm_end":  # a second step: nothing ends until "Yes, end the link"
                context["confirm_end"] = _own_pair(user, request.POST.get("pair", ""))
                context["closes"] = _link_end_closes(user, context["confirm_end"])
            elif action == "end":
                people.end_pair(user, query_id(request.POST.get("pair"), "No such link.") or 0)
                context["message"] = "The link has ended. Nothing more is shared."
        except ReverieError as exc:
            context["error"] = exc.message
        except ValueError:
            context["error"] = "That link does not exist."
    context["pairs"] = people.active_pairs(user)
    context["departed"] = people.departed_notice(user)  # their only therapist's account closed (review r97)
    context["ended_link"] = people.last_ended_link(user)  # "Your link with … ended on …" (review r133)
    return render(request, "reverie/pair.html", context, status=400 if "error" in context else 200)


def _link_end_closes(user: User, pair: Any) -> Any:
    """What ending this link puts out of a therapist's reach (their course records, the client's open alerts), for
    the confirmation to name before "Yes, end the link" (review r133); None for a client. The alert lines shown are
    a reading of them, audited as on every page that lists them."""
    from reverie.care.services import alerts, course

    closes = course.link_end_closes(user, pair)
    if closes is not None and closes.alerts:
        alerts.record_read(user, closes.alerts)
    return closes


def _own_pair(user: User, raw: str) -> Any:
    """One of the person's active links, by id, to ask before ending it; another's answers like a missing one."""
    found = next((p for p in people.active_pairs(user) if str(p.pk) == raw), None)
    if found is None:
        raise NotFound("That link does not exist.")
    return found


@needs_no_database
@require_GET
def safety(request: HttpRequest) -> HttpResponse:
    """The crisis lines, whatever the database does (:mod:`no_database`): then without the person's own plan. The
    signed-in client's plan above them; every country's lines in the person's order (``lines_for_person``: their
    plan's country, then their time zone's); signed out (or the database down) a fixed order, and the page says so."""
    from reverie.care.services.safety import lines_for_person

    crisis = lines_for_person(request.user, with_plan=True)  # the plan shown: read once, audited
    context = {"crisis": crisis, "mine": crisis.plan, "plan_unavailable": without_database(request)}
    return render(request, "reverie/safety.html", context)


AUDIT_PAGE = 25


@login_required
@require_GET
def audit_trail(request: HttpRequest) -> HttpResponse:
    """Who read or changed your data, and when: never what it said."""
    from reverie.clinic.services.audit_words import sentence

    user = _user(request)
    page = page_number(request)
    offset, _ = window(page, AUDIT_PAGE)
    # consecutive lines that read alike are one line, "… — 30 times" (audit.log_lines_about, the one rule)
    lines, more = audit.log_lines_about(user, offset=offset, limit=AUDIT_PAGE)
    names = dict(
        User.objects.filter(pk__in={line.newest.actor_id for line in lines}).values_list("pk", "username")
    )
    rows = [
        (
            line,
            sentence(
                line.newest.action,
                "You" if line.newest.actor_id == user.pk else names.get(line.newest.actor_id or 0, "Reverie"),
                line.newest.outcome,
                reader=user.role,
            ),
        )
        for line in lines
    ]
    context = {
        "rows": rows,
        "chain_ok": audit.verify_incremental().ok,
        "restore_mark": audit.restore_mark(),
        "page": page,
        "older": page + 1 if more else None,
        "newer": page - 1 if page > 1 else None,
    }
    return render(request, "reverie/audit.html", context)


ERASED_KEY = "reverie.erased_entries"


def _see_other(to: str) -> HttpResponse:
    answer = redirect(to)
    answer.status_code = 303
    return answer


@require_GET
def erased(request: HttpRequest) -> HttpResponse:
    """What an erase left to say, shown once it has happened (:func:`erase` redirects here, r134): from the session
    that erase began anew. Anyone else (no erase in this browser session) is sent to the start."""
    count = request.session.get(ERASED_KEY)
    if not isinstance(count, int):
        return redirect(reverse("home"))
    return render(request, "reverie/erased.html", {"count": count})


# The erase page's boxes, by the input a refusal is about: the refused box is marked, described by the refusal and
# takes focus (reverie/_invalid.html), as on every other form (review r126).
_ERASE_BOXES = {"confirm": "confirm", "password": "password"}


def _refused_input(exc: ReverieError) -> str:
    """Which input of the erase form a refusal is about: the password when it was not right (never the page's
    "too many attempts"), the confirming user name when the service names it, else none."""
    if isinstance(exc, AuthenticationFailed):
        return "password" if exc.message == portability.WRONG_PASSWORD else ""
    return getattr(exc, "field", None) or ""


@login_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    """Erase one's own account and everything written, after typing the user name and the password to confirm.

    The page says first what the client's therapists lose with it and that they will be told (care.services.erasure).
    """
    from reverie.care.services.erasure import losses

    user = _user(request)
    error, status, field_error = None, 200, None
    if request.method == "POST":
        try:
            count = portability.erase_client(
                user,
                request.POST.get("confirm", ""),
                request.POST.get("password", ""),
                address=_address(request),
            )
        except ReverieError as exc:
            error, status = exc.message, exc.http_status
            box = _ERASE_BOXES.get(_refused_input(exc))
            field_error = {"id": box, "message": exc.message} if box else None
        else:
            logout(request)
            # the result behind a redirect (r134): Back gives the erase page's sign-in, never "Confirm Form
            # Resubmission"; the count travels in the fresh, anonymous session, never in the address
            request.session[ERASED_KEY] = count
            return _see_other(reverse("erased"))
    context = {"error": error, "field_error": field_error, "losses": losses(user) if user.is_client else []}
    context["confirm"] = (
        request.POST.get("confirm", "") if request.method == "POST" else ""
    )  # never the password
    return render(request, "reverie/erase.html", context, status=status)
