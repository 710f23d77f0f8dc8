from django.urls import path

from . import api, feeds, views
from .views.legal import LegalPageView
from .views.pathfinder import PathfinderView

app_name = "roles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("metiers/", views.RoleListView.as_view(), name="role_list"),
    path("metiers/<slug:slug>/", views.RoleDetailView.as_view(), name="role_detail"),
    path("metiers/<slug:slug>/offre-d-emploi/", views.RoleJobAdView.as_view(), name="role_job_ad"),
    path("apercu/<int:pk>/", views.RolePreviewView.as_view(), name="role_preview"),
    path("familles/", views.FamilyListView.as_view(), name="family_list"),
    path("familles/<slug:slug>/", views.FamilyDetailView.as_view(), name="family_detail"),
    path("competences/", views.SkillListView.as_view(), name="skill_list"),
    path("competences/<slug:slug>/", views.SkillDetailView.as_view(), name="skill_detail"),
    path("secteurs/", views.SectorListView.as_view(), name="sector_list"),
    path("secteurs/<slug:slug>/", views.SectorDetailView.as_view(), name="sector_detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path(
        "confidentialite/",
        LegalPageView.as_view(
            template_name="roles/privacy.html", title="Politique de confidentialité"
        ),
        name="privacy",
    ),
    path(
        "mentions-legales/",
        LegalPageView.as_view(template_name="roles/legal_notice.html", title="Mentions légales"),
        name="legal_notice",
    ),
    path("donnees-ouvertes/", views.OpenDataView.as_view(), name="open_data"),
    path("api/metiers/", api.role_list, name="api_role_list"),
    path("api/metiers/<slug:slug>/", api.role_detail, name="api_role_detail"),
    path("api/openapi.json", api.openapi, name="api_openapi"),
    path("api/<path:rest>", api.not_found, name="api_not_found"),
    path("flux/", views.FeedIndexView.as_view(), name="feeds"),
    path("flux/atom/", feeds.LatestSheetsAtomFeed(), name="feed_atom"),
    path("flux/rss/", feeds.LatestSheetsFeed(), name="feed_rss"),
    path("comparer/", views.CompareView.as_view(), name="compare"),
    path("parcours/", views.CareerMapView.as_view(), name="career_map"),
    path("mon-evolution/", PathfinderView.as_view(), name="pathfinder"),
    path("salaires/", views.SalaryComparisonView.as_view(), name="salary_comparison"),
]
