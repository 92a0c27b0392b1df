"""The commands, the beat entry, the task and the admin action."""

import pytest
from django.core.management import CommandError, call_command

from config.schedule import BEAT_SCHEDULE
from exports import tasks
from exports.importer import InvalidFile
from exports.models import WorldExport
from exports.services import import_world
from lorebase.models import WorldRole
from tests.exports.conftest import commits
from tests.factories import CharacterFactory, UserFactory, WorldFactory, WorldMembershipFactory

pytestmark = pytest.mark.django_db


def test_export_world_commits_and_reports(export_dir, capsys):
    world = WorldFactory(slug="harbor")
    CharacterFactory(world=world)
    WorldFactory(slug="elsewhere")
    call_command("export_world", "--world", "harbor", "--out", str(export_dir))
    assert "Committed" in capsys.readouterr().out
    assert sorted(p.name for p in export_dir.iterdir()) == [".git", "harbor"]
    call_command("export_world", "--world", str(world.public_id), "--out", str(export_dir))
    assert "nothing changed, no commit" in capsys.readouterr().out
    assert commits(export_dir) == 1


def test_export_world_refuses_an_unknown_world(export_dir):
    with pytest.raises(CommandError, match="No world"):
        call_command("export_world", "--world", "nowhere", "--out", str(export_dir))


def test_a_failed_push_is_printed_and_the_commit_kept(export_dir, settings, capsys):
    settings.EXPORT_GIT_REMOTE_URL = str(export_dir.parent / "missing.git")
    WorldFactory()
    call_command("export_world", "--out", str(export_dir))
    assert "Push failed (the commit is kept)" in capsys.readouterr().err
    assert commits(export_dir) == 1


def test_import_world_with_an_owner_and_a_missing_directory(export_dir, capsys):
    world = WorldFactory(slug="harbor")
    call_command("export_world", "--out", str(export_dir))
    world.delete()
    owner = UserFactory()
    call_command("import_world", str(export_dir), "--owner", owner.username)
    assert "worlds: 1 created" in capsys.readouterr().out
    assert WorldExport.objects.get(slug="harbor").memberships.get().user == owner
    with pytest.raises(CommandError, match="No user"):
        call_command("import_world", str(export_dir), "--owner", "nobody")
    with pytest.raises(CommandError, match=r"no world\.yaml"):
        call_command("import_world", str(export_dir / "harbor" / "characters"))
    (export_dir / "harbor" / "notes").mkdir()
    (export_dir / "harbor" / "notes" / "x.yaml").write_text("a: 1\n")
    with pytest.raises(InvalidFile, match=r"harbor/notes/x\.yaml: \(path\)"):
        import_world(export_dir)


def test_beat_runs_the_export_every_15_minutes_with_an_expiry():
    entry = BEAT_SCHEDULE["exports-export-worlds"]
    assert entry["task"] == tasks.export_worlds.name == "exports.export_worlds"
    assert entry["schedule"].minute == set(range(0, 60, 15))
    assert 0 < entry["options"]["expires"] < 15 * 60
    assert tasks.export_worlds.acks_late and tasks.export_worlds.reject_on_worker_lost


def test_the_task_exports_the_named_worlds(export_dir, settings):
    settings.EXPORT_DIR = export_dir
    world = WorldFactory(slug="harbor")
    WorldFactory(slug="elsewhere")
    result = tasks.export_worlds(world_ids=[str(world.public_id)])
    assert result["changes"] == {"harbor/world": {"added": 1}}


def test_the_admin_action_queues_an_export_of_the_chosen_worlds(client, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.export_worlds, "delay", lambda **kwargs: queued.append(kwargs))
    editor = UserFactory(is_staff=True)
    world = WorldFactory()
    WorldMembershipFactory(world=world, user=editor, role=WorldRole.EDITOR)
    WorldMembershipFactory(world=WorldFactory(), user=editor, role=WorldRole.VIEWER)
    client.force_login(editor)
    url = "/admin/exports/worldexport/"
    page = client.get(url)
    assert page.status_code == 200 and world.name in page.content.decode()
    assert len(page.context["cl"].result_list) == 1  # only worlds the user edits
    response = client.post(
        url, {"action": "export_now", "_selected_action": [world.pk]}, follow=True
    )
    assert response.status_code == 200
    assert queued == [{"world_ids": [str(world.public_id)]}]
    assert "Export of 1 world(s) queued" in response.content.decode()
