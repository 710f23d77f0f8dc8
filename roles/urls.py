from django.urls import path

from . import api, feeds
from .views import (
    career_map,
    compare,
    groups,
    home,
    legal,
    pathfinder,
    reuse,
    salaries,
    search,
    sheets,
)

app_name = "roles"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("metiers/", sheets.RoleListView.as_view(), name="role_list"),
    path("metiers/<slug:slug>/", sheets.RoleDetailView.as_view(), name="role_detail"),
    path("metiers/<slug:slug>/offre-d-emploi/", sheets.RoleJobAdView.as_view(), name="role_job_ad"),
    path("apercu/<int:pk>/", sheets.RolePreviewView.as_view(), name="role_preview"),
    path("familles/", groups.FamilyListView.as_view(), name="family_list"),
    path("familles/<slug:slug>/", groups.FamilyDetailView.as_view(), name="family_detail"),
    path("competences/", groups.SkillListView.as_view(), name="skill_list"),
    path("competences/<slug:slug>/", groups.SkillDetailView.as_view(), name="skill_detail"),
    path("secteurs/", groups.SectorListView.as_view(), name="sector_list"),
    path("secteurs/<slug:slug>/", groups.SectorDetailView.as_view(), name="sector_detail"),
    path("tags/<slug:slug>/", groups.TagDetailView.as_view(), name="tag_detail"),
    path("recherche/", search.SearchView.as_view(), name="search"),
    path(
        "confidentialite/",
        legal.LegalPageView.as_view(
            template_name="roles/privacy.html", title="Politique de confidentialité"
        ),
        name="privacy",
    ),
    path(
        "mentions-legales/",
        legal.LegalPageView.as_view(
            template_name="roles/legal_notice.html", title="Mentions légales"
        ),
        name="legal_notice",
    ),
    path("donnees-ouvertes/", reuse.OpenDataView.as_view(), name="open_data"),
    path("api/metiers/", api.role_list, name="api_role_list"),
    path("api/metiers/<slug:slug>/", api.role_detail, name="api_role_detail"),
    path("api/openapi.json", api.openapi, name="api_openapi"),
    path("api/<path:rest>", api.not_found, name="api_not_found"),
    path("flux/", reuse.FeedIndexView.as_view(), name="feeds"),
    path("flux/atom/", feeds.LatestSheetsAtomFeed(), name="feed_atom"),
    path("flux/rss/", feeds.LatestSheetsFeed(), name="feed_rss"),
    path("comparer/", compare.CompareView.as_view(), name="compare"),
    path("parcours/", career_map.CareerMapView.as_view(), name="career_map"),
    path("mon-evolution/", pathfinder.PathfinderView.as_view(), name="pathfinder"),
    path("salaires/", salaries.SalaryComparisonView.as_view(), name="salary_comparison"),
]
