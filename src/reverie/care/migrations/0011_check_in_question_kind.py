"""A check-in stores the question it asked (``CheckIn.question_kind``) instead of deriving it from its alert, whose
level and ``model_alone`` may change later (or which may be deleted). Existing check-ins are filled in from their
alert as the question was derived until now: ``unread`` for an ``unscreened`` alert, ``unsure`` for one resting on
the sentence model alone, else ``explicit`` (the default)."""

from typing import Any

from django.db import migrations, models


def fill(apps: Any, schema_editor: Any) -> None:
    check_in = apps.get_model("care", "CheckIn")
    check_in.objects.filter(alert__level="unscreened").update(question_kind="unread")
    check_in.objects.filter(alert__model_alone=True).exclude(alert__level="unscreened").update(
        question_kind="unsure"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0010_risk_alert_model_alone"),
    ]

    operations = [
        migrations.AddField(
            model_name="checkin",
            name="question_kind",
            field=models.CharField(
                choices=[("explicit", "explicit"), ("unsure", "unsure"), ("unread", "unread")],
                default="explicit",
                max_length=16,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
