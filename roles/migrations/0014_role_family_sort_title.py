# The career map pages through a family's sheets in title order (SheetsByFamily).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0013_visitors_app"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="role",
            index=models.Index(fields=["family", "sort_title"], name="role_family_sort_title"),
        ),
    ]
