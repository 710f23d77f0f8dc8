"""Public pages: thin views over the querysets in roles.models."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from .forms import RoleFilterForm, SearchForm
from .models import Family, Role, Sector, Skill


class ForgivingPaginationMixin:
    """Paginate without 404s: a bad page number shows the first page, a large one the last."""

    paginate_by = settings.ROLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(TemplateView):
    template_name = "roles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            families=Family.objects.with_published_counts(),
            featured_roles=Role.objects.published().featured()[:6],
            search_form=SearchForm(),
            **kwargs,
        )


class RoleListView(ForgivingPaginationMixin, ListView):
    template_name = "roles/role_list.html"
    context_object_name = "roles"

    def get_queryset(self):
        self.filter_form = RoleFilterForm(self.request.GET)
        roles = Role.objects.published().for_list()
        if self.filter_form.is_valid():
            roles = self.filter_form.filter(roles)
        return roles

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            alphabetical=self.filter_form.is_alphabetical(),
            **kwargs,
        )


class RoleDetailView(DetailView):
    template_name = "roles/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        return Role.objects.visible_to(self.request.user).for_detail()


class RoleGroupView(ForgivingPaginationMixin, ListView):
    """The published sheets of one family, skill, sector or tag."""

    group_model = None
    template_name = "roles/role_group.html"
    context_object_name = "roles"

    def get_queryset(self):
        self.group = get_object_or_404(self.group_model, slug=self.kwargs["slug"])
        return self.roles_of(self.group).for_list()

    def roles_of(self, group):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(group=self.group, group_kind=self.group_kind, **kwargs)


class FamilyDetailView(RoleGroupView):
    group_model = Family
    group_kind = "family"

    def roles_of(self, family):
        return Role.objects.published().filter(family=family)


class SkillDetailView(RoleGroupView):
    group_model = Skill
    group_kind = "skill"

    def roles_of(self, skill):
        return Role.objects.published().requiring(skill)


class SectorDetailView(RoleGroupView):
    group_model = Sector
    group_kind = "sector"

    def roles_of(self, sector):
        return Role.objects.published().filter(sectors=sector)


class TagDetailView(RoleGroupView):
    group_model = Tag
    group_kind = "tag"

    def roles_of(self, tag):
        return Role.objects.published().filter(tags=tag)


class FamilyListView(ListView):
    template_name = "roles/family_list.html"
    context_object_name = "families"

    def get_queryset(self):
        return Family.objects.with_published_counts()


class SkillListView(ListView):
    template_name = "roles/skill_list.html"
    context_object_name = "skills"

    def get_queryset(self):
        return Skill.objects.in_use().order_by("kind", "name")


class SectorListView(ListView):
    template_name = "roles/sector_list.html"
    context_object_name = "sectors"

    def get_queryset(self):
        return Sector.objects.in_use()


class SearchView(ForgivingPaginationMixin, ListView):
    template_name = "roles/search.html"
    context_object_name = "roles"

    def get_queryset(self):
        self.search_form = SearchForm(self.request.GET)
        if not self.search_form.is_valid():
            return Role.objects.none()
        return Role.objects.published().matching(self.search_form.cleaned_data["q"]).for_list()

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_form=self.search_form, **kwargs)
