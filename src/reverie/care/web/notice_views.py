"""The therapist marks an erasure notice as read: it leaves the caseload (the notice itself holds no content)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from reverie.care.services import erasure
from reverie.care.web.common import int_field, user_of
from reverie.clinic.web.therapist_pages import therapist_page


@login_required
@require_POST
@therapist_page
def erasure_notice_read(request: HttpRequest) -> HttpResponse:
    erasure.mark_read(user_of(request), int_field(request.POST.get("notice"), "notice"))
    return redirect("home")
