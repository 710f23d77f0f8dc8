"""Links to a sheet that becomes a draft or is deleted turn into plain text, never a dead link."""

import pytest
from django.test import Client
from django.urls import reverse

from roles.models import CareerMove, Role

from .factories import make_role

pytestmark = pytest.mark.django_db


def html_of(role):
    """The sheet as a visitor sees it (a fresh browser: no editor's session, no admin message)."""
    response = Client().get(role.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def delete_in_admin(client, role):
    response = client.post(reverse("admin:roles_role_delete", args=[role.pk]), {"post": "yes"})
    assert response.status_code == 302


class TestDeletedSheet:
    def test_career_steps_keep_its_name_as_plain_text(self, editor_client):
        role = make_role()
        before, after = make_role(title="Chef des ventes"), make_role(title="Directeur général")
        CareerMove.objects.create(from_role=before, to_role=role, years_of_experience=5)
        CareerMove.objects.create(from_role=role, to_role=after)
        before_url, after_url = before.get_absolute_url(), after.get_absolute_url()

        delete_in_admin(editor_client, before)
        delete_in_admin(editor_client, after)

        html = html_of(role)
        assert "<span>Chef des ventes</span>" in html and before_url not in html
        assert "<span>Directeur général</span>" in html and after_url not in html
        assert role.incoming_moves.get().years_of_experience == 5

    def test_bulk_deletion_from_the_list_keeps_them_too(self, editor_client):
        role, gone, also_gone = make_role(), make_role(title="Chef des ventes"), make_role()
        CareerMove.objects.create(from_role=gone, to_role=role)
        CareerMove.objects.create(from_role=gone, to_role=also_gone)  # both ends deleted
        changelist = reverse("admin:roles_role_changelist")
        selected = {"action": "delete_selected", "_selected_action": [gone.pk, also_gone.pk]}
        editor_client.post(changelist, {**selected, "post": "yes"})
        assert not Role.objects.filter(pk__in=[gone.pk, also_gone.pk]).exists()
        assert "<span>Chef des ventes</span>" in html_of(role)
        assert CareerMove.objects.count() == 1

    def test_its_own_steps_to_plain_titles_go_with_it(self, editor_client):
        role = make_role()
        CareerMove.objects.create(from_role=role, to_title="PDG")
        delete_in_admin(editor_client, role)
        assert not CareerMove.objects.exists()

    def test_it_leaves_the_related_sheets(self, editor_client):
        role, other = make_role(), make_role(title="Fiche supprimée")
        role.related_roles.add(other)
        delete_in_admin(editor_client, other)
        assert "Fiche supprimée" not in html_of(role)

    def test_recovering_it_restores_the_links(self, editor_client):
        from reversion.models import Version

        from .admin_forms import edit, submitted_data

        role, gone = make_role(), make_role(title="Chef des ventes")
        CareerMove.objects.create(from_role=gone, to_role=role)
        edit(editor_client, gone)  # a first revision, taken with its career step
        delete_in_admin(editor_client, gone)

        deleted = Version.objects.get_deleted(Role).get()
        url = reverse("admin:roles_role_recover", args=[deleted.pk])
        editor_client.post(url, submitted_data(editor_client.get(url)))

        assert gone.get_absolute_url() in html_of(role)


class TestIntroductionLinks:
    TEXT = "Il évolue vers [le poste de COO](/metiers/coo/) ou [un autre](/metiers/autre/)."

    def test_links_to_public_sheets_stay_links(self):
        make_role(slug="coo"), make_role(slug="autre")
        html = html_of(make_role(introduction=self.TEXT))
        assert '<a href="/metiers/coo/"' in html and '<a href="/metiers/autre/"' in html

    def test_links_to_drafts_and_deleted_sheets_become_plain_text(self):
        make_role(slug="coo")
        autre = make_role(slug="autre")
        role = make_role(introduction=self.TEXT)
        Role.objects.filter(slug="coo").update(status=Role.Status.DRAFT)
        autre.delete()
        html = html_of(role)
        assert "ou un autre." in html and "vers le poste de COO ou" in html
        assert "/metiers/coo/" not in html and "/metiers/autre/" not in html

    def test_a_link_to_a_former_address_stays_a_link(self):
        renamed = make_role(slug="coo")
        renamed.slug = "chief-operating-officer"
        renamed.save()
        html = html_of(make_role(introduction=self.TEXT))
        assert '<a href="/metiers/coo/"' in html
