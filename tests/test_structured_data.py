"""JSON-LD: valid JSON, the right schema.org types, and the sheet's own values."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import escape

from roles.job_ad import PLACEHOLDER, job_posting
from roles.models import Salary
from roles.rendering import euros

from .factories import make_role
from .pages import PAGE_TYPES
from .schemaorg import problems

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, url, status=200):
    response = client.get(url)
    assert status is None or response.status_code == status, url
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


def of_type(blocks, kind):
    return [block for block in blocks if block.get("@type") == kind]


def test_every_sheet_carries_one_occupation_with_its_own_values(client, fixture_sheets, settings):
    for role in fixture_sheets.for_detail():
        url = role.get_absolute_url()
        html = client.get(url).content.decode()
        [job] = of_type(json_ld(client, url), "Occupation")

        assert job["@context"] == "https://schema.org"
        assert job["name"] == role.title and role.title in html.split("<h1>")[1].split("</h1>")[0]
        assert job["alternateName"] == role.alternative_title_list()
        assert job["description"] == role.summary
        assert f'<p class="sheet__summary">{escape(role.summary)}</p>' in html
        assert job["skills"] == [rs.skill.name for rs in role.role_skills.all()]
        missions = list(role.missions.all())
        assert len(job["responsibilities"]) == len(missions)
        for text, mission in zip(job["responsibilities"], missions, strict=True):
            assert text.startswith(mission.text)
        assert job["occupationLocation"] == {"@type": "Country", "name": "France"}

        codes = {c["codeValue"] for c in job["occupationalCategory"]}
        assert role.family.slug in codes
        for code in (role.rome_code_id, role.isco_code_id, role.esco_uri_id, role.onet_code_id):
            assert not code or code in codes
        assert all(c["@type"] == "CategoryCode" for c in job["occupationalCategory"])

        paths = list(role.training_paths.all())
        assert [e["educationalLevel"] for e in job["educationRequirements"]] == [
            p.get_level_display() for p in paths
        ]
        for credential in job["educationRequirements"]:
            assert credential["@type"] == "EducationalOccupationalCredential"
            assert credential["credentialCategory"] == "degree"
            assert unescape(credential["name"]) in unescape(html).replace("</strong>", "")

        experience = job["experienceRequirements"]
        assert experience["@type"] == "OccupationalExperienceRequirements"
        for move in role.incoming_moves.all():
            assert move.source_name in experience["description"]

        salaries = list(role.salaries.all())
        assert len(job["estimatedSalary"]) == len(salaries)
        for amount, salary in zip(job["estimatedSalary"], salaries, strict=True):
            assert amount["@type"] == "MonetaryAmount" and amount["currency"] == "EUR"
            assert amount["name"].startswith(salary.get_experience_display())
            monthly = salary.period == Salary.Period.MONTH
            figures = salary.gross_monthly if monthly else salary.gross_yearly
            value = amount["value"]
            assert value["unitText"] == ("MONTH" if monthly else "YEAR")
            assert value["value"] == figures.typical
            assert euros(figures.typical) in html  # the very figure the table shows
            # The sheet's low and high figures are a range, not percentiles.
            assert value.get("minValue") == figures.minimum
            assert value.get("maxValue") == figures.maximum

        page = job["mainEntityOfPage"]
        assert page["@type"] == "WebPage"
        assert page["url"] == settings.SITE_URL + url
        updated = timezone.localtime(role.updated_at)
        assert "lastReviewed" not in page  # no fixture sheet has been reviewed
        assert page["dateModified"] == updated.isoformat()
        assert f'datetime="{updated.isoformat()}"' in html


def test_the_former_salary_rich_result_fields_are_present(client, fixture_sheets):
    for role in fixture_sheets:
        [job] = of_type(json_ld(client, role.get_absolute_url()), "Occupation")
        for key in [
            "name",
            "description",
            "occupationLocation",
            "estimatedSalary",
            "educationRequirements",
            "experienceRequirements",
            "skills",
            "responsibilities",
            "occupationalCategory",
            "mainEntityOfPage",
        ]:
            assert job[key], (role.slug, key)
        for amount in job["estimatedSalary"]:
            assert {"name", "currency", "value"} <= amount.keys()


def test_the_sheets_codes_are_category_codes_with_label_link_and_code_set(client, referentials):
    esco = "http://data.europa.eu/esco/occupation/2d3d7188-47ab-49b9-9045-e452d9db06f1"
    role = make_role(
        rome_code_id="M1715", isco_code_id="1221", esco_uri_id=esco, onet_code_id="11-2022.00"
    )
    [job] = of_type(json_ld(client, role.get_absolute_url()), "Occupation")
    by_set = {c["inCodeSet"]["name"]: c for c in job["occupationalCategory"]}
    assert by_set["ROME 4.0"] == {
        "@type": "CategoryCode",
        "codeValue": "M1715",
        "name": "Directeur commercial / Directrice commerciale",
        "url": "https://candidat.francetravail.fr/metierscope/fiche-metier/M1715",
        "inCodeSet": {"@type": "CategoryCodeSet", "name": "ROME 4.0"},
    }
    assert by_set["ISCO-08"]["codeValue"] == "1221"
    assert by_set["ISCO-08"]["url"] == "http://data.europa.eu/esco/isco/C1221"
    assert by_set["ESCO"]["name"] == "directeur commercial/directrice commerciale"
    assert by_set["ESCO"]["url"] == esco
    assert by_set["O*NET-SOC 2019"]["name"] == "Sales Managers"
    assert by_set["O*NET-SOC 2019"]["url"] == "https://www.onetonline.org/link/summary/11-2022.00"


def test_last_reviewed_is_the_date_of_a_real_review_only(client, editor):
    never = make_role()
    [job] = of_type(json_ld(client, never.get_absolute_url()), "Occupation")
    assert "lastReviewed" not in job["mainEntityOfPage"]
    reviewed_at = timezone.now() - timedelta(days=40)
    reviewed = make_role(reviewed_at=reviewed_at, reviewed_by=editor)
    [job] = of_type(json_ld(client, reviewed.get_absolute_url()), "Occupation")
    expected = timezone.localtime(reviewed_at).date().isoformat()
    assert job["mainEntityOfPage"]["lastReviewed"] == expected


@pytest.mark.parametrize(
    "url", ["/metiers/", "/familles/", "/competences/", "/secteurs/", "/recherche/?q=directeur"]
)
def test_listing_pages_have_breadcrumbs_and_no_occupation(client, fixture_sheets, url, settings):
    blocks = json_ld(client, url)
    assert not of_type(blocks, "Occupation")
    [trail] = of_type(blocks, "BreadcrumbList")
    items = trail["itemListElement"]
    assert items[0] == {
        "@type": "ListItem",
        "position": 1,
        "name": "Accueil",
        "item": settings.SITE_URL + "/",
    }
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert all(item["item"].startswith(settings.SITE_URL) for item in items)


def test_group_page_breadcrumbs_follow_the_visible_trail(client, fixture_sheets, settings):
    [trail] = of_type(json_ld(client, "/familles/commercial/"), "BreadcrumbList")
    assert [item["name"] for item in trail["itemListElement"]] == [
        "Accueil",
        "Familles",
        "Famille\u00a0: Commercial",
    ]
    assert trail["itemListElement"][-1]["item"] == settings.SITE_URL + "/familles/commercial/"


def test_home_page_describes_the_agency_and_its_search(client, fixture_sheets, settings):
    blocks = json_ld(client, "/")
    assert not of_type(blocks, "Occupation")
    [graph] = [block for block in blocks if "@graph" in block]
    types = {node["@type"]: node for node in graph["@graph"]}
    assert types["Organization"]["name"] == "Promel"
    action = types["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template.startswith(settings.SITE_URL)
    search = template.replace(settings.SITE_URL, "").replace("{search_term_string}", "crm")
    assert "CRM manager" in client.get(search).content.decode()
    assert "query-input" not in action  # not a schema.org property
    assert not of_type(blocks, "BreadcrumbList")  # a trail of one item is no trail


def test_json_ld_cannot_break_out_of_its_script_element(client):
    title = "Chef </script><script>alert(1)</script> & <!-- co"
    role = make_role(title=title)
    html = client.get(role.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    [job] = of_type(json_ld(client, role.get_absolute_url()), "Occupation")
    assert job["name"] == title


def test_every_page_types_json_ld_keeps_to_the_schema_org_vocabulary(client, fixture_sheets):
    urls = [*PAGE_TYPES.values(), *(role.get_absolute_url() for role in fixture_sheets)]
    found = {
        url: [p for block in json_ld(client, url, status=None) for p in problems(block)]
        for url in urls
    }
    assert {url: issues for url, issues in found.items() if issues} == {}


def test_the_job_posting_template_keeps_to_the_vocabulary_but_for_its_placeholders(fixture_sheets):
    for role in fixture_sheets.for_detail():
        assert problems(job_posting(role), filler=PLACEHOLDER) == [], role.slug


def test_the_checker_sees_what_the_vocabulary_forbids():
    assert problems(
        {"@type": "WebSite", "potentialAction": {"@type": "SearchAction", "query-input": "x"}}
    )
    assert problems({"@type": "EducationalOccupationalCredential", "about": ["Marketing"]})
    assert problems({"@type": "MonetaryAmountDistribution", "minValue": 1})  # not its domain
    assert problems({"@type": "Occupation", "estimatedSalary": {"@type": "Place"}})  # range
    assert problems({"@type": "Ocupation"})
    assert problems({"@type": "WebPage", "lastReviewed": "hier"})
    # Inherited: Occupation > Intangible > Thing has name; Country descends from Place.
    assert (
        problems(
            {
                "@type": "Occupation",
                "name": "COO",
                "occupationLocation": {"@type": "Country", "name": "France"},
            }
        )
        == []
    )
