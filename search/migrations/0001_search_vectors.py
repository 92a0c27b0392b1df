"""Full-text and trigram search over the lorebase tables.

Each searchable table gets a stored `search_vector` (a generated column, so
`bulk_create` and every other writer keep it current without code) with a GIN
index, and a GIN trigram index over its names and aliases. The vector holds
the English, Russian and `simple` forms of each word: a query in the world's
language config finds stemmed forms, and its `simple` form finds words a
stemmer would mangle (names). The model classes do not declare the column;
only search.text reads it.
"""

from django.db import migrations

# Immutable wrappers: array_to_string() is only STABLE, and index and
# generated-column expressions must be IMMUTABLE.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION search_names(name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), '') $$;
CREATE OR REPLACE FUNCTION search_vector(doc text, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(
        to_tsvector('english'::regconfig, coalesce(doc, ''))
        || to_tsvector('russian'::regconfig, coalesce(doc, ''))
        || to_tsvector('simple'::regconfig, coalesce(doc, '')), weight) $$;
"""
DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS search_vector(text, "char");
DROP FUNCTION IF EXISTS search_names(text, text[]);
"""
NAMED = ("lorebase_character", "lorebase_location", "lorebase_concept")
VECTORS = {
    **{
        table: "search_vector(search_names(name, aliases), 'A') || search_vector(description, 'C')"
        for table in NAMED
    },
    "lorebase_scene": "search_vector(title, 'A') || search_vector(summary, 'B') "
    "|| search_vector(text, 'C')",
}


def _vector_sql(table: str, expression: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED; "
        f"CREATE INDEX {table}_search_vector ON {table} USING gin (search_vector);",
        f"ALTER TABLE {table} DROP COLUMN search_vector;",
    )


def _trigram_sql(table: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f"CREATE INDEX {table}_search_names ON {table} "
        "USING gin (search_names(name, aliases) gin_trgm_ops);",
        f"DROP INDEX {table}_search_names;",
    )


class Migration(migrations.Migration):
    dependencies = [("lorebase", "0002_restrict_references")]

    operations = [
        # Left in place on reverse: other databases objects may use the extension.
        migrations.RunSQL("CREATE EXTENSION IF NOT EXISTS pg_trgm;", migrations.RunSQL.noop),
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        *(_vector_sql(table, expression) for table, expression in VECTORS.items()),
        *(_trigram_sql(table) for table in NAMED),
    ]
