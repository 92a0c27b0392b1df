from django.core.management import call_command
from django.db import migrations, models

CACHE_TABLE = "lorebase_llm_cache"


def create_cache_table(apps, schema_editor) -> None:
    # The answer cache (CACHES["llm"]) is made here so that `migrate` stays the only
    # deploy step; createcachetable leaves a table that is already there alone.
    call_command(
        "createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0
    )


def drop_cache_table(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {CACHE_TABLE}")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="AskInRole",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
            ],
            options={
                "verbose_name": "ask in role",
                "verbose_name_plural": "ask in role",
                "managed": False,
                "default_permissions": (),
            },
        ),
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
