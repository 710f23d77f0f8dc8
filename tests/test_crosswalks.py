"""A sheet's codes: chosen from the official lists, refused when unknown, shown and linked."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from roles.models import Role

from .admin_forms import change_url, submitted_data
from .factories import make_role
from .test_views import page

pytestmark = pytest.mark.usefixtures("referentials")

ESCO = "http://data.europa.eu/esco/occupation/2d3d7188-47ab-49b9-9045-e452d9db06f1"
CODES = {"rome_code_id": "M1715", "isco_code_id": "1221", "esco_uri_id": ESCO}
CODES["onet_code_id"] = "11-2022.00"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("rome_code", "M1799", "Le code ROME M1799 n’existe pas dans le ROME 4.0"),
        ("isco_code", "1229", "Le code CITP (ISCO-08) 1229 n’est pas un groupe de base"),
        ("isco_code", "1220", "n’est pas un groupe de base"),  # exists, but not a unit group
        (
            "esco_uri",
            "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000000",
            "n’est pas une profession ESCO",
        ),
        ("onet_code", "11-2099.00", "Le code O*NET-SOC 11-2099.00 n’existe pas"),
        ("rome_code", "M17071", "Le code ROME M17071 n’existe pas"),  # badly formed too
    ],
)
def test_well_formed_codes_absent_from_the_lists_are_refused_in_french(field, value, message):
    role = make_role()
    setattr(role, f"{field}_id", value)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_codes_of_the_lists_are_accepted():
    make_role(**CODES).full_clean()


def test_the_admin_refuses_an_unknown_code_and_keeps_what_was_typed(editor_client):
    role = make_role(title="Directeur commercial")
    data = submitted_data(editor_client.get(change_url(role)))
    data.update(rome_code="M1799", summary="Un résumé revu.")
    response = editor_client.post(change_url(role), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sélectionnez un choix valide" in html
    assert "Un résumé revu." in html  # nothing the editor typed is lost
    role.refresh_from_db()
    assert role.rome_code_id is None


def test_the_editor_picks_each_code_by_autocomplete_with_its_official_label(editor_client):
    html = editor_client.get(reverse("admin:roles_role_add")).content.decode()
    for name in ["rome_code", "isco_code", "esco_uri", "onet_code"]:
        assert f'name="{name}"' in html
        assert f'data-field-name="{name}"' in html  # the admin's autocomplete widget
    role = make_role(**CODES)
    html = editor_client.get(change_url(role)).content.decode()
    assert "M1715 · Directeur commercial / Directrice commerciale" in html
    assert "11-2022.00 · Sales Managers" in html


def autocomplete(client, field, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "roles", "model_name": "role", "field_name": field, "term": term},
    )
    assert response.status_code == 200
    return [(result["id"], result["text"]) for result in response.json()["results"]]


def test_autocomplete_finds_a_rome_code_by_its_code_or_any_of_its_titles(editor_client):
    assert ("M1715", "M1715 · Directeur commercial / Directrice commerciale") in autocomplete(
        editor_client, "rome_code", "m1715"
    )
    # « Inspecteur / Inspectrice des ventes » is one of D1406's titles.
    assert "D1406" in [
        code for code, _ in autocomplete(editor_client, "rome_code", "inspectrice des ventes")
    ]


def test_autocomplete_of_isco_offers_unit_groups_only(editor_client):
    codes = [code for code, _ in autocomplete(editor_client, "isco_code", "122")]
    assert "1221" in codes and "122" not in codes


def test_autocomplete_finds_esco_and_onet_without_accents_or_case(editor_client):
    assert ESCO in [
        uri for uri, _ in autocomplete(editor_client, "esco_uri", "DIRECTRICE COMMERCIALE")
    ]
    assert "11-2022.00" in [c for c, _ in autocomplete(editor_client, "onet_code", "sales man")]


def test_an_editor_of_the_editors_group_may_use_the_autocomplete(client, django_user_model):
    from django.contrib.auth.models import Group

    from roles.permissions import EDITORS

    user = django_user_model.objects.create_user("redactrice", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    assert autocomplete(client, "rome_code", "M1715")


def test_the_sheet_shows_its_codes_with_official_labels_and_links(client):
    role = make_role(**CODES)
    html = page(client, role.get_absolute_url())
    rome = "https://candidat.francetravail.fr/metierscope/fiche-metier/M1715"
    label = "Directeur commercial / Directrice commerciale"
    assert f'<a href="{rome}" rel="external">M1715</a> · <span>{label}</span>' in html
    assert '<a href="http://data.europa.eu/esco/isco/C1221" rel="external">1221</a>' in html
    assert "Directeurs et cadres de direction, ventes et commercialisation" in html
    assert (
        f'<a href="{ESCO}" rel="external">directeur commercial/directrice commerciale</a>' in html
    )
    onet = "https://www.onetonline.org/link/summary/11-2022.00"
    assert (
        f'<a href="{onet}" rel="external">11-2022.00</a> · <span lang="en">Sales Managers</span>'
        in html
    )


def test_a_sheet_without_codes_shows_none(client):
    html = page(client, make_role().get_absolute_url())
    assert "Code ROME" not in html and "O*NET" not in html


def test_a_code_a_sheet_uses_cannot_vanish_from_the_list():
    from django.db.models import ProtectedError

    from roles.referentials.models import RomeCode

    make_role(rome_code_id="M1715")
    with pytest.raises(ProtectedError):
        RomeCode.objects.filter(pk="M1715").delete()
    assert Role.objects.filter(rome_code="M1715").exists()
