"""Review r83: a newcomer's first hour (README, the first-run demo, the demo's therapist side)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reverie.clinic.services import demo

ROOT = Path(__file__).resolve().parents[2]


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
