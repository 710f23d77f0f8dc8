"""The sheet page's data in one query: its lists of parts come inside the sheet's own row.

`sheet_page(slug)` reads the sheet with its family, its reviewer's public name, and its
missions, skills, training paths, career moves both ways, salaries, sectors, tags, public
related sheets and the rows of its official codes as JSON arrays (one correlated subquery
each, on SQLite and PostgreSQL alike), in SQL compiled once per process (compiled.py);
other apps add lists of their own (the comments). `with_page_parts(role)` turns the arrays into
model instances, with the skill, sector or sheet each row points to. Afterwards
`role.missions.all()` and the like answer from memory, as after `prefetch_related()`: the
templates and the JSON-LD read the parts as they do on a sheet fetched with
for_detail().
"""

import functools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.utils import timezone
from django.utils.safestring import mark_safe
from taggit.models import Tag, TaggedItem

from ..crosswalks import CODE_FIELDS
from .compiled import PLACEHOLDER_MOMENT, CompiledQuery
from .rows import Columns
from .search import SEARCH_FIELDS


class JSONArray(models.Aggregate):
    """The aggregated values as one JSON array, in text (NULL over no row on PostgreSQL)."""

    function = "JSON_AGG"
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # json, not jsonb: built several times faster. In text, as Django reads a JSONField
        # (psycopg2 would decode json into Python itself).
        template = "%(function)s(%(distinct)s%(expressions)s)::text"
        return self.as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class JSONRow(JSONObject):
    """JSONObject, built as json rather than jsonb on PostgreSQL (see JSONArray)."""

    def as_postgresql(self, compiler, connection, **extra_context):
        keys_as_text = self.copy()  # as Django does: the keys are parameters of no known type
        keys_as_text.set_source_expressions(
            [
                Cast(expression, models.TextField()) if index % 2 == 0 else expression
                for index, expression in enumerate(self.get_source_expressions())
            ]
        )
        return super(JSONObject, keys_as_text).as_sql(
            compiler, connection, function="JSON_BUILD_OBJECT", **extra_context
        )


@dataclass(eq=False)  # hashed by identity: compiled() is cached per instance
class PartList:
    """One list of parts of a sheet: where its rows are, and what of them the page reads."""

    columns: Columns  # the part's own fields, its primary key first
    rows: models.QuerySet  # the rows of every sheet
    owner: str  # the lookup from a row to the sheet's field `outer`
    order: tuple  # how the page orders them, as the lists' querysets do
    joined: dict = field(default_factory=dict)  # foreign key -> Columns of the row it points to
    keep: Callable = lambda part: True  # which parts the page shows
    outer: str = "pk"

    @functools.cached_property
    def subquery(self):
        """The rows of the outer sheet, as a JSON array of {field: value}."""
        lookups = dict(self.columns.lookups)
        for relation, columns in self.joined.items():
            lookups |= {f"{relation}__{name}": lookup for name, lookup in columns.lookups.items()}
        rows = self.rows.filter(**{self.owner: OuterRef(self.outer)}).order_by().values(self.owner)
        as_json = JSONRow(**{name: F(lookup) for name, lookup in lookups.items()})
        return Subquery(rows.annotate(rows=JSONArray(as_json)).values("rows"))

    def annotation(self, alias):
        """The subquery as SQL, to annotate a query on sheets with."""
        return RawSQL(*self.compiled(alias), models.JSONField())

    @functools.cache  # noqa: B019 - a PartList lives as long as the process
    def compiled(self, alias):
        """The SQL of the subquery on this database, compiled once: compiling the subqueries
        cost more than the rest of the sheet's queries together. It refers to the outer sheet
        as "roles_role", the alias of the table of a query on sheets."""
        role = apps.get_model("roles", "Role")
        query = role.objects.using(alias).annotate(rows=self.subquery).query
        sql, params = query.get_compiler(alias).compile(query.annotations["rows"])
        return sql, tuple(params)

    def instances(self, rows, db):
        """Model instances of the decoded rows, in the page's order, with their joined rows."""
        rows = sorted(rows or [], key=lambda row: [row[key] for key in self.order])
        parts = []
        for row in rows:
            part = self.columns.instance(row, db)
            for relation, columns in self.joined.items():
                part._state.fields_cache[relation] = columns.instance(row, db, f"{relation}__")
            if self.keep(part):
                parts.append(part)
        return parts


