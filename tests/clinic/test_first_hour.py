"""Review r83: a newcomer's first hour (README, the first-run demo, the demo's therapist side): README names the
schema the export writes (tests/test_docs.py keeps it so), the demo's dates tell one story, each demo entry is dated
when its first words say, and the demo therapist can be signed in as with only what the demo printed."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.db import models
from django.test import Client

from reverie.clinic.services import demo

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 30, 9, 30, tzinfo=UTC)  # the clock edge: a fixed "now", the day after a clock change


def test_readme_names_the_export_schema_the_export_writes() -> None:
    """A newcomer reads README's "Find your way": it calls `docs/export-schema-v6.json` "the published schema of
    Reverie's JSON export (`reverie.export/6` …)". But `reverie journal export` writes `reverie.export/7`
    (docs/export-schema-v7.json, which README never names), so someone validating an export against the schema
    README points to uses the wrong one. README should name the schema the export writes."""
    from reverie.journal.interchange import SCHEMA

    version = SCHEMA.rsplit("/", 1)[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(ln for ln in readme.splitlines() if "the published schema of Reverie's JSON export" in ln)
    named = re.match(r"- `docs/export-schema-v(\d+)\.json`", line)
    assert named is not None, line
    assert named.group(1) == version, (
        f"README calls docs/export-schema-v{named.group(1)}.json the published schema; the export writes {SCHEMA}"
    )
    assert f"`{SCHEMA}`" in line


@pytest.mark.django_db
def test_demo_link_is_not_younger_than_the_demo_course() -> None:
    """The demo client opens "My therapist" and reads "demo-therapist · since <today>", while "My course of
    therapy" says the DIT course with the same therapist began two months ago, eight sessions held, and the
    journal shows entries from months back marked "shared". The same page says a therapist sees alerts for what
    is written "from the day you link" — yet the demo therapist holds an alert. Clinically the link must be at
    least as old as the course it belongs to; the demo should date it so."""
    from reverie.care.models import Course
    from reverie.clinic.models import Pair

    accounts = demo.load_demo(n_entries=2)
    course = Course.objects.get(client=accounts.client, therapist=accounts.therapist)
    pair = Pair.objects.get(client=accounts.client, therapist=accounts.therapist)
    assert pair.started_at <= course.first_start, (
        f"linked {pair.started_at:%d %b %Y}, course began {course.first_start:%d %b %Y}"
    )


def _every_date_of_every_row() -> list[tuple[str, datetime | date]]:
    """Every date and date-time stored in any row of Reverie's own apps (a fresh database: the demo's rows)."""
    found: list[tuple[str, datetime | date]] = []
    for label in ("clinic", "care"):
        for model in apps.get_app_config(label).get_models():
            fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateField)]
            for values in model.objects.values_list(*fields) if fields else ():
                found += [
                    (f"{model.__name__}.{name}", v) for name, v in zip(fields, values, strict=True) if v
                ]
    return found


@pytest.mark.django_db
def test_the_demo_dates_tell_one_story() -> None:
    """Review r83 (h96): the demo pair was linked "today" beside a course begun two months ago and entries shared
    months back. The story: both people joined and linked before anything else, the course was set up after the
    link and before its first session, the goal was agreed in a session before it was rated, and no entry is dated
    after now. Checked over every date of every record the demo writes, not one field."""
    from reverie.care.models import Course, Goal
    from reverie.clinic.models import Entry, Pair

    accounts = demo.load_demo(n_entries=6, now=NOW)
    pair = Pair.objects.get(client=accounts.client, therapist=accounts.therapist)
    linked = pair.started_at
    dated = _every_date_of_every_row()
    assert len(dated) > 50
    early = [
        (what, when)
        for what, when in dated
        if (when < linked if isinstance(when, datetime) else when < linked.astimezone(UTC).date())
    ]
    assert early == [], f"dated before the pair was linked ({linked:%d %b %Y %H:%M})"
    for person in (accounts.client, accounts.therapist):
        person.refresh_from_db()
        assert person.date_joined <= linked
    course = Course.objects.get(client=accounts.client, therapist=accounts.therapist)
    sessions = list(course.sessions.values_list("start", flat=True))
    assert linked <= course.created_at <= course.first_start == min(sessions)
    goal = Goal.objects.get(course=course)
    assert course.first_start <= goal.created_at <= (goal.agreed_at or NOW) <= NOW
    zone = ZoneInfo(demo.DEMO_ZONE)
    assert all(r.on >= goal.created_at.astimezone(zone).date() for r in goal.ratings.all())
    entries = Entry.objects.filter(client=accounts.client)
    assert entries.filter(shared=True).exists()
    assert all(linked <= e.happened_at <= NOW for e in entries)


@pytest.mark.django_db
def test_every_demo_entry_is_dated_when_its_first_words_say() -> None:
    """Review r83 (h96), seen on the demo at 360 px: "In my lunch break." written at 05:04, "Early, with the first
    coffee." at 21:40. Every demo entry opens with one of demo_texts.OPENERS and is dated inside that opener's
    window, in the demo's time zone (seeded: the whole demo, all its entries, every time)."""
    from reverie.clinic.services import journal
    from reverie.insights.demo_texts import OPENERS

    accounts = demo.create_accounts()
    for _ in demo.fill(accounts, now=NOW, in_background=True):
        pass
    zone = ZoneInfo(demo.DEMO_ZONE)
    views = journal.list_entries(accounts.client, limit=100)
    assert len(views) == demo.DEMO_ENTRIES
    wrong = []
    for view in views:
        opener = next((o for o in OPENERS if view.body.startswith(o)), None)
        local = view.happened_at.astimezone(zone)
        if opener is None or not OPENERS[opener].holds(local):
            wrong.append((view.body[:40], f"{local:%a %H:%M}"))
    assert wrong == []
    assert len({v.happened_at.astimezone(zone).hour for v in views}) > 6  # spread over the day, not one hour


