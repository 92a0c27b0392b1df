"""The admin's graph pictures through the Django client: the pages, their JSON, the
vendored library. tests/browser draws them in Chromium."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from devstack.net import free_port
from graph.connection import reconnect
from lorebase.models import Chapter, Character, Concept, Location, Scene, World
from tests.factories import UserFactory
from tests.graph_pictures import admin_url, neighbourhood_ids, world_ids

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
VENDORED = ROOT / "search/static/search/vendor/cytoscape"
ALL_TYPES = ("character", "location", "scene", "concept")


def kay(world: World) -> Character:
    return Character.objects.get(world=world, name="Kay")


def neighbourhood(client: Client, character: Character, **params: object):
    url = reverse("admin:lorebase_character_neighbourhood", args=[character.pk])
    return client.get(url, params)


def explorer(client: Client, world: World, **params: object):
    url = reverse("admin:lorebase_world_explorer_graph", args=[world.pk])
    return client.get(url, {"types": ALL_TYPES} | params)


def node_ids(response) -> set[str]:
    return {node["data"]["id"] for node in response.json()["elements"]["nodes"]}


def test_an_entity_page_has_the_panel_and_the_csp_lets_its_static_scripts_run(staff_viewer, demo):
    character = kay(demo["en"])
    page = staff_viewer.get(admin_url(character))
    html = page.content.decode()
    assert page.status_code == 200
    data_url = reverse("admin:lorebase_character_neighbourhood", args=[character.pk])
    assert f'data-url="{data_url}"' in html and 'data-kind="neighbourhood"' in html
    assert "As of chapter 3. The Night of Low Tide" in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "/static/search/vendor/cytoscape/cytoscape.min.js" in scripts
    assert "/static/search/admin/graph.js" in scripts
    assert "<script>" not in html  # nothing inline: the CSP would block it
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for script in scripts:
        assert staff_viewer.get(script).status_code == 200, script


def test_the_neighbourhood_is_the_one_postgresql_implies_and_links_every_node(staff_viewer, demo):
    character = kay(demo["en"])
    response = neighbourhood(staff_viewer, character)
    assert response.status_code == 200
    nodes = response.json()["elements"]["nodes"]
    assert node_ids(response) == neighbourhood_ids(character)
    start = next(node for node in nodes if "start" in node["classes"])
    assert start["data"]["url"] == admin_url(character)
    assert all(node["data"]["url"].startswith("/admin/lorebase/") for node in nodes)
    ids = node_ids(response)
    edges = response.json()["elements"]["edges"]
    assert edges and all({e["data"]["source"], e["data"]["target"]} <= ids for e in edges)
    wider = node_ids(neighbourhood(staff_viewer, character, depth=2))
    earlier = node_ids(neighbourhood(staff_viewer, character, as_of_chapter=1))
    assert wider > ids > earlier


@pytest.mark.parametrize("model", [Location, Scene, Concept])
def test_places_scenes_and_concepts_have_their_picture_too(staff_viewer, demo, model):
    entity = model.objects.filter(world=demo["en"]).first()
    assert b'class="graph-panel' in staff_viewer.get(admin_url(entity)).content
    name = f"admin:lorebase_{model.__name__.lower()}_neighbourhood"
    nodes = staff_viewer.get(reverse(name, args=[entity.pk])).json()["elements"]["nodes"]
    start = next(node for node in nodes if "start" in node["classes"])
    assert start["data"]["id"] == str(entity.public_id) and start["data"]["name"] == str(entity)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"depth": 3}, "depth"),
        ({"depth": "deep"}, "depth"),
        ({"as_of_chapter": 9}, "as_of_chapter"),
        ({"as_of_chapter": 0}, "as_of_chapter"),
    ],
)
def test_a_bad_filter_is_a_400_naming_the_field(staff_viewer, demo, params, field):
    response = neighbourhood(staff_viewer, kay(demo["en"]), **params)
    assert response.status_code == 400
    assert list(response.json()) == [field] and response.json()[field][0]


def test_other_worlds_are_404_and_users_without_the_admin_go_to_the_login(staff_viewer, demo):
    kay_ru = Character.objects.get(world=demo["ru"], name="Кай")
    assert neighbourhood(staff_viewer, kay_ru).status_code == 404
    assert explorer(staff_viewer, demo["ru"]).status_code == 404
    explorer_page = reverse("admin:lorebase_world_explorer", args=[demo["ru"].pk])
    assert staff_viewer.get(explorer_page).status_code == 404
    outsider = Client()
    outsider.force_login(UserFactory())  # not staff
    response = neighbourhood(outsider, kay(demo["en"]))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_explorer_draws_the_world_by_type_and_chapter(staff_viewer, demo):
    world = demo["en"]
    world_page = staff_viewer.get(reverse("admin:lorebase_world_change", args=[world.pk]))
    page_url = reverse("admin:lorebase_world_explorer", args=[world.pk])
    assert page_url in world_page.content.decode()
    page = staff_viewer.get(page_url).content.decode()
    assert 'data-kind="explorer"' in page and 'data-param="types"' in page
    everything = explorer(staff_viewer, world)
    assert node_ids(everything) == world_ids(world, ALL_TYPES)
    assert not everything.json()["truncated"]
    people = explorer(staff_viewer, world, types=["character"])
    assert node_ids(people) == world_ids(world, ("character",))
    for number in Chapter.objects.filter(world=world).values_list("number", flat=True):
        as_of = explorer(staff_viewer, world, as_of_chapter=number)
        assert node_ids(as_of) == world_ids(world, ALL_TYPES, as_of=number), number
    none = explorer(staff_viewer, world, types=[])
    assert none.status_code == 400 and none.json() == {"types": ["Choose at least one type."]}
    assert list(explorer(staff_viewer, world, types=["dragon"]).json()) == ["types"]


def test_a_cut_explorer_picture_says_so_and_keeps_every_type(staff_viewer, demo, settings):
    settings.SEARCH_MAX_NEIGHBOURHOOD_NODES = 4
    response = explorer(staff_viewer, demo["en"]).json()
    assert response["truncated"]
    types = [node["data"]["type"] for node in response["elements"]["nodes"]]
    assert sorted(types) == sorted(ALL_TYPES)


def test_a_graph_that_is_down_is_a_503_with_a_reason(staff_viewer, demo, graph_server_url):
    reconnect(f"bolt://root:x@127.0.0.1:{free_port()}/nowhere")
    try:
        pictures = (
            neighbourhood(staff_viewer, kay(demo["en"])),
            explorer(staff_viewer, demo["en"]),
        )
        for response in pictures:
            assert response.status_code == 503
            assert "cannot be reached" in response.json()["detail"]
    finally:
        reconnect(graph_server_url)


def test_the_vendored_cytoscape_is_the_version_npm_pins_with_its_licence():
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["cytoscape"]
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/cytoscape"]["version"] == pinned
    assert lock["packages"]["node_modules/cytoscape"]["license"] == "MIT"
    library = (VENDORED / "cytoscape.min.js").read_text()
    assert re.findall(r'\.version="([^"]+)"', library) == [pinned]
    assert "Permission is hereby granted" in (VENDORED / "LICENSE").read_text()
