"""Editors' screens: one sheet and all its parts on one page."""

from adminsortable2.admin import SortableAdminBase
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin

from ..models import (
    CareerMove,
    ContentVersion,
    Mission,
    Role,
    RoleSkill,
    Salary,
    TrainingPath,
)
from ..rendering import MARKDOWN_HELP
from ..signals import deferred_search_refresh
from .changelists import ReviewFilter, StateFilter, TolerantFiltersMixin
from .completeness import CompletenessScreenMixin
from .editing import PartInline, StableTextMixin
from .from_rome import FromRomeMixin
from .history import SheetHistoryMixin
from .layout import errors_of, sections_in_order
from .preview import unsaved_preview
from .tags import OrderedTagsMixin


class MissionInline(PartInline):
    model = Mission
    fields = [("text", "scope", "company_context")]


class RoleSkillInline(PartInline):
    model = RoleSkill
    fields = [("skill", "weight", "note")]
    autocomplete_fields = ["skill"]


class TrainingPathInline(PartInline):
    model = TrainingPath
    fields = [("level", "institution", "fields_of_study"), "note"]


class IncomingMoveInline(PartInline):
    model = CareerMove
    fk_name = "to_role"
    fields = [("from_role", "from_title", "kind", "years_of_experience")]
    autocomplete_fields = ["from_role"]
    verbose_name = "poste qui mène à ce métier"
    verbose_name_plural = "postes qui mènent à ce métier"


class OutgoingMoveInline(PartInline):
    model = CareerMove
    fk_name = "from_role"
    fields = [("to_role", "to_title", "kind", "years_of_experience")]
    autocomplete_fields = ["to_role"]
    verbose_name = "évolution possible depuis ce métier"
    verbose_name_plural = "évolutions possibles depuis ce métier"


class SalaryInline(PartInline):
    model = Salary
    fields = [
        ("experience", "period", "currency"),
        ("amount_min", "amount_typical", "amount_max"),
        ("company_size", "sector", "region"),
        ("source", "year", "sample_size"),
        "note",
    ]
    autocomplete_fields = ["sector"]


def plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


@admin.register(Role)
class RoleAdmin(
    CompletenessScreenMixin,
    FromRomeMixin,
    TolerantFiltersMixin,
    OrderedTagsMixin,
    StableTextMixin,
    SheetHistoryMixin,
    SortableAdminBase,
    CompareVersionAdmin,
):
    """A sheet and its parts on one screen; every save is a revision (history, compare, revert)."""

    list_display = ["title", "family", "state", "published_at", "updated_at", "review"]
    list_filter = [StateFilter, ReviewFilter, "family", "is_featured", "sectors"]
    list_select_related = ["family", "reviewed_by"]
    search_fields = ["title", "short_name", "alternative_titles", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "related_roles",
        "sectors",
        "rome_code",
        "isco_code",
        "esco_uri",
        "onet_code",
    ]
    date_hierarchy = "published_at"
    actions = ["publish", "unpublish", "mark_reviewed"]
    readonly_fields = ["introduction_preview", "reviewed_at", "reviewed_by"]
    markdown_fields = ["introduction"]
    history_latest_first = True
    change_form_template = "admin/roles/role/change_form.html"
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
        (
            "Présentation",
            {
                "fields": [
                    "title",
                    "title_in_english",
                    "short_name",
                    "slug",
                    "alternative_titles",
                    "family",
                    "tagline",
                    "summary",
                    "introduction",
                    "introduction_preview",
                    "reporting_line",
                ]
            },
        ),
        ("Ce qui fait varier le salaire", {"fields": ["salary_note"]}),
        ("Secteurs et étiquettes", {"fields": ["sectors", "tags"]}),
        ("Fiches liées", {"fields": ["related_roles"]}),
        (
            "Référentiels",
            {
                "fields": ["rome_code", "esco_uri", "isco_code", "onet_code"],
                "description": "Choisissez chaque code dans la liste officielle, par son code "
                "ou son intitulé ; laissez-le vide plutôt que de le deviner.",
            },
        ),
        ("Publication", {"fields": ["status", "published_at", "is_featured"]}),
        ("Relecture", {"fields": ["reviewed_at", "reviewed_by"]}),
    ]
    # The screen follows the public page: fieldsets by name, parts by their inline's prefix
    # (a fieldset or inline not listed here comes after these).
    sections = [
        "Présentation",
        "missions",
        "role_skills",
        "training_paths",
        "incoming_moves",
        "outgoing_moves",
        "salaries",
        "Ce qui fait varier le salaire",
        "Secteurs et étiquettes",
        "Fiches liées",
        "Référentiels",
        "Publication",
        "Relecture",
    ]

    def render_change_form(self, request, context, *args, **kwargs):
        sections = sections_in_order(
            self.sections, context["adminform"], context["inline_admin_formsets"]
        )
        # The summary replaces Django's "Corrigez les erreurs ci-dessous." (context["errors"]).
        context.update(sections=sections, field_errors=errors_of(sections), errors=None)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description="aperçu de l’introduction enregistrée")
    def introduction_preview(self, obj):
        """The saved introduction as the site shows it, sanitised, and a button that shows the
        text being typed the same way, in a new tab."""
        saved = (
            format_html(
                '<div class="markdown-preview">{}</div>',
                Role.objects.markdown_html(obj.introduction),
            )
            if obj.introduction
            else "Rien à afficher pour l’instant."
        )
        button = format_html(
            '<button type="submit" class="button" formaction="{}" formtarget="_blank" '
            "formnovalidate>Aperçu de l’introduction saisie</button>",
            reverse("admin:roles_role_markdown_preview"),
        )
        return format_html("{}<p>{}</p>", saved, button)

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
        preview = path(
            "apercu-markdown/",
            self.admin_site.admin_view(self.markdown_preview_view),
            name="roles_role_markdown_preview",
        )
        unsaved = self.admin_site.admin_view(self.unsaved_preview_view)
        previews = [
            path("apercu/", unsaved, name="roles_role_unsaved_preview"),
            path("<path:object_id>/apercu/", unsaved, name="roles_role_unsaved_preview"),
        ]
        return [preview, *previews, *super().get_urls()]

    def unsaved_preview_view(self, request, object_id=None):
        return unsaved_preview(self, request, object_id)

    def markdown_preview_view(self, request):
        """Any introduction text, rendered and sanitised exactly as the site will show it."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("introduction", "")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Aperçu de l’introduction",
            "text": text,
            "help": MARKDOWN_HELP,
        }
        return TemplateResponse(request, "admin/roles/role/markdown_preview.html", context)

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

    @admin.action(description="Publier les fiches sélectionnées")
    def publish(self, request, queryset):
        count = queryset.update(status=Role.Status.PUBLISHED, updated_at=timezone.now())
        ContentVersion.bump()  # update() sends no signal
        scheduled = list(queryset.scheduled().order_by("published_at"))
        online = count - len(scheduled)
        if online:
            self.message_user(request, f"{plural(online, 'fiche publiée', 'fiches publiées')}.")
        for role in scheduled:
            when = date_format(timezone.localtime(role.published_at), "j F Y à H:i")
            self.message_user(
                request,
                f"«\u202f{role.title}\u202f» reste programmée\u00a0: elle paraîtra le {when}. "
                "Pour la publier maintenant, avancez sa date de publication.",
                messages.WARNING,
            )

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
