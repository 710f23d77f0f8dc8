"""Recruiters' screens: requests, their follow-up notes, one person's data and its erasure."""

import csv
import json
import logging

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone

from roles.admin.changelists import ReadOnlyMixin, TolerantFiltersMixin

from ..models import Comment, ErasureLog, RecruitmentRequest, RequestNote

logger = logging.getLogger(__name__)

CSV_COLUMNS = [
    ("Reçue le", lambda r: timezone.localtime(r.created_at).strftime("%d/%m/%Y %H\u00a0:%M")),
    ("Statut", lambda r: r.get_status_display()),
    ("Demandeur", lambda r: r.get_kind_display()),
    ("Nom", lambda r: r.name),
    ("Entreprise", lambda r: r.company),
    ("Fonction", lambda r: r.job_title),
    ("E-mail", lambda r: r.email),
    ("Téléphone", lambda r: r.phone),
    ("Métier", lambda r: r.role.title if r.role else ""),
    ("Message", lambda r: r.message),
    ("Notes de suivi", lambda r: "\n".join(str(note) for note in r.notes.all())),
]


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def requests_as_csv(requests):
    """UTF-8 with a byte-order mark and semicolons: what a French Excel opens as is."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment\u202f; filename="demandes-de-recrutement.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([title for title, _ in CSV_COLUMNS])
    for lead in requests:
        writer.writerow([spreadsheet_safe(value(lead)) for _, value in CSV_COLUMNS])
    return response


class NotifiedFilter(admin.SimpleListFilter):
    title = "équipe prévenue"
    parameter_name = "prevenue"

    def lookups(self, request, model_admin):
        return [("oui", "Oui"), ("non", "Non (envoi à reprendre)")]

    def queryset(self, request, queryset):
        if self.value() in ("oui", "non"):
            return queryset.filter(notified_at__isnull=self.value() == "non")
        return queryset


class RequestNoteInline(admin.StackedInline):
    """The follow-up log: each note dated and signed; written once, never rewritten."""

    model = RequestNote
    fields = ["text"]
    readonly_fields = ["written_at", "author"]
    extra = 1
    verbose_name = "note de suivi"
    verbose_name_plural = "notes de suivi (les plus anciennes d’abord)"

    def get_fields(self, request, obj=None):
        return ["written_at", "author", "text"] if obj else ["text"]

    def has_change_permission(self, request, obj=None):
        return False  # existing notes show read-only; new ones can still be added

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecruitmentRequest)
class RecruitmentRequestAdmin(TolerantFiltersMixin, admin.ModelAdmin):
    change_list_template = "admin/visitors/recruitmentrequest/change_list.html"
    list_display = ["created_at", "status", "kind", "name", "company", "role", "is_notified"]
    list_display_links = ["created_at", "name"]
    list_filter = ["status", "kind", NotifiedFilter, "created_at", "role"]
    list_select_related = ["role"]
    search_fields = ["name", "company", "job_title", "email", "message", "notes__text"]
    date_hierarchy = "created_at"
    actions = ["export_csv", "mark_in_progress", "mark_done"]
    autocomplete_fields = ["role"]
    inlines = [RequestNoteInline]
    readonly_fields = [
        "created_at",
        "email",
        "message",
        "consent_at",
        "notified_at",
        "acknowledged_at",
        "notification_attempts",
        "notification_error",
    ]
    fieldsets = [
        ("Suivi", {"fields": ["status", "last_contact_at"]}),
        (
            "Demande",
            {"fields": ["kind", "name", "company", "job_title", "email", "phone", "role"]},
        ),
        (None, {"fields": ["message", "created_at", "consent_at"]}),
        (
            "Notification par e-mail",
            {
                "fields": [
                    "notified_at",
                    "acknowledged_at",
                    "notification_attempts",
                    "notification_error",
                ]
            },
        ),
    ]

    @admin.display(description="équipe prévenue", boolean=True, ordering="notified_at")
    def is_notified(self, obj):
        return obj.is_notified

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = note.author or request.user
            note.save()

    def save_model(self, request, obj, form, change):
        # A new status is a contact: it restarts the retention count (purge_requests).
        if change and "status" in form.changed_data:
            obj.last_contact_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="Exporter les demandes sélectionnées (CSV)")
    def export_csv(self, request, queryset):
        requests = queryset.select_related("role").prefetch_related("notes__author")
        return requests_as_csv(requests.order_by("created_at"))

    @admin.action(description="Marquer «\u202fen cours\u202f»")
    def mark_in_progress(self, request, queryset):
        self.set_status(request, queryset, RecruitmentRequest.Status.IN_PROGRESS)

    @admin.action(description="Marquer «\u202ftraité\u202f»")
    def mark_done(self, request, queryset):
        self.set_status(request, queryset, RecruitmentRequest.Status.DONE)

    def set_status(self, request, queryset, status):
        count = queryset.update(status=status, last_contact_at=timezone.now())
        self.message_user(request, f"{count} demande(s) passée(s) à «\u202f{status.label}\u202f».")

    def get_urls(self):
        view = self.admin_site.admin_view(self.personal_data_view)
        return [
            path("donnees-personnelles/", view, name="roles_personal_data"),
            *super().get_urls(),
        ]

    def personal_data_view(self, request):
        """Export or erase everything stored about one e-mail address."""
        if not request.user.has_perm("visitors.manage_personal_data"):
            raise PermissionDenied
        form = PersonalDataForm(request.POST or None)
        if form.is_valid():
            email = form.cleaned_data["email"]
            if "erase" in request.POST:
                return self.erase(request, email)
            if "export" in request.POST:
                return personal_data_export(email)
        found = form.found() if form.is_valid() else None
        context = {
            **self.admin_site.each_context(request),
            "title": "Données d’une personne",
            "form": form,
            "found": found,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/visitors/personal_data.html", context)

    def erase(self, request, email):
        with transaction.atomic():
            requests = RecruitmentRequest.objects.by_email(email).delete()[1]
            comments = Comment.objects.by_email(email).delete()[1]
            log = ErasureLog.objects.create(
                performed_by=request.user.get_username(),
                requests_deleted=requests.get("visitors.RecruitmentRequest", 0),
                comments_deleted=comments.get("visitors.Comment", 0),
            )
        logger.info(
            "Personal data erased by %s\u00a0: %s request(s), %s comment(s)",
            log.performed_by,
            log.requests_deleted,
            log.comments_deleted,
        )
        self.message_user(
            request,
            f"Données effacées\u00a0: {log.requests_deleted} demande(s), "
            f"{log.comments_deleted} commentaire(s).",
            messages.SUCCESS,
        )
        return redirect("admin:roles_personal_data")


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label="Adresse e-mail de la personne", max_length=254)

    def found(self):
        email = self.cleaned_data["email"]
        return {
            "requests": RecruitmentRequest.objects.by_email(email).count(),
            "comments": Comment.objects.by_email(email).count(),
        }


def personal_data_export(email):
    """Everything stored about one address, as a JSON file (right of access)."""
    data = {
        "adresse": email,
        "demandes": list(RecruitmentRequest.objects.by_email(email).values()),
        "notes": list(
            RequestNote.objects.filter(
                request__in=RecruitmentRequest.objects.by_email(email)
            ).values("request_id", "written_at", "text")
        ),
        "commentaires": list(Comment.objects.by_email(email).values()),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="donnees-personnelles.json"'
    return response


@admin.register(ErasureLog)
class ErasureLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["performed_at", "performed_by", "requests_deleted", "comments_deleted"]
