"""axe-core finds no WCAG 2.1 A/AA violation on any page type; the keyboard reaches everything."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse

from roles.models import Role
from roles.referentials.models import RomeTitle

from ..pages import PAGE_TYPES
from .conftest import save_screenshot, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_wcag_violation_and_an_ordered_outline(page, site, name):
    page.goto(site + PAGE_TYPES[name])
    save_screenshot(page, name)
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
    # Headings start at one h1 and never skip a level.
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => +h.tagName[1])")
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.parametrize("url", ["/contact/", "/metiers/coo/"])
def test_forms_showing_their_errors_have_no_wcag_violation(page, site, url):
    page.goto(site + url)
    page.locator("form.visitor-form button[type=submit]").first.click()
    page.wait_for_selector(".errorlist")
    save_screenshot(page, "formulaire-erreurs" + url.replace("/", "-"))
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize(
    "name",
    ["apercu", "completude-des-fiches", "fiche-depuis-le-rome", "fiche-depuis-le-rome-choix"],
)
def test_pages_the_project_adds_to_the_admin_have_no_wcag_violation(page, site, name):
    editor = get_user_model().objects.create_superuser("redaction", "r@example.com", "mdp-solide-1")
    page.context.add_cookies([session_cookie(editor, site)])
    coo = Role.objects.get(slug="coo")
    from_rome = reverse("admin:roles_role_from_rome")
    title = RomeTitle.objects.get(label="Directeur commercial / Directrice commerciale")
    urls = {
        "apercu": reverse("roles:role_preview", args=[coo.pk]),
        "completude-des-fiches": reverse("admin:roles_role_completeness"),
        "fiche-depuis-le-rome": f"{from_rome}?q=directrice+commerciale",
        "fiche-depuis-le-rome-choix": f"{from_rome}?appellation={title.pk}",
    }
    page.goto(site + urls[name])
    save_screenshot(page, name)
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()


def test_skip_link_is_first_and_moves_to_the_content(page, site):
    page.goto(site + "/metiers/coo/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#contenu"


def test_focus_is_visible_on_links_and_controls(page, site):
    page.goto(site + "/")
    for _ in range(4):
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), page.evaluate("document.activeElement.outerHTML")


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea"


@pytest.mark.parametrize("url", ["/", "/metiers/coo/", "/contact/"])
def test_the_keyboard_reaches_every_link_and_form_control(page, site, url):
    page.goto(site + url)
    # A group of radio buttons is one tab stop (arrow keys move inside it).
    visible = page.eval_on_selector_all(
        FOCUSABLE,
        """els => els.filter(e => e.offsetParent !== null).filter((e, i, all) =>
            e.type !== "radio" || all.findIndex(o => o.name === e.name) === i).length""",
    )
    reached = set()
    for _ in range(visible + 5):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                "() => { const e = document.activeElement; "
                "return [...document.querySelectorAll('*')].indexOf(e); }"
            )
        )
    reached.discard(page.evaluate("[...document.querySelectorAll('*')].indexOf(document.body)"))
    assert len(reached) >= visible
