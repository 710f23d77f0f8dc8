"""Editors' screens: one sheet and all its parts on one page."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from ..health import check_sheets
from ..models import (
    CareerMove,
    ContentVersion,
    Family,
    Mission,
    Role,
    RoleSkill,
    Salary,
    Sector,
    Skill,
    TrainingPath,
)
from ..rendering import MARKDOWN_HELP
from ..signals import deferred_search_refresh
from ..templatetags.roles_extras import sheet_markdown


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


class StateFilter(admin.SimpleListFilter):
    title = "état"
    parameter_name = "etat"
    QUERYSETS = {"brouillon": "drafts", "programmee": "scheduled", "publiee": "published"}

    def lookups(self, request, model_admin):
        return [("brouillon", "Brouillon"), ("programmee", "Programmée"), ("publiee", "Publiée")]

    def queryset(self, request, queryset):
        if self.value() in self.QUERYSETS:
            return getattr(queryset, self.QUERYSETS[self.value()])()
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = "relecture"
    parameter_name = "relecture"

    def lookups(self, request, model_admin):
        return [("a-relire", "À relire"), ("a-jour", "Relue récemment")]

    def queryset(self, request, queryset):
        if self.value() == "a-relire":
            return queryset.stale()
        if self.value() == "a-jour":
            return queryset.reviewed()
        return queryset


@admin.register(Role)
class RoleAdmin(CompareVersionAdmin):
    """A sheet and its parts on one screen; every save is a revision (history, compare, revert)."""

    list_display = ["title", "family", "state", "published_at", "updated_at", "review"]
    list_filter = [StateFilter, ReviewFilter, "family", "is_featured", "sectors"]
    list_select_related = ["family", "reviewed_by"]
    search_fields = ["title", "short_name", "alternative_titles", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_roles", "sectors"]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish", "mark_reviewed"]
    readonly_fields = ["introduction_preview", "reviewed_at", "reviewed_by"]
    history_latest_first = True
    compare_exclude = ["sort_title", "updated_at", "reviewed_at", "reviewed_by"]
    change_list_template = "admin/roles/role/change_list.html"
    recover_list_template = "admin/roles/role/recover_list.html"
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
        (
            "Présentation",
            {
                "fields": [
                    "tagline",
                    "summary",
                    "introduction",
                    "introduction_preview",
                    "reporting_line",
                ]
            },
        ),
        ("Salaire", {"fields": ["salary_note"]}),
        ("Classement", {"fields": ["tags", "sectors", "related_roles"]}),
        (
            "Référentiels",
            {
                "fields": [("rome_code", "isco_code", "onet_code"), "esco_uri"],
                "description": "Laissez un code vide plutôt que de le deviner.",
            },
        ),
        ("Publication", {"fields": ["status", "published_at", "is_featured"]}),
        ("Relecture", {"fields": ["reviewed_at", "reviewed_by"]}),
    ]

    @admin.display(description="aperçu de l'introduction enregistrée")
    def introduction_preview(self, obj):
        """The saved introduction as the site shows it, sanitised ("Aperçu du texte saisi" below
        previews unsaved text)."""
        if not obj.introduction:
            return "Rien à afficher pour l'instant."
        return format_html(
            '<div class="markdown-preview">{}</div>', sheet_markdown(obj.introduction)
        )

    @admin.display(description="état")
    def state(self, obj):
        return obj.state

    @admin.display(description="relecture", ordering="reviewed_at")
    def review(self, obj):
        if obj.is_stale:
            return "À relire"
        return f"Relue le {date_format(timezone.localtime(obj.reviewed_at))}"

    def recoverlist_view(self, request, extra_context=None):
        context = {"title": "Récupérer des fiches supprimées", **(extra_context or {})}
        return super().recoverlist_view(request, context)

    def get_urls(self):
        health = path(
            "sante/", self.admin_site.admin_view(self.health_view), name="roles_role_health"
        )
        preview = path(
            "apercu-markdown/",
            self.admin_site.admin_view(self.markdown_preview_view),
            name="roles_role_markdown_preview",
        )
        return [health, preview, *super().get_urls()]

    def markdown_preview_view(self, request):
        """Any introduction text, rendered and sanitised exactly as the site will show it."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("introduction", "")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Aperçu de l'introduction",
            "text": text,
            "help": MARKDOWN_HELP,
        }
        return TemplateResponse(request, "admin/roles/role/markdown_preview.html", context)

    HEALTH_ORDERINGS = {
        "score": lambda h: (h.score, h.role.sort_title),
        "titre": lambda h: h.role.sort_title,
        "problemes": lambda h: (-len(h.problems), h.role.sort_title),
        "liens": lambda h: (-len(h.broken_links), h.score),
    }

    def health_view(self, request):
        """Each sheet's completeness, sortable: what editors should work on next."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        order = request.GET.get("o", "score")
        key = self.HEALTH_ORDERINGS.get(order.removeprefix("-"), self.HEALTH_ORDERINGS["score"])
        report = sorted(check_sheets(), key=key, reverse=order.startswith("-"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Santé des fiches",
            "report": report,
            "order": order,
        }
        return TemplateResponse(request, "admin/roles/role/health.html", context)

    def save_model(self, request, obj, form, change):
        if "_mark_reviewed" in request.POST:
            obj.reviewed_at, obj.reviewed_by = timezone.now(), request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # The inlines' saves each touch the sheet: index it once, after the last one.
        with deferred_search_refresh():
            super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        with deferred_search_refresh():  # the deleted parts need not re-index a deleted sheet
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with deferred_search_refresh():
            super().delete_queryset(request, queryset)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description="Publier les fiches sélectionnées")
    def publish(self, request, queryset):
        count = queryset.update(status=Role.Status.PUBLISHED, updated_at=timezone.now())
        ContentVersion.bump()  # update() sends no signal
        self.message_user(request, f"{count} fiche(s) publiée(s).", messages.SUCCESS)

    @admin.action(
        description="Marquer les fiches sélectionnées comme relues", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        count = queryset.update(reviewed_at=timezone.now(), reviewed_by=request.user)
        ContentVersion.bump()  # update() sends no signal
        self.message_user(request, f"{count} fiche(s) marquée(s) comme relue(s).", messages.SUCCESS)

    @admin.action(description="Repasser les fiches sélectionnées en brouillon")
    def unpublish(self, request, queryset):
        count = queryset.update(status=Role.Status.DRAFT, updated_at=timezone.now())
        ContentVersion.bump()  # update() sends no signal
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
