"""Review r127, 1 and 2: a client moves their journal (export, then import into a fresh Reverie) and their safety plan does
not come across as they wrote it."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.care.services import safety
from reverie.clinic.services import portability
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _moved(client: Any, fresh: Any) -> portability.ImportReport:
    """The client's JSON export imported into another account (a fresh Reverie's)."""
    return portability.import_journal(fresh, dump_reverie_json(portability.export_journal(client)))


def test_the_country_of_the_crisis_lines_on_the_plan_comes_across(make_user: Any) -> None:
    """A client in Ireland sets their safety plan's country to IE, so the plan shows Ireland's crisis lines first.
    They export and import into a fresh Reverie: the import says "Your safety plan was restored from the file", but
    the country is gone (the export's ``safety_plan`` holds only the sections): the restored plan shows another
    country's crisis lines, and nothing says so."""
    client, fresh = make_user(), make_user()
    safety.save_plan(
        client,
        {"warning_signs": ["Not sleeping for days"], "crisis_country": "IE"},
    )
    report = _moved(client, fresh)
    restored = safety.get_plan(fresh)
    assert restored is not None, report.notes
    assert restored.crisis_country == "IE", report.notes


def test_a_plan_with_twelve_friends_and_a_doctor_is_restored(make_user: Any) -> None:
    """A client's plan lists twelve people to call and their GP (a professional): a plan Reverie saved and shows.
    The export writes both lists as one section, "People I can call"; the import reads it back as trusted contacts
    alone, thirteen, over the twelve a section may hold, so the whole plan is refused ("could not be restored ...
    nothing of it was applied"): the person's own export cannot give their own plan back."""
    client, fresh = make_user(), make_user()
    friends = [{"name": f"Friend {n}", "phone": f"+44 20 7946 00{n:02d}"} for n in range(12)]
    safety.save_plan(
        client,
        {
            "warning_signs": ["Not sleeping for days"],
            "trusted_contacts": friends,
            "professionals": [{"name": "Dr Ng (GP)", "phone": "+44 20 7946 1000"}],
        },
    )
    report = _moved(client, fresh)
    restored = safety.get_plan(fresh)
    assert restored is not None, report.notes
    names = [c.name for c in (*restored.trusted_contacts, *restored.professionals)]
    assert names == [f"Friend {n}" for n in range(12)] + ["Dr Ng (GP)"]
