"""French collation: PostgreSQL's ICU "fr-x-icu", and the same order on SQLite.

On SQLite the collation of that name is a Python comparison registered on each new
connection: letters first without accents or case (É with E), then accents, then case.
"""

from django.db.backends.signals import connection_created
from django.db.models.functions import Collate

from .search import folded

FRENCH = "fr-x-icu"


def french(field):
    """`field` sorted in French order: `order_by(french("name"))`."""
    return Collate(field, FRENCH)


def french_key(text):
    """The sort key of the French collation: "Écoute" sorts with "ecoute", before "Ténacité"."""
    return (folded(text), text.casefold(), text.swapcase())


def _compare(left, right):
    left, right = french_key(left), french_key(right)
    return (left > right) - (left < right)


def register_on_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(FRENCH, _compare)


connection_created.connect(register_on_sqlite, dispatch_uid="french-collation")
