"""JSON-LD: valid JSON, the right schema.org types, and the sheet's own values."""

import json
import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone
from django.utils.html import escape

from roles.job_ad import job_posting
from roles.models import Salary
from roles.templatetags.roles_extras import euros

from .factories import make_role

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


def of_type(blocks, kind):
    return [block for block in blocks if block.get("@type") == kind]


def test_every_sheet_carries_one_occupation_with_its_own_values(client, fixture_sheets, settings):
    for role in fixture_sheets.for_detail():
        url = role.get_absolute_url()
        html = client.get(url).content.decode()
        [job] = of_type(json_ld(client, url), "Occupation")

        assert job["@context"] == "https://schema.org"
        assert job["name"] == role.title and f"<h1>{role.title}</h1>" in html
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
        for distribution, salary in zip(job["estimatedSalary"], salaries, strict=True):
            assert distribution["@type"] == "MonetaryAmountDistribution"
            assert distribution["currency"] == "EUR"
            assert distribution["name"].startswith(salary.get_experience_display())
            monthly = salary.period == Salary.Period.MONTH
            figures = salary.gross_monthly if monthly else salary.gross_yearly
            assert distribution["duration"] == ("P1M" if monthly else "P1Y")
            assert distribution["median"] == figures.typical
            assert euros(figures.typical) in html  # the very figure the table shows
            assert distribution.get("percentile10") == figures.minimum
            assert distribution.get("percentile90") == figures.maximum

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
        for distribution in job["estimatedSalary"]:
            assert {"name", "currency", "duration", "median"} <= distribution.keys()


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
        "Famille Commercial",
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
    assert action["query-input"] == "required name=search_term_string"


def test_json_ld_cannot_break_out_of_its_script_element(client):
    title = "Chef </script><script>alert(1)</script> & <!-- co"
    role = make_role(title=title)
    html = client.get(role.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    [job] = of_type(json_ld(client, role.get_absolute_url()), "Occupation")
    assert job["name"] == title


# The schema.org properties each type we emit may carry (own and inherited ones we use),
# so that no property lands on a type that does not define it (minValue on a distribution...).
THING = {"name", "description", "url", "alternateName", "sameAs", "mainEntityOfPage"}
CREATIVE_WORK = THING | {"about", "inLanguage", "dateModified", "publisher"}
SCHEMA_PROPERTIES = {
    "Occupation": THING
    | {
        "occupationalCategory",
        "skills",
        "responsibilities",
        "educationRequirements",
        "experienceRequirements",
        "estimatedSalary",
        "occupationLocation",
    },
    "CategoryCode": THING | {"codeValue", "inCodeSet"},  # THING has name and url
    "CategoryCodeSet": THING,
    "EducationalOccupationalCredential": CREATIVE_WORK | {"credentialCategory", "educationalLevel"},
    "OccupationalExperienceRequirements": THING | {"monthsOfExperience"},
    "MonetaryAmountDistribution": THING
    | {"currency", "duration", "median", "percentile10", "percentile25"}
    | {"percentile75", "percentile90"},
    "Country": THING,
    "WebPage": CREATIVE_WORK | {"lastReviewed"},
    "BreadcrumbList": THING | {"itemListElement"},
    "ListItem": THING | {"position", "item"},
    "Organization": THING | {"email"},
    "WebSite": CREATIVE_WORK | {"potentialAction"},
    "SearchAction": THING | {"target", "query-input"},
    "EntryPoint": THING | {"urlTemplate"},
    "JobPosting": THING
    | {"title", "datePosted", "validThrough", "employmentType", "hiringOrganization"}
    | {"jobLocation", "occupationalCategory", "skills", "responsibilities"}
    | {"educationRequirements", "experienceRequirements", "baseSalary"},
    "Place": THING | {"address"},
    "PostalAddress": THING | {"streetAddress", "addressLocality", "postalCode", "addressCountry"},
    "MonetaryAmount": THING | {"currency", "value", "minValue", "maxValue"},
    "QuantitativeValue": THING | {"minValue", "maxValue", "unitText", "value"},
}


def unknown_properties(node, where="racine"):
    """(where, type, property) for every property its node's type does not define."""
    found = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += unknown_properties(item, f"{where}[{i}]")
    elif isinstance(node, dict):
        kind = node.get("@type")
        if kind is not None:
            allowed = SCHEMA_PROPERTIES[kind] | {"@type", "@id", "@context"}
            found += [(where, kind, key) for key in node if key not in allowed]
        for key, value in node.items():
            found += unknown_properties(value, f"{where}.{key}")
    return found


def test_every_json_ld_property_belongs_to_its_schema_org_type(client, fixture_sheets):
    urls = ["/", "/metiers/", "/familles/commercial/"]
    urls += [role.get_absolute_url() for role in fixture_sheets]
    for url in urls:
        for block in json_ld(client, url):
            assert not unknown_properties(block), url
    for role in fixture_sheets.for_detail():
        assert not unknown_properties(job_posting(role)), role.slug
