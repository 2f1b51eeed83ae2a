"""Review r136: on a clinic's PostgreSQL a month of sign-ins leaves a `django_session` row each, for good: nothing
ran Django's `clearsessions`. After a client erased their account and a therapist's account was closed, their rows
were still there (their ids, their sign-in times), though docs/security.md promises that only the privacy log's rows
stay. The worker's upkeep now deletes the sessions that have expired (every session ends 12 hours after its
sign-in at the latest), at most every ten minutes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from reverie.clinic.services import worker

pytestmark = pytest.mark.django_db


def _session(expires_in: timedelta, user_id: int) -> str:
    store = SessionStore()
    store["_auth_user_id"] = str(user_id)
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return str(store.session_key)


def test_the_upkeep_deletes_expired_sessions_and_keeps_live_ones(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone, live = make_user("erased-later"), make_user("still-here")
    old = _session(timedelta(hours=-1), gone.pk)
    current = _session(timedelta(hours=11), live.pk)
    monkeypatch.setattr(worker, "_sessions_swept_at", None, raising=False)
    worker._clear_expired_sessions()
    assert not Session.objects.filter(pk=old).exists()
    assert Session.objects.filter(pk=current).exists()


def test_the_sweep_runs_at_most_every_ten_minutes(make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    person = make_user()
    monkeypatch.setattr(worker, "_sessions_swept_at", None, raising=False)
    worker._clear_expired_sessions()
    expired = _session(timedelta(hours=-1), person.pk)
    worker._clear_expired_sessions()  # the next round, seconds later: not yet
    assert Session.objects.filter(pk=expired).exists()
