"""Nothing a visitor sends is lost, whatever the mail server does, and no mail goes twice."""

import io

import pytest
from django.core.management import call_command

from roles.models import Comment, RecruitmentRequest
from roles.notifications import notify_request

from .factories import make_request, make_role
from .visitors import comment_data, request_data

pytestmark = pytest.mark.django_db

AGENCY = "recrutement@promel.example"


@pytest.fixture(autouse=True)
def mail_settings(settings):
    settings.CONTACT_EMAIL = settings.MODERATION_EMAIL = AGENCY
    settings.SITE_URL = "https://www.promel.example"
    settings.CONTACT_RATE = settings.COMMENT_RATE = "1000/m"


def retry():
    output = io.StringIO()
    call_command("send_pending_notifications", stdout=output)
    return output.getvalue().strip()


def send_request(client, capture, **fields):
    with capture(execute=True):
        response = client.post("/contact/", request_data(**fields))
    assert response.status_code == 302 and response["Location"] == "/contact/merci/"
    return RecruitmentRequest.objects.get()


def test_agency_and_sender_are_mailed_once_the_request_is_stored(
    client, django_capture_on_commit_callbacks, mail_server
):
    make_role(slug="coo", title="Chief Operating Officer")
    lead = send_request(client, django_capture_on_commit_callbacks, role="coo")
    (to_agency, notification), (to_sender, acknowledgement) = mail_server.handler.messages
    assert to_agency == [AGENCY] and to_sender == ["claire.martin@acme.example"]
    assert notification["Subject"] == (
        "Demande de recrutement : Acme Industrie (Chief Operating Officer)"
    )
    assert notification["Reply-To"] == "claire.martin@acme.example"
    body = notification.get_content()
    assert f"https://www.promel.example/admin/roles/recruitmentrequest/{lead.pk}/change/" in body
    assert "Nous cherchons un directeur des opérations" in body
    assert "Bonjour Claire Martin" in acknowledgement.get_content()
    assert lead.notified_at and lead.acknowledged_at and lead.notification_attempts == 0


def test_server_down_keeps_the_request_and_the_retry_delivers_once(
    client, django_capture_on_commit_callbacks, mail_server_down
):
    lead = send_request(client, django_capture_on_commit_callbacks)
    assert lead.notified_at is None and lead.notification_attempts == 1
    assert "ConnectionRefusedError" in lead.notification_error

    assert retry() == "0 envoyé(s), 1 toujours en attente."
    assert RecruitmentRequest.objects.get().notification_attempts == 2

    mail_server_down.start()
    assert retry() == "1 envoyé(s), 0 toujours en attente."
    assert retry() == "0 envoyé(s), 0 toujours en attente."
    assert mail_server_down.handler.recipients() == [AGENCY, "claire.martin@acme.example"]
    lead.refresh_from_db()
    assert lead.notified_at and lead.acknowledged_at


def test_a_hanging_server_costs_one_timeout_and_loses_nothing(
    client, django_capture_on_commit_callbacks, mail_server_hanging
):
    lead = send_request(client, django_capture_on_commit_callbacks)
    assert lead.notified_at is None and "timed out" in lead.notification_error
    assert len(mail_server_hanging) == 1  # one connection: no second attempt in the request


def test_a_refused_acknowledgement_is_retried_without_mailing_the_agency_again(
    client, django_capture_on_commit_callbacks, mail_server
):
    mail_server.handler.refused.add("claire.martin@acme.example")
    lead = send_request(client, django_capture_on_commit_callbacks)
    assert lead.notified_at is not None and lead.acknowledged_at is None
    assert mail_server.handler.recipients() == [AGENCY]

    mail_server.handler.refused.clear()
    retry()
    assert mail_server.handler.recipients() == [AGENCY, "claire.martin@acme.example"]


def test_a_record_claimed_elsewhere_is_not_sent_again(mail_server):
    lead = make_request()
    assert RecruitmentRequest.objects.claim(lead.pk)  # another run is sending it
    assert notify_request(lead.pk) is False
    assert mail_server.handler.messages == []


def test_moderators_are_told_of_each_new_comment(
    client, django_capture_on_commit_callbacks, mail_server
):
    role = make_role(title="Chef de projet CRM")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{role.get_absolute_url()}commentaires/", comment_data())
    comment = Comment.objects.get()
    [(recipients, message)] = mail_server.handler.messages
    assert recipients == [AGENCY]
    assert message["Subject"] == "Nouveau commentaire sur « Chef de projet CRM »"
    assert f"/admin/roles/comment/{comment.pk}/change/" in message.get_content()
    assert comment.notified_at is not None


def test_line_breaks_in_names_never_add_headers(mail_server):
    role = make_role(title="Directeur\r\nBcc: cible@example.com")
    lead = make_request(company="Acme\r\nBcc: victime@example.com", role=role)
    assert notify_request(lead.pk)
    [(recipients, notification), _] = mail_server.handler.messages
    assert recipients == [AGENCY]
    assert notification["Bcc"] is None
    assert "\n" not in notification["Subject"]


def test_an_unexpected_failure_after_the_commit_still_thanks_the_visitor(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(pk):
        raise RuntimeError("database went away")

    monkeypatch.setattr("roles.notifications.notify_request", broken)
    lead = send_request(client, django_capture_on_commit_callbacks)
    assert lead.notified_at is None  # left for send_pending_notifications
