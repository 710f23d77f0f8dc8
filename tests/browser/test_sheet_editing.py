"""Editors' workspace in Chromium: creating, ordering, previewing and saving a sheet."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from roles.models import Role

from .conftest import save_screenshot, session_cookie
from .editor_journey import SHEET, Editor, fill_new_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(page, site):
    editor = get_user_model().objects.create_superuser("redaction", "r@example.com", "mdp-solide-1")
    page.context.add_cookies([session_cookie(editor, site)])
    return page


def test_creating_a_complete_sheet_counts_screens_and_clicks(editor_page, site, capsys):
    page = editor_page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.set_default_timeout(8000)
    page.goto(site + "/admin/")
    editor = Editor(page)
    editor.click(page.locator("#content-main a[href$='/roles/role/']").first, "list")
    editor.click(page.locator(".object-tools .addlink"), "add")
    fill_new_sheet(editor)
    editor.click(page.get_by_role("button", name="Enregistrer et continuer les modifications"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    with page.context.expect_page() as preview:
        editor.click(page.get_by_role("link", name="Prévisualiser"), "preview")
    preview.value.wait_for_load_state()
    editor.screens += 1
    expect(preview.value.get_by_role("heading", level=1)).to_have_text(SHEET["title"])
    save_screenshot(page, "creation-fiche-complete")
    role = Role.objects.get(title=SHEET["title"])
    assert role.missions.count() == 3 and role.salaries.count() == 3
    with capsys.disabled():
        print(f"\nResponsable e-commerce: {editor.screens} screens, {editor.clicks} clicks")
