"""WSGI entry point (waitress in embedded mode; any WSGI server in clinic mode)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reverie.clinic.settings")
application = get_wsgi_application()