def _sign_in_as_demo_therapist(password: str, codes: list[str]) -> str:
    """Sign in as demo-therapist with only the given words, as a newcomer would; the home page it reaches."""
    web = Client()
    first = web.post("/login/", {"username": demo.DEMO_THERAPIST, "password": password})
    assert first.status_code == 200 and 'name="code"' in first.content.decode()
    assert codes, "the demo printed no second step for its therapist"
    second = web.post("/login/code/", {"code": codes[0]})
    assert second.status_code == 302, second.content.decode()[:400]
    home = web.get(second["Location"], follow=True)
    assert home.status_code == 200
    return home.content.decode()


@pytest.mark.django_db
def test_the_demo_therapist_signs_in_with_what_the_web_demo_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review r83 (h96): signing in as demo-therapist went straight to the authenticator setup (therapists must use
    two-step sign-in), so the therapist's side could not be seen. The web demo's finished page gives the password
    and one-time recovery codes; with only those, a newcomer reaches the caseload with the demo client in it."""
    monkeypatch.setattr(demo, "DEMO_ENTRIES", 3)
    page = b"".join(Client().post("/demo/").streaming_content).decode()
    finished = page[page.index("Demo data loaded") :]
    password = html.unescape(re.search(r"with the password <code>([^<]+)</code>", finished).group(1))  # type: ignore[union-attr]
    codes = [html.unescape(c) for c in re.findall(r"<li><code>([0-9a-z-]+)</code></li>", finished)]
    home = _sign_in_as_demo_therapist(password, codes)
    assert "<h1>Caseload</h1>" in home and demo.DEMO_CLIENT in home


@pytest.mark.django_db
def test_the_demo_therapist_signs_in_with_what_reverie_demo_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same with `reverie demo`'s output: the password and the recovery codes it prints are enough."""
    from reverie.cli import runtime
    from reverie.cli.insights_cmds import demo as demo_cmd

    monkeypatch.setattr(demo, "DEMO_ENTRIES", 3)
    monkeypatch.setattr(runtime, "_ready", True)  # the test database is set up already
    demo_cmd()
    out = capsys.readouterr().out
    password = re.search(r"with the password: (\S+)", out).group(1)  # type: ignore[union-attr]
    codes = re.findall(r"^  ([0-9a-z]{4}(?:-[0-9a-z]{4}){3})$", out, re.MULTILINE)
    home = _sign_in_as_demo_therapist(password, codes)
    assert "<h1>Caseload</h1>" in home and demo.DEMO_CLIENT in home
