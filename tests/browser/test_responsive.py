"""On a phone, no page scrolls sideways and the menu stays reachable."""

import pytest

from ..pages import PAGE_TYPES
from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_horizontal_scrolling_on_a_phone(phone, site, name):
    phone.goto(site + PAGE_TYPES[name])
    save_screenshot(phone, f"{name}-mobile")
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("width", [320, 375])
def test_menu_is_reachable_on_a_phone(phone, site, width):
    phone.set_viewport_size({"width": width, "height": 740})
    phone.goto(site + "/metiers/coo/")
    nav = phone.get_by_role("navigation", name="Navigation principale")
    nav.get_by_role("link", name="Compétences").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Compétences"
