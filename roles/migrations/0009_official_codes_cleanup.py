"""Before the codes become foreign keys: codes the official lists lack become empty (NULL).

Apart from 0010: on PostgreSQL a migration may not alter a table after updating its rows
("pending trigger events").
"""

from django.db import migrations, models

# Role field -> (its former max_length, the official list it now refers to).
CODES = {
    "rome_code": (5, "RomeCode"),
    "isco_code": (4, "IscoGroup"),
    "esco_uri": (100, "EscoOccupation"),
    "onet_code": (10, "OnetOccupation"),
}


def keep_only_official_codes(apps, schema_editor):
    """Codes typed by hand that the lists lack (or blank ones) become empty (NULL)."""
    Role = apps.get_model("roles", "Role")
    for field, (_, list_name) in CODES.items():
        official = apps.get_model("referentials", list_name).objects.values("pk")
        Role.objects.exclude(**{f"{field}__in": official}).update(**{field: None})



class Migration(migrations.Migration):

    dependencies = [
        ('referentials', '0002_load_shipped_lists'),
        ('roles', '0008_editors_and_visitor_mail'),
    ]

    operations = [
        *[
            migrations.AlterField(
                "role", field, models.CharField(max_length=length, null=True, blank=True)
            )
            for field, (length, _) in CODES.items()
        ],
        migrations.RunPython(keep_only_official_codes, migrations.RunPython.noop),
    ]
