from django.db import migrations, models


class Migration(migrations.Migration):
    """When the upkeep's re-strip last failed to open a file (journal.restrip_pictures): such a file is tried again
    only after the others and after a wait, so files that never open cannot fill every batch (review r79)."""

    dependencies = [
        ("clinic", "0018_deleted_for_good"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="restrip_failed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
