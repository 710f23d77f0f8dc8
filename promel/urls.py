from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Promel : administration des fiches métiers"
admin.site.site_title = "Administration Promel"
admin.site.index_title = "Contenu du site"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("roles.urls")),
]
