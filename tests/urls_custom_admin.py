"""The project's URLs with the admin at a non-default path."""

from django.contrib import admin
from django.urls import path

from promel.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("gestion-interne/", admin.site.urls)] + [
    pattern for pattern in project_urlpatterns if getattr(pattern, "app_name", "") != "admin"
]
