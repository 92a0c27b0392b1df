"""Trigram indexes on the names of characters, locations and concepts.

consistency.rules.near_duplicate_names joins each table to itself on
`a.name % b.name`; with these GIN indexes every name is one index probe
instead of a comparison with every other name of the world. (The search
app's trigram indexes cover names and aliases together, another expression.)

fastupdate is off: after a bulk write (a generated or imported world) the
entries would wait in the index's pending list, which every probe reads whole,
until a vacuum; writes pay a little instead.
"""

from django.db import migrations

TABLES = ("lorebase_character", "lorebase_location", "lorebase_concept")


def _name_index(table: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f"CREATE INDEX {table}_name_trgm ON {table} USING gin (name gin_trgm_ops) "
        "WITH (fastupdate = off);",
        f"DROP INDEX {table}_name_trgm;",
    )


class Migration(migrations.Migration):
    # The search app's first migration creates the pg_trgm extension.
    dependencies = [("consistency", "0001_initial"), ("search", "0001_search_vectors")]

    operations = [_name_index(table) for table in TABLES]
