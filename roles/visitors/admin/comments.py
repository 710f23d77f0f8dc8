"""Moderators' screens: comments and the moderation setting."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme

from roles.admin.changelists import TolerantFiltersMixin

from ..models import Comment, ModerationSettings


def first_words(text, words=8):
    kept = text.split()
    return " ".join(kept[:words]) + ("…" if len(kept) > words else "")


class ConfirmedFilter(admin.SimpleListFilter):
    title = "adresse confirmée"
    parameter_name = "confirmee"

    def lookups(self, request, model_admin):
        return [("oui", "Oui"), ("non", "Non")]

    def queryset(self, request, queryset):
        if self.value() in ("oui", "non"):
            return queryset.filter(confirmed_at__isnull=self.value() == "non")
        return queryset


@admin.register(ModerationSettings)
class ModerationSettingsAdmin(admin.ModelAdmin):
    """One row: the list opens it."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect("admin:visitors_moderationsettings_change", ModerationSettings.current().pk)


@admin.register(Comment)
class CommentAdmin(TolerantFiltersMixin, admin.ModelAdmin):
    list_display = [
        "created_at",
        "status",
        "moderation",
        "name",
        "excerpt",
        "parent_summary",
        "role",
        "is_confirmed",
    ]
    list_filter = ["status", ConfirmedFilter, "created_at", "role"]
    list_select_related = ["role", "parent"]
    search_fields = ["name", "email", "text"]
    actions = ["approve", "mark_spam", "delete_selected"]
    autocomplete_fields = ["role"]
    exclude = ["parent"]
    readonly_fields = [
        "parent_summary",
        "created_at",
        "confirmed_at",
        "notified_at",
        "confirmation_handled_at",
        "notification_attempts",
        "notification_error",
    ]
    # The moderation queue first: pending comments, then the others, newest first.
    ordering = [
        Case(
            When(status=Comment.Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ).asc(),
        "-created_at",
    ]
    # One click from the list; what each button does, and its message.
    MODERATION = {
        Comment.Status.APPROVED: ("Approuver", "Commentaire de {} approuvé."),
        Comment.Status.SPAM: ("Indésirable", "Commentaire de {} marqué indésirable."),
    }

    @admin.display(description="extrait")
    def excerpt(self, obj):
        return obj.text[:80] + ("…" if len(obj.text) > 80 else "")

    @admin.display(description="en réponse à")
    def parent_summary(self, obj):
        if obj.parent is None:
            return "—"
        return f"{obj.parent.name}\u00a0: «\u202f{first_words(obj.parent.text)}\u202f»"

    @admin.display(description="modérer")
    def moderation(self, obj):
        url = reverse("admin:visitors_comment_moderate", args=[obj.pk])
        buttons = [
            (url, status, label, obj.name)
            for status, (label, _) in self.MODERATION.items()
            if obj.status != status
        ]
        return format_html_join(
            " ",
            '<button type="submit" class="button" formaction="{}" name="statut" value="{}" '
            'aria-label="{} le commentaire de {}">{}</button>',
            ((url, status, label, name, label) for url, status, label, name in buttons),
        )

    def get_urls(self):
        view = self.admin_site.admin_view(self.moderate_view)
        moderate = path("<int:pk>/moderer/", view, name="visitors_comment_moderate")
        return [moderate, *super().get_urls()]

    def moderate_view(self, request, pk):
        """Approve or reject one comment, from a button of the list."""
        comment = get_object_or_404(Comment, pk=pk)
        status = request.POST.get("statut")
        if request.method != "POST" or not self.has_change_permission(request, comment):
            raise PermissionDenied
        if status in self.MODERATION:
            comment.status = status
            comment.save(update_fields=["status"])
            self.message_user(request, self.MODERATION[status][1].format(comment.name))
        back = request.META.get("HTTP_REFERER", "")
        if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            return redirect(back)  # the list as it was, filters included
        return redirect("admin:visitors_comment_changelist")

    @admin.display(description="adresse confirmée", boolean=True, ordering="confirmed_at")
    def is_confirmed(self, obj):
        return obj.confirmed_at is not None

    @admin.action(description="Approuver les commentaires sélectionnés")
    def approve(self, request, queryset):
        count = queryset.update(status=Comment.Status.APPROVED)
        self.message_user(request, f"{count} commentaire(s) approuvé(s).", messages.SUCCESS)

    @admin.action(description="Marquer comme indésirables")
    def mark_spam(self, request, queryset):
        count = queryset.update(status=Comment.Status.SPAM)
        self.message_user(request, f"{count} commentaire(s) marqué(s) indésirable(s).")
