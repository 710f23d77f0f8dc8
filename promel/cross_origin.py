"""Cross-origin protection of every form by Fetch Metadata, with no token in the page.

The algorithm of Go 1.25's net/http.CrossOriginProtection (also ASP.NET Core's header-based
check and the Fetch Metadata section of OWASP's CSRF cheat sheet), for unsafe methods:

1. `Sec-Fetch-Site: same-origin` or `none` (a person's own navigation): allowed.
2. Any other `Sec-Fetch-Site` (`same-site`, `cross-site`): refused, unless `Origin` is one of
   CSRF_TRUSTED_ORIGINS.
3. No `Sec-Fetch-Site` (older browsers): `Origin`, when sent, must be the site's own origin or
   a trusted one. A request with neither header does not come from a browser, so it cannot
   carry a visitor's cookies against his will: allowed.

The site's origin is the request's scheme and host, so behind the TLS proxy it is https://
(SECURE_PROXY_SSL_HEADER) and the host must be in ALLOWED_HOSTS. Public forms need nothing
else (their views are csrf_exempt), which keeps their pages the same for every visitor. The
admin keeps Django's token check on top.
"""

from django.conf import settings
from django.shortcuts import render

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
ALLOWED_FETCH_SITES = {"same-origin", "none"}


def is_cross_origin(request):
    origin = request.headers.get("Origin")
    trusted = origin in settings.CSRF_TRUSTED_ORIGINS
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in ALLOWED_FETCH_SITES and not trusted
    if origin is None:
        return False
    own_origin = f"{request.scheme}://{request.get_host()}"
    return origin != own_origin and not trusted


class CrossOriginProtectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and is_cross_origin(request):
            return cross_origin_refused(request)
        return self.get_response(request)


# The visitors' fields shown back on the refusal page, so that nothing typed is lost.
TYPED_FIELDS = {
    "name": "Nom",
    "email": "Adresse e-mail",
    "company": "Entreprise",
    "job_title": "Fonction",
    "phone": "Téléphone",
    "message": "Message",
    "text": "Commentaire",
}


def cross_origin_refused(request):
    """A French 403 that says what to do, with what the person typed, to copy."""
    typed = [
        (label, request.POST[name])
        for name, label in TYPED_FIELDS.items()
        if request.POST.get(name, "").strip()
    ]
    response = render(request, "403_cross_origin.html", {"typed": typed}, status=403)
    response["Cache-Control"] = "no-store"
    return response
