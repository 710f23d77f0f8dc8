from django.conf import settings


def site(request):
    """Values every page's layout needs."""
    return {
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "RETENTION_COMPANY_YEARS": settings.RETENTION_COMPANY_DAYS // 365,
        "RETENTION_CANDIDATE_YEARS": settings.RETENTION_CANDIDATE_DAYS // 365,
        "search_query": request.GET.get("q", "")[:200],
        "canonical_url": canonical_url(request),
    }


def canonical_url(request):
    """The page's address on SITE_URL: the path, plus the page number of a later list page."""
    url = settings.SITE_URL + request.path
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        url += f"?page={int(page)}"
    return url
