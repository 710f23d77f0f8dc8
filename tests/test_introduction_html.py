"""The sheet shows its introduction rendered once per save, kept in step with the Markdown."""

import pytest
from django.core import serializers

from roles.models import Role
from roles.rendering import render_markdown

from .factories import make_role

pytestmark = pytest.mark.django_db


def stored_html(role):
    return Role.objects.values_list("introduction_html", flat=True).get(pk=role.pk)


def test_each_save_renders_the_introduction_again(client):
    role = make_role(introduction="Du **gras**.")
    role.introduction = "De l’*italique*."
    role.save()
    assert stored_html(role) == render_markdown("De l’*italique*.")
    assert "<em>italique</em>" in client.get(role.get_absolute_url()).content.decode()


def test_the_fixture_sheets_are_loaded_with_their_rendered_introductions(fixture_sheets):
    for role in fixture_sheets:
        assert role.introduction_html and role.introduction_html == render_markdown(
            role.introduction
        )


def test_a_raw_save_renders_it_too():
    """loaddata and revision restores save raw: the HTML follows the Markdown they bring."""
    role = make_role(introduction="Avant.")
    data = serializers.serialize("json", [role])
    role.introduction = "*Après*."
    role.save()
    for restored in serializers.deserialize("json", data):
        restored.save()
    assert stored_html(role) == render_markdown("Avant.")
