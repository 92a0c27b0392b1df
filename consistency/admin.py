"""The lore check in the admin: worlds with their last counts, and a live report per world."""

from collections.abc import Callable
from datetime import datetime

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse

from lorebase.admin_access import StaffReadOnlyAdmin
from lorebase.admin_links import admin_change_urls
from lorebase.selectors import worlds_for_user

from .models import LoreCheck, LoreCheckResult
from .rules import RULES, Finding, Rule
from .selectors import Report, world_report

# A rule with thousands of findings (a generated world) would make a page too long to
# load or read; the API pages through all of them.
SHOWN_PER_RULE = 100


def _count_column(rule: Rule) -> Callable[[LoreCheck], int | None]:
    @admin.display(description=rule.title)
    def count(world: LoreCheck) -> int | None:
        result = _last_result(world)
        return result.counts.get(rule.id) if result else None

    return count


def _last_result(world: LoreCheck) -> LoreCheckResult | None:
    try:
        return world.lore_check_result
    except LoreCheckResult.DoesNotExist:
        return None


@admin.display(description="last check")
def _checked_at(world: LoreCheck) -> datetime | None:
    result = _last_result(world)
    return result.checked_at if result else None


@admin.register(LoreCheck)
class LoreCheckAdmin(StaffReadOnlyAdmin, admin.ModelAdmin):
    """Read-only: the list shows the hourly check's counts, a world's page checks it now.

    Its rows are worlds, edited in the World admin.
    """

    list_display = ("name", _checked_at, *(_count_column(rule) for rule in RULES.values()))
    search_fields = ("name", "slug")
    empty_value_display = "not checked yet"

    def get_queryset(self, request: HttpRequest) -> QuerySet[LoreCheck]:
        # Like the World admin, access comes from world membership, not Django permissions.
        member_of = worlds_for_user(user=request.user)
        return LoreCheck.objects.filter(pk__in=member_of.values("pk")).select_related(
            "lore_check_result"
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> TemplateResponse:
        """The world's report, checked now, grouped by rule, each entity linked to its page."""
        world = self.get_object(request, unquote(object_id))
        if world is None or not self.has_view_permission(request, world):
            raise Http404("No such world.")
        report = world_report(world=world)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Lore check of {world}",
            "world": world,
            "total": len(report.findings),
            "sections": _sections(report),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/consistency/report.html", context)


def _sections(report: Report) -> list[dict]:
    """Per rule: its count and its first findings, each entity with its admin link."""
    shown: dict[str, list[Finding]] = {rule_id: [] for rule_id in RULES}
    for finding in report.findings:
        if len(shown[finding.rule]) < SHOWN_PER_RULE:
            shown[finding.rule].append(finding)
    links = admin_change_urls(
        (ref.type, ref.public_id) for found in shown.values() for f in found for ref in f.entities
    )
    return [
        {
            "rule": rule,
            "count": report.counts[rule.id],
            "hidden": report.counts[rule.id] - len(shown[rule.id]),
            "rows": [
                (finding, [(ref, links.get((ref.type, ref.public_id))) for ref in finding.entities])
                for finding in shown[rule.id]
            ],
        }
        for rule in RULES.values()
    ]
