"""Daily work in Chromium: pasting a list from Word, moderating in one click, fixing what the
completeness report points to."""

import pytest
from playwright.sync_api import expect

from roles.models import Role
from roles.visitors.models import Comment

from ..factories import make_comment
from ..test_editor_screens import PASTED_FROM_WORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_list_pasted_from_word_shows_as_a_list_on_the_page(editor_page, site):
    page = editor_page
    coo = Role.objects.get(slug="coo")
    page.goto(f"{site}/admin/roles/role/{coo.pk}/change/")
    introduction = page.locator("#id_introduction")
    introduction.fill("")
    introduction.focus()
    page.keyboard.insert_text(PASTED_FROM_WORD.replace("\r\n", "\n"))  # as a paste inserts it
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    page.goto(site + "/metiers/coo/")
    items = page.locator(".prose ul li")
    expect(items).to_have_text(["Piloter les opérations", "Suivre les coûts"])


def test_a_moderator_approves_a_reply_in_one_click(editor_page, site):
    page = editor_page
    coo = Role.objects.get(slug="coo")
    parent = make_comment(coo, name="Julie", text="Quel salaire pour un premier poste\u202f?")
    make_comment(coo, parent=parent, name="Marc", status=Comment.Status.PENDING)
    page.goto(site + "/admin/visitors/comment/?status__exact=en_attente")
    row = page.locator("#result_list tbody tr", has_text="Marc")
    expect(row).to_contain_text(
        "Julie\u00a0: «\u202fQuel salaire pour un premier poste\u202f?\u202f»"
    )
    row.get_by_role("button", name="Approuver le commentaire de Marc").click()
    expect(page.locator(".messagelist")).to_contain_text("Commentaire de Marc approuvé.")
    assert page.url.endswith("?status__exact=en_attente")
    assert Comment.objects.get(name="Marc").status == Comment.Status.APPROVED


def test_the_completeness_report_links_to_the_field_to_fix(editor_page, site):
    page = editor_page
    page.goto(site + "/admin/roles/role/completude/?probleme=suggestion")
    assert "manage.py" not in page.content()
    page.get_by_role(
        "link", name="Créer la fiche «\u202fPrésident-directeur général (PDG)\u202f»"
    ).click()
    expect(page.locator("#id_title")).to_have_value("Président-directeur général (PDG)")
    Role.objects.filter(slug="coo").update(introduction="")
    page.goto(site + "/admin/roles/role/completude/?probleme=a-completer")
    page.get_by_role("row", name="Chief Operating Officer").get_by_role(
        "link", name="Corriger"
    ).click()
    assert page.evaluate("location.hash") == "#id_introduction"
    expect(page.locator("#id_introduction")).to_be_in_viewport()
