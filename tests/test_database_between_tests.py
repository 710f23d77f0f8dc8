"""What a test that commits leaves behind is put back as migrated (tests/database.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from roles.models import Role
from roles.referentials.models import RomeCode

from . import database

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_tables_written_to_are_put_back_as_migrated(fixture_sheets):
    get_user_model().objects.create_user("lectrice")
    Role.objects.filter(slug="coo").update(title="Autre titre")
    RomeCode.objects.filter(code="M1707").delete()
    database.put_back_migrated()
    assert not Role.objects.exists() and not get_user_model().objects.exists()
    assert RomeCode.objects.filter(code="M1707").exists()
    [(_, (_, rows))] = database.read_tables(["referentials_romecode"])
    assert set(rows) == set(database.migrated["referentials_romecode"][1])


def test_a_row_added_unseen_fails_the_check():
    quote = connection.ops.quote_name
    connection.ensure_connection()
    raw = connection.connection.cursor()  # below Django's cursor, so below what notes writes
    raw.execute(f"INSERT INTO {quote('taggit_tag')} (name, slug) VALUES ('cachée', 'cachee')")
    try:
        with pytest.raises(AssertionError, match="taggit_tag"):
            database.put_back_migrated()
    finally:
        raw.execute(f"DELETE FROM {quote('taggit_tag')}")
