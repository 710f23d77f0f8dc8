from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from roles import ops

admin.site.site_header = "Promel : administration des fiches métiers"
admin.site.site_title = "Administration Promel"
admin.site.index_title = "Contenu du site"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sante/", ops.health, name="health"),
    path("", include("roles.urls")),
]

if settings.BENCH_REFERENCE_VIEW:
    urlpatterns.insert(0, path("_reference/django/", ops.fixed_bytes))
