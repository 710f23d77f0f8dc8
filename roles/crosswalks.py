"""Codes tying a sheet to the official lists: their code sets, messages and public pages."""

from typing import NamedTuple

# A code the official list does not hold (ForeignKey's "invalid" message).
UNKNOWN = {
    "rome_code": "Le code ROME %(value)s n’existe pas dans le ROME 4.0 : "
    "choisissez-le dans la liste.",
    "isco_code": "Le code CITP (ISCO-08) %(value)s n’est pas un groupe de base de la "
    "classification : choisissez-le dans la liste.",
    "esco_uri": "L’URI %(value)s n’est pas une profession ESCO : choisissez-la dans la liste.",
    "onet_code": "Le code O*NET-SOC %(value)s n’existe pas dans la taxonomie O*NET-SOC 2019 : "
    "choisissez-le dans la liste.",
}


class CodeSet(NamedTuple):
    field: str
    name: str  # the code set as JSON-LD names it (inCodeSet)
    label: str
    url: str  # the code set itself; empty when no stable address is known


CODE_SETS = [
    CodeSet(
        "rome_code",
        "ROME 4.0",
        "Code ROME 4.0",
        "",  # no stable address known for the list itself; each code has its page
    ),
    CodeSet(
        "isco_code",
        "ISCO-08",
        "Code CITP (ISCO-08)",
        "https://www.ilo.org/public/english/bureau/stat/isco/isco08/",
    ),
    CodeSet("esco_uri", "ESCO", "Profession ESCO", "https://esco.ec.europa.eu/"),
    CodeSet(
        "onet_code", "O*NET-SOC 2019", "Code O*NET-SOC", "https://www.onetcenter.org/taxonomy.html"
    ),
]
CODE_FIELDS = [code_set.field for code_set in CODE_SETS]


class Code(NamedTuple):
    code_set: CodeSet
    entry: object  # the row of the official list: RomeCode, IscoGroup...

    @property
    def value(self):
        return self.entry.pk

    @property
    def label(self):
        return self.entry.label

    @property
    def url(self):
        return self.entry.url

    @property
    def link_text(self):
        """What the sheet links: the code, or the label where the code is a long URI."""
        return self.label if self.code_set.field == "esco_uri" else self.value

    @property
    def caption_language(self):
        """O*NET's titles are English: marked so for screen readers."""
        return "en" if self.code_set.field == "onet_code" else ""

    @property
    def caption(self):
        """The official label written beside the linked code, when the link is the code."""
        return "" if self.code_set.field == "esco_uri" else self.label


def codes_of(role):
    """The codes a sheet carries, in a fixed order, with their official rows."""
    return [
        Code(code_set, getattr(role, code_set.field))
        for code_set in CODE_SETS
        if getattr(role, f"{code_set.field}_id")
    ]
