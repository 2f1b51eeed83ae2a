from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "reverie.api"
    label = "api"
    verbose_name = "Reverie API"
    default_auto_field = "django.db.models.BigAutoField"
