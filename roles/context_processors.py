from django.conf import settings


def site(request):
    """Values every page's layout needs."""
    return {"SITE_URL": settings.SITE_URL, "search_query": request.GET.get("q", "")[:200]}
