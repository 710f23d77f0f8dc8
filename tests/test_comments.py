"""Comments under each sheet: moderated, one level of replies, plain text only."""

import pytest

from roles.rendering import render_plain_text
from roles.visitors.models import Comment

from .factories import make_comment, make_draft, make_role
from .test_views import page
from .visitors import comment_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_rate(settings):
    settings.COMMENT_RATE = "1000/m"


def post_comment(client, role, **fields):
    return client.post(f"{role.get_absolute_url()}commentaires/", comment_data(**fields))


def test_a_sheet_shows_approved_comments_with_replies_and_their_count(client):
    role = make_role()
    thread = make_comment(role, name="Alice", text="Premier avis.")
    make_comment(role, name="Bruno", text="Réponse à Alice.", parent=thread)
    make_comment(role, name="Caché", text="En attente.", status=Comment.Status.PENDING)
    make_comment(role, name="Robot", text="Pub.", status=Comment.Status.SPAM)
    html = page(client, role.get_absolute_url())
    assert "Commentaires (2)" in html
    assert html.index("Premier avis.") < html.index("Réponse à Alice.")
    assert "En attente." not in html and "Pub." not in html
    assert thread.email not in html


def test_a_new_comment_waits_for_moderation_and_the_poster_is_told(client):
    role = make_role()
    response = post_comment(client, role)
    assert response.status_code == 302
    assert response["Location"] == role.get_absolute_url() + "#commentaires"
    assert Comment.objects.get().status == Comment.Status.PENDING
    html = page(client, role.get_absolute_url())
    assert "sera publié après relecture" in html
    assert "Très utile, merci." not in html


def test_a_known_address_never_publishes_at_once(client):
    # The finding: a comment was published at once when its address had an approved one, so
    # anyone knowing a regular's address published under any name, links included.
    role = make_role()
    make_comment(role, email="Paul@Example.com")
    post_comment(client, role, name="Promel (équipe officielle)", text="Offre : https://x.example")
    assert Comment.objects.get(text__startswith="Offre").status == Comment.Status.PENDING
    assert "https://x.example" not in page(client, role.get_absolute_url())


def test_a_reply_to_a_reply_joins_its_thread(client):
    role = make_role()
    thread = make_comment(role)
    reply = make_comment(role, parent=thread)
    post_comment(client, role, parent=str(reply.pk))
    assert Comment.objects.get(text="Très utile, merci.").parent == thread


def test_the_reply_link_presets_the_form(client):
    role = make_role()
    thread = make_comment(role, name="Alice")
    html = page(client, f"{role.get_absolute_url()}?reponse_a={thread.pk}")
    assert f'name="parent" value="{thread.pk}"' in html
    assert "En réponse à <strong>Alice</strong>" in html


def test_replying_to_a_comment_of_another_sheet_is_refused(client):
    other = make_comment(make_role())
    role = make_role()
    response = post_comment(client, role, parent=str(other.pk))
    assert response.status_code == 200
    assert "Le commentaire auquel vous répondez n’existe plus." in response.content.decode()


def test_errors_show_on_the_sheet_with_everything_kept(client):
    role = make_role()
    response = post_comment(client, role, email="pas-une-adresse", text="Mon long avis.")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide" in html
    assert "Mon long avis." in html and 'value="Paul"' in html
    assert not Comment.objects.exists()


def answer_to(client, role, **fields):
    response = post_comment(client, role, **fields)
    followed = client.get(response["Location"])
    message = [str(message) for message in followed.context["messages"]]
    return response.status_code, response["Location"], message


def test_a_repeat_is_answered_like_a_new_comment_whatever_the_address(client):
    # The finding: re-posting a published text said « déjà envoyé » only for the right address.
    role = make_role()
    make_comment(role, email="paul@example.com", text="Très utile, merci.")
    right_guess = answer_to(client, role, email="PAUL@example.com")
    wrong_guess = answer_to(client, role, email="pierre@example.com")
    assert right_guess == wrong_guess
    assert right_guess[2] == [
        "Merci, votre commentaire sera publié après relecture par notre équipe."
    ]
    # The repeat itself is not stored twice; the other address' comment waits for moderation.
    assert Comment.objects.by_email("paul@example.com").count() == 1
    assert Comment.objects.pending().by_email("pierre@example.com").count() == 1


@pytest.mark.parametrize(
    "name",
    ["Promel", "L'équipe PR0MEL", "Promel (équipe officielle)", "Le modérateur", "Ｐｒｏｍｅｌ"],
)
def test_names_imitating_the_agency_are_recognised(name):
    assert Comment(name=name).imitates_the_agency


@pytest.mark.parametrize("name", ["Paul", "Anne-Sophie Prométhée", "Émile Dupont"])
def test_ordinary_names_are_not_taken_for_the_agency(name):
    assert not Comment(name=name).imitates_the_agency


def test_no_comment_on_a_draft(client):
    role = make_draft()
    assert post_comment(client, role).status_code == 404


def test_comments_are_plain_text_with_breaks_and_nofollow_links():
    html = render_plain_text("Bonjour <b>vous</b>\nvoir https://ex.example/a?b=1&c=2.\n\nFin")
    assert "&lt;b&gt;vous&lt;/b&gt;<br>" in html
    assert (
        '<a href="https://ex.example/a?b=1&amp;c=2" rel="nofollow ugc noopener">'
        "https://ex.example/a?b=1&amp;c=2</a>." in html
    )
    assert html.endswith("<p>Fin</p>")
    assert 'href="https://www.ex.example"' in render_plain_text("www.ex.example")


def test_only_web_addresses_become_links():
    html = render_plain_text('javascript:alert(1) "onmouseover=alert(1)" data:text/html,x')
    assert "<a" not in html and "&quot;onmouseover=alert(1)&quot;" in html


def test_staff_previewing_a_draft_see_no_comment_form(editor_client):
    role = make_draft()
    html = page(editor_client, role.get_absolute_url())
    assert "Laisser un commentaire" not in html
