"""Prometheus metrics of the lore consistency checks (exported on /metrics).

The findings are read from PostgreSQL at scrape time (the collector below), so they
are right whichever process answers the scrape.
"""

from prometheus_client import Histogram
from prometheus_client.core import GaugeMetricFamily

LORE_CHECK_SECONDS = Histogram(
    "lorebase_lore_check_seconds",
    "Time of one world's scheduled lore consistency check",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
)


class LoreFindingsCollector:
    """Findings per rule in each world's last scheduled check, summed over the worlds."""

    def collect(self):
        from .models import LoreCheckResult  # models load after the metrics module
        from .rules import RULES

        totals = dict.fromkeys(RULES, 0)
        for counts in LoreCheckResult.objects.values_list("counts", flat=True):
            for rule_id, count in counts.items():
                if rule_id in totals:  # a rule since removed is no longer reported
                    totals[rule_id] += count
        findings = GaugeMetricFamily(
            "lorebase_lore_findings",
            "Lore consistency findings in the last check, summed over worlds",
            labels=["rule"],
        )
        for rule_id, total in totals.items():
            findings.add_metric([rule_id], total)
        yield findings
