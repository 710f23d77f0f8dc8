"""What may be cached, and the content version that invalidates cached sheet fragments.

Pages without forms are public for anonymous visitors (roles.ops_middleware.PublicCacheMiddleware):
a new view opts in with one line in PUBLIC_VIEWS. The sheet page caches its content fragments
under the global content version, bumped on any change of the content, whatever its path:
saves and deletes (loaddata's raw saves included), many-to-many changes, and, since
queryset.update() sends no signal, explicitly by the code that bulk-updates.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import caching

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


def sheet_content_is_cached(request, role):
    key = make_template_fragment_key("sheet_content", [sheet_content_key(request, role)])
    return cache.get(key) is not None


class CachedSheetContentMixin:
    """Load a sheet's parts only when its cached content is missing.

    The queryset's prefetches (for_detail) are run after the lookup, and skipped when the
    content fragment is in the cache: a cached sheet costs one query, plus its forms'.
    """

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        lookups = queryset._prefetch_related_lookups
        role = super().get_object(queryset.prefetch_related(None))
        if not sheet_content_is_cached(self.request, role):
            prefetch_related_objects([role], *lookups)
        return role


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
