"""Codes tying a sheet to the reference taxonomies: formats, names and public pages."""

from typing import NamedTuple

from django.core.validators import RegexValidator

rome_validator = RegexValidator(
    r"^[A-N][0-9]{4}\Z",
    "Un code ROME est une lettre de A à N suivie de quatre chiffres, par exemple M1707.",
)
isco_validator = RegexValidator(
    r"^[0-9]{4}\Z",
    "Un code CITP/ISCO-08 de groupe de base compte quatre chiffres, par exemple 1221.",
)
esco_validator = RegexValidator(
    r"^http://data\.europa\.eu/esco/occupation/"
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z",
    "Une URI de profession ESCO a la forme "
    "http://data.europa.eu/esco/occupation/ suivie d’un identifiant (UUID en minuscules).",
)
onet_validator = RegexValidator(
    r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z",
    "Un code O*NET-SOC a la forme 11-2022.00.",
)


class CodeSet(NamedTuple):
    field: str
    name: str
    label: str
    url: str  # the code set itself; empty when no stable address is known
    page: str  # public page of one code, "{code}" filled in; empty when there is none


# Only patterns known to lead to a public page are linked: the ESCO URI resolves to
# its own page and O*NET OnLine has a stable summary address per code. The ROME and
# ISCO-08 codes are shown without a link.
CODE_SETS = [
    CodeSet("rome_code", "ROME 4.0", "Code ROME", "", ""),
    CodeSet(
        "isco_code",
        "ISCO-08",
        "Code CITP (ISCO-08)",
        "https://www.ilo.org/public/english/bureau/stat/isco/isco08/",
        "",
    ),
    CodeSet("esco_uri", "ESCO", "Profession ESCO", "https://esco.ec.europa.eu/", "{code}"),
    CodeSet(
        "onet_code",
        "O*NET-SOC",
        "Code O*NET-SOC",
        "https://www.onetcenter.org/taxonomy.html",
        "https://www.onetonline.org/link/summary/{code}",
    ),
]


class Code(NamedTuple):
    code_set: CodeSet
    value: str

    @property
    def url(self):
        page = self.code_set.page
        return page.format(code=self.value) if page else ""


def codes_of(role):
    """The codes a sheet carries, in a fixed order."""
    return [
        Code(code_set, getattr(role, code_set.field))
        for code_set in CODE_SETS
        if getattr(role, code_set.field)
    ]
