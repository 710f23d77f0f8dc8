"""The issue's "done when", end to end, by a member of Rédacteurs (not a superuser)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from roles.models import Role
from roles.permissions import EDITORS

from .admin_forms import change_url, edit, submitted_data
from .factories import make_family, make_staff_member

pytestmark = pytest.mark.django_db


def test_schedule_preview_edit_twice_compare_revert_and_appear_on_time(client, monkeypatch):
    editor = make_staff_member(EDITORS)
    client.force_login(editor)
    family = make_family()
    tomorrow = timezone.localtime() + timedelta(days=1)

    add_url = reverse("admin:roles_role_add")
    data = submitted_data(client.get(add_url))
    data.update(
        title="Responsable grands comptes",
        slug="responsable-grands-comptes",
        summary="Il développe les clients les plus importants.",
        family=family.pk,
        status="published",
        published_at_0=tomorrow.strftime("%Y-%m-%d"),
        published_at_1=tomorrow.strftime("%H:%M:%S"),
    )
    assert client.post(add_url, data).status_code == 302
    role = Role.objects.get(slug="responsable-grands-comptes")

    preview = client.get(reverse("roles:role_preview", args=[role.pk])).content.decode()
    assert "Aperçu" in preview and "Elle sera publique le" in preview
    client.logout()
    assert client.get(role.get_absolute_url()).status_code == 404

    client.force_login(editor)
    edit(client, role, title="Responsable des grands comptes")
    edit(client, role, tagline="Le lien privilégié des plus gros clients")
    first, _, last = Version.objects.get_for_object(role).order_by("pk")
    compare = client.get(
        reverse("admin:roles_role_compare", args=[role.pk]),
        {"version_id1": first.pk, "version_id2": last.pk},
    )
    assert "Responsable des grands comptes" in compare.content.decode()

    revision_url = reverse("admin:roles_role_revision", args=[role.pk, first.pk])
    client.post(revision_url, submitted_data(client.get(revision_url)))
    role.refresh_from_db()
    assert (role.title, role.tagline) == ("Responsable grands comptes", "")
    assert client.get(change_url(role)).status_code == 200

    client.logout()
    later = timezone.now() + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Responsable grands comptes" in client.get(role.get_absolute_url()).content.decode()
