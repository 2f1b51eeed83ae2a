"""The goodbye letter counts its saves, so a save made from an older copy is refused instead of replacing a newer one
(optimistic concurrency, as the progress note and the formulation). Existing letters start at version 1."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0015_acknowledged_before_upgrade"),
    ]

    operations = [
        migrations.AddField(
            model_name="goodbyeletter",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
