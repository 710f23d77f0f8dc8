"""A job-ad draft built from a sheet: Markdown, plain text and a JobPosting JSON-LD template.

What the sheet cannot know (the company, the place, the contract...) is marked TO_FILL for
the recruiter to complete.
"""

import json
import re

from django.utils.html import escape

from roles import structured_data
from roles.rendering import euros

TO_FILL = "À COMPLÉTER"


def fill(hint):
    return f"[{TO_FILL}\u00a0: {hint}]"


PLACEHOLDER = re.compile(rf"\[{TO_FILL}\u00a0: ([^\]]+)\]")


def salary_lines(role):
    """Gross yearly pay per experience stage, as the sheet's salary table gives it."""
    lines = []
    for salary in role.salaries.all():
        figures = salary.gross_yearly
        if figures.minimum is not None and figures.maximum is not None:
            amount = f"{euros(figures.minimum)} à {euros(figures.maximum)} bruts par an"
        else:
            amount = f"environ {euros(figures.typical)} bruts par an"
        lines.append(f"{structured_data.salary_label(salary)}\u00a0: {amount}")
    return lines


def experience_line(role):
    requirements = structured_data.experience_requirements(role)
    if requirements is None:
        return fill("expérience attendue")
    moves = [move.source_name for move in role.incoming_moves.all()]
    months = requirements.get("monthsOfExperience")
    if months:
        years = months // 12
        plural = "s" if years > 1 else ""
        examples = " ou ".join(moves)
        return f"Au moins {years}\u00a0an{plural} d’expérience, par exemple comme {examples}."
    return f"Une expérience, par exemple comme {' ou '.join(moves)}."


def skill_text(role_skill):
    note = role_skill.note.rstrip(".")
    return f"{role_skill.skill.name} ({note})" if note else role_skill.skill.name


def mission_text(mission):
    if mission.company_context:
        return f"{mission.text.rstrip('.')} ({mission.company_context})."
    return mission.text


def sections(role):
    """(heading, paragraphs, bullet items) of the ad, in order."""
    title = f"{role.title} (H/F)"
    context = [fill("présentez l’entreprise\u00a0: activité, taille, lieu, culture"), role.summary]
    if role.reporting_line:
        context.append(f"{role.reporting_line}.")
    missions = [mission_text(m) for m in role.core_missions()]
    contextual = [mission_text(m) for m in role.contextual_missions()]
    profile = [
        f"Compétence indispensable\u00a0: {skill_text(rs)}" for rs in role.essential_skills()
    ]
    profile += [f"Formation\u00a0: {describe_training(path)}" for path in role.training_paths.all()]
    profile.append(f"Expérience\u00a0: {experience_line(role)}")
    profile += [f"Un vrai plus\u00a0: {skill_text(rs)}" for rs in role.bonus_skills()]
    pay = [fill("fourchette retenue pour ce poste, fixe et variable")]
    pay_items = [f"{line} (repère Promel)" for line in salary_lines(role)]
    practical = [
        fill("lieu de travail, type de contrat, date de prise de poste, télétravail, avantages")
    ]
    apply = [fill("adresse ou lien pour postuler, et contact")]
    return title, [
        ("L’entreprise et le poste", context, []),
        ("Vos missions", [], missions),
        ("Selon votre organisation (à garder ou à retirer)", [], contextual),
        ("Votre profil", [], profile),
        ("Rémunération", pay, pay_items),
        ("Informations pratiques", practical, []),
        ("Pour postuler", apply, []),
    ]


def describe_training(path):
    fields = path.field_list()
    name = structured_data.training_name(path)
    return f"{name} ({', '.join(fields)})" if fields else name


def write(role, title_line, heading_line, bullet):
    title, parts = sections(role)
    lines = [title_line(title)]
    for heading, paragraphs, items in parts:
        if not paragraphs and not items:
            continue
        lines += ["", heading_line(heading), ""]
        for paragraph in paragraphs:
            lines += [paragraph, ""]
        if items:
            lines += [f"{bullet} {item}" for item in items]
        else:
            lines.pop()  # no blank line after the last paragraph
    return "\n".join(lines) + "\n"


def as_markdown(role):
    return write(role, lambda title: f"# {title}", lambda heading: f"## {heading}", "-")


def as_plain_text(role):
    return write(role, str.upper, str.upper, "•")


def as_html(role):
    """The ad's text as paragraphs and lists, the markup job boards read in a JobPosting."""
    html = []
    for heading, paragraphs, items in sections(role)[1]:
        if paragraphs or items:
            html.append(f"<p><strong>{escape(heading)}</strong></p>")
            html += [f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs]
            if items:
                html.append(
                    "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
                )
    return "".join(html)


def ad_salary(role):
    """The salary the ad's baseSalary gives: the hiring level's, else the sheet's first."""
    salaries = list(role.salaries.all())
    hiring = [s for s in salaries if s.experience == s.Experience.HIRING]
    return (hiring or salaries or [None])[0]


def text_to_fill(role):
    """What the recruiter completes in the text: each placeholder's hint, in order."""
    return list(dict.fromkeys(PLACEHOLDER.findall(as_markdown(role))))


def fields_to_fill(data, path=""):
    """(field, hint) of each placeholder of the JobPosting template: ("jobLocation...", "ville")."""
    if isinstance(data, dict):
        return [
            pair
            for key, value in data.items()
            for pair in fields_to_fill(value, f"{path}.{key}" if path else key)
        ]
    if isinstance(data, str) and (match := PLACEHOLDER.fullmatch(data)):
        return [(path, match[1])]
    return []


def job_posting(role):
    """schema.org JobPosting template; every TO_FILL value is the recruiter's to set."""
    salary = ad_salary(role)
    data = {
        "@context": structured_data.SCHEMA,
        "@type": "JobPosting",
        "title": role.title,
        "description": as_html(role),
        "datePosted": fill("date de publication, AAAA-MM-JJ"),
        "validThrough": fill("date limite de candidature, AAAA-MM-JJ"),
        "employmentType": fill("FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY ou INTERN"),
        "hiringOrganization": {
            "@type": "Organization",
            "name": fill("nom de l’entreprise"),
            "sameAs": fill("adresse du site de l’entreprise"),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": fill("adresse"),
                "addressLocality": fill("ville"),
                "postalCode": fill("code postal"),
                "addressCountry": "FR",
            },
        },
        "occupationalCategory": structured_data.occupational_categories(role),
        "skills": [rs.skill.name for rs in role.essential_skills()],
        "responsibilities": [mission_text(m) for m in role.core_missions()],
        "educationRequirements": [
            structured_data.credential(path) for path in role.training_paths.all()
        ],
        "experienceRequirements": structured_data.experience_requirements(role)
        or fill("expérience attendue"),
    }
    if salary:
        figures = salary.gross_yearly
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": figures.minimum or figures.typical,
                "maxValue": figures.maximum or figures.typical,
                "unitText": "YEAR",
            },
        }
    return data


def as_json_ld(role):
    return json.dumps(job_posting(role), ensure_ascii=False, indent=2)
