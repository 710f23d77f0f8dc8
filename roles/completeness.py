"""What each sheet lacks (empty, thin or broken parts), for editors and check_sheets."""

from dataclasses import dataclass, field
from typing import NamedTuple

from .models import OldSlug, Role
from .models.search import folded
from .rendering import linked_sheet_slugs, render_markdown

INTRODUCTION_MIN_WORDS = 80
MIN_MISSIONS = 3
MIN_SKILLS = 3


class Problem(NamedTuple):
    section: str
    message: str
    broken_link: bool = False  # a link the public sees on this sheet leads nowhere
    suggestion: str = ""  # the title of a sheet worth creating: no fault of this sheet

    @property
    def kind(self):
        if self.broken_link:
            return "lien-casse"
        return "suggestion" if self.suggestion else "a-completer"


@dataclass
class SheetCompleteness:
    role: Role
    checks: int = 0
    problems: list = field(default_factory=list)

    @property
    def score(self):
        """Share of the completeness checks passed, in percent."""
        failed = len({p.section for p in self.problems if p.kind == "a-completer"})
        return round(100 * (self.checks - min(failed, self.checks)) / self.checks)

    @property
    def broken_links(self):
        return [p for p in self.problems if p.broken_link]


class Catalogue:
    """What the checks compare sheets with, read once: titles and public addresses."""

    def __init__(self):
        roles = Role.objects.all()
        self.titles = {folded(title) for title in roles.values_list("title", flat=True)}
        public = Role.objects.published()
        self.public_slugs = set(public.values_list("slug", flat=True))
        self.public_slugs |= set(
            OldSlug.objects.filter(role__in=public).values_list("slug", flat=True)
        )


def check_sheet(role, catalogue):
    """Every check of one sheet (fetched with Role.objects.for_completeness())."""
    sheet = SheetCompleteness(role)
    for check in (
        _introduction,
        _missions,
        _skills,
        _training,
        _career,
        _salaries,
        _sectors,
        _related,
    ):
        sheet.checks += 1
        sheet.problems += check(role, catalogue)
    return sheet


def check_sheets(roles=None):
    """The completeness of every sheet (or of `roles`), worst first."""
    catalogue = Catalogue()
    roles = (roles if roles is not None else Role.objects.all()).for_completeness()
    return sorted((check_sheet(role, catalogue) for role in roles), key=lambda h: h.score)


def _introduction(role, catalogue):
    words = len(role.introduction.split())
    if not words:
        return [Problem("Introduction", "Introduction vide.")]
    problems = []
    if words < INTRODUCTION_MIN_WORDS:
        message = f"Introduction courte\u00a0: {words} mots (au moins {INTRODUCTION_MIN_WORDS})."
        problems.append(Problem("Introduction", message))
    for slug in sorted(linked_sheet_slugs(render_markdown(role.introduction))):
        if slug not in catalogue.public_slugs:
            message = (
                f"L’introduction renvoie vers /metiers/{slug}/, qui n’est pas une fiche publiée."
            )
            problems.append(Problem("Introduction", message, broken_link=role.is_public))
    return problems


def _count(section, items, minimum, none, singular, plural):
    if not items:
        return [Problem(section, none)]
    if len(items) < minimum:
        noun = singular if len(items) == 1 else plural
        message = f"Seulement {len(items)} {noun}\u00a0: au moins {minimum} conseillées."
        return [Problem(section, message)]
    return []


def _missions(role, catalogue):
    missions = role.missions.all()
    return _count("Missions", missions, MIN_MISSIONS, "Aucune mission.", "mission", "missions")


def _skills(role, catalogue):
    skills = role.role_skills.all()
    return _count(
        "Compétences", skills, MIN_SKILLS, "Aucune compétence.", "compétence", "compétences"
    )


def _training(role, catalogue):
    return [Problem("Formations", "Aucune formation.")] if not role.training_paths.all() else []


def _career(role, catalogue):
    steps = [(m.from_role, m.from_title) for m in role.incoming_moves.all()]
    steps += [(m.to_role, m.to_title) for m in role.outgoing_moves.all()]
    if not steps:
        return [Problem("Évolutions", "Aucune évolution de carrière.")]
    problems = []
    for sheet, title in steps:
        if sheet is None and folded(title) in catalogue.titles:
            message = (
                f"«\u202f{title}\u202f» a une fiche\u00a0: "
                "reliez l’étape à la fiche plutôt qu’à l’intitulé."
            )
            problems.append(Problem("Évolutions", message))
        elif sheet is None:
            message = (
                f"«\u202f{title}\u202f» n’a pas encore de fiche\u00a0: elle pourrait être créée."
            )
            problems.append(Problem("Évolutions", message, suggestion=title))
        elif not sheet.is_public:
            message = (
                f"«\u202f{sheet.title}\u202f» n’est pas publiée\u00a0: "
                "le lien s’affiche en texte simple."
            )
            problems.append(Problem("Évolutions", message, broken_link=role.is_public))
    return problems


def _salaries(role, catalogue):
    salaries = role.salaries.all()
    if not salaries:
        return [Problem("Salaires", "Aucun salaire.")]
    return [
        Problem(
            "Salaires",
            f"Salaire «\u202f{s.get_experience_display()}\u202f» sans année des données.",
        )
        for s in salaries
        if s.year is None
    ]


def _sectors(role, catalogue):
    return [Problem("Secteurs", "Aucun secteur.")] if not role.sectors.all() else []


def _related(role, catalogue):
    return [
        Problem(
            "Fiches liées",
            f"«\u202f{other.title}\u202f» n’est pas publiée\u00a0: "
            "elle n’apparaît pas dans «\u202fDécouvrez aussi\u202f».",
            broken_link=role.is_public,
        )
        for other in role.related_roles.all()
        if not other.is_public
    ]
