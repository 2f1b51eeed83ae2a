"""Review r136: a clinic's `pg_dump` (every canary planted in a course, a journal and a questionnaire checked) holds
no word anyone wrote, but it does hold, in the clear, each PHQ-9/GAD-7's total, severity band and whether the risk
question (item 9) was answered above 0, and on each item-9 risk alert the exact answer (1-3). docs/security.md said
"every record of a course of therapy … measures … is sealed with the client's data key" and its "Metadata" list named
only "analysis summary fields such as the risk level": a clinic reading it could not know that its database dump
says which client scored "moderately severe" with thoughts of self-harm. Each plain clinical column is now named
there; this test fails when a model gains one the page does not name."""

from __future__ import annotations

from pathlib import Path

from django.db import models

from reverie.care.models import CheckIn, MeasureResponse, RiskAlert

SECURITY = Path(__file__).resolve().parents[2] / "docs" / "security.md"

# column -> the words security.md's "Metadata" item uses for it
PLAIN = {
    (MeasureResponse, "questionnaire"): "which questionnaire",
    (MeasureResponse, "total"): "its total",
    (MeasureResponse, "band"): "severity band",
    (MeasureResponse, "risk_item_positive"): "whether its risk question (PHQ-9 item 9) was answered above 0",
    (RiskAlert, "item_answer"): "the exact answer to that question",
    (RiskAlert, "level"): "risk alerts' level",
    (RiskAlert, "urgency"): "urgency",
    (RiskAlert, "answer"): "check-in answer",
    (CheckIn, "answer"): "check-in answer",
}


def _metadata_item() -> str:
    text = SECURITY.read_text(encoding="utf-8")
    start = text.index("- **Metadata.**")
    return " ".join(text[start : text.index("\n- **", start + 1)].split())


def test_every_plain_clinical_column_is_named_in_the_metadata_list() -> None:
    said = _metadata_item()
    missing = [f"{model.__name__}.{field}" for (model, field), words in PLAIN.items() if words not in said]
    assert not missing, f"docs/security.md 'Metadata' does not name: {missing}"


def test_the_sealed_columns_of_these_models_are_binary_and_the_rest_are_listed_or_structural() -> None:
    """A text or number column added to a questionnaire or an alert is either sealed (binary) or named above."""
    structural = (models.ForeignKey, models.UUIDField, models.DateTimeField, models.BinaryField)
    for model in (MeasureResponse, RiskAlert, CheckIn):
        for field in model._meta.concrete_fields:
            if isinstance(field, structural) or (model, field.name) in PLAIN:
                continue
            assert field.name in KNOWN_PLAIN_NOT_CLINICAL.get(model.__name__, ()), (
                f"{model.__name__}.{field.name} is stored in the clear: seal it or name it in docs/security.md"
            )


# Plain columns that describe the record, not the person's state: where it came from and how it is handled.
KNOWN_PLAIN_NOT_CLINICAL = {
    "MeasureResponse": (),
    "RiskAlert": ("source", "record_id", "model_alone", "reopened_because"),
    "CheckIn": ("question_kind",),
}
