"""The consistency report endpoint: a thin view over consistency.selectors."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.api.pagination import PageNumberPagination
from lorebase.api.world_scope import WorldScopedView

from . import serializers
from .examples import REPORT
from .selectors import world_report


class ConsistencyReportView(WorldScopedView):
    """Contradictions and gaps in a world's lore, found by deterministic rules."""

    @extend_schema(
        operation_id="consistency_report",
        tags=["consistency"],
        summary="Contradictions and gaps in the world's lore",
        parameters=[serializers.ReportParams],
        responses={
            200: serializers.ConsistencyReportSerializer,
        },
        examples=[REPORT],
        description="Dead characters in later scenes, scenes without location or "
        "participants, places inside each other, relations that end before they start, "
        "allies who are enemies in the same chapters, and names so alike they may be one "
        "entity. Computed when asked, rule by rule, in a fixed order.",
    )
    def get(self, request: Request, world_id: str) -> Response:
        params = serializers.ReportParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        rule = params.validated_data.get("rule")
        report = world_report(world=self.world, rules=[rule] if rule else None)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(report.findings, request, view=self)
        data = {
            "world": self.world.public_id,
            "counts": report.counts,
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": page,
        }
        return Response(serializers.ConsistencyReportSerializer(data).data)
