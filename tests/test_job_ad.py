"""« Rédiger une offre d'emploi »: a job-ad draft built from a sheet."""

import json
import re
from html import unescape

import pytest

from roles.job_ad import TO_FILL
from roles.models import Mission, RoleSkill, Salary, TrainingPath

from .factories import make_draft, make_role, make_skill
from .test_views import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def role():
    role = make_role(
        title="Directeur commercial", slug="directeur-commercial", summary="Il dirige les ventes."
    )
    Mission.objects.create(role=role, text="Définir la politique commerciale.")
    Mission.objects.create(
        role=role, text="Animer les agents.", scope="depends", company_context="à l’export"
    )
    RoleSkill.objects.create(role=role, skill=make_skill(name="Négociation"))
    RoleSkill.objects.create(role=role, skill=make_skill(name="Allemand"), weight="plus")
    TrainingPath.objects.create(
        role=role, level="bac5", institution="business", fields_of_study="commerce, vente"
    )
    role.incoming_moves.create(from_title="Chef des ventes", years_of_experience=8)
    Salary.objects.create(role=role, amount_min=60000, amount_typical=70000, amount_max=85000)
    return role


def text_area(html, element_id):
    match = re.search(rf'<textarea id="{element_id}"[^>]*>(.*?)</textarea>', html, re.DOTALL)
    return unescape(match.group(1))


def test_every_sheet_links_to_its_job_ad(client, role):
    html = page(client, role.get_absolute_url())
    assert '<a href="/metiers/directeur-commercial/offre-d-emploi/">Rédiger une offre d' in html


def test_the_draft_holds_title_context_missions_profile_and_salary(client, role):
    html = page(client, "/metiers/directeur-commercial/offre-d-emploi/")
    markdown = text_area(html, "job-ad-markdown")
    assert markdown.startswith("# Directeur commercial (H/F)\n")
    for expected in [
        "## L’entreprise et le poste",
        f"[{TO_FILL}\u00a0: présentez l’entreprise",
        "Il dirige les ventes.",
        "## Vos missions\n\n- Définir la politique commerciale.",
        "- Animer les agents (à l’export).",
        "- Compétence indispensable\u00a0: Négociation",
        "- Formation\u00a0: Bac+5, école de commerce (commerce, vente)",
        "- Expérience\u00a0: Au moins 8\u00a0ans d’expérience, par exemple comme Chef des ventes.",
        "- Un vrai plus\u00a0: Allemand",
        "## Rémunération",
        "60\u202f000\u00a0€ à 85\u202f000\u00a0€ bruts par an",
        f"[{TO_FILL}\u00a0: adresse ou lien pour postuler",
    ]:
        assert expected in markdown, expected
    plain = text_area(html, "job-ad-text")
    assert plain.startswith("DIRECTEUR COMMERCIAL (H/F)\n") and "#" not in plain
    assert "• Compétence indispensable\u00a0: Négociation" in plain


def test_the_job_posting_template_is_json_with_the_fields_to_fill_marked(client, role):
    html = page(client, "/metiers/directeur-commercial/offre-d-emploi/")
    posting = json.loads(text_area(html, "job-ad-json"))
    assert posting["@type"] == "JobPosting" and posting["title"] == "Directeur commercial"
    for key in ["datePosted", "validThrough", "employmentType"]:
        assert posting[key].startswith(f"[{TO_FILL}"), key
    assert posting["hiringOrganization"]["name"].startswith(f"[{TO_FILL}")
    assert posting["jobLocation"]["address"]["addressLocality"].startswith(f"[{TO_FILL}")
    assert posting["jobLocation"]["address"]["addressCountry"] == "FR"
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 60000,
        "maxValue": 85000,
        "unitText": "YEAR",
    }
    assert posting["skills"] == ["Négociation"]
    assert "<li>Définir la politique commerciale.</li>" in posting["description"]
    assert posting["educationRequirements"][0]["educationalLevel"] == "Bac+5"
    # A template to copy, not markup of this page: no JobPosting among the page's JSON-LD.
    assert '"@type":"JobPosting"' not in html


def test_drafts_have_no_public_job_ad(client):
    draft = make_draft(slug="brouillon")
    page(client, f"/metiers/{draft.slug}/offre-d-emploi/", status=404)


def test_a_bare_sheet_still_gives_a_draft_to_complete(client):
    role = make_role(slug="vide")
    html = page(client, "/metiers/vide/offre-d-emploi/")
    assert f"Expérience\u00a0: [{TO_FILL}\u00a0: expérience attendue]" in text_area(
        html, "job-ad-markdown"
    )
    assert "baseSalary" not in json.loads(text_area(html, "job-ad-json")), role
