"""The load benchmark's references, served only with BENCH_REFERENCE_VIEW=1 (benchmarks/bench.py).

/_reference/django/ is Django's cost with no work at all; /_reference/uncached-sheet/<slug>/ is
the sheet page rendered each time, with no cache in front of it.
"""

from django.http import HttpResponse
from django.urls import path

from roles.views.sheets import SheetPageView

# About the size of a sheet page.
REFERENCE_BODY = b"<!doctype html><title>r</title>" + b"x" * 30_000


def fixed_bytes(request):
    return HttpResponse(REFERENCE_BODY, content_type="text/html; charset=utf-8")


class UncachedSheetReference(SheetPageView):
    def shows_unpublished(self):
        return False


urlpatterns = [
    path("_reference/django/", fixed_bytes),
    path("_reference/uncached-sheet/<slug:slug>/", UncachedSheetReference.as_view()),
]
