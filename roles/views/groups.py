"""Sheets by family, skill, sector and tag, and the indexes of families, skills and sectors."""

from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.views.generic import ListView
from taggit.models import Tag

from ..models import Family, Role, Sector, Skill
from ..models.collation import french
from ..models.discovery import CLOSE_ROLES_SHOWN
from .mixins import BreadcrumbsMixin, ForgivingPaginationMixin
from .sheets import ROLE_LIST_CRUMB


class RoleGroupView(BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """The published sheets of one family, skill, sector or tag."""

    group_model = None
    index_crumb = None
    template_name = "roles/role_group.html"
    context_object_name = "roles"

    def get_queryset(self):
        self.group = get_object_or_404(self.group_model, slug=self.kwargs["slug"])
        return self.roles_of(self.group).for_list()

    def roles_of(self, group):
        raise NotImplementedError

    def page_title(self, group):
        raise NotImplementedError

    def page_description(self, group):
        raise NotImplementedError

    def get_breadcrumbs(self):
        index = [self.index_crumb] if self.index_crumb else []
        return index + [(self.page_title(self.group), None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            group=self.group,
            page_title=self.page_title(self.group),
            page_description=self.page_description(self.group),
            **kwargs,
        )


class FamilyDetailView(RoleGroupView):
    group_model = Family
    index_crumb = ("Familles", reverse_lazy("roles:family_list"))

    def page_title(self, family):
        return f"Famille\u00a0: {family.name}"

    def page_description(self, family):
        return f"Les fiches métiers de la famille {family.name}"

    def roles_of(self, family):
        return Role.objects.published().filter(family=family)


class SkillDetailView(RoleGroupView):
    group_model = Skill
    index_crumb = ("Compétences", reverse_lazy("roles:skill_list"))

    def page_title(self, skill):
        return f"Compétence\u00a0: {skill.name}"

    def page_description(self, skill):
        return f"Les fiches métiers qui demandent la compétence {skill.name}"

    def roles_of(self, skill):
        return Role.objects.published().requiring(skill)

    def get_context_data(self, **kwargs):
        close_roles = Role.objects.published().close_to_skill(self.group)[:CLOSE_ROLES_SHOWN]
        return super().get_context_data(close_roles=close_roles, **kwargs)


class SectorDetailView(RoleGroupView):
    group_model = Sector
    index_crumb = ("Secteurs", reverse_lazy("roles:sector_list"))

    def page_title(self, sector):
        return f"Secteur\u00a0: {sector.name}"

    def page_description(self, sector):
        return f"Les fiches métiers courantes dans le secteur {sector.name}"

    def roles_of(self, sector):
        return Role.objects.published().filter(sectors=sector)


class TagDetailView(RoleGroupView):
    group_model = Tag
    index_crumb = ROLE_LIST_CRUMB

    def page_title(self, tag):
        return f"Étiquette\u00a0: {tag.name}"

    def page_description(self, tag):
        return f"Les fiches métiers marquées «\u202f{tag.name}\u202f»"

    def roles_of(self, tag):
        return Role.objects.published().filter(tags=tag)


class FamilyListView(BreadcrumbsMixin, ListView):
    template_name = "roles/family_list.html"
    context_object_name = "families"

    def get_breadcrumbs(self):
        return [("Familles", None)]

    def get_queryset(self):
        return Family.objects.with_published_counts()


class SkillListView(BreadcrumbsMixin, ListView):
    template_name = "roles/skill_list.html"
    context_object_name = "skills"

    def get_breadcrumbs(self):
        return [("Compétences", None)]

    def get_queryset(self):
        return Skill.objects.in_use().order_by("kind", french("name"))


class SectorListView(BreadcrumbsMixin, ListView):
    template_name = "roles/sector_list.html"
    context_object_name = "sectors"

    def get_breadcrumbs(self):
        return [("Secteurs", None)]

    def get_queryset(self):
        return Sector.objects.in_use()
