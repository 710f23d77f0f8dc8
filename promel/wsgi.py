"""WSGI entry point: `gunicorn promel.wsgi`."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "promel.settings")

application = get_wsgi_application()

# A full garbage collection walks every tracked object. Frozen, what is loaded by now (Django,
# the apps, their models: about 70,000 objects) is left out of it: on the uncached sheet a full
# collection paused a worker 34 ms instead of 82, twice as often, so the same time in all and a
# shorter tail (benchmarks/uncached_sheet.py, its "pause GC" column).
gc.freeze()
