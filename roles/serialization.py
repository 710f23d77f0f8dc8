"""One JSON schema for a sheet: the API, `export_sheets` and `import_sheets` share it.

Field names are English and stable. Keys marked "derived" below (addresses, labels,
computed pay) help readers of the API; `import_sheets` recomputes them and ignores them.
"""

from django.urls import reverse
from django.utils import timezone

from .links import absolute
from .models import Family, Role, Sector, Skill

FORMAT = "promel-fiches-metiers"
VERSION = 1

# Model field -> key in a sheet document, where the two differ.
CODE_KEYS = {"rome_code": "rome", "isco_code": "isco", "esco_uri": "esco", "onet_code": "onet"}


def iso(moment):
    return moment.isoformat() if moment else None


def sheet_urls(role):
    """Derived: the public page and the API document of a sheet."""
    return {
        "url": absolute(role.get_absolute_url()),
        "api_url": absolute(reverse("roles:api_role_detail", args=[role.slug])),
    }


def sheet_summary(role):
    """A sheet in the API list: enough to choose it, without its parts."""
    return {
        "slug": role.slug,
        "title": role.title,
        "short_name": role.short_name,
        "summary": role.summary,
        "family": named(role.family),
        "updated_at": iso(role.updated_at),
        **sheet_urls(role),
    }


def named(entry):
    return {"slug": entry.slug, "name": entry.name}


def sheet_document(role, *, public=True):
    """The whole sheet (fetched with for_detail() or for_export()).

    `public` hides the identity of sheets the public cannot open (drafts, scheduled ones)
    where this sheet refers to them; the export shows everything.
    """
    return {
        "slug": role.slug,
        **sheet_urls(role),
        "title": role.title,
        "title_in_english": role.title_in_english,
        "short_name": role.short_name,
        "alternative_titles": role.alternative_title_list(),
        "tagline": role.tagline,
        "summary": role.summary,
        "introduction": role.introduction,
        "reporting_line": role.reporting_line,
        "salary_note": role.salary_note,
        "family": named(role.family),
        "codes": codes_document(role),
        "status": role.status,
        "is_featured": role.is_featured,
        "published_at": iso(role.published_at),
        "created_at": iso(role.created_at),
        "updated_at": iso(role.updated_at),
        "missions": [mission_document(mission) for mission in role.missions.all()],
        "skills": [skill_document(role_skill) for role_skill in role.role_skills.all()],
        "training": [training_document(path) for path in role.training_paths.all()],
        "career": {
            "incoming": [
                move_document(move, move.from_role, move.from_title, "from", public)
                for move in role.incoming_moves.all()
            ],
            "outgoing": [
                move_document(move, move.to_role, move.to_title, "to", public)
                for move in role.outgoing_moves.all()
            ],
        },
        "salaries": [salary_document(salary) for salary in role.salaries.all()],
        "sectors": [named(sector) for sector in role.sectors.all()],
        "tags": sorted(tag.name for tag in role.tags.all()),
        "related": [sheet_reference(other, public) for other in role.related_roles.all()],
    }


def codes_document(role):
    """Each official code and its label ("derived"), or "" when the sheet has none."""
    codes = {}
    for field, key in CODE_KEYS.items():
        entry = getattr(role, field)
        codes[key] = entry.pk if entry else ""
        codes[f"{key}_label"] = entry.label if entry else ""  # derived
    return codes


def mission_document(mission):
    return {
        "order": mission.order,
        "text": mission.text,
        "scope": mission.scope,
        "company_context": mission.company_context,
    }


def skill_document(role_skill):
    skill = role_skill.skill
    return {
        "order": role_skill.order,
        "skill": {"slug": skill.slug, "name": skill.name, "kind": skill.kind},
        "weight": role_skill.weight,
        "weight_label": role_skill.get_weight_display(),  # derived
        "note": role_skill.note,
    }


def training_document(path):
    return {
        "order": path.order,
        "level": path.level,
        "level_label": path.get_level_display(),  # derived
        "institution": path.institution,
        "institution_label": path.get_institution_display(),  # derived
        "fields_of_study": path.field_list(),
        "note": path.note,
    }


def sheet_reference(role, public):
    """Another sheet; only its title when the public may not open it."""
    if public and not role.is_public:
        return {"slug": None, "title": role.title, "url": None}
    return {"slug": role.slug, "title": role.title, "url": absolute(role.get_absolute_url())}


def move_document(move, other_role, other_title, direction, public):
    if other_role:
        other = sheet_reference(other_role, public)
    else:
        other = {"slug": None, "title": other_title, "url": None}
    return {
        "order": move.order,
        direction: other,
        "kind": move.kind,
        "years_of_experience": move.years_of_experience,
    }


def figures_document(figures):
    return {"min": figures.minimum, "typical": figures.typical, "max": figures.maximum}


def salary_document(salary):
    return {
        "order": salary.order,
        "experience": salary.experience,
        "experience_label": salary.get_experience_display(),  # derived
        "amount_min": salary.amount_min,
        "amount_typical": salary.amount_typical,
        "amount_max": salary.amount_max,
        "currency": salary.currency,
        "period": salary.period,
        "company_size": salary.company_size,
        "sector": salary.sector.slug if salary.sector else None,
        "region": salary.region,
        "source": salary.source,
        "year": salary.year,
        "sample_size": salary.sample_size,
        "note": salary.note,
        "gross_monthly": figures_document(salary.gross_monthly),  # derived
        "gross_yearly": figures_document(salary.gross_yearly),  # derived
        "net_monthly_estimate": figures_document(salary.net_monthly),  # derived
    }


def export_document():
    """Every sheet, drafts included, with the vocabularies they refer to."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(timezone.now()),
        "families": [
            {"slug": f.slug, "name": f.name, "description": f.description, "order": f.order}
            for f in Family.objects.all()
        ],
        "sectors": [
            {"slug": s.slug, "name": s.name, "description": s.description}
            for s in Sector.objects.all()
        ],
        "skills": [
            {"slug": s.slug, "name": s.name, "kind": s.kind, "description": s.description}
            for s in Skill.objects.all()
        ],
        "sheets": [
            sheet_document(role, public=False)
            for role in Role.objects.for_export().order_by("sort_title", "slug")
        ],
    }


CSV_COLUMNS = [
    "slug",
    "title",
    "short_name",
    "family",
    "status",
    "published_at",
    "updated_at",
    "summary",
    "reporting_line",
    *[column for key in CODE_KEYS.values() for column in (key, f"{key}_label")],
    "sectors",
    "tags",
    "url",
]


def flat_row(sheet):
    """The flat fields of a sheet document, one CSV row; lists joined with " | "."""
    return {
        **{key: sheet[key] for key in CSV_COLUMNS if key in sheet},
        **sheet["codes"],
        "family": sheet["family"]["slug"],
        "sectors": " | ".join(sector["slug"] for sector in sheet["sectors"]),
        "tags": " | ".join(sheet["tags"]),
    }
