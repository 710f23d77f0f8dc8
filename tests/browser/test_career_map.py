"""The career map in Chromium: each family's graph links to the sheets and fits a phone."""

import pytest

from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_node_of_a_family_graph_opens_its_sheet(page, site):
    page.goto(site + "/parcours/")
    family = page.locator("section", has=page.get_by_role("heading", name="Commercial"))
    family.locator(".path-graph a", has_text="Directeur régional").first.click()
    assert page.url.endswith("/metiers/directeur-regional/")
    assert page.get_by_role("heading", level=1).inner_text() == "Directeur régional"


def test_on_a_phone_every_graph_fits_the_screen_and_its_moves_are_listed(phone, site):
    phone.goto(site + "/parcours/")
    save_screenshot(phone, "parcours-graphes-mobile")
    width = phone.evaluate("document.documentElement.clientWidth")
    graphs = phone.locator(".path-graph svg")
    assert graphs.count() >= 3
    for number in range(graphs.count()):
        box = graphs.nth(number).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["height"] > 0
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    moves = phone.locator(".career-map__moves").first.get_by_role("listitem")
    assert moves.count() >= 3 and moves.first.get_by_role("link").count() >= 1
