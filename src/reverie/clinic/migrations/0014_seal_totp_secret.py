"""Seal every authenticator secret stored in plain text (review r40).

Forward: each non-empty ``User.totp_secret`` without the ``sealed:`` mark is sealed under that person's data key
(``signin.seal_secret``; the master key is needed, as for any sealed record). It also runs when a backup taken
before this migration is restored (``backup.restore_backup`` migrates restored records forward), so an old
backup's plain secrets are sealed on the way in. Backward: each sealed secret is opened back to plain text, so
the schema can go back (a restore migrates the empty database back to the backup's version first).
"""

from typing import Any

from django.db import migrations, models


def _users(apps: Any) -> Any:
    return apps.get_model("clinic", "User").objects.exclude(totp_secret="").order_by("pk")


def seal_plain_secrets(apps: Any, schema_editor: Any) -> None:
    from reverie.clinic.services import signin

    for user in _users(apps):
        if not user.totp_secret.startswith(signin.SEALED_MARK):
            user.totp_secret = signin.seal_secret(user, user.totp_secret)
            user.save(update_fields=["totp_secret"])


def open_sealed_secrets(apps: Any, schema_editor: Any) -> None:
    from reverie.clinic.services import signin

    for user in _users(apps):
        if user.totp_secret.startswith(signin.SEALED_MARK):
            user.totp_secret = signin.open_secret(user, user.totp_secret)
            user.save(update_fields=["totp_secret"])


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0013_analysis_hooks_done_failures"),
    ]

    operations = [
        migrations.AlterField(
            model_name="user",
            name="totp_secret",
            field=models.CharField(blank=True, default="", max_length=255),
        ),
        migrations.RunPython(seal_plain_secrets, open_sealed_secrets),
    ]
