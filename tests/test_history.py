"""Every save of a sheet and its parts is a revision: history, comparison, revert, recovery."""

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Mission, Role

from .admin_forms import edit, submitted_data
from .factories import make_role

pytestmark = pytest.mark.django_db


def versions_of(role):
    return list(Version.objects.get_for_object(role).order_by("pk"))


@pytest.fixture
def edited_twice(editor_client):
    """A sheet edited twice in the admin: a new mission first, then a new title."""
    role = make_role(title="Directeur commercial", slug="directeur-commercial")
    Mission.objects.create(role=role, text="Animer l’équipe de vente", order=1)
    edit(
        editor_client,
        role,
        **{
            "missions-TOTAL_FORMS": "2",
            "missions-1-order": "2",
            "missions-1-text": "Négocier les grands comptes",
            "missions-1-scope": "core",
        },
    )
    edit(editor_client, role, title="Directeur des ventes")
    return role


def test_each_save_is_a_revision_with_who_and_when(editor_client, editor, edited_twice):
    first, second = versions_of(edited_twice)
    assert first.revision.user == second.revision.user == editor
    history = editor_client.get(reverse("admin:roles_role_history", args=[edited_twice.pk]))
    html = history.content.decode()
    assert history.status_code == 200
    assert html.count("redaction") >= 2
    assert f'name="version_id1" value="{first.pk}"' in html  # the older end of a comparison
    for version in (first, second):  # each can be picked for comparison and opened to revert
        assert f'name="version_id2" value="{version.pk}"' in html
        assert reverse("admin:roles_role_revision", args=[edited_twice.pk, version.pk]) in html


def test_a_version_keeps_the_sheet_and_its_parts(edited_twice):
    first, _ = versions_of(edited_twice)
    kept = {v.object_repr for v in first.revision.version_set.all()}
    parts = {"Directeur commercial", "Animer l’équipe de vente", "Négocier les grands comptes"}
    assert parts <= kept


def test_editor_compares_two_versions(editor_client, edited_twice):
    first, second = versions_of(edited_twice)
    response = editor_client.get(
        reverse("admin:roles_role_compare", args=[edited_twice.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Directeur commercial" in html and "Directeur des ventes" in html
    revert_url = reverse("admin:roles_role_revision", args=[edited_twice.pk, first.pk])
    assert f'<a href="{revert_url}">Revenir à la version du' in html


def test_editor_reverts_to_an_earlier_version_with_its_parts(editor_client, edited_twice):
    role = edited_twice
    edit(editor_client, role, **{"missions-1-DELETE": "on"})  # a third edit drops a mission
    assert role.missions.count() == 1
    first = versions_of(role)[0]
    revision_url = reverse("admin:roles_role_revision", args=[role.pk, first.pk])

    shown = editor_client.get(revision_url)
    assert shown.status_code == 200
    response = editor_client.post(revision_url, submitted_data(shown))

    assert response.status_code == 302
    role.refresh_from_db()
    assert role.title == "Directeur commercial"
    assert sorted(role.missions.values_list("text", flat=True)) == [
        "Animer l’équipe de vente",
        "Négocier les grands comptes",
    ]


def test_a_deleted_sheet_can_be_recovered_with_its_parts(editor_client, edited_twice):
    role_pk = edited_twice.pk
    delete_url = reverse("admin:roles_role_delete", args=[role_pk])
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not Role.objects.filter(pk=role_pk).exists()
    changelist = editor_client.get(reverse("admin:roles_role_changelist")).content.decode()
    assert reverse("admin:roles_role_recoverlist") in changelist

    recover_list = editor_client.get(reverse("admin:roles_role_recoverlist")).content.decode()
    assert "Récupérer des fiches supprimées" in recover_list
    assert "Directeur des ventes" in recover_list
    deleted = Version.objects.get_deleted(Role).get()
    recover_url = reverse("admin:roles_role_recover", args=[deleted.pk])
    shown = editor_client.get(recover_url)
    response = editor_client.post(recover_url, submitted_data(shown))

    assert response.status_code == 302
    role = Role.objects.get(pk=role_pk)
    assert role.title == "Directeur des ventes"
    assert role.missions.count() == 2
    assert role.is_public


def test_the_fixture_sheets_start_with_a_revision_so_a_first_edit_can_be_undone(
    editor_client, fixture_sheets
):
    role = fixture_sheets.get(slug="coo")
    original_title, missions = role.title, role.missions.count()
    edit(editor_client, role, title="COO", **{"missions-0-DELETE": "on"})
    initial = versions_of(role)[0]
    assert initial.revision.get_comment() == "Contenu initial"

    revision_url = reverse("admin:roles_role_revision", args=[role.pk, initial.pk])
    editor_client.post(revision_url, submitted_data(editor_client.get(revision_url)))

    role.refresh_from_db()
    assert (role.title, role.missions.count()) == (original_title, missions)


def test_reverting_restores_the_tags_of_that_version(editor_client):
    role = make_role()
    edit(editor_client, role, tags="management, stratégie")
    edit(editor_client, role, tags="vente")
    first = versions_of(role)[0]
    revision_url = reverse("admin:roles_role_revision", args=[role.pk, first.pk])
    editor_client.post(revision_url, submitted_data(editor_client.get(revision_url)))
    assert sorted(role.tags.names()) == ["management", "stratégie"]
