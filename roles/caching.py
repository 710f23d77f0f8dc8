"""Public caching, in one place: which responses are shared, the content version, validators.

Public: every GET or HEAD of a page of the site (the `roles` and `visitors` URLs, the sitemap,
robots.txt) by an anonymous visitor, that is one who sends no session cookie and no pending
message. Such a
visitor gets the same bytes as any other: the pages hold no per-visitor value (the forms carry
no token, see promel.cross_origin), so the response is `Cache-Control: public` with a max-age
of PUBLIC_CACHE_SECONDS, sets no cookie and does not vary on cookies. nginx keeps it, and
revalidates it with its ETag and Last-Modified.

Private: the admin, the views marked `private_page` (the preview), the benchmark references,
the health check, and every request with a session or a message: `private, no-cache`.

Validators come from the content version, which covers every page at once: one database row
(ContentVersion) raised in the transaction of any change of a model a public page shows
(sheets and their parts, families, skills, sectors, tags, comments), and the publication clock,
the latest publication time reached, which moves on its own when a scheduled sheet goes live.
A conditional GET that still matches is answered 304 before the view runs, in one query.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from .models import ContentVersion, Role
from .models.prepared import execute_prepared
from .models.rows import parse_moment

PUBLIC_URL_NAMES = {"sitemap", "robots_txt"}
PUBLIC_APPS = {"roles", "visitors"}
CONTENT_APPS = {"roles", "taggit"}
# Of what visitors send, only comments show on public pages.
CONTENT_MODELS = {"visitors.comment"}
NOT_CONTENT = {"roles.contentversion"}


def private_page(view):
    """Mark a view whose pages are never shared (it shows drafts, or one person's data)."""
    view.private_page = True
    return view


def is_public_request(request, view):
    match = request.resolver_match
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and (match.app_name in PUBLIC_APPS or match.url_name in PUBLIC_URL_NAMES)
        and not getattr(view, "private_page", False)
        and not getattr(getattr(view, "view_class", None), "private_page", False)
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def code_version():
    """What changes with a deployment: the project's code and templates."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted([*root.glob("roles/**/*.py"), *root.glob("templates/**/*.html")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = code_version()


# Written in SQL: every public page asks for it, and the ORM took longer to compile the
# query than the database to run it.
VERSION_SQL = (
    "SELECT number, changed_at, (SELECT MAX(published_at)"
    f" FROM {Role._meta.db_table} WHERE status = %s AND published_at <= %s)"
    f" FROM {ContentVersion._meta.db_table} WHERE id = 1"
)


def current_version():
    """The content version now: one query."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        execute_prepared(connection, cursor, VERSION_SQL, [Role.Status.PUBLISHED.value, now])
        row = cursor.fetchone()
    if row is None:  # a flushed table (tests)
        ContentVersion.bump()
        return current_version()
    number, changed_at, published = row
    return {
        "number": number,
        "changed_at": parse_moment(changed_at),
        "published": published and parse_moment(published),
    }


def etag(version):
    parts = [CODE_VERSION, version["number"], version["published"]]
    return quote_etag(hashlib.sha256(repr(parts).encode()).hexdigest()[:32])


def last_modified(version):
    """A timestamp in whole seconds, as HTTP dates are."""
    moments = [moment for moment in (version["changed_at"], version["published"]) if moment]
    return int(max(moments).timestamp())


def make_public(response, version):
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
    response["ETag"] = etag(version)
    response["Last-Modified"] = http_date(last_modified(version))
    # Nothing in the page depends on cookies: it is the page of a visitor who sends none.
    vary = [name.strip() for name in response.get("Vary", "").split(",")]
    vary = [name for name in vary if name and name.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    else:
        response.headers.pop("Vary", None)


def is_shareable(response):
    return response.status_code in (200, 304) and not response.cookies


class PublicCacheMiddleware:
    """Public pages shared and revalidated, everything else private (see the module's text).

    Placed before SessionMiddleware, so that it sees the response after the session's Vary.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        version = getattr(request, "public_content_version", None)
        if version is not None and is_shareable(response):
            make_public(response, version)
        elif request.method in ("GET", "HEAD") and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def process_view(self, request, view, view_args, view_kwargs):
        if not is_public_request(request, view):
            return None
        try:
            version = request.public_content_version = current_version()
        except DatabaseError:
            return None  # the view meets the outage too, and answers it (503)
        return get_conditional_response(
            request, etag=etag(version), last_modified=last_modified(version)
        )


def content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.label_lower in NOT_CONTENT:
        return
    if meta.app_label in CONTENT_APPS or meta.label_lower in CONTENT_MODELS:
        ContentVersion.bump()


def connect():
    """Called once from RolesConfig.ready()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"content-version-{id(signal)}")
