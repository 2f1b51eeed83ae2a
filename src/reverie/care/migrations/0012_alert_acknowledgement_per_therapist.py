import uuid
from typing import Any

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _keep_acknowledgements(apps: Any, schema_editor: Any) -> None:
    """Each alert acknowledged before acknowledgements were per therapist keeps it as its first acknowledgement row,
    under the alert's own id (so its sealed note, sealed under that id, still opens)."""
    RiskAlert = apps.get_model("care", "RiskAlert")
    Acknowledgement = apps.get_model("care", "AlertAcknowledgement")
    for alert in RiskAlert.objects.filter(acknowledged_at__isnull=False).iterator():
        Acknowledgement.objects.create(
            id=alert.id,
            alert_id=alert.id,
            client_id=alert.client_id,
            therapist_id=alert.acknowledged_by_id,
            acknowledged_at=alert.acknowledged_at,
            level=alert.level,
            urgency=alert.urgency,
            note=alert.note,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0011_check_in_question_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="riskalert",
            name="raised_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="riskalert",
            name="reopened_because",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        migrations.CreateModel(
            name="AlertAcknowledgement",
            fields=[
                (
                    "id",
                    models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
                ),
                ("acknowledged_at", models.DateTimeField()),
                ("level", models.CharField(max_length=16)),
                ("urgency", models.PositiveSmallIntegerField()),
                ("note", models.BinaryField(blank=True, null=True)),
                (
                    "alert",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="acknowledgements",
                        to="care.riskalert",
                    ),
                ),
                (
                    "client",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "therapist",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["acknowledged_at"],
            },
        ),
        migrations.RunPython(_keep_acknowledgements, migrations.RunPython.noop),
    ]
