from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0010_entryscreen_owed_rules_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="entryscreen",
            name="words_entry",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="entryscreen",
            name="words_revision",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
    ]
