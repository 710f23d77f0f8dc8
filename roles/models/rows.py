"""Model instances made from plain rows (JSON objects, cursor rows), without the ORM's compiler.

The sheet page reads its parts from JSON arrays (sheet_page.py) and the search its cards from
SQL of its own (search.py): both turn each row into the instances the templates expect.
"""

import datetime
import functools
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def decoder(model, name):
    """How a value of this model field comes out of JSON or a cursor: dates as text or
    datetimes, booleans as 0 and 1 on SQLite, the rest as is."""
    field = model._meta.get_field(name)
    if isinstance(field, models.DateTimeField):
        return parse_moment
    if isinstance(field, models.BooleanField):
        return bool
    return None


def parse_moment(value):
    """An aware datetime of a date read without the ORM: text in JSON, a naive or aware
    datetime from a cursor."""
    moment = parse_datetime(value) if isinstance(value, str) else value
    if timezone.is_naive(moment):  # SQLite keeps UTC without an offset
        moment = timezone.make_aware(moment, datetime.UTC)
    return moment


@dataclass
class Columns:
    """Some fields of a model, each read from a lookup of a part's rows."""

    model: type
    lookups: dict  # model field (attname) -> lookup in the part's rows

    @functools.cached_property
    def decoders(self):
        """(field, decoder) in the model's order of fields, as Model.from_db() reads them."""
        names = [f.attname for f in self.model._meta.concrete_fields if f.attname in self.lookups]
        return [(name, decoder(self.model, name)) for name in names]

    def instance(self, row, db, prefix=""):
        """A model instance of these fields of a row (decoded JSON, or a cursor's row as a
        dict); None for a missing one (a null foreign key)."""
        names, values = [], []
        for name, decode in self.decoders:
            value = row[prefix + name]
            names.append(name)
            values.append(decode(value) if decode and value is not None else value)
        if values[0] is None:  # the primary key comes first: the row of a null foreign key
            return None
        return self.model.from_db(db, names, values)
