"""A candidate finds where to go from his job, in Chromium, and reaches the target sheet."""

import pytest

from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_home_page_through_the_pathfinder_to_a_target_sheet(page, site):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Où aller\u202f?"
    ).click()
    page.get_by_label("Votre métier actuel").fill("Chef de secteur")
    page.get_by_role("button", name="Voir où aller").click()
    page.wait_for_selector(".destinations")
    save_screenshot(page, "mon-evolution-parcours")
    assert page.get_by_role("heading", name="Depuis Chef de secteur").is_visible()
    page.get_by_role("link", name="le meilleur salaire").click()
    assert "ordre=salaire" in page.url
    page.locator(".destinations").get_by_role("link", name="Directeur régional").click()
    assert page.url.endswith("/metiers/directeur-regional/")
    assert page.get_by_role("heading", level=1).inner_text() == "Directeur régional"


def test_the_graph_nodes_are_links_to_the_sheets(page, site):
    page.goto(site + "/mon-evolution/?depuis=chef-de-secteur")
    node = page.locator(".path-graph a", has_text="Directeur régional")
    node.click()
    assert page.url.endswith("/metiers/directeur-regional/")


def test_from_ticked_skills_the_sheets_within_reach(page, site):
    page.goto(site + "/mon-evolution/")
    for skill in ["Leadership", "Management d’équipe", "Négociation commerciale"]:
        page.get_by_label(skill, exact=True).check()
    page.get_by_role("button", name="Voir les métiers à ma portée").click()
    page.wait_for_selector(".destinations")
    assert page.locator(".destination").count() >= 3
