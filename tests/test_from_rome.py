"""« Créer une fiche à partir du ROME »: an official title pre-fills a new sheet."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("referentials")

FROM_ROME = "/admin/roles/role/a-partir-du-rome/"


def test_the_sheet_list_offers_the_creation_from_the_rome(editor_client):
    html = editor_client.get(reverse("admin:roles_role_changelist")).content.decode()
    assert f'<a href="{FROM_ROME}">Créer une fiche à partir du ROME</a>' in html


def test_a_title_or_a_code_finds_the_official_titles(editor_client):
    html = editor_client.get(FROM_ROME, {"q": "directrice commerciale"}).content.decode()
    assert "Directeur commercial / Directrice commerciale" in html
    assert "M1715 · Directeur commercial / Directrice commerciale" in html
    by_code = editor_client.get(FROM_ROME, {"q": "d1406"}).content.decode()
    assert "Inspecteur / Inspectrice des ventes" in by_code
    nothing = editor_client.get(FROM_ROME, {"q": "zzqxw"}).content.decode()
    assert "Aucun intitulé du ROME ne correspond à «\u202fzzqxw\u202f»." in nothing


def choices_url(label):
    from roles.referentials.models import RomeTitle

    return f"{FROM_ROME}?appellation={RomeTitle.objects.get(label=label).pk}"


def test_the_code_s_other_titles_are_offered_checked_and_esco_s_match_chosen(editor_client):
    response = editor_client.get(choices_url("Directeur commercial / Directrice commerciale"))
    form = response.context["form"]
    titles = form.fields["alternative_titles"].initial
    assert titles[0] == "Directrice commerciale"  # the feminine form first
    assert "Directeur commercial international" in titles
    assert "Directrice commerciale internationale" in titles
    assert "Directeur commercial" not in titles  # the title itself
    esco = "http://data.europa.eu/esco/occupation/2d3d7188-47ab-49b9-9045-e452d9db06f1"
    assert form.fields["esco_uri"].initial == esco


def test_continuing_opens_the_add_form_pre_filled_with_what_the_editor_kept(editor_client):
    url = choices_url("Directeur commercial / Directrice commerciale")
    esco = "http://data.europa.eu/esco/occupation/2d3d7188-47ab-49b9-9045-e452d9db06f1"
    kept = ["Directrice commerciale", "Directeur commercial international"]
    response = editor_client.post(url, {"alternative_titles": kept, "esco_uri": esco})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == reverse("admin:roles_role_add")
    assert {key: values[0] for key, values in parse_qs(target.query).items()} == {
        "title": "Directeur commercial",
        "slug": "directeur-commercial",
        "alternative_titles": "Directrice commerciale\nDirecteur commercial international",
        "rome_code": "M1715",
        "esco_uri": esco,
        "isco_code": "1221",
    }
    form = editor_client.get(response["Location"]).context["adminform"].form
    assert form["title"].value() == "Directeur commercial"
    assert form["rome_code"].value() == "M1715"
    assert form["isco_code"].value() == "1221"


def test_a_title_esco_lacks_leaves_esco_and_isco_empty(editor_client):
    url = choices_url("Inspecteur / Inspectrice des ventes")
    response = editor_client.get(url)
    assert "ESCO ne porte pas cet intitulé" in response.content.decode()
    response = editor_client.post(url, {"alternative_titles": [], "esco_uri": ""})
    query = parse_qs(urlsplit(response["Location"]).query, keep_blank_values=True)
    assert query["rome_code"] == ["D1406"] and query["esco_uri"] == [""]
    assert query["isco_code"] == [""] and query["alternative_titles"] == [""]


@pytest.mark.parametrize("appellation", ["999999999", "abc", "\x00"])
def test_an_unknown_title_is_a_404_not_an_error(editor_client, appellation):
    assert editor_client.get(FROM_ROME, {"appellation": appellation}).status_code == 404


def test_only_editors_who_may_add_sheets_reach_it(client, django_user_model):
    user = django_user_model.objects.create_user("recrutement", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(FROM_ROME).status_code == 403
    client.logout()
    assert client.get(FROM_ROME).status_code == 302  # to the log-in page
