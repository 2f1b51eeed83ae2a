"""A check-in records when it was first shown to the client in full (the question with the crisis lines), so the
command line recalls in one line only one the person has seen, and shows in full one raised out of their sight.
Existing check-ins start unshown: each is shown in full once more."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0016_goodbye_letter_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="checkin",
            name="shown_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
