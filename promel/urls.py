from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from roles.sitemaps import SITEMAPS
from roles.views import robots_txt

admin.site.site_header = "Promel : administration des fiches métiers"
admin.site.site_title = "Administration Promel"
admin.site.index_title = "Contenu du site"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("roles.urls")),
]
