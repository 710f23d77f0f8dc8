"""What candidates and editors do, click by click, as they see it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from roles.models import Role

from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_candidate_searches_reads_a_sheet_and_follows_its_links(page, site):
    page.goto(site + "/")
    page.get_by_label("Quel métier cherchez-vous\u202f?").fill("directrice des opérations")
    page.get_by_label("Quel métier cherchez-vous\u202f?").press("Enter")
    page.get_by_role("link", name="Chief Operating Officer (COO)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Chief Operating Officer (COO)"

    related = page.locator("#fiches-liees")
    related.get_by_role("link", name="Chief Experience Officer (CXO)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Chief Experience Officer (CXO)"

    page.go_back()
    career = page.locator("#evolutions")
    career.get_by_role("link", name="Directeur régional").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Directeur régional")
    # The move shows on both sheets: the COO is among the regional director's next steps.
    coo_link = page.locator("#evolutions").get_by_role("link", name="Chief Operating Officer (COO)")
    coo_link.first.click()

    compare = page.locator("#comparer")
    compare.get_by_label("Comparer de COO avec").select_option(label="Directeur commercial")
    compare.get_by_role("button", name="Comparer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comparer des métiers")
    for title in ["Directeur commercial", "Chief Operating Officer (COO)"]:
        expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()


def test_editor_changes_a_mission_and_a_salary_then_publishes(page, site):
    get_user_model().objects.create_superuser("redaction", "r@example.com", "motdepasse-solide")
    coo = Role.objects.get(slug="coo")
    Role.objects.filter(pk=coo.pk).update(status=Role.Status.DRAFT)
    mission = coo.missions.first()

    page.goto(site + "/admin/")
    page.get_by_label("Nom d’utilisateur").fill("redaction")
    page.get_by_label("Mot de passe").fill("motdepasse-solide")
    page.get_by_role("button", name="Connexion").click()
    page.goto(site + f"/admin/roles/role/{coo.pk}/change/")
    save_screenshot(page, "admin-fiche")
    page.locator("#id_missions-0-text").fill("Piloter la transformation des opérations")
    page.locator("#id_salaries-0-amount_typical").fill("3200")
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist .success")).to_contain_text("a été modifié")

    page.context.clear_cookies()  # now an anonymous visitor
    page.goto(site + "/metiers/coo/")
    missions = page.locator("#missions").inner_text()
    assert "Piloter la transformation des opérations" in missions
    assert mission.text not in missions
    assert "environ 3\u202f200\u00a0€" in page.locator("#salaires").inner_text()
