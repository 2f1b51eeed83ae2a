from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "reverie.clinic"
    label = "clinic"
    verbose_name = "Reverie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from reverie.clinic.services import analysis, doctor

        analysis.install()
        doctor.install()
        from reverie.clinic.web import session_limit

        session_limit.install()
