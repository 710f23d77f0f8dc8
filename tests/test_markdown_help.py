"""Editors see which Markdown is allowed and a server-rendered preview of the sanitised result."""

import pytest
from django.urls import reverse

from roles.permissions import RECRUITERS

from .admin_forms import change_url, submitted_data
from .factories import make_role, make_staff_member

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:roles_role_markdown_preview")


def test_the_introduction_field_says_which_syntax_is_allowed(editor_client):
    html = editor_client.get(reverse("admin:roles_role_add")).content.decode()
    assert (
        "intertitres («\u202f#\u202f» ou «\u202f##\u202f»" in html
        and "Le HTML, les images et les scripts sont retirés" in html
    )


def test_the_change_form_shows_the_saved_introduction_rendered_and_cleaned(editor_client):
    role = make_role(introduction="Le **COO** pilote.<script>alert(1)</script>")
    html = editor_client.get(change_url(role)).content.decode()
    assert '<div class="markdown-preview"><p>Le <strong>COO</strong> pilote.' in html
    assert "<script>alert(1)</script>" not in html


def test_the_change_form_previews_unsaved_text_without_javascript(editor_client):
    role = make_role()
    form = editor_client.get(change_url(role))
    html = form.content.decode()
    assert f'formaction="{PREVIEW}" formtarget="_blank"' in html

    data = {**submitted_data(form), "introduction": "# Missions\n\n- *Piloter*\n\n<img src=x>"}
    response = editor_client.post(PREVIEW, data)
    preview = response.content.decode()
    assert response.status_code == 200
    assert "<h3" in preview and "<li><em>Piloter</em></li>" in preview
    assert "<img" not in preview.split("<textarea")[0]
    role.refresh_from_db()
    assert "Piloter" not in role.introduction  # nothing saved


def test_the_preview_page_can_be_used_on_its_own(editor_client):
    assert "Texte Markdown à essayer" in editor_client.get(PREVIEW).content.decode()


def test_recruiters_may_not_use_the_preview(client):
    client.force_login(make_staff_member(RECRUITERS))
    assert client.post(PREVIEW, {"introduction": "x"}).status_code == 403
