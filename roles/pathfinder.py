"""« Où puis-je aller ? » : the sheets within reach of a starting point, ranked.

From one or more sheets (career moves, one or two steps, and the « métiers proches » sharing
the most skills as a weaker, one-step link), or from a set of skills a person has (every sheet,
ranked by what it still asks). Each destination comes with its path, the essential skills to
acquire (the « vrai plus » ones apart) and the change in typical gross yearly pay at each level
of experience. A fixed number of queries, whatever the number of sheets.
"""

from dataclasses import dataclass, field
from statistics import mean

from django.urls import reverse

from .models import CareerMove, Role, RoleSkill, Salary
from .models.search import folded
from .referentials.models import RomeTitle

CLOSE_LINKS = 4  # weaker links: the sheets sharing the most skills with the start
SHOWN = 12  # destinations listed (and drawn)
CLOSE = "close"  # the kind of a « métier proche » link
STEP_LABELS = {**dict(CareerMove.Kind.choices), CLOSE: "Métier proche"}

ORDERS = {
    "effort": "d’abord le moins de compétences indispensables à acquérir, puis le plus fort "
    "gain de salaire à expérience égale",
    "salaire": "d’abord le plus fort gain de salaire à expérience égale, puis le moins de "
    "compétences indispensables à acquérir",
    "etapes": "d’abord le moins d’étapes, puis le moins de compétences indispensables à acquérir",
}


@dataclass
class Sheet:
    pk: int
    slug: str
    title: str
    family: str
    essential: dict = field(default_factory=dict)  # skill id -> name
    plus: dict = field(default_factory=dict)
    pay: dict = field(default_factory=dict)  # stage -> typical gross yearly euros

    @property
    def skills(self):
        return {**self.essential, **self.plus}

    @property
    def url(self):
        return reverse("roles:role_detail", args=[self.slug])


@dataclass
class Step:
    source: Sheet
    target: Sheet
    kind: str
    years: int | None = None

    @property
    def label(self):
        return STEP_LABELS[self.kind]


@dataclass
class Destination:
    sheet: Sheet
    path: list  # Steps from a start sheet; empty from a set of skills
    to_acquire: list  # names of the essential skills the person lacks
    bonus_to_acquire: list
    pay_change: list  # (level of experience, pay there, change from the start or None)

    @property
    def pay_gain(self):
        """Mean change at the levels both sheets give; None when none or no start sheet."""
        changes = [change for _, _, change in self.pay_change if change is not None]
        return mean(changes) if changes else None

    @property
    def pay_value(self):
        """What "more pay" ranks by: the gain from a start sheet, else the sheet's own pay."""
        if self.path:
            return self.pay_gain or 0
        pays = [there for _, there, _ in self.pay_change]
        return mean(pays) if pays else 0

    def sort_key(self, order):
        gain = -self.pay_value
        effort = len(self.to_acquire)
        keys = {
            "effort": (effort, gain),
            "salaire": (gain, effort),
            "etapes": (len(self.path), effort),
        }
        return (*keys[order], len(self.path), self.sheet.title)


@dataclass
class Pathfinder:
    starts: list = field(default_factory=list)  # Sheets
    before: list = field(default_factory=list)  # Steps leading to a start sheet
    destinations: list = field(default_factory=list)


@dataclass
class Start:
    """The sheets a person means by what he typed, and how they were found."""

    ids: list
    found_by: str  # "sheet", "title", "official" (a ROME 4.0 title) or "search"
    others: list = field(default_factory=list)  # other sheets the search proposes
    official: object = None  # the ROME title, when found by one


def starting_sheets(text):
    public = Role.objects.published()
    if sheet := public.with_slug(text):
        return Start([sheet.pk], "sheet")
    titled = list(public.filter(sort_title=folded(text)).values_list("pk", flat=True))
    if titled:
        return Start(titled, "title")
    if official := official_title(text):
        carrying = public.filter(rome_code=official.rome_id).order_by("sort_title")
        if ids := list(carrying.values_list("pk", flat=True)):
            return Start(ids, "official", official=official)
    found = list(Role.objects.search(text)[:4])
    if found:
        return Start([found[0].pk], "search", found[1:])
    return Start([], "search")


