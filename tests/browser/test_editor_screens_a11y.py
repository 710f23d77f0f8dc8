"""The editors', recruiters' and moderators' screens: no WCAG 2.1 A/AA violation found by axe,
nothing scrolling sideways on a phone or a desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from roles.models import Role

from ..admin_forms import edit
from ..factories import make_comment, make_request
from .conftest import save_screenshot, session_cookie
from .test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"bureau": (1440, 900), "telephone": (390, 844)}


def screen_urls():
    coo = Role.objects.get(slug="coo")
    first = Version.objects.get_for_object(coo).order_by("pk").first()
    last = Version.objects.get_for_object(coo).order_by("pk").last()
    return {
        "fiche-modification": reverse("admin:roles_role_change", args=[coo.pk]),
        "fiche-ajout": reverse("admin:roles_role_add"),
        "fiche-historique": reverse("admin:roles_role_history", args=[coo.pk]),
        "fiche-comparaison": reverse("admin:roles_role_compare", args=[coo.pk])
        + f"?version_id1={first.pk}&version_id2={last.pk}",
        "demandes": reverse("admin:visitors_recruitmentrequest_changelist"),
        "commentaires": reverse("admin:visitors_comment_changelist"),
    }


@pytest.fixture
def staff_site(site, client):
    """The fixture sheets, an edited COO (two versions), a request and a reply to a comment."""
    editor = get_user_model().objects.create_superuser("redaction", "r@example.com", "mdp-solide-1")
    coo = Role.objects.get(slug="coo")
    client.force_login(editor)
    edit(client, coo, tagline="Le bras droit de la direction générale")
    make_request(role=coo)
    parent = make_comment(role=coo, text="Quel salaire pour un premier poste de COO\u202f?")
    make_comment(role=coo, parent=parent, text="Autour de 90\u202f000\u00a0€ brut par an.")
    return site, editor


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "name",
    [
        "fiche-modification",
        "fiche-ajout",
        "fiche-historique",
        "fiche-comparaison",
        "demandes",
        "commentaires",
    ],
)
def test_staff_screens_have_no_wcag_violation_and_no_sideways_scrolling(
    page, staff_site, name, width
):
    site, editor = staff_site
    page.set_viewport_size(dict(zip(["width", "height"], WIDTHS[width], strict=True)))
    page.context.add_cookies([session_cookie(editor, site)])
    page.goto(site + screen_urls()[name])
    save_screenshot(page, f"admin-{name}-{width}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}"
    result = Axe().run(page, options=WCAG_21_AA)
    assert result.violations_count == 0, result.generate_report()
