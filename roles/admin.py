"""Editors' screens: one sheet and all its parts on one page."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone

from .models import (
    CareerMove,
    Family,
    Mission,
    Role,
    RoleSkill,
    Salary,
    Sector,
    Skill,
    TrainingPath,
)
from .page_cache import bump_content_version


class MissionInline(admin.TabularInline):
    model = Mission
    fields = ["order", "text", "scope", "company_context"]
    extra = 0


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    fields = ["order", "skill", "weight", "note"]
    autocomplete_fields = ["skill"]
    extra = 0


class TrainingPathInline(admin.TabularInline):
    model = TrainingPath
    fields = ["order", "level", "institution", "fields_of_study", "note"]
    extra = 0


class IncomingMoveInline(admin.TabularInline):
    model = CareerMove
    fk_name = "to_role"
    fields = ["order", "from_role", "from_title", "kind", "years_of_experience"]
    autocomplete_fields = ["from_role"]
    extra = 0
    verbose_name = "poste qui mène à ce métier"
    verbose_name_plural = "postes qui mènent à ce métier"


class OutgoingMoveInline(admin.TabularInline):
    model = CareerMove
    fk_name = "from_role"
    fields = ["order", "to_role", "to_title", "kind", "years_of_experience"]
    autocomplete_fields = ["to_role"]
    extra = 0
    verbose_name = "évolution possible depuis ce métier"
    verbose_name_plural = "évolutions possibles depuis ce métier"


class SalaryInline(admin.StackedInline):
    model = Salary
    fields = [
        ("order", "experience", "period", "currency"),
        ("amount_min", "amount_typical", "amount_max"),
        ("company_size", "sector", "region"),
        ("source", "year", "sample_size"),
        "note",
    ]
    autocomplete_fields = ["sector"]
    extra = 0


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "family", "status", "published_at", "is_featured", "updated_at"]
    list_filter = ["status", "family", "is_featured", "sectors"]
    list_select_related = ["family"]
    search_fields = ["title", "short_name", "alternative_titles", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_roles", "sectors"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish"]
    inlines = [
        MissionInline,
        RoleSkillInline,
        TrainingPathInline,
        IncomingMoveInline,
        OutgoingMoveInline,
        SalaryInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "short_name", "slug", "alternative_titles", "family"]}),
        ("Présentation", {"fields": ["tagline", "summary", "introduction", "reporting_line"]}),
        ("Salaire", {"fields": ["salary_note"]}),
        ("Classement", {"fields": ["tags", "sectors", "related_roles"]}),
        ("Publication", {"fields": ["status", "published_at", "is_featured"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description="Publier les fiches sélectionnées")
    def publish(self, request, queryset):
        count = queryset.update(status=Role.Status.PUBLISHED, updated_at=timezone.now())
        bump_content_version()  # update() sends no signal
        self.message_user(request, f"{count} fiche(s) publiée(s).", messages.SUCCESS)

    @admin.action(description="Repasser les fiches sélectionnées en brouillon")
    def unpublish(self, request, queryset):
        count = queryset.update(status=Role.Status.DRAFT, updated_at=timezone.now())
        bump_content_version()  # update() sends no signal
        self.message_user(request, f"{count} fiche(s) repassée(s) en brouillon.", messages.SUCCESS)


class VocabularyAdmin(admin.ModelAdmin):
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


from . import visitor_admin  # noqa: E402, F401 - recruiters and moderators screens
