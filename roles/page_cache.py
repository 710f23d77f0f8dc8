"""What may be cached, and the content version that invalidates cached sheets.

Pages without forms are public for anonymous visitors (roles.ops_middleware.PublicCacheMiddleware):
a new view opts in with one line in PUBLIC_VIEWS. The sheet page, which ends with forms, is
cached in Redis instead: whole for anonymous visitors (SharedPage), as content fragments
for everyone else. Both are keyed by the global content version, bumped on any change of the
content, whatever its path: saves and deletes (loaddata's raw saves included), many-to-many
changes, and, since queryset.update() sends no signal, explicitly by the code that bulk-updates.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.utils import make_template_fragment_key
from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from . import antispam, caching

PUBLIC_VIEWS = {
    "roles:home",
    "roles:role_list",
    "roles:family_list",
    "roles:family_detail",
    "roles:skill_list",
    "roles:skill_detail",
    "roles:sector_list",
    "roles:sector_detail",
    "roles:tag_detail",
    "roles:career_map",
    "roles:salary_comparison",
    "roles:api_role_list",
    "roles:api_role_detail",
    "roles:feeds",
    "roles:feed_atom",
    "roles:feed_rss",
    "sitemap",
}

CONTENT_VERSION_KEY = "content-version"
# What visitors send changes no page content, except comments (their own section).
NOT_CONTENT = {"recruitmentrequest", "erasurelog"}


def is_public_view(view_name):
    return view_name in PUBLIC_VIEWS


def fragment_seconds():
    return settings.PUBLIC_CACHE_SECONDS


def content_version():
    """The current content version (0 when the cache has none or does not answer)."""
    return cache.get(CONTENT_VERSION_KEY) or 0


def bump_content_version():
    """Invalidate every cached fragment of content. Never fails: a cache outage caches nothing."""
    try:
        cache.add(CONTENT_VERSION_KEY, 0, timeout=None)
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # the key vanished between add and incr (eviction, outage)
        cache.set(CONTENT_VERSION_KEY, 1, timeout=None)


def sheet_content_key(request, role):
    """What the sheet's cached content depends on (the {% cache %} tags in role_detail.html).

    The stored content version (roles.caching, one query per request) changes when a
    scheduled sheet goes live, with no signal: the cached content follows at once.
    """
    stored = hashlib.sha256(repr(caching.content_version(request)).encode()).hexdigest()[:16]
    return f"{role.pk}.{role.updated_at.timestamp()}.{content_version()}.{stored}"


def sheet_content_is_cached(request, role, cache_alias):
    key = make_template_fragment_key("sheet_content", [sheet_content_key(request, role)])
    return caches[cache_alias].get(key) is not None


# Stand-ins for a form's per-request values in a shared page, filled in per response.
CSRF_TOKEN_SLOT = "__promel_csrf_token__"
FORM_STARTED_SLOT = "__promel_form_started__"


class SharedPage:
    """A page as every anonymous visitor gets it: cached whole in Redis, but for its tokens.

    The sheet page's two forms are the same for every visitor except for two values: the
    CSRF token and the signed time the form was shown (roles.antispam). The page is rendered
    with slots in their place, kept in the cache, and each response fills the slots with that
    visitor's own values: the content and the forms are rendered once, the tokens per request.
    The search page has no such token: its cached copy is sent as it is.

    A visitor with a session (an editor) or a pending message gets the page rendered for him,
    and so does a query string where the page does not allow one (a reply link on a sheet).
    A cached page lives under the content version, and until the next scheduled publication
    at the latest, so that a scheduled sheet shows up on time in it.
    """

    def __init__(self, request, *, allow_query):
        self.request = request
        address = request.get_full_path().encode(errors="replace")
        self.key = f"shared-page.{hashlib.sha256(address).hexdigest()[:32]}"
        self.shared = (
            request.method in ("GET", "HEAD")
            and (allow_query or not request.GET)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )
        self.entry = self.cached_entry() if self.shared else None
        if self.entry:
            caching.remember_content_version(request, self.entry["stored_version"])

    def cached_entry(self):
        """The cached page, if still current: one cache round trip, no query."""
        found = cache.get_many([CONTENT_VERSION_KEY, self.key])
        # Read before rendering: an edit made meanwhile leaves the page stored below outdated.
        self.content_version = found.get(CONTENT_VERSION_KEY) or 0
        entry = found.get(self.key)
        if not entry or entry["content_version"] != self.content_version:
            return None
        next_publication = entry["stored_version"]["next_publication"]
        if next_publication and timezone.now() >= next_publication:
            return None  # a scheduled sheet is now public: it must show
        return entry

    def context(self):
        """What the page is rendered with when it is to be shared: slots for the tokens."""
        return {"csrf_token": CSRF_TOKEN_SLOT} if self.shared else {}

    def form_initial(self):
        return {"started": FORM_STARTED_SLOT} if self.shared else {}

    def cached_response(self):
        return HttpResponse(self.fill(self.entry["html"]))

    def store_after_render(self, response):
        if self.shared and hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(self.store_and_fill)

    def store_and_fill(self, response):
        """Post-render callback: cache the page, then fill in this visitor's tokens."""
        html = response.content.decode()
        if response.status_code == 200:
            entry = {"html": html, "stored_version": caching.content_version(self.request)}
            entry["content_version"] = self.content_version
            cache.set(self.key, entry, fragment_seconds())
        response.content = self.fill(html)

    def fill(self, html):
        """This visitor's own values in the slots (get_token also sets his CSRF cookie)."""
        values = {
            CSRF_TOKEN_SLOT: lambda: get_token(self.request),
            FORM_STARTED_SLOT: antispam.start_token,
        }
        for slot, value in values.items():
            if slot in html:
                html = html.replace(slot, value())
        return html


class SharedPageMixin:
    """Serve anonymous visitors one cached copy of the page (SharedPage)."""

    shared_page_allows_query = False

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Before dispatch: a cached page brings the content version its ETag is made from.
        self.shared_page = SharedPage(request, allow_query=self.shared_page_allows_query)

    def get(self, request, *args, **kwargs):
        if self.shared_page.entry:
            return self.shared_page.cached_response()
        response = super().get(request, *args, **kwargs)
        self.shared_page.store_after_render(response)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.shared_page.context(), **kwargs)


class CachedSheetContentMixin:
    """Load a sheet's parts only when its cached content is missing.

    The queryset's prefetches (for_detail) are run after the lookup, and skipped when the
    content fragment is in the cache: a cached sheet costs one query, plus its forms'.
    """

    fragment_cache = "default"  # the cache alias of the {% cache %} tags in role_detail.html

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        lookups = queryset._prefetch_related_lookups
        role = super().get_object(queryset.prefetch_related(None))
        if not sheet_content_is_cached(self.request, role, self.fragment_cache):
            prefetch_related_objects([role], *lookups)
        return role

    def get_context_data(self, **kwargs):
        return super().get_context_data(fragment_cache=self.fragment_cache, **kwargs)


def is_content(sender):
    meta = sender._meta
    return meta.app_label in {"roles", "taggit"} and meta.model_name not in NOT_CONTENT


def content_changed(sender, **kwargs):
    if is_content(sender):
        bump_content_version()


def connect():
    """Called once from RolesConfig.ready()."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"content-version-{id(signal)}")
