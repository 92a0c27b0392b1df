"""The content team's admin in headless Chromium: search, bulk edits, the timeline, images.

Each test also takes one of the README's screenshots (test-artifacts/browser/; with
README_SCREENSHOTS=1 into docs/screenshots/ too).
"""

import os
import shutil
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from neomodel import db
from PIL import Image
from playwright.sync_api import expect

from lorebase.models import Character, Location, Scene, WorldRole
from lorebase.services import membership_set
from tests.conftest import wait_until_mirrored
from tests.factories import UserFactory
from tests.graph_pictures import admin_url

from .conftest import Admin, sign_in

pytestmark = pytest.mark.services
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def for_readme(admin: Admin, name: str, *, whole_page: bool = True) -> None:
    """A screenshot in test-artifacts/browser/, and with README_SCREENSHOTS=1 also the
    README's copy in docs/screenshots/ (so that a test run leaves the tree clean)."""
    path = admin.screenshot(name, whole_page=whole_page)
    if os.environ.get("README_SCREENSHOTS") == "1":
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_SCREENSHOTS / path.name)


@dataclass(frozen=True)
class Team:
    """The English demo world as the tests expect to see it, read before the browser starts."""

    username: str
    world_pk: int
    kay_url: str
    kay_images_url: str
    kay_scenes: list[str]  # in story order
    kay_pk: int
    moved: list[tuple[str, str]]  # (scene title, public id) of three scenes to move
    target: tuple[str, str]  # (place name, public id) they move to
    portrait: Path


@pytest.fixture
def team(demo, tmp_path, settings) -> Team:
    settings.MEDIA_ROOT = tmp_path / "media"
    world = demo["en"]
    user = UserFactory(is_staff=True)
    membership_set(world=world, user=user, role=WorldRole.EDITOR)
    kay = Character.objects.get(world=world, name="Kay")
    target = Location.objects.get(world=world, name="Pier Nine")
    moved = Scene.objects.filter(world=world).exclude(location=target)
    moved = moved.order_by("chapter__number", "order")[:3]
    portrait = tmp_path / "kay.png"
    picture = Image.linear_gradient("L").resize((600, 900)).convert("RGB")
    out = BytesIO()
    picture.save(out, format="PNG")
    portrait.write_bytes(out.getvalue())
    scenes = Scene.objects.filter(participations__character=kay).order_by(
        "chapter__number", "order"
    )
    return Team(
        username=user.username,
        world_pk=world.pk,
        kay_url=admin_url(kay),
        kay_images_url=reverse("admin:lorebase_character_images", args=[kay.pk]),
        kay_scenes=list(
            scenes.order_by("chapter__number", "order").values_list("title", flat=True)
        ),
        kay_pk=kay.pk,
        moved=[(s.title, str(s.public_id)) for s in moved],
        target=(target.name, str(target.public_id)),
        portrait=portrait,
    )


@pytest.fixture
def admin(team, live_server, chromium) -> Admin:
    return sign_in(chromium, live_server.url, team.username)


def test_a_typoed_alias_in_the_admin_search_finds_the_character(admin, team):
    # Kay's alias is "the Fogborn".
    admin.open(reverse("admin:lorebase_character_changelist") + "?q=Fogbourn")
    rows = admin.page.locator("#result_list tbody th a")
    expect(rows.first).to_have_text("Kay")
    assert "Kay" in rows.all_inner_texts()
    for_readme(admin, "admin-search")
    assert admin.problems == []


def test_bulk_set_location_on_three_scenes_and_the_graph_follows(
    admin, team, celery_worker_process, monkeypatch
):
    admin.open(reverse("admin:lorebase_scene_changelist"))
    for title, _ in team.moved:
        row = admin.page.locator("#result_list tr", has=admin.page.get_by_role("link", name=title))
        row.locator("input.action-select").check()
    admin.page.locator("select[name=action]").select_option("set_location")
    admin.page.get_by_role("button", name="Go").click()
    admin.page.get_by_label("Location").select_option(label=team.target[0])
    admin.page.get_by_role("button", name="Show what changes").click()
    preview = admin.page.locator("#bulk-preview tbody tr")
    expect(preview).to_have_count(3)
    for_readme(admin, "bulk-set-location")
    admin.page.get_by_role("button", name="Apply to 3").click()
    expect(admin.page.locator(".messagelist")).to_contain_text("Set the location: 3 changed.")
    assert admin.problems == []

    # The browser's event loop runs in this thread; the checks below are plain reads.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    wait_until_mirrored(Scene.objects.get(public_id=team.moved[0][1]).world)
    rows, _ = db.cypher_query(
        "MATCH (s:Scene)-[:TAKES_PLACE_IN]->(l:Location) WHERE s.uid IN $uids RETURN s.uid, l.uid",
        {"uids": [uid for _, uid in team.moved]},
    )
    assert sorted(rows) == sorted([uid, team.target[1]] for _, uid in team.moved)


def test_the_timeline_filtered_by_a_character_shows_their_scenes_in_story_order(admin, team):
    admin.open(reverse("admin:lorebase_world_timeline", args=[team.world_pk]))
    expect(admin.page.locator(".timeline-chapter")).to_have_count(3)
    admin.page.get_by_label("Character").select_option(label="Kay")
    admin.page.get_by_role("button", name="Show").click()
    admin.page.wait_for_url(f"**/timeline/?character={team.kay_pk}*")
    shown = admin.page.locator(".timeline-scene > a").all_inner_texts()
    assert shown == team.kay_scenes
    expect(admin.page.locator(".timeline-chapter").first).to_contain_text("Kay knows by now")
    for_readme(admin, "timeline")
    assert admin.problems == []  # CSP refusals would be console errors


def test_an_uploaded_portrait_shows_its_thumbnail_on_the_characters_page(admin, team):
    admin.open(team.kay_images_url)
    admin.page.get_by_label("File").set_input_files(team.portrait)
    admin.page.get_by_label("Kind").select_option("portrait")
    for_readme(admin, "image-upload")
    admin.page.get_by_role("button", name="Upload").click()
    expect(admin.page.locator(".messagelist")).to_contain_text("Added: Portrait of Kay")

    admin.open(team.kay_url)
    thumbnail = admin.page.locator("#images img.lorebase-thumbnail")
    expect(thumbnail).to_be_visible()
    size = thumbnail.evaluate("(img) => [img.naturalWidth, img.naturalHeight]")
    assert size == [171, 256]  # 600 × 900 made to fit 256 px
    expect(admin.page.locator(".graph-canvas")).to_have_attribute("data-state", "drawn")
    for_readme(admin, "character-page")
    assert admin.problems == []


def test_the_explorer_for_the_readme(admin, team):
    admin.open(reverse("admin:lorebase_world_explorer", args=[team.world_pk]))
    expect(admin.page.locator(".graph-canvas")).to_have_attribute("data-state", "drawn")
    for_readme(admin, "explorer")
    assert admin.problems == []
