"""Taxonomy codes: validated, editable, shown and linked on the sheet."""

import pytest
from django.core.exceptions import ValidationError

from .factories import make_role
from .test_views import page

pytestmark = pytest.mark.django_db

ESCO = "http://data.europa.eu/esco/occupation/1c5a896e-2bd1-4b0f-9a8a-8bbbc5c8bd87"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("rome_code", "M17071", "Un code ROME est une lettre de A à N"),
        ("rome_code", "Z1707", "Un code ROME est une lettre de A à N"),
        ("isco_code", "122", "quatre chiffres"),
        ("esco_uri", "https://esco.ec.europa.eu/fr", "Une URI de profession ESCO"),
        ("onet_code", "11-2022", "Un code O*NET-SOC a la forme 11-2022.00."),
    ],
)
def test_badly_formed_codes_are_refused_in_french(field, value, message):
    role = make_role()
    setattr(role, field, value)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert message in error.value.message_dict[field][0]


def test_well_formed_codes_are_accepted():
    role = make_role(rome_code="M1707", isco_code="1221", esco_uri=ESCO, onet_code="11-2022.00")
    role.full_clean()


def test_the_sheet_shows_its_codes_and_links_those_with_a_public_page(client):
    role = make_role(rome_code="M1707", isco_code="1221", esco_uri=ESCO, onet_code="11-2022.00")
    html = page(client, role.get_absolute_url())
    assert "Code ROME" in html and "M1707" in html
    assert "Code CITP (ISCO-08)" in html and "1221" in html
    assert f'<a href="{ESCO}" rel="external">' in html
    assert '<a href="https://www.onetonline.org/link/summary/11-2022.00"' in html


def test_a_sheet_without_codes_shows_none(client):
    html = page(client, make_role().get_absolute_url())
    assert "Code ROME" not in html and "O*NET" not in html


def test_editors_set_the_codes_in_the_admin(editor_client):
    role = make_role()
    html = editor_client.get(f"/admin/roles/role/{role.pk}/change/").content.decode()
    for name in ["rome_code", "isco_code", "esco_uri", "onet_code"]:
        assert f'name="{name}"' in html
