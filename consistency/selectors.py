"""Reads: the consistency report of a world."""

from collections.abc import Iterable
from dataclasses import dataclass

from lorebase.models import World

from .rules import CHECKS, Finding


@dataclass(frozen=True)
class Report:
    findings: list[Finding]  # rule by rule, in the order of CHECKS
    counts: dict[str, int]  # rule id → findings, for each rule that ran


def world_report(*, world: World, rules: Iterable[str] | None = None) -> Report:
    """Run the named rules (default: all) over the world."""
    wanted = set(CHECKS) if rules is None else set(rules)
    if unknown := wanted - set(CHECKS):
        raise ValueError(f"unknown consistency rules: {sorted(unknown)}")
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for rule_id, (_, check) in CHECKS.items():
        if rule_id in wanted:
            found = check(world)
            counts[rule_id] = len(found)
            findings.extend(found)
    return Report(findings, counts)
