"""Commits only on change, exactly the changed files, a summary per type; pushing."""

import subprocess

import pytest
from git import Repo
from prometheus_client import REGISTRY

from exports import repository
from exports.services import export_worlds
from lorebase import services
from lorebase.models import Character, Location, Relation
from tests.exports.conftest import commits, export, touched
from tests.factories import CharacterFactory, RelationFactory, SceneFactory, WorldFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = WorldFactory(slug="lantern-harbor")
    RelationFactory(world=world, source_character=CharacterFactory(world=world, name="Anya"))
    return world


def test_a_second_export_without_changes_makes_no_commit(world, export_dir):
    first = export(export_dir)
    assert first.commit and commits(export_dir) == 1
    again = export(export_dir)
    assert again.commit is None and commits(export_dir) == 1
    assert not Repo(export_dir).is_dirty(untracked_files=True)


def test_an_edit_commits_exactly_that_file_with_a_summary_and_the_author(
    world, export_dir, settings
):
    settings.EXPORT_GIT_AUTHOR_NAME, settings.EXPORT_GIT_AUTHOR_EMAIL = "Lore Bot", "bot@studio"
    export(export_dir)
    anya = Character.objects.get(name="Anya")
    path = next(export_dir.glob(f"lantern-harbor/characters/{anya.public_id}-anya.yaml"))
    before = path.stat().st_mtime_ns
    other = Character.objects.exclude(pk=anya.pk).first()
    other.persona = "Quiet, watchful."
    services.entity_save(instance=other)

    result = export(export_dir)
    assert touched(export_dir) == [
        f"lantern-harbor/characters/{other.public_id}-{other.name.lower().replace(' ', '-')}.yaml"
    ]
    assert result.changes == {"lantern-harbor/characters": {"changed": 1}}
    head = Repo(export_dir).head.commit
    assert head.message.startswith("Export: 0 added, 1 changed, 0 deleted\n\n")
    assert "lantern-harbor/characters: 1 changed" in head.message
    assert (head.author.name, head.author.email) == ("Lore Bot", "bot@studio")
    assert path.stat().st_mtime_ns == before  # unchanged files are not rewritten


def test_relations_live_in_their_source_file(world, export_dir):
    export(export_dir)
    relation = Relation.objects.get(world=world)
    relation.description = "Since the fog."
    services.entity_save(instance=relation)
    export(export_dir)
    assert touched(export_dir) == [
        f"lantern-harbor/characters/{relation.source_character.public_id}-anya.yaml"
    ]


def test_renames_additions_and_deletions_are_summarised_per_type(world, export_dir):
    export(export_dir)
    anya = Character.objects.get(name="Anya")
    anya.name = "Anya Marlowe"
    services.entity_save(instance=anya)
    services.entity_save(instance=Location(world=world, name="Pier Nine"))
    services.entity_delete(instance=Relation.objects.get(world=world))

    result = export(export_dir)
    assert result.changes == {
        "lantern-harbor/characters": {"changed": 1},  # renamed, and lost its relation
        "lantern-harbor/locations": {"added": 1},
    }
    names = sorted(p.name for p in (export_dir / "lantern-harbor/characters").iterdir())
    assert any(name.endswith("-anya-marlowe.yaml") for name in names)
    assert not any(name.endswith("-anya.yaml") for name in names)


def test_cascades_without_a_new_version_still_reach_the_files(world, export_dir):
    """Deleting the target deletes the relation in the database: the source file follows."""
    export(export_dir)
    relation = Relation.objects.get(world=world)
    services.entity_delete(instance=relation.target_character)
    export(export_dir)
    source = export_dir / "lantern-harbor/characters"
    anya = next(source.glob(f"{relation.source_character.public_id}-*.yaml"))
    assert "relations: []" in anya.read_text()


def test_a_deleted_world_and_a_renamed_world_move_out(world, export_dir):
    gone = WorldFactory(slug="gone")
    export(export_dir)
    services.entity_delete(instance=gone)
    world.slug = "harbor"
    services.entity_save(instance=world)
    export(export_dir)
    assert sorted(p.name for p in export_dir.iterdir()) == [".git", "harbor"]


def test_push_to_a_bare_repository_keeps_secrets_out(world, export_dir, tmp_path, settings):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "-q", str(remote)], check=True)
    settings.EXPORT_GIT_REMOTE_URL = str(remote)
    settings.EXPORT_GIT_REMOTE_TOKEN = "s3cret-token-value"

    result = export(export_dir)
    assert result.pushed and not result.push_error
    assert Repo(remote).heads.main.commit.hexsha == result.commit
    assert export(export_dir).pushed is False  # nothing new to push

    leaked = subprocess.run(
        ["grep", "-r", "-l", "s3cret-token-value", str(export_dir), str(remote)],
        capture_output=True,
    )
    assert leaked.stdout == b""


def test_an_unreachable_remote_is_retried_and_reported_and_the_commit_kept(
    world, export_dir, settings, caplog
):
    settings.EXPORT_GIT_REMOTE_URL = "file:///nonexistent/remote.git"
    failures = REGISTRY.get_sample_value("lorebase_export_push_failures_total") or 0

    result = export(export_dir)
    assert result.commit and not result.pushed
    assert "nonexistent" in result.push_error
    assert commits(export_dir) == 1
    retries = [r for r in caplog.records if "push attempt" in r.getMessage()]
    assert len(retries) == settings.EXPORT_GIT_PUSH_ATTEMPTS - 1
    assert REGISTRY.get_sample_value("lorebase_export_push_failures_total") == failures + 1

    # The next export has nothing to commit but still owes the remote a push.
    assert export_worlds(out_dir=export_dir).push_error


def test_an_export_stopped_before_its_commit_is_committed_by_the_next(
    world, export_dir, monkeypatch
):
    """The files are written but the commit fails: the next export still commits them."""
    export(export_dir)
    anya = Character.objects.get(name="Anya")
    anya.persona = "Restless since the storm."
    services.entity_save(instance=anya)

    def commit_fails(*args, **kwargs):
        raise OSError("disk full")

    with monkeypatch.context() as patched:
        patched.setattr(repository, "commit_paths", commit_fails)
        with pytest.raises(OSError):
            export(export_dir)
    assert commits(export_dir) == 1  # the edit is on disk, not committed

    result = export(export_dir)
    assert result.changes == {"lantern-harbor/characters": {"changed": 1}}
    assert touched(export_dir) == [f"lantern-harbor/characters/{anya.public_id}-anya.yaml"]
    assert not Repo(export_dir).is_dirty(untracked_files=True)


def test_a_cast_member_removed_by_a_cascade_reaches_the_scene_file(world, export_dir):
    scene = SceneFactory(world=world)
    extra = CharacterFactory(world=world, name="Brannoc")
    services.scene_set_participants(
        scene=scene,
        participants=[(Character.objects.get(name="Anya"), "speaker"), (extra, "present")],
    )
    export(export_dir)
    services.entity_delete(instance=extra)

    export(export_dir)
    assert f"lantern-harbor/scenes/{scene.public_id}-" in " ".join(touched(export_dir))
    scene_file = next((export_dir / "lantern-harbor/scenes").glob(f"{scene.public_id}-*.yaml"))
    assert str(extra.public_id) not in scene_file.read_text()
