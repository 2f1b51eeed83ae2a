"""The first-run demo: the page shows its progress while the entries are written and read (streamed HTML, no
script), and a reload of /demo/ never answers 405."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import login
from django.http import HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.html import escape
from django.views.decorators.http import require_http_methods

from reverie.clinic.models import Entry
from reverie.clinic.services import analysis, people
from reverie.clinic.services.demo import DemoAccounts, create_accounts, fill
from reverie.errors import ReverieError

MARK = "<!--progress-->"


@require_http_methods(["GET", "POST"])
def demo(request: HttpRequest) -> HttpResponseBase:
    """First run only: load invented demo data, signed in as the demo client, with the progress on the page."""
    if request.method == "GET" or people.has_users():  # a reload, a bookmark, or the demo is already there
        if request.user.is_authenticated:
            return redirect("home")
        return redirect("login" if people.has_users() else "setup")
    accounts = create_accounts()
    login(request, accounts.client)
    return StreamingHttpResponse(_stream(request, accounts), content_type="text/html; charset=utf-8")


def _stream(request: HttpRequest, accounts: DemoAccounts) -> Iterator[str]:
    in_background = analysis.in_background()
    context = {"accounts": accounts, "in_background": in_background}
    page = render_to_string("reverie/demo_progress.html", context, request=request)
    head, _, tail = page.partition(MARK)
    yield head
    try:
        # With a worker (REVERIE_ANALYSIS=background) the full analysis is left to it: ready in seconds.
        for step, steps, what in fill(accounts, in_background=in_background):
            yield f'<li><progress value="{step}" max="{steps}"></progress> {escape(what)}</li>\n'
    except ReverieError as exc:
        yield f'</ol><p class="error" role="alert">{escape(exc.message)}</p>' + tail
        return
    written = Entry.objects.filter(client=accounts.client).count()
    done = DemoAccounts(
        accounts.client, accounts.therapist, accounts.password, written, accounts.recovery_codes
    )
    finished = {"accounts": done, "reading": analysis.pending_count(accounts.client)}
    yield "</ol>" + render_to_string("reverie/_demo_done.html", finished, request=request) + tail
