"""The salary comparison."""

from django.views.generic import ListView

from ..charts import nice_ceiling
from ..forms.salaries import SalarySortForm
from ..models import Role
from .mixins import BreadcrumbsMixin, ForgivingPaginationMixin


class SalaryComparisonView(BreadcrumbsMixin, ForgivingPaginationMixin, ListView):
    """Typical salaries of every public sheet, by experience, sortable from the URL."""

    template_name = "roles/salary_comparison.html"
    context_object_name = "roles"
    paginate_by = 50

    def get_breadcrumbs(self):
        return [("Salaires", None)]

    def get_queryset(self):
        self.sort_form = SalarySortForm(self.request.GET)
        roles = Role.objects.published().for_list().with_typical_salaries()
        return self.sort_form.order(roles)

    def get_context_data(self, **kwargs):
        sort_key, descending = self.sort_form.ordering()
        return super().get_context_data(
            sort_form=self.sort_form,
            sort_key=sort_key,
            descending=descending,
            scale=nice_ceiling(Role.objects.published().highest_typical_salary()),
            **kwargs,
        )
