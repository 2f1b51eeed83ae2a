"""The course commands, run as a real subprocess with their own data folder."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.db, pytest.mark.filterwarnings("ignore::DeprecationWarning")]
HEADER = "id,name,modalities,formats,languages,in_person,online,location,country,fee_min,fee_max,currency,availability\n"


def _link(cli: Any, client: str, therapist: str) -> None:
    script = (
        "from reverie.cli.runtime import django_ready; django_ready()\n"
        "from reverie.clinic.models import User\nfrom reverie.clinic.services import people\n"
        f"c = User.objects.get(username='{client}'); t = User.objects.get(username='{therapist}')\n"
        "people.accept_invitation(t, people.issue_invitation(c))\n"
    )
    subprocess.run([sys.executable, "-c", script], env=cli.env, check=True, capture_output=True, timeout=180)


def test_cli_course_measures_calendar_and_fhir(cli: Any, tmp_path: Path) -> None:
    import recurring_ical_events
    from icalendar import Calendar

    from reverie.measures import fhir

    cli("user", "create", "theo", "--role", "therapist")
    cli("user", "create", "cara")
    _link(cli, "cara", "theo")
    _, out, _ = cli("course", "create", "-u", "theo", "--client", "cara", "--programme", "dit",
                    "--start", "2030-03-04T10:00", "--tz", "Europe/London")  # fmt: skip
    assert "16 sessions planned" in out
    _, shown, _ = cli("course", "show", "-u", "cara")
    assert shown.startswith("Session 1 of 16 · initial phase")
    assert "IPAF" not in shown and "the pattern in your relationships" in shown  # the client's words
    assert "agree the IPAF" in cli("course", "show", "-u", "theo", "--client", "cara")[1]
    _, filled, _ = cli("measure", "fill", "phq9", "-u", "cara", "--answers", "2,2,1,1,1,1,1,1,1")
    assert "11 (moderate) for session 1" in filled
    # item 9 > 0: the lines at once; no plan yet, so each country's first line (r125: the US lines alone before)
    assert "United Kingdom · Samaritans: " in filled
    assert "United States · 988 Suicide & Crisis Lifeline" in filled
    code, _, err = cli("measure", "fill", "phq9", "-u", "cara", "--answers", "0,0,0,0,0,0,0,0,0", check=False)
    assert code == 6 and "already submitted" in err
    code, _, err = cli("measure", "fill", "gad7", "-u", "cara", "--answers", "0,0,0,9,0,0,0", check=False)
    assert code == 2 and "Question 4, “Trouble relaxing”" in err
    _, history, _ = cli("measure", "history", "-u", "theo", "--client", "cara")
    assert "Not on track when" in history
    response_id = history.split("moderate")[1].split()[0]
    cli("measure", "fhir", response_id, "-o", str(tmp_path / "r.json"), "-u", "cara")
    fhir.validate(json.loads((tmp_path / "r.json").read_text()))
    cli("course", "ics", "-o", str(tmp_path / "c.ics"), "-u", "theo", "--client", "cara")
    cal = Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert len(recurring_ical_events.of(cal).between(datetime(2030, 1, 1), datetime(2031, 1, 1))) == 16


def test_cli_directory_import_and_fit(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "x1,Dr X,psychodynamic,,en,maybe,no,Leeds,GB,60,90,GBP,open\n")
    code, _, err = cli("directory", "import", str(bad), check=False)
    assert code == 2 and "column 'in_person'" in err
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "p1,Dr Pine,psychodynamic;DIT,dit,en,no,yes,,GB,70,90,GBP,open\n")
    _, out, _ = cli("directory", "import", str(good))
    assert "Imported 1 new" in out
    answers = ",".join(["yes"] * 5 + ["structured"] + ["0"] * 12)
    _, result, _ = cli("fit", "--answers", answers)
    assert "not a diagnosis" in result and "dit" in result and "Dr Pine" in result
    code, _, err = cli("fit", "--answers", "yes,no", check=False)
    assert code == 2
