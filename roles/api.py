"""Read-only JSON API of the public sheets (documented in the README)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .forms import ApiRoleFilterForm
from .models import Role
from .serialization import sheet_document, sheet_summary
from .structured_data import absolute


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # open data, no cookies involved
    return response


def error_response(message, parameter=None, status=400):
    return json_response({"error": message, "parameter": parameter}, status=status)


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return absolute(f"{request.path}?{query.urlencode()}")


@require_safe
def role_list(request):
    form = ApiRoleFilterForm(request.GET)
    for name in request.GET:
        if name not in form.fields:
            accepted = ", ".join(form.fields)
            return error_response(f"Paramètre inconnu. Paramètres acceptés : {accepted}.", name)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return error_response(errors[0], name)
    roles = form.filter(Role.objects.published().for_list())
    paginator = Paginator(roles, settings.API_PAGE_SIZE)
    number = form.cleaned_data["page"] or 1
    if number > paginator.num_pages:
        return error_response(
            f"Cette page n'existe pas : la dernière est la page {paginator.num_pages}.", "page"
        )
    page = paginator.page(number)
    return json_response(
        {
            "count": paginator.count,
            "next": page_url(request, number + 1) if page.has_next() else None,
            "previous": page_url(request, number - 1) if page.has_previous() else None,
            "results": [sheet_summary(role) for role in page],
        }
    )


@require_safe
def role_detail(request, slug):
    role = Role.objects.published().for_detail().filter(slug=slug).first()
    if role is None:
        return error_response("Aucune fiche publiée ne porte cet identifiant.", status=404)
    return json_response(sheet_document(role))
