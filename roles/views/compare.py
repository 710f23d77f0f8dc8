"""Comparison of two or three sheets."""

from django.views.generic import TemplateView

from ..comparison import compare
from ..forms.compare import CompareForm
from ..models import Role
from .mixins import BreadcrumbsMixin

PICKER_LIMIT = 300


class CompareView(BreadcrumbsMixin, TemplateView):
    template_name = "roles/compare.html"

    def get_breadcrumbs(self):
        return [("Comparer des métiers", None)]

    def get_context_data(self, **kwargs):
        form = CompareForm(self.request.GET.getlist("metiers"))
        columns = compare(form.cleaned_data["metiers"]) if form.is_valid() else []
        chosen = form.slugs()[: CompareForm.MAX]
        choices = Role.objects.published().values_list("slug", "title").order_by("sort_title")
        choices = list(choices[: PICKER_LIMIT + 1])
        return super().get_context_data(
            form=form,
            columns=columns,
            picks=chosen + [""] * (CompareForm.MAX - len(chosen)),
            # Beyond a few hundred sheets a list is unusable: the page offers a search instead.
            choices=choices if len(choices) <= PICKER_LIMIT else None,
            **kwargs,
        )
