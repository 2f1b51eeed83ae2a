# Written by hand (makemigrations would have picked up other engineers' unfinished model edits); checked with
# `makemigrations --check` against the model in clinic/models/feedback.py.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0005_risk_screen"),
    ]

    operations = [
        migrations.CreateModel(
            name="ObservationFeedback",
            fields=[
                (
                    "id",
                    models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
                ),
                ("analyzer", models.CharField(max_length=32)),
                (
                    "answer",
                    models.CharField(
                        choices=[("fits", "Fits"), ("does_not_fit", "Doesn't fit"), ("not_sure", "Not sure")],
                        max_length=16,
                    ),
                ),
                ("payload", models.BinaryField()),
                (
                    "client",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="observation_feedback",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="feedback",
                        to="clinic.entry",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["client", "analyzer"], name="feedback_client_analyzer")],
            },
        ),
    ]
