"""Draft, scheduled and published sheets; preview; last edit and review dates."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from roles.models import CareerMove, EditorProfile, Mission, Role
from roles.permissions import EDITORS, RECRUITERS

from .admin_forms import change_url, edit
from .factories import make_draft, make_role, make_staff_member

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:roles_role_changelist")


def preview_url(role):
    return reverse("roles:role_preview", args=[role.pk])


def make_scheduled(**fields):
    return make_role(published_at=timezone.now() + timedelta(hours=2), **fields)


def listed_titles(client, **filters):
    response = client.get(CHANGELIST, filters)
    return {role.title for role in response.context["cl"].result_list}


class TestStates:
    def test_admin_list_shows_each_sheet_state(self, editor_client):
        make_draft(title="Fiche A"), make_scheduled(title="Fiche B"), make_role(title="Fiche C")
        html = editor_client.get(CHANGELIST).content.decode()
        for state in ["Brouillon", "Programmée", "Publiée"]:
            assert f'<td class="field-state">{state}</td>' in html

    @pytest.mark.parametrize(
        "value, title",
        [("brouillon", "Fiche A"), ("programmee", "Fiche B"), ("publiee", "Fiche C")],
    )
    def test_admin_list_filters_by_state(self, editor_client, value, title):
        make_draft(title="Fiche A"), make_scheduled(title="Fiche B"), make_role(title="Fiche C")
        assert listed_titles(editor_client, etat=value) == {title}

    def test_a_scheduled_sheet_appears_at_its_time_without_any_job(self, client, monkeypatch):
        role = make_scheduled(title="Directeur de la relation client")
        assert client.get(role.get_absolute_url()).status_code == 404
        assert role.title not in client.get("/metiers/").content.decode()

        later = timezone.now() + timedelta(hours=3)
        monkeypatch.setattr(timezone, "now", lambda: later)

        assert client.get(role.get_absolute_url()).status_code == 200
        assert role.title in client.get("/metiers/").content.decode()


class TestPreview:
    def test_change_form_previews_the_form_as_it_stands(self, editor_client):
        role = make_draft()
        unsaved = reverse("admin:roles_role_unsaved_preview", args=[role.pk])
        html = editor_client.get(change_url(role)).content.decode()
        assert f'formaction="{unsaved}" formtarget="_blank"' in html

    @pytest.mark.parametrize("factory", [make_draft, make_scheduled, make_role])
    def test_editor_previews_any_sheet_with_a_banner(self, editor_client, factory):
        role = factory(title="Responsable CRM")
        response = editor_client.get(preview_url(role))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Aperçu\u00a0: voici la fiche telle que le public la verra." in html
        assert "<h1>Responsable CRM</h1>" in html
        assert 'name="robots" content="noindex, nofollow"' in html

    def test_preview_shows_links_as_the_public_will(self, editor_client):
        role, hidden = make_draft(), make_draft(title="Fiche cachée")
        CareerMove.objects.create(from_role=role, to_role=hidden)
        html = editor_client.get(preview_url(role)).content.decode()
        assert "Fiche cachée" in html and hidden.get_absolute_url() not in html

    def test_visitors_are_sent_to_the_log_in_page(self, client):
        response = client.get(preview_url(make_draft()))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_recruiters_may_not_preview(self, client):
        client.force_login(make_staff_member(RECRUITERS))
        assert client.get(preview_url(make_draft())).status_code == 403

    def test_unknown_sheet_is_not_found(self, editor_client):
        assert editor_client.get(reverse("roles:role_preview", args=[999999])).status_code == 404


def age(role, days=30):
    """Pretend the sheet was last edited `days` ago."""
    Role.objects.filter(pk=role.pk).update(updated_at=timezone.now() - timedelta(days=days))


def updated_recently(role):
    role.refresh_from_db()
    return timezone.now() - role.updated_at < timedelta(minutes=1)


class TestLastUpdate:
    def test_sheet_shows_its_last_update(self, client):
        role = make_role()
        noon = datetime(2026, 3, 2, 12, tzinfo=UTC)  # the same day in Paris
        Role.objects.filter(pk=role.pk).update(updated_at=noon)
        html = client.get(role.get_absolute_url()).content.decode()
        assert "Dernière mise à jour le <time" in html and "2 mars 2026" in html

    def test_editing_only_an_inline_part_in_the_admin_updates_the_sheet(self, editor_client):
        role = make_role()
        Mission.objects.create(role=role, text="Animer l’équipe")
        age(role)
        edit(editor_client, role, **{"missions-0-text": "Animer et recruter l’équipe"})
        assert updated_recently(role)

    def test_deleting_a_part_in_the_admin_updates_the_sheet(self, editor_client):
        role = make_role()
        Mission.objects.create(role=role, text="Animer l’équipe")
        age(role)
        edit(editor_client, role, **{"missions-0-DELETE": "on"})
        assert not role.missions.exists() and updated_recently(role)

    def test_a_career_move_updates_both_of_its_sheets(self):
        before, after = make_role(), make_role()
        age(before), age(after)
        CareerMove.objects.create(from_role=before, to_role=after)
        assert updated_recently(before) and updated_recently(after)


class TestReview:
    @pytest.fixture
    def named_editor(self, client):
        user = User.objects.create_superuser("marie", "marie@example.com", "x", first_name="Marie")
        user.last_name = "Dupont"
        user.save()
        client.force_login(user)
        return client

    def test_editor_marks_sheets_reviewed_from_the_list(self, named_editor):
        role = make_role()
        named_editor.post(CHANGELIST, {"action": "mark_reviewed", "_selected_action": [role.pk]})
        role.refresh_from_db()
        assert role.reviewed_by.username == "marie"
        html = named_editor.get(role.get_absolute_url()).content.decode()
        assert "Relue le <time" in html and "par la rédaction" in html

    def test_editor_saves_and_marks_reviewed_from_the_sheet(self, named_editor):
        role = make_role()
        assert "_mark_reviewed" in named_editor.get(change_url(role)).content.decode()
        edit(named_editor, role, _mark_reviewed="Enregistrer et marquer comme relue")
        role.refresh_from_db()
        assert role.reviewed_by.username == "marie" and not role.is_stale

    def test_the_public_never_sees_an_editors_login(self, client):
        # The finding: « Relue le … par evaladmin » for an account without a name.
        login = User.objects.create_user("evaladmin", is_staff=True)
        role = make_role(reviewed_at=timezone.now(), reviewed_by=login)
        html = client.get(role.get_absolute_url()).content.decode()
        assert "evaladmin" not in html and "par la rédaction" in html

    def test_an_editor_chooses_the_name_the_public_sees(self, client):
        editor = make_staff_member(EDITORS, username="jdupont", first_name="Jeanne")
        client.force_login(editor)
        profile_page = client.get(reverse("admin:roles_editorprofile_changelist"), follow=True)
        change_page = profile_page.redirect_chain[-1][0]
        assert "Nom affiché" in profile_page.content.decode()
        client.post(change_page, {"display_name": "Jeanne D., rédactrice"})
        role = make_role(reviewed_at=timezone.now(), reviewed_by=editor)
        client.logout()
        html = client.get(role.get_absolute_url()).content.decode()
        assert "par Jeanne D., rédactrice" in html and "jdupont" not in html

    def test_an_editor_cannot_change_another_ones_name(self, client):
        editor, other = make_staff_member(EDITORS), make_staff_member(RECRUITERS)
        others_profile = EditorProfile.objects.create(user=other, display_name="Paul")
        client.force_login(editor)
        url = reverse("admin:roles_editorprofile_change", args=[others_profile.pk])
        client.post(url, {"display_name": "Usurpé"})
        others_profile.refresh_from_db()
        assert others_profile.display_name == "Paul"

    def test_a_sheet_never_reviewed_shows_no_review(self, client):
        assert "Relue le" not in client.get(make_role().get_absolute_url()).content.decode()

    def test_sheets_not_reviewed_for_a_year_are_flagged_stale(self, editor_client, editor):
        old = timezone.now() - timedelta(days=400)
        make_role(title="Ancienne", reviewed_at=old, reviewed_by=editor)
        make_role(title="Jamais relue")
        make_role(title="Récente", reviewed_at=timezone.now() - timedelta(days=10))
        assert listed_titles(editor_client, relecture="a-relire") == {"Ancienne", "Jamais relue"}
        assert listed_titles(editor_client, relecture="a-jour") == {"Récente"}
        assert "À relire" in editor_client.get(CHANGELIST).content.decode()

    def test_the_stale_delay_is_a_setting(self, editor_client, settings):
        settings.REVIEW_STALE_AFTER_DAYS = 500
        make_role(title="Ancienne", reviewed_at=timezone.now() - timedelta(days=400))
        assert listed_titles(editor_client, relecture="a-relire") == set()
