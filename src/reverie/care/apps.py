from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "reverie.care"
    label = "care"
    verbose_name = "Reverie course of therapy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from reverie.care import policy
        from reverie.care.services import alerts, erasure

        policy.install()
        alerts.install()
        erasure.install()
        from reverie.care.services import export_record

        export_record.install()
        from reverie.care.services import course

        course.install()
        from reverie.care.services import held

        held.install()
