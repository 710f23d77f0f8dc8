"""JSON-LD (schema.org) built from the site's objects, every value as the page shows it."""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from .links import absolute

SCHEMA = "https://schema.org"

# As django.utils.html.json_script does: no "<", ">" or "&" may reach the HTML parser, so
# the data can neither close its <script> element nor open a comment. A JSON-LD block is
# data, never executed, so a Content-Security-Policy without 'unsafe-inline' allows it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script(data):
    """`data` as a <script type="application/ld+json"> element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def breadcrumb_script(crumbs, current_url):
    return script(breadcrumb_list(crumbs, current_url))


def breadcrumb_list(crumbs, current_url):
    """The trail "Accueil" > crumbs; the last crumb, without URL, is the current page."""
    trail = [("Accueil", "/")] + [(label, url) for label, url in crumbs]
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": str(label),
            "item": absolute(str(url)) if url else current_url,
        }
        for position, (label, url) in enumerate(trail, start=1)
    ]
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def organization_and_website():
    """The agency and its site, with the site search as a SearchAction (home page only)."""
    home = absolute("/")
    organization = {
        "@type": "Organization",
        "@id": f"{home}#organisation",
        "name": "Promel",
        "url": home,
        "email": settings.CONTACT_EMAIL,
    }
    website = {
        "@type": "WebSite",
        "@id": f"{home}#site",
        "name": "Promel, fiches métiers",
        "url": home,
        "inLanguage": "fr",
        "publisher": {"@id": organization["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute("/recherche/?q={search_term_string}"),
            },
        },
    }
    return {"@context": SCHEMA, "@graph": [organization, website]}


def occupation(role):
    """schema.org Occupation of a sheet fetched with Role.objects.for_detail()."""
    url = absolute(role.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "Occupation",
        "@id": f"{url}#metier",
        "name": role.title,
        "alternateName": role.alternative_title_list(),
        "description": role.summary,
        "occupationalCategory": occupational_categories(role),
        "skills": [role_skill.skill.name for role_skill in role.role_skills.all()],
        "responsibilities": [mission_text(mission) for mission in role.missions.all()],
        "educationRequirements": [credential(path) for path in role.training_paths.all()],
        "experienceRequirements": experience_requirements(role),
        "estimatedSalary": [salary_distribution(salary) for salary in role.salaries.all()],
        "occupationLocation": {"@type": "Country", "name": "France"},
        "mainEntityOfPage": web_page(role, url),
    }
    return {key: value for key, value in data.items() if value not in ([], None, "")}


def occupational_categories(role):
    """The sheet's family (the site's own classification) and its taxonomy codes."""
    family = role.family
    categories = [
        {
            "@type": "CategoryCode",
            "codeValue": family.slug,
            "name": family.name,
            "url": absolute(family.get_absolute_url()),
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "Familles de métiers Promel"},
        }
    ]
    for code in role.taxonomy_codes():
        code_set = {"@type": "CategoryCodeSet", "name": code.code_set.name}
        if code.code_set.url:
            code_set["url"] = code.code_set.url
        categories.append(
            {
                "@type": "CategoryCode",
                "codeValue": code.value,
                "name": code.label,
                "url": code.url,
                "inCodeSet": code_set,
            }
        )
    return categories


def mission_text(mission):
    if mission.company_context:
        return f"{mission.text} ({mission.company_context})"
    return mission.text


def training_name(path):
    """As the sheet writes it: "Bac+5, école de commerce"."""
    return f"{path.get_level_display()}, {path.get_institution_display().lower()}"


def credential(path):
    data = {
        "@type": "EducationalOccupationalCredential",
        "name": training_name(path),
        "credentialCategory": "degree",
        "educationalLevel": path.get_level_display(),
    }
    if path.field_list():
        data["about"] = [{"@type": "DefinedTerm", "name": name} for name in path.field_list()]
    if path.note:
        data["description"] = path.note
    return data


def move_text(move):
    """An incoming career move as the sheet shows it."""
    details = move.get_kind_display()
    if move.years_of_experience:
        years = move.years_of_experience
        plural = "s" if years > 1 else ""
        details += f", après {years} an{plural} d’expérience environ"
    return f"{move.source_name} ({details})"


def experience_requirements(role):
    """The jobs leading to this one, with the shortest usual experience among them."""
    moves = list(role.incoming_moves.all())
    if not moves:
        return None
    data = {
        "@type": "OccupationalExperienceRequirements",
        "description": "Postes qui y mènent\u00a0: "
        + "\u202f; ".join(move_text(m) for m in moves)
        + ".",
    }
    years = [move.years_of_experience for move in moves if move.years_of_experience]
    if years:
        data["monthsOfExperience"] = min(years) * 12
    return data


def salary_label(salary):
    """The row heading of the salary table: experience, then size, sector and region."""
    parts = [salary.get_experience_display(), salary.get_company_size_display()]
    parts += [salary.sector.name if salary.sector else "", salary.region]
    return ", ".join(part for part in parts if part)


def salary_distribution(salary):
    """Gross pay in the period the editor entered: the usual figure, its low and high ones.

    A MonetaryAmount, not a MonetaryAmountDistribution: the sheet's figures are a usual
    amount and a range, not a median and percentiles.
    """
    monthly = salary.period == salary.Period.MONTH
    figures = salary.gross_monthly if monthly else salary.gross_yearly
    value = {
        "@type": "QuantitativeValue",
        "value": figures.typical,
        "minValue": figures.minimum,
        "maxValue": figures.maximum,
        "unitText": "MONTH" if monthly else "YEAR",
    }
    return {
        "@type": "MonetaryAmount",
        "name": salary_label(salary),
        "currency": salary.currency,
        "value": {key: figure for key, figure in value.items() if figure is not None},
    }


def web_page(role, url):
    updated = timezone.localtime(role.updated_at)
    page = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": role.title,
        "inLanguage": "fr",
        "dateModified": updated.isoformat(),
    }
    if role.reviewed_at:  # only a real review ("Marquer comme relue") is one
        page["lastReviewed"] = timezone.localtime(role.reviewed_at).date().isoformat()
    return page
