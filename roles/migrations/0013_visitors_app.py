"""Recruitment requests, comments and their records move to the visitors app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0012_french_typography"),
    ]

    # The tables stay: the visitors app takes these models over with the same tables
    # (visitors 0001). Only Django's idea of where the models live changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="comment",
                    name="parent",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="role",
                ),
                migrations.DeleteModel(
                    name="ErasureLog",
                ),
                migrations.DeleteModel(
                    name="MailedAddress",
                ),
                migrations.DeleteModel(
                    name="ModerationSettings",
                ),
                migrations.RemoveField(
                    model_name="recruitmentrequest",
                    name="role",
                ),
                migrations.RemoveField(
                    model_name="requestnote",
                    name="request",
                ),
                migrations.RemoveField(
                    model_name="requestnote",
                    name="author",
                ),
                migrations.DeleteModel(
                    name="Comment",
                ),
                migrations.DeleteModel(
                    name="RecruitmentRequest",
                ),
                migrations.DeleteModel(
                    name="RequestNote",
                ),
            ],
        ),
    ]
