"""Conditional GET for sheet pages and API documents: ETag and Last-Modified.

Both come from content timestamps, never from the response body, so pages that carry a
CSRF token (different on every response) still revalidate. A page shows other sheets too
(career moves, related sheets), so the version is that of the whole content: the latest
edit of any sheet, the latest publication date reached, the number of public sheets
(which changes when a sheet is deleted or a scheduled one goes live), and the approved
comments (their number and latest date).

The ETag also depends on what makes one visitor's copy differ from another's: the user, the
CSRF cookie (a cached form must carry a token matching the current cookie) and a pending
flash message (which a 304 would hide).
"""

import hashlib

from django.conf import settings
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.views.decorators.http import condition

from .models import Comment, Role


def content_version(request):
    """One query per request, whatever the number of calls."""
    if not hasattr(request, "_content_version"):
        now = timezone.now()
        public = Q(status=Role.Status.PUBLISHED, published_at__lte=now)
        approved = Q(comments__status=Comment.Status.APPROVED)
        scheduled = Q(status=Role.Status.PUBLISHED, published_at__gt=now)
        request._content_version = Role.objects.aggregate(
            edited=Max("updated_at"),
            published=Max("published_at", filter=public),
            public_count=Count("pk", filter=public, distinct=True),
            comment_count=Count("comments", filter=approved),
            commented=Max("comments__created_at", filter=approved),
            next_publication=Min("published_at", filter=scheduled),
        )
    return request._content_version


def remember_content_version(request, version):
    """Use a version read with a cached page (roles.page_cache.SharedPage): no query."""
    request._content_version = version


def last_modified(request, *args, **kwargs):
    version = content_version(request)
    moments = [moment for moment in (version["edited"], version["published"]) if moment]
    return max(moments, default=None)


def etag(request, *args, **kwargs):
    version = content_version(request)
    cookies = request.COOKIES
    visitor = [request.user.pk, cookies.get(settings.CSRF_COOKIE_NAME), cookies.get("messages")]
    parts = [request.get_full_path(), *visitor, *version.values()]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


conditional_on_content = condition(etag_func=etag, last_modified_func=last_modified)
