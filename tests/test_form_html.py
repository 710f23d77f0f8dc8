"""Visitor form fields written in Python (roles.forms.html) say what Django's templates say."""

import re

import pytest

from roles.forms.html import errors_html, field_group_html, label_html, widget_html
from roles.visitors.forms import CommentForm, RecruitmentRequestForm

from .factories import make_role

pytestmark = pytest.mark.django_db

INVALID_REQUEST = {"kind": "entreprise", "name": "A\nB", "email": "pas-une-adresse", "phone": "x"}
INVALID_COMMENT = {"name": "", "email": "pas-une-adresse", "text": "", "parent": "999"}


def forms_as_shown():
    """Each visitor form as a sheet or the contact page shows it: empty, then sent with errors."""
    role = make_role()
    return [
        RecruitmentRequestForm(fixed_role=role),
        RecruitmentRequestForm(INVALID_REQUEST, fixed_role=role),
        RecruitmentRequestForm(),
        RecruitmentRequestForm({**INVALID_REQUEST, "message": "Un <besoin> & « plus »"}),
        CommentForm(role=role),
        CommentForm(INVALID_COMMENT, role=role),
        CommentForm({"text": "Un texte <b>à garder</b>\net sa ligne"}, role=role),
    ]


def same_markup(html):
    """Markup compared as a browser reads it: the whitespace between tags does not count."""
    return re.sub(r">\s+<", "><", str(html).strip())


def test_every_field_is_written_as_django_writes_it():
    fields = [field for form in forms_as_shown() for field in form]
    for field in fields:
        assert same_markup(field_group_html(field)) == same_markup(field.as_field_group())
        assert widget_html(field) == str(field)
        assert str(errors_html(field)) == str(field.errors)
        assert label_html(field) == field.label_tag()


def test_a_field_in_error_is_marked_and_described_by_its_message():
    form = RecruitmentRequestForm(INVALID_REQUEST, fixed_role=make_role())
    html = field_group_html(form["email"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="recrutement_email_error"' in html
    assert '<ul class="errorlist" id="recrutement_email_error"><li>Saisissez une adresse' in html
    assert '<label for="recrutement_email">' in html


def test_what_a_visitor_typed_comes_back_escaped():
    form = CommentForm({"name": '"><script>', "text": "</textarea><script>"}, role=make_role())
    assert "<script>" not in field_group_html(form["name"]) + field_group_html(form["text"])
    assert "&lt;/textarea&gt;&lt;script&gt;" in field_group_html(form["text"])
