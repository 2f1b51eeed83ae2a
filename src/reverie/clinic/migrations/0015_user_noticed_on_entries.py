"""The client's choice for "What Reverie noticed" on their entry pages: ask first (the default), always, never.

Existing accounts get "ask": the panel is closed until they open it (r39). The risk note is not governed by it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0014_seal_totp_secret"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="noticed_on_entries",
            field=models.CharField(
                choices=[("ask", "Ask first"), ("always", "Always show"), ("never", "Never show")],
                default="ask",
                max_length=8,
            ),
        ),
    ]
