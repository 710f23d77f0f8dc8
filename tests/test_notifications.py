"""Nothing a visitor sends is lost, whatever the mail server does, and no mail goes twice."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from roles.visitors.models import Comment, MailedAddress, ModerationSettings, RecruitmentRequest
from roles.visitors.notifications import comment_token, notify_request

from .factories import make_comment, make_request, make_role
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
    # strip(): Python's parser keeps the space that folds a subject of encoded words.
    assert notification["Subject"].strip() == (
        "Demande de recrutement\u00a0: Acme Industrie (Chief Operating Officer)"
    )
    assert notification["Reply-To"] == "claire.martin@acme.example"
    body = notification.get_content()
    assert f"https://www.promel.example/admin/visitors/recruitmentrequest/{lead.pk}/change/" in body
    assert "Nous cherchons un directeur des opérations" in body
    assert "Bonjour Claire," in acknowledgement.get_content()
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
    [(recipients, message), (to_author, _)] = mail_server.handler.messages
    assert recipients == [AGENCY] and to_author == ["paul@example.com"]
    assert message["Subject"].strip() == "Nouveau commentaire sur «\u202fChef de projet CRM\u202f»"
    assert f"/admin/visitors/comment/{comment.pk}/change/" in message.get_content()
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

    monkeypatch.setattr("roles.visitors.notifications.notify_request", broken)
    lead = send_request(client, django_capture_on_commit_callbacks)
    assert lead.notified_at is None  # left for send_pending_notifications


def links_in(text):
    return re.findall(r"(?:https?://|www\.)\S+", text)


def post_comment(client, capture, role, **fields):
    with capture(execute=True):
        response = client.post(f"{role.get_absolute_url()}commentaires/", comment_data(**fields))
    assert response.status_code == 302
    return Comment.objects.latest("pk")


class TestAcknowledgement:
    """The finding: the acknowledgement went to any typed address with the whole message."""

    SPAM = "Gagnez 1000 € sur https://arnaque.example, www.arnaque.example <a href=x>ici</a>"

    def test_it_repeats_nothing_typed_but_the_first_name_and_links_only_to_the_site(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        make_role(slug="coo", title="Chief Operating Officer")
        send_request(
            client,
            django_capture_on_commit_callbacks,
            name="Claire https://arnaque.example",
            company="Visitez www.arnaque.example",
            job_title="https://arnaque.example/dg",
            message=self.SPAM,
            role="coo",
        )
        (_, notification), (_, acknowledgement) = mail_server.handler.messages
        body = acknowledgement.get_content()
        assert body.startswith("Bonjour Claire,")
        assert "arnaque" not in body and "Gagnez" not in body and "Acme" not in body
        assert links_in(body) == ["https://www.promel.example/confidentialite/"]
        assert acknowledgement["Subject"] == "Promel a bien reçu votre demande"
        # The agency still gets the request as sent.
        assert self.SPAM in notification.get_content()

    @pytest.mark.parametrize("name", ["https://arnaque.example", "www.x.example", "J3an", ""])
    def test_a_first_name_that_is_not_a_plain_name_is_left_out(self, mail_server, name):
        notify_request(make_request(name=name).pk)
        (_, _), (_, acknowledgement) = mail_server.handler.messages
        assert acknowledgement.get_content().splitlines()[0] == "Bonjour,"

    def test_one_address_gets_at_most_one_acknowledgement_a_day(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                client.post("/contact/", request_data(email="Victime@Example.com"))
        assert mail_server.handler.recipients() == [AGENCY, "Victime@Example.com", AGENCY, AGENCY]
        # Every request is stored and reached the agency; none is left pending.
        assert RecruitmentRequest.objects.count() == 3
        assert RecruitmentRequest.objects.awaiting_notification().count() == 0
        assert retry() == "0 envoyé(s), 0 toujours en attente."

        MailedAddress.objects.update(last_mailed_at=timezone.now() - timedelta(days=1, minutes=1))
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/contact/", request_data(email="victime@example.com"))
        assert mail_server.handler.recipients()[-1] == "victime@example.com"

    def test_a_failed_acknowledgement_does_not_spend_the_days_mail(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        mail_server.handler.refused.add("claire.martin@acme.example")
        send_request(client, django_capture_on_commit_callbacks)
        mail_server.handler.refused.clear()
        retry()
        assert mail_server.handler.recipients() == [AGENCY, "claire.martin@acme.example"]

    def test_the_answer_never_depends_on_the_address_being_known(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        make_request(email="connue@example.com")
        answers = []
        for address in ["connue@example.com", "inconnue@example.com"]:
            response = client.post("/contact/", request_data(email=address))
            answers.append((response.status_code, response["Location"]))
        assert answers[0] == answers[1] == (302, "/contact/merci/")


class TestCommentConfirmation:
    """Only proof of the address (a mailed link, per comment) may let a comment skip moderation."""

    @pytest.fixture
    def auto_approval(self, db):
        settings = ModerationSettings.current()
        settings.publish_confirmed_comments = True
        settings.save()

    def confirmation_link(self, mail_server):
        (_, message) = mail_server.handler.messages[-1]
        body = message.get_content()
        (link,) = links_in(body)
        return body, link.removeprefix("https://www.promel.example")

    def test_the_author_is_mailed_a_link_and_nothing_else_he_typed(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        role = make_role(title="Chef de projet CRM")
        post_comment(
            client,
            django_capture_on_commit_callbacks,
            role,
            name="Paul www.arnaque.example",
            text="Achetez sur https://arnaque.example",
        )
        recipients, message = mail_server.handler.messages[-1]
        assert recipients == ["paul@example.com"]
        assert message["Subject"].strip() == "Promel\u00a0: confirmez votre commentaire"
        body, link = self.confirmation_link(mail_server)
        assert body.startswith("Bonjour Paul,") and "arnaque" not in body
        assert "«\u202fChef de projet CRM\u202f»" in body
        assert link.startswith("/commentaires/confirmer/")

    def test_the_link_confirms_only_after_the_button_and_publishes_if_editors_allow(
        self, client, django_capture_on_commit_callbacks, mail_server, auto_approval
    ):
        role = make_role()
        comment = post_comment(client, django_capture_on_commit_callbacks, role)
        _, link = self.confirmation_link(mail_server)
        page = client.get(link)  # what a mail scanner does
        assert "Oui, c’est bien moi" in page.content.decode()
        comment.refresh_from_db()
        assert comment.confirmed_at is None and comment.status == Comment.Status.PENDING

        done = client.post(link).content.decode()
        assert "Votre commentaire est publié" in done
        comment.refresh_from_db()
        assert comment.confirmed_at and comment.status == Comment.Status.APPROVED
        assert "Très utile, merci." in client.get(role.get_absolute_url()).content.decode()

    def test_without_the_editors_switch_a_confirmed_comment_still_waits(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        comment = post_comment(client, django_capture_on_commit_callbacks, make_role())
        _, link = self.confirmation_link(mail_server)
        assert "sera publié après relecture" in client.post(link).content.decode()
        comment.refresh_from_db()
        assert comment.confirmed_at and comment.status == Comment.Status.PENDING

    @pytest.mark.parametrize(
        "fields",
        [
            {"name": "Promel (équipe officielle)"},
            {"text": "Voir https://a.example et https://b.example"},
        ],
    )
    def test_agency_lookalikes_and_link_lists_are_held_even_confirmed(
        self, client, django_capture_on_commit_callbacks, mail_server, auto_approval, fields
    ):
        comment = post_comment(client, django_capture_on_commit_callbacks, make_role(), **fields)
        _, link = self.confirmation_link(mail_server)
        client.post(link)
        comment.refresh_from_db()
        assert comment.confirmed_at and comment.status == Comment.Status.PENDING

    def test_a_confirmed_address_gives_no_pass_to_later_comments(
        self, client, django_capture_on_commit_callbacks, mail_server, auto_approval
    ):
        role = make_role()
        post_comment(client, django_capture_on_commit_callbacks, role)
        _, link = self.confirmation_link(mail_server)
        client.post(link)
        later = post_comment(
            client, django_capture_on_commit_callbacks, role, name="Autre", text="Autre texte."
        )
        assert later.status == Comment.Status.PENDING

    def test_a_forged_expired_or_rejected_link_changes_nothing(
        self, client, mail_server, auto_approval
    ):
        comment = make_comment(make_role(), status=Comment.Status.PENDING)
        token = comment_token(comment)
        assert client.post(f"/commentaires/confirmer/{token}x/").status_code == 404
        Comment.objects.filter(pk=comment.pk).update(email="autre@example.com")
        assert client.post(f"/commentaires/confirmer/{token}/").status_code == 404
        comment.refresh_from_db()
        assert comment.confirmed_at is None

        spam = make_comment(make_role(), status=Comment.Status.SPAM)
        client.post(f"/commentaires/confirmer/{comment_token(spam)}/")
        spam.refresh_from_db()
        assert spam.status == Comment.Status.SPAM

    def test_one_address_gets_at_most_one_mail_a_day(
        self, client, django_capture_on_commit_callbacks, mail_server
    ):
        role = make_role()
        for number in range(3):
            post_comment(client, django_capture_on_commit_callbacks, role, text=f"Avis {number}.")
        assert mail_server.handler.recipients().count("paul@example.com") == 1
        assert Comment.objects.awaiting_notification().count() == 0
