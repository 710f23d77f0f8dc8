from django.urls import reverse


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
