from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "reverie.clinic"
    label = "clinic"
    verbose_name = "Reverie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from reverie.clinic.services import analysis, doctor, people

        analysis.install()
        doctor.install()
        people.install()  # an account turned off by any save ends its links (h132)
        from reverie.clinic.web import session_limit

        session_limit.install()
