"""Read-only JSON API of the public sheets, described by roles/openapi.json (docs: docs/api.md).

Every answer is JSON, errors included: 400 for a parameter it cannot use, 404, 405 with
`Allow`. It is open to any origin (CORS, preflight answered), and its validators are readable
by scripts of other origins.
"""

import json
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .forms.filters import ApiRoleFilterForm
from .links import absolute
from .models import Role
from .serialization import sheet_document, sheet_summary

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",  # open data, no cookies involved
    "Access-Control-Expose-Headers": "ETag, Last-Modified",
}
OPENAPI = json.loads((Path(__file__).with_name("openapi.json")).read_text())


def json_response(data, status=200):
    return JsonResponse(
        data, status=status, headers=CORS_HEADERS, json_dumps_params={"ensure_ascii": False}
    )


def error_response(message, parameter=None, status=400):
    return json_response({"error": message, "parameter": parameter}, status=status)


def api_view(view):
    """Safe methods only, answered in JSON; OPTIONS answers CORS preflights."""

    @csrf_exempt  # nothing to protect: a read-only API that no cookie reaches
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = json_response({}, status=200)
            response["Allow"] = ALLOWED_METHODS
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return response
        if request.method not in ("GET", "HEAD"):
            message = f"Méthode non permise\u00a0: l’API se lit seulement ({ALLOWED_METHODS})."
            response = error_response(message, status=405)
            response["Allow"] = ALLOWED_METHODS
            return response
        return view(request, *args, **kwargs)

    return wrapper


def unknown_parameter(request, accepted):
    for name in request.GET:
        if name not in accepted:
            listed = ", ".join(accepted) or "aucun"
            return error_response(f"Paramètre inconnu. Paramètres acceptés\u00a0: {listed}.", name)
    return None


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return absolute(f"{request.path}?{query.urlencode()}")


@api_view
def role_list(request):
    form = ApiRoleFilterForm(request.GET)
    if refused := unknown_parameter(request, list(form.fields)):
        return refused
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        return error_response(errors[0], name)
    roles = form.filter(Role.objects.published().for_list())
    paginator = Paginator(roles, settings.API_PAGE_SIZE)
    number = form.cleaned_data["page"] or 1
    if number > paginator.num_pages:
        return error_response(
            f"Cette page n’existe pas\u00a0: la dernière est la page {paginator.num_pages}.", "page"
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


@api_view
def role_detail(request, slug):
    if refused := unknown_parameter(request, []):
        return refused
    role = Role.objects.published().for_detail().filter(slug=slug).first()
    if role is None:
        return error_response("Aucune fiche publiée ne porte cet identifiant.", status=404)
    return json_response(sheet_document(role))


@api_view
def openapi(request):
    """The API's OpenAPI 3.1 description, its server being this site."""
    return json_response({**OPENAPI, "servers": [{"url": absolute("/api")}]})


@api_view
def not_found(request, rest):
    return error_response("Cette adresse n’existe pas dans l’API.", status=404)