def published_by_now(role):
    """The rest of published() on a decoded row, with the site's clock (the subquery is built
    once, so it cannot hold the time of the request)."""
    return role.published_at <= timezone.now()


@functools.cache
def part_lists():
    """relation of Role -> PartList (built once: building the subqueries costs more than
    running them)."""
    names = ("Mission", "RoleSkill", "TrainingPath", "CareerMove", "Salary", "Sector", "Skill")
    mission, role_skill, training, move, salary, sector, skill = (
        apps.get_model("roles", name) for name in names
    )
    role = apps.get_model("roles", "Role")
    same = lambda *names: {name: name for name in names}  # noqa: E731
    order = ("order", "id")

    def sheet_at(end):
        """The sheet at one end of a career move, as much of it as the page shows."""
        fields = ("title", "slug", "status", "published_at")
        return Columns(role, {"id": end} | {name: f"{end}__{name}" for name in fields})

    def move_list(towards, other_end):
        moves = same("id", "order", "from_title", "to_title", "kind", "years_of_experience")
        moves |= {"from_role_id": "from_role", "to_role_id": "to_role"}
        return PartList(
            Columns(move, moves),
            move.objects.all(),
            towards,
            order,
            joined={other_end: sheet_at(other_end)},
        )

    salary_fields = same("id", "order", "experience", "amount_min", "amount_typical")
    salary_fields |= same("amount_max", "currency", "period", "company_size", "region")
    salary_fields |= same("source", "year", "sample_size", "note") | {"sector_id": "sector"}
    codes = {field: official_code(field) for field in CODE_FIELDS}
    return codes | {
        "missions": PartList(
            Columns(mission, same("id", "order", "text", "scope", "company_context")),
            mission.objects.all(),
            "role",
            order,
        ),
        "role_skills": PartList(
            Columns(role_skill, same("id", "order", "weight", "note") | {"skill_id": "skill"}),
            role_skill.objects.all(),
            "role",
            order,
            joined={
                "skill": Columns(
                    skill,
                    {
                        "id": "skill",
                        "name": "skill__name",
                        "slug": "skill__slug",
                        "kind": "skill__kind",
                    },
                )
            },
        ),
        "training_paths": PartList(
            Columns(
                training, same("id", "order", "level", "institution", "fields_of_study", "note")
            ),
            training.objects.all(),
            "role",
            order,
        ),
        "incoming_moves": move_list("to_role", "from_role"),
        "outgoing_moves": move_list("from_role", "to_role"),
        "salaries": PartList(
            Columns(salary, salary_fields),
            salary.objects.all(),
            "role",
            order,
            joined={
                "sector": Columns(
                    sector, {"id": "sector", "name": "sector__name", "slug": "sector__slug"}
                )
            },
        ),
        "sectors": PartList(
            Columns(sector, same("id", "name", "slug")), sector.objects.all(), "roles", ("name",)
        ),
        "tags": PartList(
            Columns(Tag, {"id": "tag_id", "name": "tag__name", "slug": "tag__slug"}),
            TaggedItem.objects.filter(
                content_type__app_label=role._meta.app_label,
                content_type__model=role._meta.model_name,
            ),
            "object_id",
            ("name",),
        ),
        "related_roles": PartList(
            Columns(role, same("id", "title", "short_name", "slug", "sort_title", "published_at")),
            role.objects.filter(status=role.Status.PUBLISHED),
            "related_roles",
            ("sort_title",),
            keep=published_by_now,
        ),
    }


def official_code(field):
    """The row of an official list a sheet's code points to (crosswalks.CODE_SETS), as a
    list of one: a join more in the sheet's query costs more to plan than this subquery."""
    entry = apps.get_model("roles", "Role")._meta.get_field(field).related_model
    key = entry._meta.pk.name
    return PartList(
        Columns(entry, {key: key, "label": "label"}), entry.objects.all(), key, (key,), outer=field
    )


