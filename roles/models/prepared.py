"""SQL run as prepared statements on PostgreSQL: parsed and planned once per connection.

Planning the sheet page's query took twice as long as running it. The compiled querysets
(roles.models.compiled), the search's SQL and the content version's run through
execute_prepared(); other databases run the SQL as it is.
"""

import itertools
import re
import weakref

# The statements each open PostgreSQL connection has prepared (they last as long as it):
# {connection: {sql: (statement name, names of its parameters in order)}}.
PREPARED = weakref.WeakKeyDictionary()
STATEMENT_NUMBERS = itertools.count(1)


def execute_prepared(connection, cursor, sql, params):
    """Run `sql` with its parameters (a list for %s, a dict for %(name)s); on PostgreSQL, as a
    statement the connection prepares the first time, in the same round trip as its first
    EXECUTE."""
    if connection.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    statements = PREPARED.setdefault(connection.connection, {})
    if sql in statements:
        (name, names), prepare = statements[sql], ""
    else:
        # A new name at each try: a first EXECUTE that failed may have left its statement
        # prepared.
        name = f"compiled_{next(STATEMENT_NUMBERS)}"
        statement, names = numbered(sql, params)
        prepare = f"PREPARE {name} AS {statement}; "
    values = [params[key] for key in names] if names else params
    arguments = f"({', '.join(['%s'] * len(values))})" if values else ""
    cursor.execute(f"{prepare}EXECUTE {name}{arguments}", values)
    statements[sql] = name, names


def numbered(sql, params):
    """`sql` with $1, $2… for its %s or %(name)s, as PREPARE takes it, and the names in order."""
    names = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", sql))) if isinstance(params, dict) else []
    positions = itertools.count(1)

    def number(match):
        if match[0] == "%%":
            return "%%"
        return f"${names.index(match[1]) + 1}" if match[1] else f"${next(positions)}"

    return re.sub(r"%%|%\((\w+)\)s|%s", number, sql), names
