# A search excerpt comes from the summary when it holds the query (roles/models/search.py).

import django.contrib.postgres.search
from django.db import migrations

from roles.models.search import refresh_search_columns


def index_summaries(apps, schema_editor):
    refresh_search_columns(apps.get_model("roles", "Role").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0014_role_family_sort_title"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="search_summary_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(index_summaries, migrations.RunPython.noop),
    ]
