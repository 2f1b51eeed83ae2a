from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "reverie.workers"
    label = "workers"
    verbose_name = "Reverie workers"
    default_auto_field = "django.db.models.BigAutoField"
