"""Public pages: thin views over the querysets in roles.models."""

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from promel.limits import ComputedSearchLimitMixin

from .. import job_ad
from ..caching import private_page
from ..forms import RoleFilterForm, SearchForm
from ..models import Family, OldSlug, Role, Sector, Skill
from ..models.collation import french
from ..models.discovery import CLOSE_ROLES_SHOWN
from ..models.sheet_page import with_page_parts
from ..visitors.forms import CommentForm, RecruitmentRequestForm
from ..visitors.models import Comment
from ..visitors.querysets import find_thread, thread_size


class ForgivingPaginationMixin:
    """Paginate without 404s: a bad page number shows the first page, a large one the last."""

    paginate_by = settings.ROLES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class BreadcrumbsMixin:
    """Puts `crumbs`, the (label, url) trail after "Accueil", in the context."""

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(crumbs=self.get_breadcrumbs(), **kwargs)


ROLE_LIST_CRUMB = ("Métiers", reverse_lazy("roles:role_list"))


class HomeView(TemplateView):
    template_name = "roles/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            families=Family.objects.with_published_counts(),
            featured_roles=Role.objects.published().featured()[:6],
            search_form=SearchForm(),
            **kwargs,
        )


class RoleListView(BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    template_name = "roles/role_list.html"
    context_object_name = "roles"

    def get_breadcrumbs(self):
        return [("Métiers", None)]

    def get_queryset(self):
        self.filter_form = RoleFilterForm(self.request.GET)
        roles = Role.objects.published().for_list()
        if self.filter_form.is_valid():
            roles = self.filter_form.filter(roles)
        return roles

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            filter_summary=self.filter_form.summary(),
            alphabetical=self.filter_form.is_alphabetical(),
            **kwargs,
        )


class RoleSheetMixin(BreadcrumbsMixin):
    """A page about one sheet, with all its sections; drafts only for editors."""

    template_name = "roles/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        return Role.objects.visible_to(self.request.user).for_detail()

    def get_breadcrumbs(self):
        family = self.object.family
        family_crumb = (family.name, family.get_absolute_url())
        return [ROLE_LIST_CRUMB, family_crumb, (self.object.title, None)]


class SheetPageView(RoleSheetMixin, DetailView):
    """The sheet page: its content, its forms and comments."""

    def visible_sheets(self):
        return Role.objects.visible_to(self.request.user)

    def get_queryset(self):
        return self.visible_sheets().for_sheet_page()

    def get_object(self, queryset=None):
        return with_page_parts(super().get_object(queryset))

    def get_context_data(self, comment_form=None, **kwargs):
        role = self.object
        threads = list(Comment.objects.threads_of(role))
        if comment_form is None:
            reply_to = self.request.GET.get("reponse_a")
            comment_form = CommentForm(role=role, initial={"parent": reply_to})
        return super().get_context_data(
            recruit_form=RecruitmentRequestForm(fixed_role=role),
            comment_form=comment_form,
            comment_threads=threads,
            comment_count=thread_size(threads),
            replying_to=find_thread(threads, comment_form["parent"].value()),
            close_roles=Role.objects.published().close_to(role)[:CLOSE_ROLES_SHOWN],
            **kwargs,
        )


class RoleDetailView(SheetPageView):
    """The public sheet page."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A sheet whose slug changed answers at its old address with a permanent redirect.
            visible = Role.objects.visible_to(request.user)
            old = OldSlug.objects.filter(slug=kwargs["slug"], role__in=visible).first()
            if old is None:
                raise
            return redirect(old.role, permanent=True)


@private_page
class RolePreviewView(PermissionRequiredMixin, SheetPageView):
    """A sheet exactly as the public will see it, drafts and future sheets included (editors)."""

    permission_required = "roles.view_role"
    login_url = reverse_lazy("admin:login")

    def visible_sheets(self):
        return Role.objects.all()

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)


class RoleJobAdView(RoleSheetMixin, DetailView):
    """A job-ad draft built from a sheet, for recruiters to copy and complete."""

    template_name = "roles/role_job_ad.html"

    def get_breadcrumbs(self):
        crumbs = super().get_breadcrumbs()[:-1]
        sheet_crumb = (self.object.title, self.object.get_absolute_url())
        return crumbs + [sheet_crumb, ("Offre d’emploi", None)]

    def get_context_data(self, **kwargs):
        role = self.object
        return super().get_context_data(
            markdown=job_ad.as_markdown(role),
            plain_text=job_ad.as_plain_text(role),
            job_posting=job_ad.as_json_ld(role),
            to_fill=job_ad.TO_FILL,
            text_to_fill=job_ad.text_to_fill(role),
            fields_to_fill=job_ad.fields_to_fill(job_ad.job_posting(role)),
            ad_salary=job_ad.ad_salary(role),
            **kwargs,
        )


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


class SearchView(ComputedSearchLimitMixin, BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """Results of a query."""

    template_name = "roles/search.html"
    context_object_name = "roles"

    def get_breadcrumbs(self):
        return [("Recherche", None)]

    def get_queryset(self):
        # Unbound without a query, so that the bare page shows no error.
        self.search_form = SearchForm(self.request.GET if "q" in self.request.GET else None)
        self.result_count = None
        if not self.search_form.is_valid():
            return Role.objects.none()
        roles, self.result_count = Role.objects.published().for_list().search_counted(self.query)
        return roles

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        if self.result_count is not None:  # counted by the search: no second COUNT
            paginator.count = self.result_count
        return paginator

    @property
    def query(self):
        return self.search_form.cleaned_data["q"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(search_form=self.search_form, **kwargs)
        if self.search_form.is_valid() and not context["paginator"].count:
            context["suggestion"] = Role.objects.published().suggestion(self.query)
        if "comparer" in self.request.GET:  # picking a sheet to compare with this one
            slug = self.request.GET["comparer"]
            context["compare_with"] = Role.objects.published().with_slug(slug)
        return context
