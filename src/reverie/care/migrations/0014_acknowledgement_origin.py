"""Where an alert acknowledgement came from (``AlertAcknowledgement.origin``, ``closed_by``): the columns that
migration 0015 fills for acknowledgements made before they were per therapist. Kept apart from 0015 because on
PostgreSQL a new foreign key's index cannot be built in the same transaction as rows written into its table."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0013_owed_alert"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="alertacknowledgement",
            name="origin",
            field=models.CharField(
                blank=True,
                choices=[("", "own"), ("own_old", "own_old"), ("old", "old")],
                default="",
                max_length=8,
            ),
        ),
        migrations.AddField(
            model_name="alertacknowledgement",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
