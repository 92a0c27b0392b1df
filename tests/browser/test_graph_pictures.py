"""The admin's graph pictures in headless Chromium: drawn with the right nodes,
filtered, clicked through. Screenshots go to test-artifacts/browser/."""

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from devstack.net import free_port
from graph.connection import reconnect
from lorebase.models import Character, Location, Scene, WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory
from tests.graph_pictures import admin_url, neighbourhood_ids, world_ids

from .conftest import Admin, sign_in

pytestmark = pytest.mark.services
CANVAS = ".graph-canvas"
NODE_IDS = "() => document.querySelector('.graph-canvas')._cy.nodes().map((node) => node.id())"


@dataclass(frozen=True)
class Entity:
    uid: str
    name: str
    url: str


def entity(found: object) -> Entity:
    return Entity(str(found.public_id), str(found), admin_url(found))


@dataclass(frozen=True)
class Story:
    """The English demo world as the tests expect to see it, read from PostgreSQL."""

    username: str
    character: Entity
    neighbourhood: set[str]
    scene: Entity  # in the character's neighbourhood
    explorer: str
    everything: set[str]
    no_scenes: set[str]
    no_scenes_as_of_1: set[str]
    place: Entity  # in a scene of chapter 1


@pytest.fixture
def story(demo) -> Story:
    world = demo["en"]
    user = UserFactory(is_staff=True)
    membership_set(world=world, user=user, role=WorldRole.VIEWER)
    kay = Character.objects.get(world=world, name="Kay")
    others = ("character", "location", "concept")
    return Story(
        username=user.username,
        character=entity(kay),
        neighbourhood=neighbourhood_ids(kay),
        scene=entity(Scene.objects.filter(participations__character=kay).first()),
        explorer=reverse("admin:lorebase_world_explorer", args=[world.pk]),
        everything=world_ids(world, (*others, "scene")),
        no_scenes=world_ids(world, others),
        no_scenes_as_of_1=world_ids(world, others, as_of=1),
        place=entity(Location.objects.filter(world=world, scenes__chapter__number=1).first()),
    )


@pytest.fixture
def admin(story, live_server, chromium) -> Admin:
    """Logged in as the story's viewer (the data is there before the browser starts)."""
    return sign_in(chromium, live_server.url, story.username)


def test_a_character_page_draws_its_neighbourhood_and_a_click_opens_a_node(admin, story):
    admin.open(story.character.url)
    canvas = admin.page.locator(CANVAS)
    expect(canvas).to_have_attribute("data-node-count", str(len(story.neighbourhood)))
    assert set(admin.page.evaluate(NODE_IDS)) == story.neighbourhood
    expect(admin.page.locator(".graph-list a")).to_have_count(len(story.neighbourhood))
    admin.screenshot("character-neighbourhood")

    admin.page.get_by_label("Depth").select_option("2")
    expect(canvas).not_to_have_attribute("data-node-count", str(len(story.neighbourhood)))
    expect(canvas).to_have_attribute("data-state", "drawn")
    assert int(canvas.get_attribute("data-node-count")) > len(story.neighbourhood)
    admin.screenshot("character-neighbourhood-depth-2")

    admin.click_node(story.scene.uid)
    admin.page.wait_for_url(admin.base_url + story.scene.url)
    assert story.scene.name in admin.page.title()
    expect(canvas).to_have_attribute("data-state", "drawn")  # the scene's own picture
    admin.screenshot("scene-opened-from-the-picture", whole_page=True)
    assert admin.problems == []


def test_the_world_explorer_filters_by_type_and_chapter_and_a_click_opens_a_node(admin, story):
    assert len(story.no_scenes_as_of_1) < len(story.no_scenes) < len(story.everything)
    admin.open(story.explorer)
    canvas = admin.page.locator(CANVAS)
    expect(canvas).to_have_attribute("data-node-count", str(len(story.everything)))
    assert set(admin.page.evaluate(NODE_IDS)) == story.everything

    admin.page.get_by_label("Scenes").uncheck()
    expect(canvas).to_have_attribute("data-node-count", str(len(story.no_scenes)))
    admin.page.get_by_label("Chapter").select_option("1")
    expect(canvas).to_have_attribute("data-node-count", str(len(story.no_scenes_as_of_1)))
    assert set(admin.page.evaluate(NODE_IDS)) == story.no_scenes_as_of_1
    admin.screenshot("world-explorer")

    admin.click_node(story.place.uid)
    admin.page.wait_for_url(admin.base_url + story.place.url)
    assert story.place.name in admin.page.title()
    admin.screenshot("place-opened-from-the-explorer", whole_page=True)
    assert admin.problems == []


def test_a_graph_that_is_down_leaves_a_readable_message(admin, story, graph_server_url):
    reconnect(f"bolt://root:x@127.0.0.1:{free_port()}/nowhere")
    try:
        admin.open(story.character.url)
        status = admin.page.locator(".graph-status")
        expect(status).to_contain_text("The graph server cannot be reached right now.")
        expect(status).to_have_class(re.compile("errornote"))
        expect(admin.page.locator(CANVAS)).to_have_attribute("data-state", "failed")
        admin.screenshot("graph-down")
    finally:
        reconnect(graph_server_url)