# Values no sheet has, that the compiled query holds in place of the requested one.
KEY_PLACEHOLDERS = {"slug": "slug-placeholder-of-the-compiled-sheet-page-query", "pk": -424242}


def page_fields(model):
    """The fields of its own a sheet's page reads: all but the search document."""
    return [f.attname for f in model._meta.concrete_fields if f.name not in SEARCH_FIELDS]


@functools.cache
def page_query(key, unpublished, extra_lists):
    """The sheet page's one query, compiled once (its own fields, its family, its reviewer's
    public name, and every part list as JSON): the sheet of a `key` ("slug" or "pk"), among
    unpublished sheets too or not."""
    role = apps.get_model("roles", "Role")
    family = apps.get_model("roles", "Family")
    lists = {f"page_{name}": part for name, part in (*part_lists().items(), *extra_lists)}
    names = [*page_fields(role), *(f"family__{field}" for field in page_fields(family))]
    names += ["reviewed_by__editor_profile__id", "reviewed_by__editor_profile__display_name"]

    def build(alias, key_value, now=None):
        sheets = role.objects.using(alias).filter(**{key: key_value}).order_by()
        if not unpublished:
            sheets = sheets.published(now)
        annotations = {name: part.annotation(alias) for name, part in lists.items()}
        return sheets.annotate(**annotations).values(*names, *annotations)

    placeholders = {"key_value": KEY_PLACEHOLDERS[key]}
    if not unpublished:
        placeholders["now"] = PLACEHOLDER_MOMENT
    return CompiledQuery(build, **placeholders)


@functools.cache
def page_columns():
    """How the sheet, its family and its reviewer's profile are read from the query's row."""
    role, family, profile = (
        apps.get_model("roles", name) for name in ("Role", "Family", "EditorProfile")
    )
    same = lambda names: {name: name for name in names}  # noqa: E731
    return (
        Columns(role, same(page_fields(role))),
        Columns(family, same(page_fields(family))),
        Columns(profile, same(["id", "display_name"])),
    )


def sheet_page(key, value, unpublished=False, extra_lists=(), using=DEFAULT_DB_ALIAS):
    """The sheet whose `key` ("slug" or "pk") has this value, with every part its page shows,
    in one query; None when there is none (or it is not public, unless `unpublished`).
    `extra_lists`: (name, PartList) pairs of other apps, left as decoded rows in `page_<name>`."""
    values = {"key_value": value} if unpublished else {"key_value": value, "now": timezone.now()}
    rows = page_query(key, unpublished, tuple(extra_lists)).rows(using, **values)
    if not rows:
        return None
    row = rows[0]
    sheet_columns, family_columns, profile_columns = page_columns()
    role = sheet_columns.instance(row, using)
    role._state.fields_cache["family"] = family_columns.instance(row, using, "family__")
    if role.reviewed_by_id is not None:
        reviewer = role._meta.get_field("reviewed_by").related_model
        reviewer = reviewer.from_db(using, ["id"], [role.reviewed_by_id])
        profile = profile_columns.instance(row, using, "reviewed_by__editor_profile__")
        reviewer._state.fields_cache["editor_profile"] = profile
        role._state.fields_cache["reviewed_by"] = reviewer
    for name, value in row.items():
        if name.startswith("page_"):
            setattr(role, name, json.loads(value) if isinstance(value, str) else value)
    return with_page_parts(role)


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
    """A sheet of sheet_page() given every part its page shows; one more query when its
    introduction links to other sheets."""
    role._prefetched_objects_cache = {}
    for relation, part in part_lists().items():
        parts = part.instances(getattr(role, f"page_{relation}"), role._state.db)
        if relation in CODE_FIELDS:
            role._state.fields_cache[relation] = parts[0] if parts else None
        else:
            remember(role, relation, parts)
    for move in role.incoming_moves.all():
        move._state.fields_cache["to_role"] = role
    for move in role.outgoing_moves.all():
        move._state.fields_cache["from_role"] = role
    shown = role.__class__.objects.with_public_sheet_links(role.introduction_html)
    role.introduction_shown = mark_safe(shown)  # noqa: S308 - sanitised when saved (signals)
    return role
