"""The admin log-in resists brute force; editors reset a forgotten password by e-mail."""

import email
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
RESET = reverse("admin_password_reset")


PROXY = "127.0.0.1"
ATTACKER = "203.0.113.9"
EDITOR_HOME = "198.51.100.7"


@pytest.fixture
def lockout(settings):
    """django-axes on, behind one nginx: every request comes from the proxy's address."""
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def staff(db):
    return User.objects.create_user(
        "marie", "marie@example.com", "bon-mot-de-passe-42", is_staff=True, first_name="Marie"
    )


def log_in(client, password, username="marie", address=EDITOR_HOME, forwarded=None):
    """A log-in through nginx, which appends the client's address to X-Forwarded-For."""
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded or address,
    )


class TestLockout:
    def test_a_good_password_still_logs_in(self, client, staff, lockout):
        log_in(client, "faux")
        response = log_in(client, "bon-mot-de-passe-42")
        assert response.status_code == 302 and response["Location"] == "/admin/"

    def test_repeated_failures_lock_the_address_with_a_way_back_in(self, client, staff, lockout):
        for _ in range(2):
            response = log_in(client, "faux")
            assert response.status_code == 200  # the usual form, with its error
        response = log_in(client, "faux")
        html = response.content.decode()
        assert response.status_code == 429
        assert "Connexion temporairement bloquée" in html
        assert "bloquée pendant 15\u00a0minutes" in html
        assert "le blocage est levé" in html and RESET in html
        # Even the right password is refused while the lock-out lasts.
        response = log_in(client, "bon-mot-de-passe-42")
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_failures_from_another_address_never_lock_an_editor_out(self, client, staff, lockout):
        # The attack: wrong passwords for an editor's (public) username, through the proxy.
        for _ in range(5):
            log_in(client, "faux", address=ATTACKER)
        assert log_in(client, "faux", address=ATTACKER).status_code == 429
        assert log_in(client, "bon-mot-de-passe-42").status_code == 302

    def test_forged_forwarded_entries_do_not_give_the_attacker_new_addresses(
        self, client, staff, lockout
    ):
        for number in range(3):
            log_in(client, "faux", forwarded=f"10.0.0.{number}, {ATTACKER}")
        response = log_in(client, "faux", forwarded=f"10.9.9.9, {ATTACKER}")
        assert response.status_code == 429

    def test_one_address_trying_many_usernames_is_locked_out(self, client, staff, lockout):
        for name in ["admin", "redaction", "paul"]:
            log_in(client, "faux", username=name, address=ATTACKER)
        response = log_in(client, "bon-mot-de-passe-42", address=ATTACKER)
        assert response.status_code == 429

    def test_the_lock_out_ends_after_the_cool_off(self, client, staff, lockout, settings):
        for _ in range(3):
            log_in(client, "faux")
        AccessAttempt.objects.update(attempt_time="2000-01-01T00:00:00Z")
        assert log_in(client, "bon-mot-de-passe-42").status_code == 302

    def test_a_new_password_from_the_mailed_link_lifts_the_lock_out(
        self, client, staff, lockout, mail_server
    ):
        for _ in range(3):
            log_in(client, "faux")
        assert log_in(client, "bon-mot-de-passe-42").status_code == 429
        through_proxy = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": EDITOR_HOME}
        client.post(RESET, {"email": "marie@example.com"}, **through_proxy)
        ((_, message),) = mail_server.handler.messages
        link = re.search(r"http://127\.0\.0\.1:8000(/\S+/)", message.get_content())[1]
        form = client.get(link, follow=True, **through_proxy)
        new = {"new_password1": "tout-neuf-et-long-7", "new_password2": "tout-neuf-et-long-7"}
        client.post(form.redirect_chain[-1][0], new, **through_proxy)
        assert log_in(client, "tout-neuf-et-long-7").status_code == 302


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port, collecting what it receives."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield inbox
    controller.stop()


class TestPasswordReset:
    def test_the_log_in_page_offers_a_reset(self, client):
        html = client.get(LOGIN).content.decode()
        assert RESET in html and "Identifiants de connexion oubliés" in html

    def test_an_editor_resets_a_forgotten_password_by_mail(self, client, staff, smtp):
        page = client.get(RESET).content.decode()
        assert "Mot de passe perdu" in page
        response = client.post(RESET, {"email": "marie@example.com"})
        assert response.status_code == 302
        assert "envoyé" in client.get(response["Location"]).content.decode()

        (message,) = smtp.messages
        assert message["To"] == "marie@example.com"
        # strip(): Python's parser keeps the space that folds a subject of encoded words.
        assert message["Subject"].strip() == "Promel\u00a0: réinitialisation de votre mot de passe"
        body = message.get_content()
        assert "Bonjour Marie" in body and "identifiant\u00a0: marie" in body
        link = re.search(r"http://127\.0\.0\.1:8000(/admin/nouveau-mot-de-passe/\S+/)", body)

        form = client.get(link[1], follow=True)
        assert "Nouveau mot de passe" in form.content.decode()
        new = {"new_password1": "tout-neuf-et-long-7", "new_password2": "tout-neuf-et-long-7"}
        done = client.post(form.redirect_chain[-1][0], new, follow=True)
        assert "mot de passe a été défini" in done.content.decode()
        staff.refresh_from_db()
        assert staff.check_password("tout-neuf-et-long-7")

    def test_unknown_or_non_staff_addresses_get_the_same_answer_and_no_mail(self, client, smtp):
        User.objects.create_user("visiteur", "visiteur@example.com", "x")
        for address in ["visiteur@example.com", "personne@example.com"]:
            assert client.post(RESET, {"email": address}).status_code == 302
        assert smtp.messages == []

    def test_a_malformed_address_gets_a_french_message(self, client):
        html = client.post(RESET, {"email": "pas-une-adresse"}).content.decode()
        assert "Saisissez une adresse de courriel valide." in html


class TestPasswordResetLimits:
    def request_reset(self, client, address, client_address=EDITOR_HOME):
        return client.post(
            RESET,
            {"email": address},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_address,
        )

    def test_one_address_gets_a_few_mails_then_the_same_answer_and_no_mail(
        self, client, staff, mail_server, settings
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        answers = [
            self.request_reset(client, "marie@example.com", f"192.0.2.{number}")
            for number in range(8)
        ]
        assert {answer.status_code for answer in answers} == {302}
        assert {answer["Location"] for answer in answers} == {reverse("password_reset_done")}
        assert len(mail_server.handler.messages) == 3  # PASSWORD_RESET_ADDRESS_RATE

    def test_one_client_asking_for_many_addresses_gets_the_429_page(
        self, client, staff, mail_server, settings
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        for number in range(10):
            assert self.request_reset(client, f"x{number}@example.com").status_code == 302
        response = self.request_reset(client, "marie@example.com")
        assert response.status_code == 429
        assert "Réessayez dans 60\u00a0minutes au plus" in response.content.decode()
        assert response["Retry-After"] == "3600"
        assert mail_server.handler.messages == []
        # Another client is not concerned.
        assert self.request_reset(client, "marie@example.com", "192.0.2.50").status_code == 302
        assert len(mail_server.handler.messages) == 1

    def test_the_answer_never_depends_on_the_address_being_known(self, client, staff):
        known = self.request_reset(client, "marie@example.com")
        unknown = self.request_reset(client, "inconnu@example.com")
        assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
