from django.db import migrations, models


class Migration(migrations.Migration):
    """Every file stored so far is marked not yet stripped by today's picture_metadata.strip (review r77: before h85
    nothing was removed; h85's walk let a fill byte or a stray byte keep the rest): the worker's upkeep re-strips
    each once (journal.restrip_pictures) and sets its size; a file stored from now on is stored stripped."""

    dependencies = [
        ("clinic", "0016_entry_order_total"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="stripped",
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name="attachment",
            name="stripped",
            field=models.BooleanField(default=True),
        ),
    ]
