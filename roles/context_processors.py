from django.conf import settings


def site(request):
    """Values every page's layout needs."""
    return {
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "search_query": request.GET.get("q", "")[:200],
    }
