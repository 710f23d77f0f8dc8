"""The database each test starts from, kept in memory once per test process.

Two copies: every table as migrated (the official lists included), taken when the test
database is created; and the rows `load_initial_content` adds, loaded once by the command itself.
A test asking for the fixture sheets gets those rows written again (0.1 s instead of 1 to 4 s
for the command). A test that commits (`transactional_db`, the live server, the browser) gets,
instead of the flush of every table Django does after it, the tables it wrote to put back as
migrated: the next test finds a database as new, the official lists included.

Which tables a test wrote to is read from the SQL itself, on every connection of every thread
(the live server's too); after putting them back, the row count of every table is checked
against the migrated copy, so a row added or removed unseen fails the test instead of leaking
into the next one.
"""

import re
import threading

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.backends.signals import connection_created
from django.test import TransactionTestCase

READ = re.compile(r"\s*(SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET|SHOW|PRAGMA)\b", re.I)
WRITE = re.compile(r'\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)
TRUNCATE = re.compile(r"\s*TRUNCATE\s+([^;]+?)(?:\s+RESTART IDENTITY)?(?:\s+CASCADE)?;?\s*$", re.I)
EVERY_TABLE = None  # what a statement none of these patterns reads may have written


class Writes:
    """The tables written to since the last `clear()`; None for "any of them"."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tables = set()

    def __call__(self, execute, sql, params, many, context):  # a Django execute wrapper
        self.note(str(sql))
        return execute(sql, params, many, context)

    def note(self, sql):
        if READ.match(sql):
            return
        written = WRITE.match(sql) or TRUNCATE.match(sql)
        with self.lock:
            if not written:
                self.tables = EVERY_TABLE
            elif self.tables is not EVERY_TABLE:
                self.tables.update(name.strip(' "') for name in written[1].split(","))

    def clear(self):
        with self.lock:
            self.tables = set()


writes = Writes()
migrated = {}  # table -> (columns, rows): the test database as `migrate` left it


def watch(sender, connection, **kwargs):
    if writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, writes)  # under any wrapper a test adds and pops


flush_setup = TransactionTestCase._fixture_setup.__func__  # Django's own, kept before


@classmethod
def fixture_setup(test_case):
    """Replaces TransactionTestCase._fixture_setup: writes are noted from here on."""
    writes.clear()
    flush_setup(test_case)


def fixture_teardown(test_case):
    """Replaces TransactionTestCase._fixture_teardown, its flush of every table."""
    assert test_case.available_apps is None and not test_case.serialized_rollback, (
        "available_apps and serialized_rollback flush the database: see tests/database.py"
    )
    assert set(test_case.databases) == {"default"}
    put_back_migrated()


def remember_migrated():
    """Called once per process, on the new test database."""
    watch(None, connection)
    connection_created.connect(watch)
    migrated.update(read_tables(connection.introspection.django_table_names(only_existing=True)))


def load_fixture_sheets():
    """What the command writes into the migrated database, loaded in a transaction undone
    (between two tests)."""
    with transaction.atomic():
        writes.clear()
        call_command("load_initial_content", verbosity=0)
        assert writes.tables is not EVERY_TABLE
        loaded = dict(read_tables(sorted(writes.tables)))
        transaction.set_rollback(True)
    return loaded


def read_tables(tables):
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            yield table, ([column[0] for column in cursor.description], cursor.fetchall())


def put_back(copy, tables):
    """Each table's rows replaced by the copy's, in one transaction (foreign keys are checked
    at its end); id sequences set after them and content types read again, as after loaddata
    (a flush inside a test resets sequences and gives content types new ids)."""
    quote = connection.ops.quote_name
    every_model = apps.get_models(include_auto_created=True)
    models = [model for model in every_model if model._meta.db_table in tables]
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
            columns, rows = copy[table]
            per_statement = max(1, 999 // len(columns))  # SQLite's oldest limit of parameters
            row = "(" + ", ".join(["%s"] * len(columns)) + ")"
            names = ", ".join(quote(column) for column in columns)
            for start in range(0, len(rows), per_statement):
                batch = rows[start : start + per_statement]
                cursor.execute(
                    f"INSERT INTO {quote(table)} ({names}) VALUES {', '.join([row] * len(batch))}",
                    [value for values in batch for value in values],
                )
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    ContentType.objects.clear_cache()  # ids a flush and a new migrate had given them


def put_back_migrated():
    """After a test that commits: the tables it wrote to, as migrated."""
    written = list(migrated) if writes.tables is EVERY_TABLE else sorted(writes.tables)
    put_back(migrated, [table for table in written if table in migrated])
    counts = row_counts(list(migrated))
    expected = {table: len(rows) for table, (_, rows) in migrated.items()}
    changed = {table for table in migrated if counts[table] != expected[table]}
    writes.clear()
    assert not changed, f"written to without an INSERT, UPDATE or DELETE seen: {changed}"


def row_counts(tables):
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))
