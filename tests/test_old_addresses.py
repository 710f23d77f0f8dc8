"""A sheet whose slug changes keeps answering at its old addresses, with a permanent redirect."""

import pytest

from roles.models import OldSlug

from .admin_forms import edit
from .factories import make_draft, make_role

pytestmark = pytest.mark.django_db


def test_old_address_redirects_permanently_after_an_edit_in_the_admin(editor_client, client):
    role = make_role(slug="responsable-crm")
    edit(editor_client, role, slug="responsable-relation-client")
    response = client.get("/metiers/responsable-crm/")
    assert response.status_code == 301
    assert response["Location"] == "/metiers/responsable-relation-client/"


def test_every_former_address_leads_to_the_current_one(client):
    role = make_role(slug="premier")
    for slug in ["deuxieme", "troisieme"]:
        role.slug = slug
        role.save()
    for old in ["premier", "deuxieme"]:
        response = client.get(f"/metiers/{old}/")
        assert (response.status_code, response["Location"]) == (301, "/metiers/troisieme/")


def test_a_new_sheet_may_take_a_former_address(client):
    role = make_role(slug="ancien")
    role.slug = "nouveau"
    role.save()
    newcomer = make_role(slug="ancien", title="Nouvelle fiche")
    assert not OldSlug.objects.filter(slug="ancien").exists()
    assert "Nouvelle fiche" in client.get(newcomer.get_absolute_url()).content.decode()


def test_going_back_to_a_former_slug_makes_it_live_again(client):
    role = make_role(slug="avant")
    role.slug = "apres"
    role.save()
    role.slug = "avant"
    role.save()
    assert client.get("/metiers/avant/").status_code == 200
    assert client.get("/metiers/apres/")["Location"] == "/metiers/avant/"


def test_old_address_of_a_draft_is_not_found_by_the_public(client):
    role = make_draft(slug="brouillon")
    role.slug = "brouillon-renomme"
    role.save()
    assert client.get("/metiers/brouillon/").status_code == 404


def test_unknown_address_is_still_not_found(client):
    assert client.get("/metiers/nulle-part/").status_code == 404
