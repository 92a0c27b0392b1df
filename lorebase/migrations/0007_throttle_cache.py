from django.core.management import call_command
from django.db import migrations

CACHE_TABLE = "lorebase_throttle_cache"


def create_cache_table(apps, schema_editor) -> None:
    # The throttle counters' table (CACHES["throttle"]), made here so that `migrate`
    # stays the only deploy step; createcachetable leaves an existing table alone.
    call_command(
        "createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0
    )


def drop_cache_table(apps, schema_editor) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {CACHE_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("lorebase", "0006_idempotent_batches")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
