"""A history editors can trust: untouched text never shows as changed, links are compared by
name in French, a deleted sheet comes back with its links, and screens say what happens."""

import logging

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import CareerMove, Role, Sector

from .admin_forms import change_url, edit, submitted_data
from .factories import make_role

pytestmark = pytest.mark.django_db

TEXT_PARTS = ["missions", "role_skills", "training_paths", "salaries"]


def stored_texts(role):
    """Every stored value of the sheet and its parts, to tell whether a save changed any."""
    role = Role.objects.get(pk=role.pk)
    values = {f.name: getattr(role, f.name) for f in role._meta.concrete_fields}
    for name in ("updated_at", "search_vector"):
        values.pop(name)
    parts = {name: list(getattr(role, name).values()) for name in TEXT_PARTS}
    moves = list(CareerMove.objects.filter(to_role=role).values())
    return values, parts, moves, sorted(role.tags.names())


def as_a_browser_sends_it(data):
    """Textareas come back with CRLF line endings."""
    return {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}


def compare(client, role, old, new):
    url = reverse("admin:roles_role_compare", args=[role.pk])
    return client.get(url, {"version_id1": old.pk, "version_id2": new.pk}).content.decode()


def test_saving_the_coo_untouched_as_a_browser_sends_it_changes_nothing(
    editor_client, fixture_sheets
):
    coo = fixture_sheets.get(slug="coo")
    assert "\n" in coo.alternative_titles and "\n" in coo.introduction
    before = stored_texts(coo)
    data = as_a_browser_sends_it(submitted_data(editor_client.get(change_url(coo))))
    assert "\r\n" in data["introduction"]

    response = editor_client.post(change_url(coo), data)

    assert response.status_code == 302
    assert stored_texts(coo) == before
    initial, saved = Version.objects.get_for_object(coo).order_by("pk")
    html = compare(editor_client, coo, initial, saved)
    assert "Aucune différence entre ces deux versions." in html, html[html.find("<h3>") :][:3000]
    assert saved.revision.get_comment() == "Aucun champ modifié."


def test_changing_only_the_hiring_salary_shows_only_the_salaries_as_changed(
    editor_client, fixture_sheets
):
    coo = fixture_sheets.get(slug="coo")
    data = as_a_browser_sends_it(submitted_data(editor_client.get(change_url(coo))))
    data["salaries-0-amount_typical"] = str(coo.salaries.first().amount_typical + 100)
    editor_client.post(change_url(coo), data)

    initial, saved = Version.objects.get_for_object(coo).order_by("pk")
    html = compare(editor_client, coo, initial, saved)
    assert "<h3>Salaires</h3>" in html
    for label in ("Autres intitulés", "Introduction", "search", "Search"):
        assert f"<h3>{label}" not in html


def test_the_comparison_names_tags_sectors_and_related_sheets_in_french(editor_client, caplog):
    role, other = make_role(), make_role(title="Directeur commercial")
    sector = Sector.objects.create(name="E-commerce", slug="e-commerce")
    edit(editor_client, role, tags="digital, vente en ligne")
    edit(
        editor_client,
        role,
        tags="vente en ligne, marketplace",
        sectors=[str(sector.pk)],
        related_roles=[str(other.pk)],
    )
    first, second = Version.objects.get_for_object(role).order_by("pk")
    with caplog.at_level(logging.INFO):
        html = compare(editor_client, role, first, second)

    assert "Can't collect m2m ids" not in caplog.text
    assert "<h3>Étiquettes</h3>" in html
    assert "<del>− digital</del>" in html and "<ins>+ marketplace</ins>" in html
    assert "<h3>Secteurs</h3>" in html and "<ins>+ E-commerce</ins>" in html
    assert "<h3>Fiches liées</h3>" in html and "<ins>+ Directeur commercial</ins>" in html
    assert "search content" not in html.lower() and "search folded" not in html.lower()


def test_the_initial_revision_names_its_author(editor_client, fixture_sheets):
    coo = fixture_sheets.get(slug="coo")
    history = editor_client.get(reverse("admin:roles_role_history", args=[coo.pk]))
    assert "Promel (contenu de départ, importé)" in history.content.decode()


