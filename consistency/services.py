"""Writes: the scheduled check, which keeps each world's last counts."""

import time

from django.utils import timezone

from lorebase.models import World

from .metrics import LORE_CHECK_SECONDS
from .models import LoreCheckResult
from .selectors import Report, world_report


def world_check(*, world: World) -> Report:
    """Check the whole world and keep its counts; running it again just replaces them."""
    started = time.perf_counter()
    report = world_report(world=world)
    seconds = time.perf_counter() - started
    LORE_CHECK_SECONDS.observe(seconds)
    LoreCheckResult.objects.update_or_create(
        world=world,
        defaults={"checked_at": timezone.now(), "seconds": seconds, "counts": report.counts},
    )
    return report


def worlds_check() -> dict[str, int]:
    """Check every world; the findings per rule, summed over the worlds."""
    totals: dict[str, int] = {}
    for world in World.objects.order_by("pk"):
        for rule_id, count in world_check(world=world).counts.items():
            totals[rule_id] = totals.get(rule_id, 0) + count
    return totals
