"""Public pages: thin views over the querysets in roles.models."""

from .pictures import CareerMapView, SalaryComparisonView
from .sheets import (
    BreadcrumbsMixin,
    FamilyDetailView,
    FamilyListView,
    ForgivingPaginationMixin,
    HomeView,
    RoleDetailView,
    RoleGroupView,
    RoleListView,
    SearchView,
    SectorDetailView,
    SectorListView,
    SkillDetailView,
    SkillListView,
    TagDetailView,
)

__all__ = [
    "BreadcrumbsMixin",
    "CareerMapView",
    "FamilyDetailView",
    "FamilyListView",
    "ForgivingPaginationMixin",
    "HomeView",
    "RoleDetailView",
    "RoleGroupView",
    "RoleListView",
    "SalaryComparisonView",
    "SearchView",
    "SectorDetailView",
    "SectorListView",
    "SkillDetailView",
    "SkillListView",
    "TagDetailView",
]
