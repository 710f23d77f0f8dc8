"""Editors' Markdown is rendered, and nothing executable survives."""

import pytest

from roles.rendering import render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](&#106;avascript:alert(1))",
    '<a href="javascript:alert(1)">clic</a>',
    '<p style="background:url(javascript:alert(1))">texte</p>',
    "<style>body{display:none}</style>",
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://example.com"></iframe>',
    '<a href="https://example.com" onclick="alert(1)">clic</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<form action=https://evil.example><button>ok</button></form>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_nothing_executable_survives(payload):
    html = render_markdown(payload).lower()
    for forbidden in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onclick",
        "<style",
        "style=",
        "<iframe",
        "<svg",
        "<object",
        "data:text",
        "<form",
        "<img",
    ):
        assert forbidden not in html


def test_headings_lists_emphasis_and_links_pass():
    html = render_markdown(
        "# Titre\n\nDu **gras**, de l’*italique*.\n\n- un\n- deux\n\n[Apec](https://www.apec.fr)"
    )
    assert "<h3" in html and "Titre</h3>" in html  # shifted under the section's h2
    assert "<strong>gras</strong>" in html and "<em>italique</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://www.apec.fr"' in html and 'rel="noopener noreferrer"' in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