def official_title(text):
    """The ROME 4.0 title that is this text, in either gender, or None."""
    wanted = folded(text)
    for title in RomeTitle.objects.matching(text)[:50]:
        if wanted in title.folded_forms() | {title.folded_label}:
            return title
    return None


def load_sheets(ids):
    """The sheets of these ids with their skills and pay: three queries."""
    rows = Role.objects.filter(pk__in=ids).values_list("pk", "slug", "title", "family__name")
    sheets = {row[0]: Sheet(*row) for row in rows}
    skills = RoleSkill.objects.filter(role__in=sheets).values_list(
        "role_id", "skill_id", "skill__name", "weight"
    )
    for role_id, skill_id, name, weight in skills:
        group = "essential" if weight == RoleSkill.Weight.ESSENTIAL else "plus"
        getattr(sheets[role_id], group)[skill_id] = name
    salaries = Salary.objects.filter(role__in=sheets).order_by("role", "order", "pk")
    for role_id, stage, amount, period in salaries.values_list(
        "role_id", "experience", "amount_typical", "period"
    ):
        yearly = amount * 12 if period == Salary.Period.MONTH else amount
        sheets[role_id].pay.setdefault(stage, yearly)
    return sheets


def destination(sheet, path, have, start_pay):
    """What it takes to reach `sheet`, for someone with the skills `have` (ids)."""

    def lacking(skills):
        return sorted(name for pk, name in skills.items() if pk not in have)

    pay_change = []
    for stage, label in Salary.Experience.choices:
        if stage in sheet.pay:
            there, here = sheet.pay[stage], start_pay.get(stage)
            pay_change.append((label, there, there - here if here is not None else None))
    return Destination(sheet, path, lacking(sheet.essential), lacking(sheet.plus), pay_change)


def moves_from(ids):
    public = Role.objects.published()
    return CareerMove.objects.filter(from_role__in=ids, to_role__in=public).values_list(
        "from_role_id", "to_role_id", "kind", "years_of_experience"
    )


def from_sheets(start_ids, order="effort"):
    """Where one can go from these sheets, in one or two moves or to a close sheet."""
    public = Role.objects.published()
    first = list(moves_from(start_ids))
    second = list(moves_from({target for _, target, _, _ in first} - set(start_ids)))
    close = list(public.close_to_sheets(start_ids).values_list("pk", flat=True)[:CLOSE_LINKS])
    before = list(
        CareerMove.objects.filter(to_role__in=start_ids, from_role__in=public).values_list(
            "from_role_id", "to_role_id", "kind", "years_of_experience"
        )
    )
    ids = set(start_ids) | set(close)
    for source, target, _, _ in [*first, *second, *before]:
        ids |= {source, target}
    sheets = load_sheets(ids)

    def step(source, target, kind, years=None):
        return Step(sheets[source], sheets[target], kind, years)

    paths = {}  # target id -> the shortest path found first (moves before close links)
    for move in first:
        paths.setdefault(move[1], [step(*move)])
    for move in second:
        for path in [p for p in list(paths.values()) if p[-1].target.pk == move[0]]:
            if len(path) == 1:
                paths.setdefault(move[1], [*path, step(*move)])
    for pk in close:
        paths.setdefault(pk, [step(start_ids[0], pk, CLOSE)])
    for pk in start_ids:
        paths.pop(pk, None)

    destinations = []
    for pk, path in paths.items():
        start = path[0].source
        destinations.append(destination(sheets[pk], path, start.skills, start.pay))
    destinations.sort(key=lambda d: d.sort_key(order))
    return Pathfinder(
        starts=[sheets[pk] for pk in start_ids],
        before=[step(*move) for move in before],
        destinations=destinations[:SHOWN],
    )


def from_skills(skill_ids, order="effort"):
    """Every public sheet, ranked by the essential skills it still asks of this person."""
    ranked = Role.objects.published().ranked_by_skills_lacking(skill_ids)
    ranked = ranked.values_list("pk", flat=True)[: SHOWN * 3]
    sheets = load_sheets(list(ranked))
    destinations = [destination(sheet, [], set(skill_ids), {}) for sheet in sheets.values()]
    destinations.sort(key=lambda d: d.sort_key(order))
    return Pathfinder(destinations=destinations[:SHOWN])
