"""Public pages: thin views over the querysets in roles.models."""

from .compare import CompareView
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
    "CompareView",
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
