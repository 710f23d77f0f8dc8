from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from promel import health
from promel.accounts import (
    LimitedPasswordResetView,
    StaffPasswordResetForm,
    UnlockingPasswordResetConfirmView,
)
from roles.sitemaps import SITEMAPS
from roles.views.reuse import robots_txt

admin.site.site_header = "Promel\u00a0: administration des fiches métiers"
admin.site.site_title = "Administration Promel"
admin.site.index_title = "Contenu du site"

# Editors reset a forgotten password by e-mail ("Mot de passe oublié ?" on the admin log-in).
admin_look = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
password_reset_urls = [
    path(
        "mot-de-passe-oublie/",
        LimitedPasswordResetView.as_view(
            form_class=StaffPasswordResetForm,
            extra_context=admin_look,
            extra_email_context={
                "site_url": settings.SITE_URL,
                "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
            },
        ),
        name="admin_password_reset",
    ),
    path(
        "mot-de-passe-oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(extra_context=admin_look),
        name="password_reset_done",
    ),
    path(
        "nouveau-mot-de-passe/<uidb64>/<token>/",
        UnlockingPasswordResetConfirmView.as_view(extra_context=admin_look),
        name="password_reset_confirm",
    ),
    path(
        "nouveau-mot-de-passe/enregistre/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=admin_look),
        name="password_reset_complete",
    ),
]

# Staff screens that moved: mails already sent and bookmarks lead to the new addresses.
MOVED_SCREENS = "comment|recruitmentrequest|requestnote|moderationsettings|erasurelog"
moved_screens = [
    re_path(
        rf"^{settings.ADMIN_URL}roles/(?P<screen>{MOVED_SCREENS})/(?P<rest>.*)$",
        RedirectView.as_view(
            url=f"/{settings.ADMIN_URL}visitors/%(screen)s/%(rest)s",
            permanent=True,
            query_string=True,
        ),
    ),
    path(
        f"{settings.ADMIN_URL}roles/role/sante/",
        RedirectView.as_view(
            url=f"/{settings.ADMIN_URL}roles/role/completude/", permanent=True, query_string=True
        ),
    ),
]

urlpatterns = [
    *moved_screens,
    path(settings.ADMIN_URL, include(password_reset_urls)),
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sante/", health.health, name="health"),
    path("", include("roles.visitors.urls")),
    path("", include("roles.urls")),
]

if settings.BENCH_REFERENCE_VIEW:
    urlpatterns[:0] = [path("", include("benchmarks.reference_views"))]
