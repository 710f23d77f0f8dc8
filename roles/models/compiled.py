"""Querysets compiled to SQL once per process, then run with other values.

On a page no cache answers, building and compiling a large queryset can cost more than the
database takes to run it (the sheet page's query, with its dozen JSON lists). A CompiledQuery
builds its `.values()` queryset once per database, with placeholder values, keeps the SQL,
and runs it again with the request's values in the placeholders' places. The rows come back
as dicts keyed by the names of `.values()`, as the database gives them: roles.models.rows
turns them into model instances.

On PostgreSQL the SQL is also a prepared statement of each connection (roles.models.prepared).
"""

import datetime
import functools

from django.db import connections

from .prepared import execute_prepared

# A moment no real row holds, to find where the compiled SQL takes the request's time.
PLACEHOLDER_MOMENT = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)


def adapted(value, connection):
    """A value as the ORM passes it to the database driver."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value


class CompiledQuery:
    """build(alias, **values) returns a `.values()` queryset; `placeholders` gives each value
    a placeholder that the compiled SQL holds as a parameter of its own."""

    def __init__(self, build, **placeholders):
        self.build = build
        self.placeholders = placeholders

    @functools.cache  # noqa: B019 - a CompiledQuery lives as long as the process
    def compiled(self, alias):
        """(sql, parameters with the name of the value each placeholder stands for, names)."""
        connection = connections[alias]
        query = self.build(alias, **self.placeholders).query
        sql, params = query.sql_with_params()
        slots = [(name, adapted(value, connection)) for name, value in self.placeholders.items()]
        parameters = [
            (next((name for name, slot in slots if same(param, slot)), None), param)
            for param in params
        ]
        missing = set(self.placeholders) - {name for name, _ in parameters}
        if missing:
            raise ValueError(f"The compiled SQL holds no parameter for {sorted(missing)}")
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, parameters, names

    def rows(self, alias, **values):
        sql, parameters, names = self.compiled(alias)
        connection = connections[alias]
        params = [
            adapted(values[name], connection) if name else param for name, param in parameters
        ]
        with connection.cursor() as cursor:
            execute_prepared(connection, cursor, sql, params)
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def same(param, placeholder):
    return type(param) is type(placeholder) and param == placeholder
