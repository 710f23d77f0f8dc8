from django.db import migrations, models

from roles.rendering import render_markdown


def render_introductions(apps, schema_editor):
    role_model = apps.get_model("roles", "Role")
    roles = list(role_model.objects.only("introduction"))
    for role in roles:
        role.introduction_html = render_markdown(role.introduction)
    role_model.objects.bulk_update(roles, ["introduction_html"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0010_official_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="introduction_html",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(render_introductions, migrations.RunPython.noop),
    ]
