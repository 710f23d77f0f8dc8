"""Moving what visitors send into its own app keeps every row, table and permission."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("roles", "0012_french_typography"), ("visitors", None)]
AFTER = [("roles", "0013_visitors_app"), ("visitors", "0001_initial")]


def migrate(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    applied = [target for target in targets if target[1]]
    return executor.loader.project_state(applied).apps


@pytest.fixture
def back_to_the_latest_migrations():
    """The next tests of this process find the database as migrated."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_migrations")
def test_requests_comments_and_recruiters_grants_survive_the_move():
    old = migrate(BEFORE)
    family = old.get_model("roles", "Family").objects.create(name="CRM", slug="crm")
    role = old.get_model("roles", "Role").objects.create(
        title="Chef de projet CRM", slug="crm", family=family
    )
    old.get_model("roles", "Comment").objects.create(role=role, name="A", email="a@example.fr")
    old.get_model("roles", "RecruitmentRequest").objects.create(
        kind="entreprise", name="B", email="b@example.fr", consent_at="2026-01-01T00:00Z"
    )
    content_types = old.get_model("contenttypes", "ContentType").objects
    content_types.filter(app_label="visitors").delete()  # a database of before knows no such app
    request_type, _ = content_types.get_or_create(app_label="roles", model="recruitmentrequest")
    permission, _ = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=request_type, codename="view_recruitmentrequest", defaults={"name": "Voir"}
    )
    group = old.get_model("auth", "Group").objects.create(name="Recruteurs d'avant")
    group.permissions.add(permission)

    new = migrate(AFTER)

    assert new.get_model("visitors", "Comment").objects.get().role.slug == "crm"
    assert new.get_model("visitors", "RecruitmentRequest").objects.get().name == "B"
    kept = new.get_model("auth", "Group").objects.get(name="Recruteurs d'avant").permissions.get()
    assert (kept.content_type.app_label, kept.codename) == ("visitors", "view_recruitmentrequest")
