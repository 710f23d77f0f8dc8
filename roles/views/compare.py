"""Comparison of two or three sheets."""

from django.views.generic import TemplateView

from ..comparison import compare
from ..forms import CompareForm
from ..models import Role
from .sheets import BreadcrumbsMixin


class CompareView(BreadcrumbsMixin, TemplateView):
    template_name = "roles/compare.html"

    def get_breadcrumbs(self):
        return [("Comparer des métiers", None)]

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET.getlist("metiers"))
        columns = compare(form.cleaned_data["metiers"]) if form.is_valid() else []
        chosen = form.slugs()[: CompareForm.MAX]
        return super().get_context_data(
            form=form,
            columns=columns,
            picks=chosen + [""] * (CompareForm.MAX - len(chosen)),
            choices=Role.objects.published().values_list("slug", "title").order_by("sort_title"),
            **kwargs,
        )
