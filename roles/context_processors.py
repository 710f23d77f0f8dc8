from django.conf import settings


def site(request):
    """Values every page's layout needs."""
    return {
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "RETENTION_COMPANY_YEARS": settings.RETENTION_COMPANY_DAYS // 365,
        "RETENTION_CANDIDATE_YEARS": settings.RETENTION_CANDIDATE_DAYS // 365,
        "search_query": request.GET.get("q", "")[:200],
    }
