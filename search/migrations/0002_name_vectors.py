"""A second, smaller full-text vector per searchable table: the name and aliases
(a scene's title) alone, with its GIN index.

search.text takes the rows it ranks from the words matched in the name first,
as the ranking weighs them most: the index answers that without reading the rows.
"""

from django.db import migrations

NAMED = ("lorebase_character", "lorebase_location", "lorebase_concept")
VECTORS = {
    **{table: "search_vector(search_names(name, aliases), 'A')" for table in NAMED},
    "lorebase_scene": "search_vector(title, 'A')",
}


def _vector_sql(table: str, expression: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f"ALTER TABLE {table} ADD COLUMN name_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED; "
        f"CREATE INDEX {table}_name_vector ON {table} USING gin (name_vector);",
        f"ALTER TABLE {table} DROP COLUMN name_vector;",
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_vectors")]

    operations = [_vector_sql(table, expression) for table, expression in VECTORS.items()]
