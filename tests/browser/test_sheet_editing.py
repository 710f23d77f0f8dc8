"""An editor's journey in Chromium: a complete new sheet, reordered by drag and drop, previewed
before it is ever saved, saved as a draft, scheduled, published, and seen by the public."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from roles.models import Role

from .conftest import save_screenshot
from .editor_journey import SHEET, Editor, fill_new_sheet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def save_and_continue(page):
    page.get_by_role("button", name="Enregistrer et continuer les modifications").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def test_editor_creates_reorders_previews_schedules_and_publishes_a_sheet(
    editor_page, site, capsys
):
    page = editor_page
    page.goto(site + "/admin/")
    editor = Editor(page)
    editor.click(page.locator("#content-main a[href$='/roles/role/']").first, "list")
    editor.click(page.locator(".object-tools .addlink"), "add")
    fill_new_sheet(editor)

    # Preview before the sheet was ever saved, in a new tab, as the public page.
    with page.context.expect_page() as new_tab:
        editor.click(page.get_by_role("button", name="Prévisualiser (sans enregistrer)"))
    preview = new_tab.value
    preview.wait_for_load_state()
    editor.screens += 1
    expect(preview.get_by_role("heading", level=1)).to_have_text(SHEET["title"])
    expect(preview.locator(".banner--preview")).to_contain_text("Rien n’est encore enregistré")
    expect(preview.locator("#missions li").first).to_have_text(SHEET["missions"][0])
    save_screenshot(preview, "admin-apercu-non-enregistre")
    preview.close()
    assert not Role.objects.filter(title=SHEET["title"]).exists()

    editor.click(page.get_by_role("button", name="Enregistrer et continuer les modifications"))
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.wait_for_load_state("load")
    with capsys.disabled():
        print(f"\nResponsable e-commerce: {editor.screens} screens, {editor.clicks} clicks")
    role = Role.objects.get(title=SHEET["title"])
    assert role.state == "Brouillon"
    assert [m.text for m in role.missions.all()] == SHEET["missions"]
    assert role.salaries.count() == 3 and role.role_skills.count() == 3

    # The third mission is dragged to the top.
    page.locator("#missions-2 h3").drag_to(page.locator("#missions-0 h3"))
    save_and_continue(page)
    missions = SHEET["missions"]
    assert [m.text for m in role.missions.all()] == [missions[2], missions[0], missions[1]]

    # Scheduled for tomorrow: not public yet.
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.locator("#id_status").select_option("published")
    page.locator("#id_published_at_0").fill(tomorrow.strftime("%d/%m/%Y"))
    save_and_continue(page)
    assert Role.objects.get(pk=role.pk).state == "Programmée"

    # Published now.
    shortcuts = page.locator(".datetimeshortcuts")
    shortcuts.first.get_by_role("link", name=re.compile("^Aujourd")).click()
    shortcuts.last.get_by_role("link", name="Maintenant").click()
    save_and_continue(page)
    assert Role.objects.get(pk=role.pk).state == "Publiée"

    page.context.clear_cookies()  # now a visitor
    page.goto(f"{site}/metiers/{role.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(SHEET["title"])
    expect(page.locator("#missions li").first).to_have_text(missions[2])
    save_screenshot(page, "fiche-responsable-e-commerce")
