"""Public pages: thin views over the querysets in roles.models."""

from .compare import CompareView
from .pictures import CareerMapView, SalaryComparisonView
from .reach import FeedIndexView, OpenDataView, robots_txt
from .sheets import (
    BreadcrumbsMixin,
    FamilyDetailView,
    FamilyListView,
    ForgivingPaginationMixin,
    HomeView,
    RoleDetailView,
    RoleGroupView,
    RoleJobAdView,
    RoleListView,
    RolePreviewView,
    RoleSheetMixin,
    SearchView,
    SectorDetailView,
    SectorListView,
    SkillDetailView,
    SkillListView,
    TagDetailView,
)

__all__ = [
    "FeedIndexView",
    "OpenDataView",
    "RoleJobAdView",
    "RolePreviewView",
    "RoleSheetMixin",
    "robots_txt",
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
