"""Editors' screens of the vocabularies: families, sectors, skills."""

from django.contrib import admin
from django.db.models import Count

from ..models import Family, Sector, Skill
from .changelists import TolerantFiltersMixin


class VocabularyAdmin(TolerantFiltersMixin, admin.ModelAdmin):
    """Families, sectors and skills: named entries that sheets refer to."""

    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        counted = super().get_queryset(request).annotate(sheet_count=Count(self.sheets_path))
        return counted.order_by(*self.model._meta.ordering)  # aggregation drops Meta.ordering

    @admin.display(description="fiches", ordering="sheet_count")
    def sheet_count(self, obj):
        return obj.sheet_count


@admin.register(Family)
class FamilyAdmin(VocabularyAdmin):
    sheets_path = "roles"
    list_display = ["name", "order", "sheet_count"]
    list_editable = ["order"]


@admin.register(Sector)
class SectorAdmin(VocabularyAdmin):
    sheets_path = "roles"
    list_display = ["name", "sheet_count"]


@admin.register(Skill)
class SkillAdmin(VocabularyAdmin):
    sheets_path = "role_skills"
    list_display = ["name", "kind", "sheet_count"]
    list_filter = ["kind"]
