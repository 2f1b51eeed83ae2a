"""A PHQ-9 item 9 alert keeps the exact answer it was raised on (1-3), so its line names it ("more than half the
days") even for a form that was refused and never stored (h168). Alerts raised before keep None: their line reads
the stored form as before, or the level's words."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0017_check_in_shown_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="riskalert",
            name="item_answer",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
    ]
