"""« Où puis-je aller ? » : the pathfinder's page (roles.pathfinder)."""

from django.views.generic import TemplateView

from ..charts import path_graph
from ..forms.pathfinder import PathfinderForm
from ..pathfinder import ORDERS, from_sheets, from_skills, starting_sheets
from .mixins import BreadcrumbsMixin


class PathfinderView(BreadcrumbsMixin, TemplateView):
    template_name = "roles/pathfinder.html"

    def get_breadcrumbs(self):
        return [("Où puis-je aller\u202f?", None)]

    def get_context_data(self, **kwargs):
        form = PathfinderForm(self.request.GET or None)
        context = {"form": form, "chosen_skills": self.request.GET.getlist("competences")}
        if form.is_valid():
            context.update(self.result(form.cleaned_data))
            context["other_orders"] = self.other_orders(form)
        return super().get_context_data(**context, **kwargs)

    def other_orders(self, form):
        """(label, address) of the same choice ranked otherwise."""
        query = self.request.GET.copy()
        links = []
        for value, label in form.fields["ordre"].choices:
            if value != form.cleaned_data["ordre"]:
                query["ordre"] = value
                links.append((label.lower(), f"?{query.urlencode()}"))
        return links

    def result(self, data):
        order = data["ordre"]
        found = {"order": order, "order_text": ORDERS[order]}
        if data["depuis"]:
            start = found["start"] = starting_sheets(data["depuis"])
            if start.ids:
                found["result"] = from_sheets(start.ids, order)
        elif data["competences"]:
            found["result"] = from_skills([skill.pk for skill in data["competences"]], order)
        if "result" in found:
            found["graph"] = path_graph(found["result"])
        return found
