"""WSGI entry point: `gunicorn promel.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promel.settings")

application = get_wsgi_application()
