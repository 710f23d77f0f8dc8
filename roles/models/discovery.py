"""Browsing the sheets: list filters and sheets close to one another."""

import functools

from django.apps import apps
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.utils import timezone

from .compiled import PLACEHOLDER_MOMENT, CompiledQuery
from .rows import Columns

CLOSE_ROLES_SHOWN = 6


def _parts(name):
    return apps.get_model("roles", name).objects


def close_sheets(role):
    """The published sheets sharing most skills with `role` (its skills prefetched), with what
    the sheet page links them with (« Métiers proches »): one query, compiled once for each
    number of skills."""
    skill_ids = [role_skill.skill_id for role_skill in role.role_skills.all()]
    if not skill_ids:
        return []
    skills = {f"skill_{index}": skill for index, skill in enumerate(skill_ids)}
    query = close_sheets_query(len(skill_ids))
    rows = query.rows(role._state.db, pk=role.pk, now=timezone.now(), **skills)
    sheets = []
    for row in rows:
        sheet = close_sheet_columns().instance(row, role._state.db)
        sheet.shared_skills = row["shared_skills"]
        sheets.append(sheet)
    return sheets


@functools.cache
def close_sheets_query(skill_count):
    # The skills as a list, not a subquery: PostgreSQL then reads only these skills' rows
    # (at 10,000 sheets, a subquery was up to 40 % slower).
    role = apps.get_model("roles", "Role")
    skills = {f"skill_{index}": -1000 - index for index in range(skill_count)}

    def build(alias, pk, now, **skills):
        close = role.objects.using(alias).published(now)._ranked_by_shared_skills(skills.values())
        close = close.exclude(pk=pk).values("id", "title", "slug", "shared_skills")
        return close[:CLOSE_ROLES_SHOWN]

    return CompiledQuery(build, pk=-424242, now=PLACEHOLDER_MOMENT, **skills)


@functools.cache
def close_sheet_columns():
    return Columns(
        apps.get_model("roles", "Role"), {name: name for name in ("id", "title", "slug")}
    )


class DiscoveryQuerySetMixin:
    """Filter and neighbourhood methods of the Role queryset."""

    def with_education(self, level):
        """Sheets one of whose training paths is at `level` (TrainingPath.Level)."""
        return self.filter(pk__in=_parts("TrainingPath").filter(level=level).values("role"))

    def hiring_salary_between(self, low=None, high=None):
        """Sheets whose typical gross yearly salary at hiring is in [low, high)."""
        salary = apps.get_model("roles", "Salary")
        yearly, monthly = Q(period=salary.Period.YEAR), Q(period=salary.Period.MONTH)
        if low is not None:
            yearly &= Q(amount_typical__gte=low)
            monthly &= Q(amount_typical__gte=low / 12)
        if high is not None:
            yearly &= Q(amount_typical__lt=high)
            monthly &= Q(amount_typical__lt=high / 12)
        at_hiring = salary.objects.filter(yearly | monthly, experience=salary.Experience.HIRING)
        return self.filter(pk__in=at_hiring.values("role"))

    def by_family(self):
        """These sheets (ordered by for_list()) as a sequence a Paginator pages quickly."""
        return SheetsByFamily(self)

    def close_to_sheets(self, ids):
        """Other sheets ranked by the skills they share with the sheets of these ids."""
        skill_ids = _parts("RoleSkill").filter(role__in=ids).values_list("skill", flat=True)
        # A list, not a subquery: PostgreSQL then reads only these skills' rows.
        return self._sharing_skills(list(skill_ids)).exclude(pk__in=ids)

    def ranked_by_skills_lacking(self, skill_ids):
        """Sheets asking for one of these skills at least, fewest essential others first."""
        essential = Q(role_skills__weight=_parts("RoleSkill").model.Weight.ESSENTIAL)
        asked = Q(role_skills__skill__in=skill_ids)
        having = _parts("RoleSkill").filter(skill__in=skill_ids).values("role")
        return (
            self.filter(pk__in=having)
            .annotate(lacking=Count("role_skills", filter=essential & ~asked))
            .annotate(matching=Count("role_skills", filter=asked))
            .order_by("lacking", "-matching", "sort_title")
        )

    def close_to_skill(self, skill):
        """Sheets that do not need `skill` but share most skills with those that do."""
        needing = self.filter(role_skills__skill=skill).values("pk")
        neighbours = _parts("RoleSkill").filter(role__in=needing).values("skill")
        return self._sharing_skills(neighbours).exclude(role_skills__skill=skill)

    def with_typical_salaries(self):
        """Annotate `salary_<stage>`: the first typical gross yearly salary of each stage."""
        salary = apps.get_model("roles", "Salary")
        return self.annotate(
            **{
                f"salary_{stage}": Subquery(
                    _yearly_typical(salary.objects.filter(role=OuterRef("pk"), experience=stage))
                    .order_by("order", "pk")
                    .values("yearly")[:1]
                )
                for stage in salary.Experience.values
            }
        )

    def highest_typical_salary(self):
        """The highest typical gross yearly salary of these sheets (0 when none)."""
        salaries = _yearly_typical(_parts("Salary").filter(role__in=self.values("pk")))
        return salaries.aggregate(highest=Max("yearly"))["highest"] or 0

    def _sharing_skills(self, skill_ids):
        """As cards, ranked by the skills they share with these."""
        return self.for_list()._ranked_by_shared_skills(skill_ids)

    def _ranked_by_shared_skills(self, skill_ids):
        return (
            self.filter(role_skills__skill__in=skill_ids)
            .annotate(shared_skills=Count("role_skills"))
            .order_by("-shared_skills", "sort_title")
        )


class SheetsByFamily:
    """Sheets in family order, then title order, paged family by family: sorting every public
    sheet by its family's order costs most of a page at 10,000 sheets, whereas the sheets of
    one family come in title order from the (family, sort_title) index."""

    def __init__(self, roles):
        self.roles = roles

    @functools.cached_property
    def sizes(self):
        """(family id, number of these sheets) in family order: one query."""
        counted = self.roles.values("family").annotate(size=Count("pk"))
        counted = counted.order_by("family__order", "family__name")
        return [(row["family"], row["size"]) for row in counted]

    def count(self):
        return sum(size for _, size in self.sizes)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        """The sheets of a slice: three queries at most, whatever the families it reaches."""
        reached, first = [], 0  # (family, start, stop, size) of each family the slice reaches
        for family, size in self.sizes:
            start, stop = max(window.start - first, 0), min(window.stop - first, size)
            if start < stop:
                reached.append((family, start, stop, size))
            first += size
        whole = [family for family, start, stop, size in reached if stop - start == size]
        sheets = []
        for family, start, stop, size in reached:
            if stop - start < size:  # the first or the last family, in part
                sheets += self.roles.filter(family=family).order_by("sort_title")[start:stop]
            elif family == whole[0]:  # the families in between, whole: together
                sheets += self.roles.filter(family__in=whole)
        return sheets


def _yearly_typical(salaries):
    salary = salaries.model
    return salaries.annotate(
        yearly=Case(
            When(period=salary.Period.MONTH, then=F("amount_typical") * 12),
            default=F("amount_typical"),
            output_field=IntegerField(),
        )
    )
