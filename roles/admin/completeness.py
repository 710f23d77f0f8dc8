"""The completeness screen: what each sheet lacks, sortable and filtered, with where to fix it."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode

from ..completeness import check_sheets
from ..models import Role
from .changelists import StateFilter


class CompletenessScreenMixin:
    """Adds « Complétude des fiches » to the sheets' admin."""

    def get_urls(self):
        completeness = path(
            "completude/",
            self.admin_site.admin_view(self.completeness_view),
            name="roles_role_completeness",
        )
        return [completeness, *super().get_urls()]

    COMPLETENESS_ORDERINGS = {
        "score": lambda h: (h.score, h.role.sort_title),
        "titre": lambda h: h.role.sort_title,
        "problemes": lambda h: (-len(h.problems), h.role.sort_title),
        "liens": lambda h: (-len(h.broken_links), h.score),
    }

    # Where, on the sheet's screen, each section of the completeness report is fixed.
    COMPLETENESS_ANCHORS = {
        "Introduction": "id_introduction",
        "Missions": "missions-heading",
        "Compétences": "role_skills-heading",
        "Formations": "training_paths-heading",
        "Évolutions": "incoming_moves-heading",
        "Salaires": "salaries-heading",
        "Secteurs": "id_sectors",
        "Fiches liées": "id_related_roles",
    }
    COMPLETENESS_KINDS = {
        "a-completer": "À compléter",
        "lien-casse": "Liens cassés",
        "suggestion": "Fiches à créer",
    }

    def completeness_view(self, request):
        """Each sheet's completeness, sortable and filtered: what editors should work on next."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        order, state, kind = (request.GET.get(key, "") for key in ("o", "etat", "probleme"))
        key = self.COMPLETENESS_ORDERINGS.get(
            order.removeprefix("-"), self.COMPLETENESS_ORDERINGS["score"]
        )
        roles = Role.objects.all()
        if state in StateFilter.QUERYSETS:
            roles = getattr(roles, StateFilter.QUERYSETS[state])()
        report = sorted(check_sheets(roles), key=key, reverse=order.startswith("-"))
        for sheet in report:
            sheet.rows = [
                (problem, self.problem_link(sheet.role, problem))
                for problem in sheet.problems
                if kind not in self.COMPLETENESS_KINDS or problem.kind == kind
            ]
        if kind in self.COMPLETENESS_KINDS:
            report = [sheet for sheet in report if sheet.rows]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Complétude des fiches",
            "report": report,
            "order": order,
            "filters": {
                "etat": (state, StateFilter.STATES),
                "probleme": (kind, self.COMPLETENESS_KINDS),
            },
        }
        return TemplateResponse(request, "admin/roles/role/completeness.html", context)

    def problem_link(self, role, problem):
        """Where to fix a problem: the section of the sheet's form, or a new sheet to create."""
        if problem.suggestion:
            return reverse("admin:roles_role_add") + "?" + urlencode({"title": problem.suggestion})
        anchor = self.COMPLETENESS_ANCHORS.get(problem.section, "")
        return reverse("admin:roles_role_change", args=[role.pk]) + f"#{anchor}"
