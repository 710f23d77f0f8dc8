"""Load the shipped copy of the lists, so that roles 0009 finds every code a sheet holds."""

from django.db import migrations

from roles.referentials import loading

MODELS = ["RomeCode", "RomeTitle", "IscoGroup", "EscoOccupation", "OnetOccupation", "Release"]


def load_lists(apps, schema_editor):
    loading.load({name: apps.get_model("referentials", name) for name in MODELS})


class Migration(migrations.Migration):

    dependencies = [
        ("referentials", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load_lists, migrations.RunPython.noop, elidable=True),
    ]
