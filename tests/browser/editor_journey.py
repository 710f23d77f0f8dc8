"""The "Responsable e-commerce" creation journey, counting the editor's screens and clicks.

Clicks are every mouse click a person makes: on a link or button, into a field before typing,
to open a list and to pick in it. Screens are the pages the browser loads (a new tab counts).
"""

from dataclasses import dataclass, field

SHEET = {
    "title": "Responsable e-commerce",
    "summary": "Pilote la boutique en ligne\u00a0: catalogue, trafic, conversion et logistique.",
    "alternative_titles": "Responsable e-commerce\nE-commerce manager",
    "introduction": "Le ou la responsable e-commerce fait vivre la boutique en ligne.\n\n"
    "Il ou elle répond des ventes en ligne.",
    "missions": [
        "Définir la feuille de route de la boutique en ligne et la suivre chaque semaine",
        "Animer le catalogue et les promotions avec les équipes produit et marketing",
        "Suivre le trafic, la conversion et le panier moyen, et en rendre compte",
    ],
    "skills": ["Analyse de données", "Gestion de projet", "Stratégie marketing"],
    "training": [("bac5", "business"), ("bac5", "engineering")],
    "incoming": "Chef de projet e-commerce",
    "outgoing": "Directeur du digital",
    "salaries": [("hiring", "45000"), ("confirmed", "60000"), ("senior", "75000")],
    "sector": "E-commerce",
    "tags": "digital, vente en ligne",
}


@dataclass
class Editor:
    """A page driven like a person would, counting what that person does."""

    page: object
    clicks: int = 0
    screens: int = 0
    log: list = field(default_factory=list)

    def __post_init__(self):
        self.page.on("load", lambda _: self._screen())

    def _screen(self):
        self.screens += 1

    def click(self, locator, why=""):
        self.clicks += 1
        self.log.append(why)
        locator.click()

    def type(self, locator, text):
        self.click(locator, "focus")
        locator.fill(text)

    def choose(self, locator, value):
        """A native select: one click opens it, one picks the option."""
        self.clicks += 2
        locator.select_option(value)

    def autocomplete(self, select_id, text):
        """Django's autocomplete (select2): open, type, pick the suggestion."""
        page = self.page
        self.click(page.locator(f"#{select_id} + .select2 .select2-selection"), "open")
        page.locator(".select2-container--open .select2-search__field").fill(text)
        option = page.locator(".select2-results__option", has_text=text).first
        self.click(option, "pick")


def add_row(editor, prefix):
    """The inline's "add another" link; returns the new row's index."""
    page = editor.page
    index = int(page.locator(f"#id_{prefix}-TOTAL_FORMS").input_value())
    editor.click(page.locator(f"#{prefix}-group .add-row a"), f"add {prefix}")
    return index


def fill_order_if_typed(editor, prefix, index):
    """Before drag and drop, an editor typed each row's order number."""
    order = editor.page.locator(f"#id_{prefix}-{index}-order")
    if order.count() and order.is_visible():
        editor.type(order, str(index + 1))


def fill_new_sheet(editor):
    """Every part of the "Responsable e-commerce" sheet, on the add form."""
    page = editor.page
    editor.type(page.locator("#id_title"), SHEET["title"])
    editor.type(page.locator("#id_alternative_titles"), SHEET["alternative_titles"])
    editor.choose(page.locator("#id_family"), label_value(page, "#id_family", "Commercial"))
    editor.type(page.locator("#id_summary"), SHEET["summary"])
    editor.type(page.locator("#id_introduction"), SHEET["introduction"])
    for text in SHEET["missions"]:
        i = add_row(editor, "missions")
        fill_order_if_typed(editor, "missions", i)
        editor.type(page.locator(f"#id_missions-{i}-text"), text)
    for name in SHEET["skills"]:
        i = add_row(editor, "role_skills")
        fill_order_if_typed(editor, "role_skills", i)
        editor.autocomplete(f"id_role_skills-{i}-skill", name)
    for level, institution in SHEET["training"]:
        i = add_row(editor, "training_paths")
        fill_order_if_typed(editor, "training_paths", i)
        editor.choose(page.locator(f"#id_training_paths-{i}-level"), level)
        editor.choose(page.locator(f"#id_training_paths-{i}-institution"), institution)
    i = add_row(editor, "incoming_moves")
    editor.type(page.locator(f"#id_incoming_moves-{i}-from_title"), SHEET["incoming"])
    i = add_row(editor, "outgoing_moves")
    editor.type(page.locator(f"#id_outgoing_moves-{i}-to_title"), SHEET["outgoing"])
    for experience, amount in SHEET["salaries"]:
        i = add_row(editor, "salaries")
        fill_order_if_typed(editor, "salaries", i)
        editor.choose(page.locator(f"#id_salaries-{i}-experience"), experience)
        editor.type(page.locator(f"#id_salaries-{i}-amount_typical"), amount)
    editor.autocomplete("id_sectors", SHEET["sector"])
    editor.type(page.locator("#id_tags"), SHEET["tags"])


def label_value(page, select, label):
    return page.locator(f"{select} option", has_text=label).first.get_attribute("value")
