"""A progress note counts its rewrites, so a rewrite made from an older copy is refused instead of replacing a newer
one (optimistic concurrency). Existing notes start at version 1."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0008_formulation_shared_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="progressnote",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