@pytest.fixture
def linked_sheet(editor_client):
    """A sheet that another sheet links to, by a career step and by « Découvrez aussi »,
    both added after the sheet's last revision."""
    target = make_role(title="Responsable e-commerce", slug="responsable-e-commerce")
    edit(editor_client, target, summary="Pilote la boutique en ligne.")
    other = make_role(title="Directeur du digital", slug="directeur-du-digital")
    CareerMove.objects.create(from_role=target, to_role=other)
    other.related_roles.add(target)
    return target, other


def test_the_delete_confirmation_says_what_happens_to_the_other_sheets(editor_client, linked_sheet):
    target, _ = linked_sheet
    html = editor_client.get(reverse("admin:roles_role_delete", args=[target.pk])).content
    html = html.decode()
    assert "1 étape de carrière d’autres fiches\u00a0: conservée, avec l’intitulé" in html
    removed = "«\u202fDécouvrez aussi\u202f» vers cette fiche est retiré de\u00a0: "
    assert removed + "«\u202fDirecteur du digital\u202f»" in html
    assert "seront aussi supprimés" not in html and "object (" not in html


def test_delete_then_recover_restores_every_link_and_shows_the_deletion_time(
    editor_client, linked_sheet
):
    target, other = linked_sheet
    editor_client.post(reverse("admin:roles_role_delete", args=[target.pk]), {"post": "yes"})
    step = CareerMove.objects.get(to_role=other)
    assert (step.from_role, step.from_title) == (None, "Responsable e-commerce")

    deleted = Version.objects.get_deleted(Role).get()
    assert deleted.revision.get_comment() == "Fiche supprimée"
    recover_list = editor_client.get(reverse("admin:roles_role_recoverlist")).content.decode()
    assert deleted.revision.date_created.strftime("%Y") in recover_list
    recover_url = reverse("admin:roles_role_recover", args=[deleted.pk])
    editor_client.post(recover_url, submitted_data(editor_client.get(recover_url)))

    step.refresh_from_db()
    assert step.from_role_id == target.pk and step.from_title == ""
    assert list(other.related_roles.all()) == [Role.objects.get(pk=target.pk)]


def test_recovering_lists_the_links_to_sheets_deleted_since(editor_client, linked_sheet):
    target, other = linked_sheet
    editor_client.post(reverse("admin:roles_role_delete", args=[target.pk]), {"post": "yes"})
    editor_client.post(reverse("admin:roles_role_delete", args=[other.pk]), {"post": "yes"})
    deleted = Version.objects.get_deleted(Role).get(object_id=str(target.pk))
    recover_url = reverse("admin:roles_role_recover", args=[deleted.pk])

    shown = editor_client.get(recover_url)
    html = shown.content.decode()
    assert "Ce qui ne peut pas revenir tel quel" in html
    assert (
        "L’étape de carrière avec «\u202fDirecteur du digital\u202f» revient en texte simple"
        in html
    )
    assert (
        "«\u202fDécouvrez aussi\u202f»\u00a0: 1 lien(s) vers ce qui a été supprimé depuis." in html
    )
    assert editor_client.post(recover_url, submitted_data(shown)).status_code == 302
    step = CareerMove.objects.get(from_role=target)
    assert (step.to_role, step.to_title) == (None, "Directeur du digital")
    assert not Role.objects.get(pk=target.pk).related_roles.exists()


def test_deleting_several_sheets_from_the_list_says_what_happens(editor_client, linked_sheet):
    target, other = linked_sheet
    url = reverse("admin:roles_role_changelist")
    data = {"action": "delete_selected", "_selected_action": [target.pk]}
    html = editor_client.post(url, data).content.decode()
    assert "Voulez-vous vraiment supprimer les fiches sélectionnées\u202f?" in html
    assert "conservée, avec l’intitulé «\u202fResponsable e-commerce\u202f» en texte simple" in html
    editor_client.post(url, {**data, "post": "yes"})
    assert not Role.objects.filter(pk=target.pk).exists()
    assert Version.objects.get_deleted(Role).get().revision.get_comment() == "Fiche supprimée"
