"""A formulation version records when the client could first see it (brief q3, QA qa33 point 13).

Versions already visible under the old rule (every version of a shared formulation) stay visible: they get their
own date as the date they were shared."""

from typing import Any

from django.db import migrations, models


def _keep_what_clients_saw(apps: Any, schema_editor: Any) -> None:
    formulation = apps.get_model("care", "Formulation")
    for row in formulation.objects.filter(course__formulation_shared=True, shared_at__isnull=True):
        row.shared_at = row.created_at
        row.save(update_fields=["shared_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0007_measure_session"),
    ]

    operations = [
        migrations.AddField(
            model_name="formulation",
            name="shared_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(_keep_what_clients_saw, migrations.RunPython.noop),
    ]
