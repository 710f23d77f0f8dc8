from django.urls import path

from . import views

app_name = "roles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("metiers/", views.RoleListView.as_view(), name="role_list"),
    path("metiers/<slug:slug>/", views.RoleDetailView.as_view(), name="role_detail"),
    path("familles/", views.FamilyListView.as_view(), name="family_list"),
    path("familles/<slug:slug>/", views.FamilyDetailView.as_view(), name="family_detail"),
    path("competences/", views.SkillListView.as_view(), name="skill_list"),
    path("competences/<slug:slug>/", views.SkillDetailView.as_view(), name="skill_detail"),
    path("secteurs/", views.SectorListView.as_view(), name="sector_list"),
    path("secteurs/<slug:slug>/", views.SectorDetailView.as_view(), name="sector_detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("recherche/", views.SearchView.as_view(), name="search"),
    path("comparer/", views.CompareView.as_view(), name="compare"),
    path("parcours/", views.CareerMapView.as_view(), name="career_map"),
    path("salaires/", views.SalaryComparisonView.as_view(), name="salary_comparison"),
]
