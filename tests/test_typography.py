"""French typography on everything a visitor reads: the site's text and the editors'."""

import re
from html.parser import HTMLParser

import pytest

from roles.rendering import render_markdown
from roles.typography import NBSP, NNBSP, french, french_html, french_markdown, french_template

from .factories import make_role
from .pages import PAGE_TYPES

# Each fault, with what it looks like in the text a person reads.
FAULTS = {
    "ordinary space before ; ! ?": re.compile(r"[ \u00a0][;!?]"),
    "ordinary space before :": re.compile(r"[ \u202f]:"),
    "no space before ; ! ?": re.compile(r"[^\s\u202f;!?(«\[][;!?](?![\w=])"),
    "ordinary space after «": re.compile(r"«(?!\u202f)"),
    "ordinary space before »": re.compile(r"(?<!\u202f)»"),
    "space before a comma or a period": re.compile(r"\s[,.](?![\w.])"),
    "straight apostrophe": re.compile("'"),
    "ordinary space before % or €": re.compile(r"[ \u202f][%€]"),
    "placeholder left by the typography": re.compile("[\ue000-\uf8ff]"),
    "zero of something": re.compile(
        r"(?<![\d,])\b0\s+(?:résultat|fiche|métier|compétence|commentaire)"
    ),
    "one, with a plural": re.compile(r"(?<![\d,])\b1\s+(?:fiches|résultats|métiers|compétences)\b"),
}
SKIPPED = {"script", "style", "code", "pre", "textarea"}
READ_ATTRIBUTES = {"aria-label", "alt", "title", "placeholder"}
INLINE = set(
    "a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup"
    " time u var".split()
)


class ReadText(HTMLParser):
    """The text a person reads: text nodes (not code) and the attributes read aloud."""

    def __init__(self):
        super().__init__()
        self.pieces, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        read = [attributes[name] for name in READ_ATTRIBUTES if attributes.get(name)]
        if tag == "meta" and attributes.get("name") == "description":
            read.append(attributes.get("content") or "")
        self.pieces += [f"\n{text}\n" for text in read]
        if tag in SKIPPED:
            self.skipping += 1
            self.pieces.append("CODE")
        elif tag not in INLINE:
            self.pieces.append("\n")

    def handle_endtag(self, tag):
        self.skipping -= tag in SKIPPED
        if tag not in INLINE:
            self.pieces.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(data)


def read_text(html):
    parser = ReadText()
    parser.feed(html)
    return "".join(parser.pieces)


def faults_in(text):
    found = []
    for name, pattern in FAULTS.items():
        for match in pattern.finditer(text):
            found.append(f"{name}: …{text[max(0, match.start() - 30) : match.end() + 20]!r}…")
    return found


def test_the_scanner_sees_each_fault():
    for text in ["Lien : ici", "Oui ?", "Oui?", "« a»", "a , b", "l'a", "5 %", "0 fiches"]:
        assert faults_in(text), text
    assert faults_in("1 fiches")
    assert not faults_in(french("Lien : ici ; oui ? « a » 5 % l'équipe , fin ."))


def test_every_page_type_reads_in_french_typography(client, fixture_sheets):
    faults = {
        name: faults_in(read_text(client.get(url).content.decode()))
        for name, url in PAGE_TYPES.items()
    }
    assert {name: found for name, found in faults.items() if found} == {}


def test_forms_shown_with_their_errors_read_in_french_typography(client, fixture_sheets):
    pages = [
        client.post("/contact/", {}, HTTP_SEC_FETCH_SITE="same-origin"),
        client.post("/metiers/coo/commentaires/", {}, HTTP_SEC_FETCH_SITE="same-origin"),
        client.get("/recherche/?q=zzzzqqq"),
        client.get("/metiers/?famille=direction-generale&niveau=bac5"),
    ]
    for response in pages:
        assert faults_in(read_text(response.content.decode())) == [], response.request["PATH_INFO"]


@pytest.mark.django_db
def test_editors_text_is_saved_with_french_typography(client):
    role = make_role(
        title="Directeur d'usine",
        summary="Il dirige l'usine : production , qualité ; sécurité !",
        introduction="Le **métier** d'aujourd'hui : « piloter » 90 % du site. Voir "
        "[l'offre](https://exemple.fr/a:b) et `code : x`.",
    )
    role.refresh_from_db()
    assert role.title == "Directeur d’usine"
    assert role.summary == (
        f"Il dirige l’usine{NBSP}: production, qualité{NNBSP}; sécurité{NNBSP}!"
    )
    assert "(https://exemple.fr/a:b)" in role.introduction and "`code : x`" in role.introduction
    html = client.get(role.get_absolute_url()).content.decode()
    assert faults_in(read_text(html)) == []
    assert f"«{NNBSP}piloter{NNBSP}» 90{NBSP}%" in read_text(html)


def test_rules_leave_addresses_code_and_tags_alone():
    assert french("Écrivez à contact@promel.fr : https://promel.fr/a?b=1;c ou 10:30") == (
        f"Écrivez à contact@promel.fr{NBSP}: https://promel.fr/a?b=1;c ou 10:30"
    )
    assert french_html('(<a href="https://www.cnil.fr/">www.cnil.fr</a>) :') == (
        f'(<a href="https://www.cnil.fr/">www.cnil.fr</a>){NBSP}:'
    )
    html = '<a href="/x?a=1" title="l\'offre : oui">Voir :</a> <code>a : b</code>'
    assert (
        french_html(html)
        == f'<a href="/x?a=1" title="l\'offre : oui">Voir{NBSP}:</a> <code>a : b</code>'
    )
    source = (
        "{% url 'a' as b %}{{ n }} % d'accord{% if x %} ,{% endif %} <script>a = 'b : c';</script>"
    )
    assert french_template(source) == (
        f"{{% url 'a' as b %}}{{{{ n }}}}{NBSP}% d’accord{{% if x %}},{{% endif %}} "
        "<script>a = 'b : c';</script>"
    )
    assert french_markdown("```\na : b\n```\n[l'a](https://x.fr/y'z)") == (
        "```\na : b\n```\n[l’a](https://x.fr/y'z)"
    )


def test_rules_are_idempotent():
    text = "Oui ?! « Promel » : 45 000 € , soit 10 % ; l'équipe."
    assert french(french(text)) == french(text)


def test_markdown_of_corrected_text_keeps_its_spaces():
    html = render_markdown(french_markdown("## Le rôle : piloter\n\nPourquoi ? Parce que."))
    assert "Le rôle&nbsp;: piloter</h4>" in html and f"Pourquoi{NNBSP}?" in html
