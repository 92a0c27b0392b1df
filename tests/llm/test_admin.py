"""The admin's "Ask in role" page for the content team."""

import pytest
from django.test import Client

from lorebase.models import WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory

from .conftest import character
from .weir import weir_world

pytestmark = pytest.mark.django_db
PAGE = "/admin/llm/askinrole/"


def test_the_page_is_in_the_admin_index_and_offers_only_member_worlds(staff_viewer, demo):
    assert PAGE in staff_viewer.get("/admin/").content.decode()
    page = staff_viewer.get(PAGE).content.decode()
    assert "Kay — Lantern Harbor" in page
    assert "Гавань фонарей" not in page


def test_asking_shows_the_answer_with_linked_citations(staff_viewer, demo):
    kay = character(demo["en"], "Kay")
    response = staff_viewer.post(
        PAGE, {"character": kay.pk, "question": "What is the brass key?", "as_of_chapter": 2}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="answer"' in page and "Citations" in page
    assert "/admin/lorebase/" in page  # citations link to the cited entities
    # The Content-Security-Policy allows no inline styles: the page uses a stylesheet.
    assert 'style="' not in page and "llm/ask_in_role.css" in page


def test_a_character_of_another_world_or_a_missing_chapter_is_refused(staff_viewer, demo):
    kay_ru = character(demo["ru"], "Кай")
    page = staff_viewer.post(PAGE, {"character": kay_ru.pk, "question": "Кто ты?"}).content
    assert b'id="answer"' not in page and b"errorlist" in page
    kay = character(demo["en"], "Kay")
    page = staff_viewer.post(
        PAGE, {"character": kay.pk, "question": "Hi", "as_of_chapter": 7}
    ).content.decode()
    assert "has no chapter 7" in page


def test_non_staff_users_are_sent_to_the_login(demo):
    client = Client()
    client.force_login(UserFactory())
    assert client.get(PAGE).status_code == 302


def test_a_death_known_without_its_scene_links_to_the_victim(graph):
    # Ser Aldric poisoned Guard #12 in chapter 2 but was in no scene of it: the
    # death is cited by itself, and the link goes to the victim's page.
    weir = weir_world("en")
    user = UserFactory(is_staff=True)
    membership_set(world=weir.world, user=user, role=WorldRole.VIEWER)
    client = Client()
    client.force_login(user)
    response = client.post(
        PAGE,
        {
            "character": weir.people["ser"].pk,
            "question": "Who killed Guard #12?",
            "as_of_chapter": 2,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "I killed Guard #12, chapter 2: poisoned at the gate." in page
    assert f"/admin/lorebase/character/{weir.people['guard12'].pk}/change/" in page
