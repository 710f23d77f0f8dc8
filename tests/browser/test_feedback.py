"""What Chromium shows a person: focus, borders, errors and languages, measured on the page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import save_screenshot
from .test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# WCAG 2.1 contrast ratio of two computed colours, and the colour behind an element.
COLOURS = """
const rgb = c => c.match(/[\\d.]+/g).map(Number);
const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)
  .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05); };
const behind = e => { for (let n = e; n; n = n.parentElement) {
  const c = getComputedStyle(n).backgroundColor; const a = rgb(c)[3];
  if (a === undefined || a > 0) return c; } return "rgb(255, 255, 255)"; };
"""

FOCUS_RING = (
    "() => {"
    + COLOURS
    + """
  const e = document.activeElement, s = getComputedStyle(e);
  if (e === document.body) return null;  // past the last stop
  return {element: e.outerHTML.slice(0, 80), style: s.outlineStyle,
          width: parseFloat(s.outlineWidth), ratio: ratio(s.outlineColor, behind(e.parentElement))};
}"""
)

# A field's edge: its border, or its own fill where that stands out more (a white field in
# the dark header).
FIELD_EDGES = (
    "() => {"
    + COLOURS
    + """
  return [...document.querySelectorAll("input, select, textarea")]
    .filter(e => e.offsetParent !== null && !["radio", "checkbox", "hidden"].includes(e.type))
    .map(e => { const s = getComputedStyle(e), around = behind(e.parentElement);
      return {field: e.name || e.id, ratio: Math.max(ratio(s.borderTopColor, around),
                                                     ratio(behind(e), around))}; });
}"""
)


@pytest.mark.parametrize("url", ["/", "/metiers/coo/", "/contact/", "/metiers/?famille=marketing"])
def test_the_focus_ring_stands_out_3_to_1_on_every_background(page, site, url):
    page.goto(site + url)
    rings = []
    for _ in range(40):
        page.keyboard.press("Tab")
        rings.append(page.evaluate(FOCUS_RING))
    rings = [ring for ring in rings if ring]  # None: focus went past the last stop
    assert len(rings) > 10
    faint = [r for r in rings if r["style"] == "none" or r["width"] < 2 or r["ratio"] < 3]
    assert faint == []


@pytest.mark.parametrize("url", ["/", "/metiers/", "/contact/", "/metiers/coo/"])
def test_field_borders_stand_out_3_to_1_on_their_panel(page, site, url):
    page.goto(site + url)
    borders = page.evaluate(FIELD_EDGES)
    assert borders and [b for b in borders if b["ratio"] < 3] == []


def test_buttons_keep_a_visible_border_in_forced_colours(page, site):
    page.emulate_media(forced_colors="active")
    page.goto(site + "/contact/")
    save_screenshot(page, "couleurs-forcees")
    borders = page.eval_on_selector_all(
        "button",
        """bs => bs.filter(b => b.offsetParent !== null).map(b => {
             const s = getComputedStyle(b);
             return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor]; })""",
    )
    assert borders
    for style, width, colour in borders:
        assert style == "solid" and width >= 1 and colour != "rgba(0, 0, 0, 0)", borders


def heading_levels(page):
    return page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "hs => hs.map(h => +h.tagName[1])")


def assert_outline(levels):
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_a_refused_request_focuses_its_error_summary_whose_links_reach_the_fields(page, site):
    page.goto(site + "/contact/")
    page.locator("form.visitor-form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    assert page.title().startswith("Erreur\u00a0:")
    assert page.evaluate("document.activeElement.id") == "erreurs-demande"
    assert_outline(heading_levels(page))
    page.locator(".error-summary a", has_text="Votre nom").click()
    assert page.evaluate("document.activeElement.id") == "recrutement_name"
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()


def test_a_refused_comment_focuses_its_summary_and_reloading_leads_back_to_the_form(page, site):
    page.goto(site + "/metiers/coo/")
    page.locator("#laisser-un-commentaire ~ form button[type=submit]").click()
    page.wait_for_selector("#erreurs-commentaire")
    assert page.url.endswith("/metiers/coo/commentaires/")
    assert page.title().startswith("Erreur\u00a0:")
    assert page.evaluate("document.activeElement.id") == "erreurs-commentaire"
    assert_outline(heading_levels(page))
    response = page.goto(page.url)  # the address bar's Enter: a GET
    assert response.status == 200 and page.url.endswith("/metiers/coo/#laisser-un-commentaire")
    assert page.locator("#commentaire_text").is_visible()


def test_shared_skills_show_a_word_beside_their_highlight(page, site):
    page.goto(site + "/comparer/?metiers=coo,chief-experience-officer")
    marks = page.locator(".compare__skills .compare__shared")
    assert marks.count() >= 2 and marks.first.is_visible()
    assert marks.first.inner_text() == "(commune)"


def test_an_english_title_is_read_in_english(page, site):
    page.goto(site + "/metiers/coo/")
    assert page.locator("h1 [lang=en]").inner_text() == "Chief Operating Officer (COO)"
    page.goto(site + "/metiers/directeur-commercial/")
    assert page.locator("h1 [lang=en]").count() == 0


def test_the_admin_log_in_page_has_one_heading_the_favicon_and_no_violation(page, site):
    page.goto(site + "/admin/login/")
    assert heading_levels(page) == [1]
    assert page.locator('link[rel=icon][href$="favicon.svg"]').count() == 1
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
