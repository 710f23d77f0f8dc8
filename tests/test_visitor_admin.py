"""Recruiters follow requests and moderators the comments, in the admin."""

import csv
import io
import logging

import pytest

from roles.visitors.models import Comment, ErasureLog, RecruitmentRequest

from .factories import make_comment, make_request, make_role

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/visitors/recruitmentrequest/"
PERSONAL_DATA = CHANGELIST + "donnees-personnelles/"


def test_requests_list_shows_status_role_company_and_notification(editor_client):
    role = make_role(title="Directeur commercial")
    make_request(company="Acme Industrie", role=role)
    html = editor_client.get(CHANGELIST).content.decode()
    assert "Acme Industrie" in html and "Directeur commercial" in html and "Nouveau" in html
    assert "équipe prévenue" in html


def test_requests_are_filtered_by_status_and_searched(editor_client):
    make_request(company="Acme Industrie", status="traite")
    make_request(company="Bêta Conseil")
    html = editor_client.get(CHANGELIST + "?status__exact=nouveau").content.decode()
    assert "Bêta Conseil" in html and "Acme Industrie" not in html
    html = editor_client.get(CHANGELIST + "?q=industrie").content.decode()
    assert "Acme Industrie" in html and "Bêta Conseil" not in html
    html = editor_client.get(CHANGELIST + "?prevenue=non").content.decode()
    assert "Acme Industrie" in html


def test_recruiters_change_status_and_keep_internal_notes(editor_client):
    lead = make_request()
    editor_client.post(
        CHANGELIST,
        {"action": "mark_in_progress", "_selected_action": [lead.pk]},
    )
    lead.refresh_from_db()
    assert lead.status == "en_cours"
    html = editor_client.get(f"{CHANGELIST}{lead.pk}/change/").content.decode()
    assert "notes de suivi" in html.lower()


def test_csv_export_opens_in_a_french_spreadsheet(editor_client):
    lead = make_request(company="Société Générale d’Études", message='=HYPERLINK("x")')
    response = editor_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [lead.pk]}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Reçue le", "Statut", "Demandeur"]
    assert "Société Générale d’Études" in rows[1]
    assert '\'=HYPERLINK("x")' in rows[1]


def test_moderators_see_pending_comments_first_and_approve_them(editor_client):
    role = make_role(title="Chef de produit")
    make_comment(role, text="Déjà publié.")
    waiting = make_comment(role, text="En attente.", status=Comment.Status.PENDING)
    html = editor_client.get("/admin/visitors/comment/").content.decode()
    assert html.index("En attente.") < html.index("Déjà publié.")
    assert "Chef de produit" in html
    editor_client.post(
        "/admin/visitors/comment/", {"action": "approve", "_selected_action": [waiting.pk]}
    )
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED


def test_comments_are_marked_as_spam_in_bulk(editor_client):
    role = make_role()
    spam = [make_comment(role, status=Comment.Status.PENDING) for _ in range(3)]
    editor_client.post(
        "/admin/visitors/comment/",
        {"action": "mark_spam", "_selected_action": [c.pk for c in spam]},
    )
    assert Comment.objects.filter(status=Comment.Status.SPAM).count() == 3


class TestPersonalData:
    def test_export_gives_every_record_of_the_address(self, editor_client):
        make_request(email="Claire@Example.com", message="Ma demande")
        make_comment(make_role(), email="claire@example.com", text="Mon commentaire")
        make_request(email="autre@example.com")
        response = editor_client.post(PERSONAL_DATA, {"email": "claire@example.com", "export": "1"})
        data = response.json()
        assert [r["message"] for r in data["demandes"]] == ["Ma demande"]
        assert [c["text"] for c in data["commentaires"]] == ["Mon commentaire"]

    def test_erasure_deletes_and_logs_without_the_data(self, editor_client, caplog):
        make_request(email="claire@example.com")
        make_comment(make_role(), email="claire@example.com")
        kept = make_request(email="autre@example.com")
        with caplog.at_level(logging.INFO):
            editor_client.post(PERSONAL_DATA, {"email": "claire@example.com", "erase": "1"})
        assert list(RecruitmentRequest.objects.all()) == [kept]
        assert not Comment.objects.exists()
        log = ErasureLog.objects.get()
        assert (log.requests_deleted, log.comments_deleted) == (1, 1)
        assert "claire" not in caplog.text and "claire" not in str(log.__dict__)

    def test_staff_without_the_permission_are_refused(self, client, django_user_model):
        staff = django_user_model.objects.create_user("recruteur", password="x", is_staff=True)
        client.force_login(staff)
        assert client.get(PERSONAL_DATA).status_code == 403

    def test_holders_of_the_dedicated_permission_may(self, client, django_user_model):
        from django.contrib.auth.models import Permission

        staff = django_user_model.objects.create_user("dpo", password="x", is_staff=True)
        staff.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
        client.force_login(staff)
        assert client.get(PERSONAL_DATA).status_code == 200


def test_links_in_mails_sent_before_the_visitors_app_still_lead_to_the_request(editor_client):
    lead = make_request()
    old = f"/admin/roles/recruitmentrequest/{lead.pk}/change/?from=mail"
    response = editor_client.get(old)
    assert response.status_code == 301
    assert response["Location"] == f"/admin/visitors/recruitmentrequest/{lead.pk}/change/?from=mail"
    assert editor_client.get(response["Location"]).status_code == 200
