"""The sheet page's data in few queries: short lists of parts come inside the sheet's own row.

`Role.objects.for_sheet_page()` annotates each sheet with its missions, training paths,
sectors, tags and public related sheets as JSON arrays (one correlated subquery each, on SQLite
and PostgreSQL alike); `with_page_parts(role)` turns them into model instances and fetches the
rest (skills, career moves both ways in one query, salaries). Afterwards `role.missions.all()`
and the like answer from memory, as after `prefetch_related()`: the templates, the JSON-LD and
`Role.objects.close_to()` read the parts as they do on a sheet fetched with for_detail().
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from .search import SEARCH_FIELDS


class JSONArray(models.Aggregate):
    """The aggregated values as one JSON array (NULL over no row on PostgreSQL)."""

    function = "JSONB_AGG"  # jsonb: Django reads it as text, as it does a JSONField
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


@dataclass
class PartList:
    """One short list of a sheet: where its rows are, and what of them the page reads."""

    model: type
    rows: models.QuerySet  # the rows of every sheet
    owner: str  # the lookup from a row to its sheet's primary key
    fields: dict  # model field -> lookup in `rows`
    order: tuple  # how the page orders them, as the lists' querysets do
    keep: Callable = lambda row: True  # which decoded rows the page shows

    @functools.cached_property
    def subquery(self):
        """The rows of the outer sheet, as a JSON array of {field: value}."""
        rows = self.rows.filter(**{self.owner: OuterRef("pk")}).order_by().values(self.owner)
        as_json = JSONObject(**{name: F(lookup) for name, lookup in self.fields.items()})
        return Subquery(rows.annotate(rows=JSONArray(as_json)).values("rows"))

    def instances(self, rows, db):
        """Model instances of the decoded rows, in the page's order."""
        rows = [row for row in rows or [] if self.keep(row)]
        rows.sort(key=lambda row: [row[key] for key in self.order])
        names = list(self.fields)
        return [self.model.from_db(db, names, [row[name] for name in names]) for row in rows]


def published_by_now(row):
    """The rest of published() on a decoded row, with the site's clock (the subquery is built
    once, so it cannot hold the time of the request)."""
    moment = parse_datetime(row["published_at"])
    if timezone.is_naive(moment):  # SQLite keeps UTC without an offset
        moment = timezone.make_aware(moment, datetime.UTC)
    row["published_at"] = moment
    return moment <= timezone.now()


@functools.cache
def part_lists():
    """relation of Role -> PartList (built once: building the subqueries costs more than
    running them)."""
    mission, training, sector, role = (
        apps.get_model("roles", name) for name in ("Mission", "TrainingPath", "Sector", "Role")
    )
    same = lambda *names: {name: name for name in names}  # noqa: E731
    return {
        "missions": PartList(
            mission,
            mission.objects.all(),
            "role",
            same("id", "order", "text", "scope", "company_context"),
            ("order", "id"),
        ),
        "training_paths": PartList(
            training,
            training.objects.all(),
            "role",
            same("id", "order", "level", "institution", "fields_of_study", "note"),
            ("order", "id"),
        ),
        "sectors": PartList(
            sector, sector.objects.all(), "roles", same("id", "name", "slug"), ("name",)
        ),
        "tags": PartList(
            Tag,
            TaggedItem.objects.filter(
                content_type__app_label=role._meta.app_label,
                content_type__model=role._meta.model_name,
            ),
            "object_id",
            {"id": "tag_id", "name": "tag__name", "slug": "tag__slug"},
            ("name",),
        ),
        "related_roles": PartList(
            role,
            role.objects.filter(status=role.Status.PUBLISHED),
            "related_roles",
            same("id", "title", "short_name", "slug", "sort_title", "published_at"),
            ("sort_title",),
            keep=published_by_now,
        ),
    }


class SheetPageQuerySetMixin:
    def for_sheet_page(self):
        """Sheets with their short lists of parts as JSON, for with_page_parts()."""
        lists = {f"page_{name}": part.subquery for name, part in part_lists().items()}
        return (
            self.select_related("family", "reviewed_by__editor_profile")
            .defer(*SEARCH_FIELDS)
            .annotate(**lists)
        )


def remember(role, relation, objects):
    """Make `role.<relation>.all()` answer `objects` without a query, as prefetch_related does.

    A list, not a queryset (cheaper to make): code that filters it fails loudly, instead of
    querying behind the page's back.
    """
    role._prefetched_objects_cache[relation] = list(objects)


def with_career_moves(roles):
    """Give each of these sheets its career moves both ways, in one query for all of them."""
    from .parts import CareerMove

    roles = list(roles)
    ids = [role.pk for role in roles]
    moves = CareerMove.objects.filter(Q(from_role__in=ids) | Q(to_role__in=ids))
    incoming, outgoing = defaultdict(list), defaultdict(list)
    for move in moves.with_sheet_at("from_role", "to_role"):
        incoming[move.to_role_id].append(move)
        outgoing[move.from_role_id].append(move)
    for role in roles:
        if not hasattr(role, "_prefetched_objects_cache"):
            role._prefetched_objects_cache = {}
        remember(role, "incoming_moves", incoming[role.pk])
        remember(role, "outgoing_moves", outgoing[role.pk])
    return roles


def with_page_parts(role):
    """A sheet from for_sheet_page() with every part its page shows: three more queries, four
    when its introduction links to other sheets."""
    from .parts import RoleSkill, Salary

    role._prefetched_objects_cache = {}
    for relation, part in part_lists().items():
        remember(role, relation, part.instances(getattr(role, f"page_{relation}"), role._state.db))
    skills = RoleSkill.objects.filter(role=role).select_related("skill").defer("skill__description")
    remember(role, "role_skills", skills)
    salaries = Salary.objects.filter(role=role).select_related("sector")
    remember(role, "salaries", salaries.defer("sector__description"))
    with_career_moves([role])
    shown = role.__class__.objects.with_public_sheet_links(role.introduction_html)
    role.introduction_shown = mark_safe(shown)  # noqa: S308 - sanitised when saved (signals)
    return role
