"""The sheet pages: the list, one sheet (public or previewed) and its job ad."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.generic import DetailView, ListView

from .. import job_ad
from ..caching import private_page
from ..forms.filters import RoleFilterForm
from ..models import OldSlug, Role
from ..models.discovery import close_sheets
from ..models.sheet_page import sheet_page
from ..visitors.forms import CommentForm, RecruitmentRequestForm
from ..visitors.querysets import find_thread, sheet_comments, thread_size
from ..visitors.querysets import threads as comment_threads
from .mixins import BreadcrumbsMixin, ForgivingPaginationMixin

ROLE_LIST_CRUMB = ("Métiers", reverse_lazy("roles:role_list"))


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

    def shows_unpublished(self):
        """Drafts and scheduled sheets too (editors)."""
        return self.request.user.has_perm("roles.view_role")

    def get_object(self, queryset=None):
        key = "pk" if self.pk_url_kwarg in self.kwargs else "slug"
        comments = ("comments", sheet_comments())
        role = sheet_page(key, self.kwargs[key], self.shows_unpublished(), [comments])
        if role is None:
            raise Http404("Aucune fiche à cette adresse.")
        return role

    def get_context_data(self, comment_form=None, **kwargs):
        role = self.object
        threads = comment_threads(sheet_comments().instances(role.page_comments, role._state.db))
        if comment_form is None:
            reply_to = self.request.GET.get("reponse_a")
            comment_form = CommentForm(role=role, initial={"parent": reply_to})
        return super().get_context_data(
            recruit_form=RecruitmentRequestForm(fixed_role=role),
            comment_form=comment_form,
            comment_threads=threads,
            comment_count=thread_size(threads),
            replying_to=find_thread(threads, comment_form["parent"].value()),
            close_roles=close_sheets(role),
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

    def shows_unpublished(self):
        return True

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
