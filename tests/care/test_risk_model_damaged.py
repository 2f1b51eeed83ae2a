"""h46: a damaged risk model file never costs a save its screen: the save is screened on the lexicon floors alone
(recorded as such, never "unscreened"), the alert is raised at the lexicon's level, and ``reverie doctor`` says
"the risk model file is damaged" with the file's path."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from reverie.analysis import risk
from reverie.care.models import RiskAlert
from reverie.clinic.models import EntryScreen
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped model folder copied, its weights cut short, and loaded in the shipped one's place."""
    if not (risk.MODEL_DIR / risk.MODEL_FILE).is_file():
        pytest.skip("the risk model is not installed")
    folder = tmp_path / "risk"
    shutil.copytree(risk.MODEL_DIR, folder)
    weights = folder / risk.MODEL_FILE
    weights.write_bytes(weights.read_bytes()[:1000])
    load, state = risk.load_model, risk.model_state
    monkeypatch.setattr(risk, "load_model", lambda *a, **k: load(folder, **k))
    monkeypatch.setattr(risk, "model_state", lambda *a, **k: state(folder))
    return weights


def test_a_save_with_a_damaged_risk_model_is_screened_on_the_lexicon_floors(
    paired: tuple[Any, Any], damaged: Path
) -> None:
    client, _ = paired
    view = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    row = EntryScreen.objects.get(entry_id=view.id, revision=view.revision)
    assert (
        row.level == "ideation" and row.rules_only
    )  # the lexicon's floor, and the screen says it stood alone
    assert [a.level for a in RiskAlert.objects.filter(client=client)] == ["ideation"]


def test_doctor_says_the_risk_model_file_is_damaged_with_its_path(
    paired: tuple[Any, Any], damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reverie.cli.doctor_cmds import doctor

    doctor(quarantine=False)
    said = capsys.readouterr().out
    assert "The risk model file is damaged" in said and str(damaged) in said
    assert "is not installed" not in said  # it is installed, and damaged: one message, the true one
    assert "support file is damaged" not in said
