"""deploy/nginx.conf.template as nginx runs it: TLS, the HTTP redirect, what nginx answers itself.

nginx (Debian's) runs the filled-in template on free ports with a throw-away certificate; no
gunicorn behind it: every answer checked here is nginx's own.
"""

import http.client
import shutil
import socket
import ssl
import subprocess

import pytest

from .live_stack import PROJECT, free_port, wait_until
from .tools import require_tool

SECURITY_HEADERS = [
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
]


class Nginx:
    def __init__(self, work):
        self.work, self.https_port, self.http_port = work, free_port(), free_port()
        (work / "tmp").mkdir()
        (work / "static").mkdir()
        (work / "static" / "staticfiles.json").write_text('{"paths": {}}')
        (work / "tls").mkdir()
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
            + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
            + ["-keyout", work / "tls/key.pem", "-out", work / "tls/cert.pem"],
            check=True,
            capture_output=True,
        )
        template = (PROJECT / "deploy/nginx.conf.template").read_text()
        values = {
            "@WORK@": str(work),
            "@USER@": "",
            "@STATIC_ROOT@": str(work / "static"),
            "@APP_PORT@": str(free_port()),  # nothing listens there
            "@HTTPS_PORT@": str(self.https_port),
            "@HTTP_PORT@": str(self.http_port),
            "@SERVER_NAME@": "www.promel.example",
        }
        for placeholder, value in values.items():
            template = template.replace(placeholder, value)
        (work / "nginx.conf").write_text(template)

    def __enter__(self):
        conf = self.work / "nginx.conf"
        subprocess.run(["nginx", "-p", self.work, "-c", conf, "-e", self.work / "error.log"])
        assert wait_until(lambda: port_open(self.https_port)), (self.work / "error.log").read_text()
        return self

    def __exit__(self, *exc):
        pid = int((self.work / "nginx.pid").read_text())
        subprocess.run(["kill", str(pid)])

    def https(self, path, headers=None):
        context = ssl.create_default_context(cafile=self.work / "tls/cert.pem")
        connection = http.client.HTTPSConnection("127.0.0.1", self.https_port, context=context)
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse()

    def handshake(self, ciphers):
        """The cipher nginx picks from these (TLS 1.2, in this order), or None if it refuses."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers(":".join(ciphers))
        try:
            with socket.create_connection(("127.0.0.1", self.https_port)) as raw:
                with context.wrap_socket(raw) as tls:
                    return tls.cipher()[0]
        except ssl.SSLError:
            return None


def port_open(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    require_tool(shutil.which("nginx") and shutil.which("openssl"), "nginx and openssl")
    with Nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


class TestTls:
    """The finding: nginx's default ciphers (static RSA, CBC, client's order)."""

    @pytest.mark.parametrize(
        "cipher",
        ["AES128-GCM-SHA256", "AES256-SHA256", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-AES256-SHA384"],
    )
    def test_no_cipher_without_forward_secrecy_or_with_cbc(self, nginx, cipher):
        assert nginx.handshake([cipher]) is None

    def test_forward_secret_aead_ciphers_in_the_servers_order(self, nginx):
        client_order = ["ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-RSA-AES128-GCM-SHA256"]
        assert nginx.handshake(client_order) == "ECDHE-RSA-AES128-GCM-SHA256"


def test_the_http_redirect_goes_to_the_configured_name_not_the_host_header(nginx):
    connection = http.client.HTTPConnection("127.0.0.1", nginx.http_port)
    connection.request("GET", "/metiers/?q=1", headers={"Host": "piege.example"})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == (
        f"https://www.promel.example:{nginx.https_port}/metiers/?q=1"
    )


def test_the_static_manifest_is_not_served(nginx):
    response = nginx.https("/static/staticfiles.json")
    assert response.status == 404
    assert b"paths" not in response.read()
    assert all(response.getheader(name) for name in SECURITY_HEADERS)


@pytest.mark.parametrize("protocol", ["--http1.1", "--http2"])
def test_an_oversized_request_line_is_answered_by_nginx_with_the_security_headers(nginx, protocol):
    require_tool(shutil.which("curl"), "curl")
    url = f"https://127.0.0.1:{nginx.https_port}/recherche/?q={'a' * 5000}"
    headers = subprocess.run(
        ["curl", protocol, "-s", "-o", "/dev/null", "-D", "-", "--cacert"]
        + [nginx.work / "tls/cert.pem", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    assert headers.split()[1] == "414"
    assert "server: nginx" in headers and "gunicorn" not in headers
    assert all(name.lower() + ":" in headers for name in SECURITY_HEADERS)


def test_an_oversized_header_is_answered_by_nginx_with_the_security_headers(nginx):
    response = nginx.https("/", headers={"X-Long": "a" * 5000})
    assert response.status == 400
    assert all(response.getheader(name) for name in SECURITY_HEADERS)
