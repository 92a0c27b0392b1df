from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.consistency_report_counts import ConsistencyReportCounts
  from ..models.finding import Finding





T = TypeVar("T", bound="ConsistencyReport")



@_attrs_define
class ConsistencyReport:
    """ 
        Attributes:
            world (UUID): Public id of the world.
            counts (ConsistencyReportCounts): Rule id → findings, for each rule that ran (all, or the one asked for).
            count (int): Findings on all pages.
            next_ (None | str):
            previous (None | str):
            results (list[Finding]):
     """

    world: UUID
    counts: ConsistencyReportCounts
    count: int
    next_: None | str
    previous: None | str
    results: list[Finding]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.consistency_report_counts import ConsistencyReportCounts # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        world = str(self.world)

        counts = self.counts.to_dict()

        count = self.count

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "world": world,
            "counts": counts,
            "count": count,
            "next": next_,
            "previous": previous,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consistency_report_counts import ConsistencyReportCounts # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        d = dict(src_dict)
        world = UUID(d.pop("world"))




        counts = ConsistencyReportCounts.from_dict(d.pop("counts"))




        count = d.pop("count")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))


        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))


        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = Finding.from_dict(results_item_data)



            results.append(results_item)


        consistency_report = cls(
            world=world,
            counts=counts,
            count=count,
            next_=next_,
            previous=previous,
            results=results,
        )


        consistency_report.additional_properties = d
        return consistency_report

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
