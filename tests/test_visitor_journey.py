"""The issue's "done when": on a fixture sheet, a request and a comment go all the way."""

import io
import re

import pytest
from django.core.management import call_command

from roles.visitors.models import Comment, RecruitmentRequest

from .test_views import page
from .visitors import comment_data, request_data

pytestmark = pytest.mark.django_db


def form_fields(html, action):
    """The hidden fields of the form posting to `action`, as the browser would send them."""
    form = html.split(f'action="{action}"')[1].split("</form>")[0]
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))


def test_a_visitor_writes_from_a_fixture_sheet_with_the_mail_server_down_then_up(
    client, fixture_sheets, editor_client, mail_server_down, django_capture_on_commit_callbacks
):
    role = fixture_sheets.get(slug="coo")
    html = page(client, role.get_absolute_url())
    hidden = form_fields(html, "/contact/")
    assert hidden["role"] == "coo" and hidden["kind"] == "entreprise"

    data = request_data(**hidden)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", data, follow=True)
    assert "Merci, votre demande est bien envoyée" in response.content.decode()
    page(client, "/contact/merci/")  # a reload sends nothing again
    lead = RecruitmentRequest.objects.get()
    assert lead.role == role and lead.notified_at is None

    changelist = editor_client.get("/admin/visitors/recruitmentrequest/").content.decode()
    assert "Acme Industrie" in changelist and 'alt="False"' in changelist

    mail_server_down.start()
    call_command("send_pending_notifications", stdout=io.StringIO())
    assert len(mail_server_down.handler.messages) == 2

    url = f"{role.get_absolute_url()}commentaires/"
    response = client.post(url, comment_data(text="Fiche très claire."), follow=True)
    assert "sera publié après relecture" in response.content.decode()
    assert "Fiche très claire." not in page(client, role.get_absolute_url())
    comment = Comment.objects.get()
    editor_client.post(
        "/admin/visitors/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )
    assert "Fiche très claire." in page(client, role.get_absolute_url())
