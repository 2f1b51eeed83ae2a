from django.apps import AppConfig


class ClinicConfig(AppConfig):
    name = "reverie.clinic"
    label = "clinic"
    verbose_name = "Reverie"
    default_auto_field = "django.db.models.BigAutoField"
