"""Editors own the sheets; recruiters own the recruitment requests; neither touches the other's."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from roles.permissions import EDITORS, RECRUITERS, build_groups

from .admin_forms import submitted_data
from .factories import make_draft, make_role, make_staff_member

pytestmark = pytest.mark.django_db

SHEET_SCREENS = ["role", "family", "sector", "skill"]


@pytest.fixture
def editor_member(client):
    client.force_login(make_staff_member(EDITORS))
    return client


@pytest.fixture
def recruiter(client):
    client.force_login(make_staff_member(RECRUITERS))
    return client


def test_migrate_creates_both_groups():
    editors = Group.objects.get(name=EDITORS)
    assert {"change_role", "add_mission", "change_family", "change_skill", "change_sector"} <= set(
        editors.permissions.values_list("codename", flat=True)
    )
    assert not Group.objects.get(name=RECRUITERS).permissions.filter(
        content_type__model__in=SHEET_SCREENS
    )


def test_building_the_groups_again_restores_what_is_declared():
    editors = Group.objects.get(name=EDITORS)
    granted = set(editors.permissions.all())
    editors.permissions.clear()
    build_groups()
    build_groups()
    assert set(editors.permissions.all()) == granted
    assert Group.objects.filter(name=EDITORS).count() == 1


def test_an_editor_changes_a_sheet_in_the_admin(editor_member):
    role = make_role(title="Directeur commercial")
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = {**submitted_data(editor_member.get(url)), "title": "Directeur des ventes"}
    assert editor_member.post(url, data).status_code == 302
    role.refresh_from_db()
    assert role.title == "Directeur des ventes"


@pytest.mark.parametrize("model", SHEET_SCREENS)
def test_an_editor_opens_every_sheet_screen(editor_member, model):
    assert editor_member.get(reverse(f"admin:roles_{model}_changelist")).status_code == 200
    assert editor_member.get(reverse(f"admin:roles_{model}_add")).status_code == 200


def test_a_recruiter_sees_no_sheet_in_the_admin(recruiter):
    html = recruiter.get(reverse("admin:index")).content.decode()
    for model in SHEET_SCREENS:
        assert reverse(f"admin:roles_{model}_changelist") not in html


@pytest.mark.parametrize("model", SHEET_SCREENS)
def test_a_recruiter_cannot_open_sheet_screens_by_url(recruiter, model):
    assert recruiter.get(reverse(f"admin:roles_{model}_changelist")).status_code == 403
    assert recruiter.get(reverse(f"admin:roles_{model}_add")).status_code == 403


def test_a_recruiter_cannot_change_a_sheet_by_url(recruiter, editor):
    role = make_role(title="Directeur commercial")
    url = reverse("admin:roles_role_change", args=[role.pk])
    editors_browser = Client()
    editors_browser.force_login(editor)
    data = {**submitted_data(editors_browser.get(url)), "title": "Piraté"}
    for path in [url, reverse("admin:roles_role_history", args=[role.pk])]:
        assert recruiter.get(path).status_code == 403
    assert recruiter.post(url, data).status_code == 403
    delete = recruiter.post(reverse("admin:roles_role_delete", args=[role.pk]), {"post": "yes"})
    assert delete.status_code == 403
    role.refresh_from_db()
    assert role.title == "Directeur commercial"


def test_a_recruiter_does_not_see_draft_sheets_on_the_site(recruiter):
    assert recruiter.get(make_draft().get_absolute_url()).status_code == 404


def test_an_editor_sees_draft_sheets_on_the_site(editor_member):
    assert editor_member.get(make_draft().get_absolute_url()).status_code == 200


def test_recruiters_read_the_requests_and_editors_cannot(recruiter):
    requests = reverse("admin:visitors_recruitmentrequest_changelist")
    assert recruiter.get(requests).status_code == 200
    editors_browser = Client()
    editors_browser.force_login(make_staff_member(EDITORS))
    assert editors_browser.get(requests).status_code == 403
    assert requests not in editors_browser.get(reverse("admin:index")).content.decode()


def test_editors_moderate_comments_and_recruiters_cannot(editor_member):
    comments = reverse("admin:visitors_comment_changelist")
    assert editor_member.get(comments).status_code == 200
    recruiters_browser = Client()
    recruiters_browser.force_login(make_staff_member(RECRUITERS))
    assert recruiters_browser.get(comments).status_code == 403
