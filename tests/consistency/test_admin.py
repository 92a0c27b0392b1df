"""The lore check in the admin: member worlds with counts, and a report with links."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from consistency.services import worlds_check
from lorebase.models import WorldRole
from tests.factories import UserFactory, WorldMembershipFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/consistency/lorecheck/"


def staff_client(world, role: str = WorldRole.VIEWER) -> Client:
    user = UserFactory(is_staff=True)
    WorldMembershipFactory(world=world, user=user, role=role)
    client = Client()
    client.force_login(user)
    return client


def test_the_list_shows_member_worlds_with_the_last_checks_counts(world, other_world, flawed):
    client = staff_client(world)
    assert "not checked yet" in client.get(LIST).content.decode()

    worlds_check()
    page = client.get(LIST)

    assert page.status_code == 200
    rows = list(page.context["cl"].result_list)
    assert rows == [world]  # not Ash Kingdom, where this user is no member
    html = page.content.decode()
    assert "Dead characters in later scenes" in html
    cells = re.findall(r'<td class="field-count[^"]*">(\d+)</td>', html)
    assert cells == ["1", "0", "0", "0", "0", "0", "1", "0", "0"]


def test_a_worlds_page_lists_the_findings_by_rule_with_links(world, flawed):
    client = staff_client(world)

    page = client.get(reverse("admin:consistency_lorecheck_change", args=[world.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Wren died in chapter 1 but is present in “The Bell Rings Twice” (chapter 3)." in html
    assert "ends in chapter 2 before it starts in chapter 3" in html
    for name, entity in (("character", flawed["wren"]), ("scene", flawed["scene"])):
        link = reverse(f"admin:lorebase_{name}_change", args=[entity.pk])
        assert f'<a href="{link}">' in html
    relation = reverse("admin:lorebase_relation_change", args=[flawed["relation"].pk])
    assert f'<a href="{relation}">Wren knows Kay</a>' in html
    sections = [s["rule"].id for s in page.context["sections"]]
    assert sections[:3] == [
        "dead_character_in_scene",
        "killer_dead_before_the_death",
        "death_scene_in_another_chapter",
    ]
    assert [s["count"] for s in page.context["sections"]] == [1, 0, 0, 0, 0, 0, 1, 0, 0]
    assert "<script>" not in html  # the admin's CSP allows no inline script


def test_a_long_section_shows_its_first_findings_and_says_how_many_more(world, flawed, monkeypatch):
    monkeypatch.setattr("consistency.admin.SHOWN_PER_RULE", 0)
    html = (
        staff_client(world)
        .get(reverse("admin:consistency_lorecheck_change", args=[world.pk]))
        .content.decode()
    )

    assert "Wren died" not in html
    assert "… and 1 more." in html


def test_another_worlds_report_is_not_found_and_nothing_can_be_changed(world, other_world, flawed):
    outsider = staff_client(other_world, WorldRole.OWNER)

    page = outsider.get(reverse("admin:consistency_lorecheck_change", args=[world.pk]))

    assert page.status_code == 404
    assert outsider.get(f"{LIST}add/").status_code == 403
    delete = reverse("admin:consistency_lorecheck_delete", args=[other_world.pk])
    assert outsider.post(delete, {"post": "yes"}).status_code == 403
