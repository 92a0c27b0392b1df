"""Webhooks: signed Standard Webhooks deliveries from the change log, retried, refused
for targets that are not public."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook

from lorebase import services as lore
from lorebase.models import WorldRole
from tests.api.conftest import url
from tests.factories import CharacterFactory, ConceptFactory, UserFactory, WorldMembershipFactory
from tests.graph.test_outbox_publish import _messages, _tasks
from tests.graph.test_pipeline import own_queue
from tests.problems import by_field, problem
from webhooks import services
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.targets import TargetRefused, target_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def endpoint(world, receiver):
    return services.endpoint_create(world=world, url=receiver.url)


def _deliver_all() -> list[str]:
    return [
        services.delivery_attempt(delivery_id=pk)
        for pk in WebhookDelivery.objects.order_by("pk").values_list("pk", flat=True)
    ]


@pytest.mark.parametrize(
    "target",
    [
        "ftp://example.org/hook",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/admin/",
        "http://localhost/hook",
        "http://10.0.0.7/hook",
        "http://192.168.1.1/hook",
        "http://172.16.0.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://224.0.0.1/hook",
        "http://user:pw@93.184.216.34/hook",
        "http://93.184.216.34:99999/hook",
        "http://no-such-host.invalid/hook",
    ],
)
def test_targets_that_are_not_public_http_are_refused(target):
    with pytest.raises(TargetRefused):
        target_check(target)


def test_a_public_address_passes_and_an_allow_list_admits_a_private_one(settings):
    assert target_check("https://93.184.216.34/hooks?x=1").path == "/hooks?x=1"
    with pytest.raises(TargetRefused):
        target_check("http://10.1.2.3/")
    settings.WEBHOOK_ALLOWED_NETWORKS = ["10.1.0.0/16"]
    assert target_check("http://10.1.2.3/").address == "10.1.2.3"


def test_a_change_is_delivered_signed_and_verified_by_the_reference_code(world, endpoint, receiver):
    anya = lore.entity_save(instance=CharacterFactory.build(world=world, name="Анна"))
    assert _deliver_all() == ["succeeded"]
    headers, body = receiver.received[0]
    payload = Webhook(endpoint.secret).verify(body, headers)  # raises when not valid
    assert payload["type"] == "character.create"
    assert payload["data"] == {
        "world_id": str(world.public_id),
        "entity_type": "character",
        "entity_id": str(anya.public_id),
        "operation": "create",
        "version": 1,
    }
    delivery = WebhookDelivery.objects.get()
    assert headers["webhook-id"] == delivery.message_id
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 204)
    assert services.delivery_attempt(delivery_id=delivery.pk) == "skipped"  # idempotent
    assert len(receiver.received) == 1
    with pytest.raises(Exception, match="signature"):
        Webhook(endpoint.secret).verify(body.replace(b"create", b"delete"), headers)


def test_endpoints_choose_their_event_and_entity_types(world, receiver):
    services.endpoint_create(world=world, url=receiver.url, event_types=["delete"])
    services.endpoint_create(world=world, url=receiver.url, entity_types=["concept"])
    anya = lore.entity_save(instance=CharacterFactory.build(world=world))
    lore.entity_save(instance=ConceptFactory.build(world=world))
    lore.entity_delete(instance=anya)
    sent = WebhookDelivery.objects.order_by("pk").values_list("endpoint__event_types", "operation")
    assert list(sent) == [([], "create"), (["delete"], "delete")]


def test_deliveries_of_one_entity_go_in_order(world, endpoint, receiver):
    anya = lore.entity_save(instance=CharacterFactory.build(world=world))
    anya.name = "Anya"
    lore.entity_save(instance=anya)
    first, second = WebhookDelivery.objects.order_by("pk")
    assert services.delivery_attempt(delivery_id=second.pk) == "waiting"
    assert services.delivery_attempt(delivery_id=first.pk) == "succeeded"
    assert services.delivery_attempt(delivery_id=second.pk) == "succeeded"
    versions = [json.loads(body)["data"]["version"] for _, body in receiver.received]
    assert versions == [1, 2]


@pytest.mark.services
def test_the_change_that_waited_is_sent_once_the_one_before_it_is(
    world, endpoint, receiver, rabbitmq_node, django_capture_on_commit_callbacks
):
    """Not a minute later, when the sweep would find it due."""
    anya = lore.entity_save(instance=CharacterFactory.build(world=world, name="Anya Voss"))
    anya.name = "Anya Voss-Marsh"
    lore.entity_save(instance=anya)
    first, second = WebhookDelivery.objects.order_by("pk")
    assert services.delivery_attempt(delivery_id=second.pk) == "waiting"
    with own_queue() as queue:
        with django_capture_on_commit_callbacks(execute=True):
            assert services.delivery_attempt(delivery_id=first.pk) == "succeeded"
        assert _messages(queue, 1) == 1
        assert _tasks(queue) == [("webhooks.deliver", [second.pk])]


def test_a_failing_receiver_is_retried_with_backoff_then_the_endpoint_is_disabled(
    world, endpoint, receiver, settings
):
    settings.WEBHOOK_RETRY_BACKOFF = 10
    settings.WEBHOOK_DISABLE_AFTER = 3
    receiver.status = 500
    lore.entity_save(instance=CharacterFactory.build(world=world))
    delivery = WebhookDelivery.objects.get()
    gaps = []
    for _ in range(3):
        before = timezone.now()
        assert services.delivery_attempt(delivery_id=delivery.pk) == "retry"
        delivery.refresh_from_db()
        gaps.append(round((delivery.next_attempt_at - before).total_seconds()))
    assert gaps == [10, 20, 40]
    assert (delivery.attempts, delivery.last_error) == (3, "HTTP 500")
    endpoint.refresh_from_db()
    assert not endpoint.active and "3 failed attempts in a row" in endpoint.disabled_reason
    assert services.delivery_attempt(delivery_id=delivery.pk) == "skipped"
    # Turned on again: its failures are forgotten and the delivery goes out.
    receiver.status = 200
    services.endpoint_update(endpoint=endpoint, active=True)
    assert services.delivery_attempt(delivery_id=delivery.pk) == "succeeded"


def test_a_delivery_gives_up_after_its_day(world, endpoint, receiver, settings):
    receiver.status = 503
    lore.entity_save(instance=CharacterFactory.build(world=world))
    WebhookDelivery.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert _deliver_all() == ["failed"]
    assert WebhookDelivery.objects.get().status == "failed"


def test_a_redirect_is_not_followed(world, endpoint, receiver):
    receiver.status, receiver.location = 302, "http://169.254.169.254/"
    lore.entity_save(instance=CharacterFactory.build(world=world))
    assert _deliver_all() == ["retry"]
    assert len(receiver.received) == 1
    assert WebhookDelivery.objects.get().last_status_code == 302


def test_a_target_that_turns_private_is_refused_at_send_time(world, endpoint, receiver, settings):
    lore.entity_save(instance=CharacterFactory.build(world=world))
    settings.WEBHOOK_ALLOWED_NETWORKS = []  # as if the name now resolved to loopback
    assert _deliver_all() == ["retry"]
    assert receiver.received == []
    assert "not a public address" in WebhookDelivery.objects.get().last_error


def test_due_deliveries_are_found_by_the_sweep(world, endpoint):
    lore.entity_save(instance=CharacterFactory.build(world=world))
    due = services.deliveries_due()
    assert due == [WebhookDelivery.objects.get().pk]
    WebhookDelivery.objects.update(next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert services.deliveries_due() == []


def test_the_owner_manages_endpoints_over_the_api(owner, editor, world, receiver):
    created = owner.post(
        url(world, "webhooks/"), {"url": receiver.url, "event_types": ["create"]}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["event_types"] == ["create"]
    detail = url(world, f"webhooks/{body['id']}/")
    assert owner.get(detail).json()["secret"] is None  # shown once
    assert owner.patch(detail, {"active": False}, format="json").json()["active"] is False
    problem(editor.get(url(world, "webhooks/")), 403, "permission_denied")
    refused = owner.post(url(world, "webhooks/"), {"url": "http://10.0.0.1/x"}, format="json")
    assert "not a public address" in by_field(refused)["url"][0]
    assert "url" in by_field(
        owner.post(url(world, "webhooks/"), {"url": "gopher://x"}, format="json")
    )
    assert owner.delete(detail).status_code == 204


def test_the_delivery_log_and_send_again_over_the_api(owner, world, endpoint, receiver):
    lore.entity_save(instance=CharacterFactory.build(world=world))
    _deliver_all()
    base = url(world, f"webhooks/{endpoint.public_id}/")
    log = owner.get(base + "deliveries/").json()["results"]
    assert [(d["status"], d["operation"]) for d in log] == [("succeeded", "create")]
    again = owner.post(base + f"deliveries/{log[0]['id']}/resend/")
    assert again.status_code == 200 and again.json()["status"] == "pending"
    assert _deliver_all() == ["succeeded"]
    ids = [headers["webhook-id"] for headers, _ in receiver.received]
    assert ids == [log[0]["webhook_id"]] * 2  # the same id: receivers can drop the duplicate
    problem(owner.post(base + "deliveries/999999/resend/"), 404)


def test_the_admin_lists_a_disabled_endpoint_with_its_reason_and_sends_again(
    client, world, endpoint, receiver
):
    user = UserFactory(is_staff=True, is_superuser=True)
    WorldMembershipFactory(world=world, user=user, role=WorldRole.OWNER)
    client.force_login(user)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        active=False, disabled_reason="Disabled after 50 failed attempts in a row"
    )
    page = client.get(reverse("admin:webhooks_webhookendpoint_changelist"))
    assert "Disabled after 50 failed attempts" in page.content.decode()
    lore.entity_save(instance=CharacterFactory.build(world=world))  # no delivery: disabled
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(active=True)
    lore.entity_save(instance=CharacterFactory.build(world=world))
    delivery = WebhookDelivery.objects.get()
    _deliver_all()
    response = client.post(
        reverse("admin:webhooks_webhookdelivery_changelist"),
        {"action": "send_again", "_selected_action": [delivery.pk]},
    )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == "pending"
