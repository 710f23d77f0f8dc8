"""Real SMTP servers for the tests: one that works, none at all, and one that hangs."""

import socket
import threading
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    """An aiosmtpd handler keeping what it receives; it can refuse some recipients."""

    def __init__(self):
        self.messages = []
        self.refused = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 Adresse refusée"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def recipients(self):
        return [rcpt for rcpts, _ in self.messages for rcpt in rcpts]


class MailServer:
    """aiosmtpd on 127.0.0.1:port, started and stopped at will."""

    def __init__(self, port):
        self.port = port
        self.handler = Recorder()
        self.controller = None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None


def use_smtp(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1


@pytest.fixture
def mail_server(settings):
    """A working SMTP server the site is configured to use."""
    server = MailServer(free_port())
    server.start()
    use_smtp(settings, server.port)
    yield server
    server.stop()


@pytest.fixture
def mail_server_down(settings):
    """The site points at a port where nothing listens; `.start()` brings a server up there."""
    server = MailServer(free_port())
    use_smtp(settings, server.port)
    yield server
    server.stop()


@pytest.fixture
def mail_server_hanging(settings):
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    use_smtp(settings, listener.getsockname()[1])
    yield accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()
