"""Production middleware: request ids, security headers, database outages."""

import logging
import re
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

from .jsonlog import current_request

logger = logging.getLogger(__name__)

# What a proxy (nginx's $request_id) may pass on; anything else is replaced.
REQUEST_ID = re.compile(r"[-A-Za-z0-9]{8,64}")


class RequestIdMiddleware:
    """Give each request an id (the proxy's X-Request-ID, or a new one), logged and returned."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not send itself: Content-Security-Policy, Permissions-Policy.

    The policy is the same for every page, so it is written once (django-csp, which it
    replaces, rebuilt it twice on every response: a twentieth of a search no cache answers).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.content_security_policy = "; ".join(
            " ".join([directive, *sources])
            for directive, sources in settings.CONTENT_SECURITY_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Django's debug pages (development) have inline styles and scripts.
        if not (settings.DEBUG and response.status_code in (404, 500)):
            response.setdefault("Content-Security-Policy", self.content_security_policy)
        return response


UNAVAILABLE_FALLBACK = (
    '<!doctype html><html lang="fr"><meta charset="utf-8">'
    "<title>Service temporairement indisponible</title>"
    "<h1>Service temporairement indisponible</h1>"
    "<p>Le site est momentanément indisponible. Merci de réessayer dans quelques minutes.</p>"
)


def service_unavailable(request):
    """The French 503 page, rendered without the database; plain HTML if even that fails."""
    try:
        body = render_to_string("503.html", request=request)
    except Exception:  # the page must be shown whatever else is broken
        body = UNAVAILABLE_FALLBACK
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A database that is down or unreachable gives a French 503 page, never a traceback.

    Nothing is reported as done: the view's transaction failed before any success message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable", exc_info=exception, extra={"request": request})
        return service_unavailable(request)


class NoIndexAdminMiddleware:
    """Ask search engines not to index or follow the admin, wherever it is mounted.

    A header rather than a robots.txt rule, so that robots.txt never reveals the admin path.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
