"""The restore drill: backup → an empty database → restore → rebuild → the same world.

PostgreSQL (the lore, its history and change log) and the export repository come back
byte for byte; the graph, which is not backed up, is rebuilt equal to what it was.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import git
import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from neomodel import db

from backups.services import RestoreRefused, backup_restore
from exports.services import export_worlds
from graph.rebuild import world_rebuild
from lorebase import services
from lorebase.models import Character
from tests.conftest import database_url
from worldgen.generator import counts_for_total, generate_world

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]

ROOT = Path(__file__).resolve().parents[2]
# The lore, its history and its change log: what a restore must give back unchanged.
TABLES = (
    "lorebase_world",
    "lorebase_worldmembership",
    "lorebase_chapter",
    "lorebase_location",
    "lorebase_character",
    "lorebase_scene",
    "lorebase_sceneparticipant",
    "lorebase_relation",
    "lorebase_concept",
    "lorebase_change",
    "lorebase_historicalcharacter",
    "lorebase_historicalscene",
    "auth_user",
)


def _fingerprints(cursor) -> dict[str, tuple[int, str]]:
    """Each table's row count and a digest of its rows in id order."""
    found = {}
    for table in TABLES:
        cursor.execute(
            f"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t.*::text)), '') "
            f"FROM {table} t"
        )
        found[table] = tuple(cursor.fetchone())
    return found


def _graph_contents() -> tuple[set, set]:
    nodes, _ = db.cypher_query("MATCH (n) RETURN n.uid, labels(n), n.version, n.name")
    edges, _ = db.cypher_query(
        "MATCH (a)-[r]->(b) RETURN a.uid, type(r), b.uid, r.uid, r.version, r.role"
    )
    return (
        {(uid, tuple(sorted(labels)), version, name) for uid, labels, version, name in nodes},
        {tuple(edge) for edge in edges},
    )


@pytest.fixture
def drill_database():
    name = f"drill_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _restore(args: list[str], database: str, graph_url: str, export_dir: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url({**connection.settings_dict, "NAME": database}),
        "NEO4J_BOLT_URL": graph_url,
        "EXPORT_DIR": str(export_dir),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_into_an_empty_database_with_the_graph_rebuilt(
    graph, graph_server_url, drill_database, tmp_path, settings
):
    settings.EXPORT_DIR = tmp_path / "exports"
    world = generate_world(seed=5, slug="drill", **counts_for_total(300)).world
    anya = services.entity_save(instance=Character(world=world, name="Anya Voss-Корсакова"))
    anya.description = "Keeper of the light (renamed twice)."
    services.entity_save(instance=anya)
    services.entity_delete(instance=Character.objects.filter(world=world).exclude(pk=anya.pk)[0])
    world_rebuild(world)
    export_worlds()
    before_graph = _graph_contents()
    with connection.cursor() as cursor:
        before = _fingerprints(cursor)
    assert before["lorebase_historicalcharacter"][0] >= 3  # Anya twice, and the deleted one
    head = git.Repo(settings.EXPORT_DIR).head.commit.hexsha

    call_command("backup", str(tmp_path / "backup"))
    dump = next((tmp_path / "backup").glob("lorebase-*.dump"))
    bundle = next((tmp_path / "backup").glob("exports-*.bundle"))
    db.cypher_query("MATCH (n) DETACH DELETE n")  # the graph is lost with the database

    restored_exports = tmp_path / "restored-exports"
    done = _restore(
        [str(dump), "--exports", str(bundle)], drill_database, graph_server_url, restored_exports
    )
    assert done.returncode == 0, done.stderr
    url = database_url({**connection.settings_dict, "NAME": drill_database})
    with psycopg.connect(url) as restored, restored.cursor() as cursor:
        assert _fingerprints(cursor) == before
    assert _graph_contents() == before_graph
    assert git.Repo(restored_exports).head.commit.hexsha == head
    assert not git.Repo(restored_exports).remotes

    # A second restore into the database, now full, changes nothing and says why.
    again = _restore([str(dump)], drill_database, graph_server_url, tmp_path / "elsewhere")
    assert again.returncode != 0 and "not empty" in again.stderr


def test_a_restore_is_refused_before_anything_is_touched(tmp_path):
    with pytest.raises(RestoreRefused, match="No database backup"):
        backup_restore(database=tmp_path / "missing.dump")
    (tmp_path / "x.dump").write_bytes(b"")
    with pytest.raises(RestoreRefused, match="No export bundle"):
        backup_restore(database=tmp_path / "x.dump", exports=tmp_path / "missing.bundle")
