"""The editors' and recruiters' screens tell the truth and keep what people type."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from roles.models import Mission, Role
from roles.text_input import normalised, pasted_lists_as_markdown
from roles.visitors.models import Comment, RecruitmentRequest

from .admin_forms import change_url, edit, submitted_data
from .factories import make_comment, make_draft, make_request, make_role, make_skill

pytestmark = pytest.mark.django_db

# Lists as they arrive in a textarea, copied from real documents (tabs and no-break spaces kept).
PASTED_FROM_WORD = (
    "Ses missions\u00a0:\r\n•\tPiloter les opérations\r\n•\tSuivre les coûts\r\nEnsuite…"
)
PASTED_FROM_GOOGLE_DOCS = "Étapes\n1.\tAnalyser l’existant\n2.\tDécider\n"
PASTED_FROM_AN_EMAIL = (
    "Au choix\u00a0:\n– le «\u202fmarketing\u202f»\n– la vente\n\na) d’abord\nb) ensuite"
)


def test_pasted_lists_become_markdown_lists_with_quotes_and_spaces_kept():
    assert pasted_lists_as_markdown(PASTED_FROM_WORD) == (
        "Ses missions\u00a0:\n\n- Piloter les opérations\n- Suivre les coûts\n\nEnsuite…"
    )
    assert pasted_lists_as_markdown(PASTED_FROM_GOOGLE_DOCS) == (
        "Étapes\n\n1. Analyser l’existant\n2. Décider\n"
    )
    assert pasted_lists_as_markdown(PASTED_FROM_AN_EMAIL) == (
        "Au choix\u00a0:\n\n- le «\u202fmarketing\u202f»\n- la vente\n\n1. d’abord\n2. ensuite"
    )


def test_text_is_normalised_but_markdown_and_no_break_spaces_are_kept():
    assert normalised("Un  \r\ndeux\t\r\n\r\ntrois\u00a0!") == "Un\ndeux\n\ntrois\u00a0!"
    already_markdown = "Intro\n\n- un\n- deux\n\n1. trois"
    assert pasted_lists_as_markdown(already_markdown) == already_markdown


def test_an_introduction_pasted_from_word_is_stored_as_a_markdown_list(editor_client):
    role = make_role()
    edit(editor_client, role, introduction=PASTED_FROM_WORD)
    role.refresh_from_db()
    assert "\n\n- Piloter les opérations\n- Suivre les coûts\n\n" in role.introduction


def test_a_new_mission_goes_last(editor_client):
    role = make_role()
    for order, text in enumerate(["Première", "Deuxième"], start=1):
        Mission.objects.create(role=role, text=text, order=order)
    data = submitted_data(editor_client.get(change_url(role)))
    data.update({"missions-TOTAL_FORMS": "3", "missions-2-text": "Troisième"})
    data.update({"missions-2-scope": "core", "missions-2-order": "0"})
    editor_client.post(change_url(role), data)
    assert list(role.missions.values_list("text", flat=True)) == [
        "Première",
        "Deuxième",
        "Troisième",
    ]


def test_a_duplicate_skill_is_named_in_french(editor_client):
    role, skill = make_role(), make_skill(name="Négociation")
    rows = {"role_skills-TOTAL_FORMS": "2"}
    for i in range(2):
        rows.update({f"role_skills-{i}-skill": skill.pk, f"role_skills-{i}-weight": "essential"})
    data = {**submitted_data(editor_client.get(change_url(role))), **rows}
    html = editor_client.post(change_url(role), data).content.decode()
    assert (
        "Deux lignes ont la même valeur dans «\u202fcompétence\u202f»\u00a0: gardez-en une seule."
        in html
    )
    summary = re.sub(r"<[^>]+>", "", html.split('id="error-summary"')[1].split("</div>")[0])
    assert "skill" not in summary and "Cette ligne répète une autre ligne." in summary


def test_a_failed_save_lists_each_error_with_a_link_to_its_field(editor_client):
    role = make_role()
    data = {**submitted_data(editor_client.get(change_url(role))), "summary": ""}
    data.update({"salaries-TOTAL_FORMS": "1", "salaries-0-experience": "hiring"})
    data.update({"salaries-0-period": "year", "salaries-0-currency": "EUR"})
    html = editor_client.post(change_url(role), data).content.decode()
    assert "2 erreurs empêchent l’enregistrement" in html
    assert '<a href="#id_summary">Résumé\u00a0: Ce champ est obligatoire.</a>' in html
    assert '<a href="#id_salaries-0-amount_typical">Salaire n° 1, habituel' in html
    assert "Corrigez les erreurs ci-dessous" not in html


def test_the_form_follows_the_page_with_a_table_of_contents(editor_client):
    html = editor_client.get(reverse("admin:roles_role_add")).content.decode()
    toc = html.split('id="form-toc-heading"')[1].split("</nav>")[0]
    titles = ["Présentation", "Missions", "Compétences requises", "Formations", "Salaires"]
    titles += ["Secteurs et étiquettes", "Fiches liées", "Référentiels", "Publication"]
    positions = [toc.index(f">{title}</a>") for title in titles]
    assert positions == sorted(positions)
    assert html.index('id="missions-group"') < html.index('id="fieldset-0-5-heading"')


def test_publishing_a_future_sheet_says_that_it_stays_scheduled(editor_client):
    later = make_draft(title="Responsable e-commerce", published_at=timezone.now() + timedelta(3))
    now = make_draft()
    url = reverse("admin:roles_role_changelist")
    response = editor_client.post(
        url, {"action": "publish", "_selected_action": [later.pk, now.pk]}, follow=True
    )
    html = response.content.decode()
    assert "1 fiche publiée." in html
    assert "«\u202fResponsable e-commerce\u202f» reste programmée\u00a0: elle paraîtra le" in html
    assert Role.objects.get(pk=later.pk).state == "Programmée"


def test_unsaved_edits_are_previewed_as_the_public_page_without_being_saved(editor_client):
    role = make_role(title="Directeur commercial")
    data = {**submitted_data(editor_client.get(change_url(role))), "title": "Nouveau titre"}
    url = reverse("admin:roles_role_unsaved_preview", args=[role.pk])
    html = editor_client.post(url, data).content.decode()
    assert "<h1" in html and "Nouveau titre" in html and "Rien n’est encore enregistré" in html
    role.refresh_from_db()
    assert role.title == "Directeur commercial"


def test_a_never_saved_sheet_can_be_previewed(editor_client):
    add = editor_client.get(reverse("admin:roles_role_add"))
    data = {**submitted_data(add), "title": "Responsable e-commerce"}
    data.update({"slug": "responsable-e-commerce", "summary": "La boutique en ligne."})
    data["family"] = str(make_role().family_id)
    html = editor_client.post(reverse("admin:roles_role_unsaved_preview"), data).content.decode()
    assert "Responsable e-commerce" in html and "Aperçu" in html
    assert not Role.objects.filter(slug="responsable-e-commerce").exists()


def test_a_status_change_in_the_form_is_a_contact(editor_client):
    lead = make_request(status=RecruitmentRequest.Status.NEW)
    RecruitmentRequest.objects.filter(pk=lead.pk).update(
        last_contact_at=timezone.now() - timedelta(days=400)
    )
    url = reverse("admin:visitors_recruitmentrequest_change", args=[lead.pk])
    data = {**submitted_data(editor_client.get(url)), "status": "en_cours"}
    assert editor_client.post(url, data).status_code == 302
    lead.refresh_from_db()
    assert timezone.now() - lead.last_contact_at < timedelta(minutes=1)


def test_the_visitors_own_words_are_read_only(editor_client):
    lead = make_request()
    url = reverse("admin:visitors_recruitmentrequest_change", args=[lead.pk])
    form = editor_client.get(url).context["adminform"].form
    assert "message" not in form.fields and "email" not in form.fields


def test_tags_keep_the_order_typed_without_quotes_and_are_suggested(editor_client):
    role = make_role()
    edit(editor_client, role, tags="vente en ligne, digital, Marketing")
    shown = editor_client.get(change_url(role)).content.decode()
    assert 'value="vente en ligne, digital, Marketing"' in shown
    assert '<datalist id="tag-suggestions">' in shown and '<option value="digital">' in shown
    assert [tag.name for tag in role.tags.order_by("taggit_taggeditem_items__pk")] == [
        "vente en ligne",
        "digital",
        "Marketing",
    ]


def test_tags_are_named_in_french_in_the_admin(editor_client):
    for url in (reverse("admin:index"), reverse("admin:taggit_tag_add")):
        html = editor_client.get(url).content.decode()
        assert "Étiquettes" in html
        for english in ("Taggit", ">Tags<", "Slug"):
            assert english not in html, (url, english)


def test_moderators_approve_in_one_click_and_see_the_parent_by_author(editor_client):
    role = make_role()
    parent = make_comment(
        role, name="Julie", text="Quel salaire pour un premier poste de COO\u202f?"
    )
    reply = make_comment(role, parent=parent, name="Marc", status=Comment.Status.PENDING)
    changelist = reverse("admin:visitors_comment_changelist")
    html = editor_client.get(changelist).content.decode()
    moderate = reverse("admin:visitors_comment_moderate", args=[reply.pk])
    assert f'formaction="{moderate}" name="statut" value="approuve"' in html
    assert "Julie\u00a0: «\u202fQuel salaire pour un premier poste de COO…\u202f»" in html

    response = editor_client.post(
        moderate, {"statut": "approuve"}, HTTP_REFERER="http://testserver" + changelist
    )
    assert response.status_code == 302 and response.url == "http://testserver" + changelist
    reply.refresh_from_db()
    assert reply.status == Comment.Status.APPROVED
    form = editor_client.get(reverse("admin:visitors_comment_change", args=[reply.pk]))
    assert "Julie\u00a0: «\u202fQuel salaire" in form.content.decode()


def test_recruiters_notes_are_a_dated_log_signed_by_their_author(editor_client, editor):
    lead = make_request()
    url = reverse("admin:visitors_recruitmentrequest_change", args=[lead.pk])
    for text in ("Appelée le matin\u00a0: rappeler jeudi.", "Rendez-vous fixé."):
        data = submitted_data(editor_client.get(url))
        data.update({"notes-TOTAL_FORMS": str(lead.notes.count() + 1)})
        data[f"notes-{lead.notes.count()}-text"] = text
        assert editor_client.post(url, data).status_code == 302
    notes = list(lead.notes.all())
    assert [note.text for note in notes] == [
        "Appelée le matin\u00a0: rappeler jeudi.",
        "Rendez-vous fixé.",
    ]
    assert {note.author for note in notes} == {editor}
    form = editor_client.get(url)
    html = form.content.decode()
    assert "Appelée le matin\u00a0: rappeler jeudi." in html and "redaction" in html
    assert 'name="notes-0-text"' not in html  # a note once written is never rewritten
