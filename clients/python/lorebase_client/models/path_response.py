from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.entity_ref import EntityRef
  from ..models.step import Step





T = TypeVar("T", bound="PathResponse")



@_attrs_define
class PathResponse:
    """ 
        Attributes:
            a (EntityRef):
            b (EntityRef):
            found (bool):
            length (int | None):
            nodes (list[EntityRef]):
            steps (list[Step]):
            truncated (bool): Always false: the search is exact within max_hops (one too large to finish in time answers
                503). Kept for existing clients.
     """

    a: EntityRef
    b: EntityRef
    found: bool
    length: int | None
    nodes: list[EntityRef]
    steps: list[Step]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entity_ref import EntityRef # noqa: PLC0415
        from ..models.step import Step # noqa: PLC0415
        a = self.a.to_dict()

        b = self.b.to_dict()

        found = self.found

        length: int | None
        length = self.length

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)



        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "a": a,
            "b": b,
            "found": found,
            "length": length,
            "nodes": nodes,
            "steps": steps,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity_ref import EntityRef # noqa: PLC0415
        from ..models.step import Step # noqa: PLC0415
        d = dict(src_dict)
        a = EntityRef.from_dict(d.pop("a"))




        b = EntityRef.from_dict(d.pop("b"))




        found = d.pop("found")

        def _parse_length(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        length = _parse_length(d.pop("length"))


        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in (_nodes):
            nodes_item = EntityRef.from_dict(nodes_item_data)



            nodes.append(nodes_item)


        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = Step.from_dict(steps_item_data)



            steps.append(steps_item)


        truncated = d.pop("truncated")

        path_response = cls(
            a=a,
            b=b,
            found=found,
            length=length,
            nodes=nodes,
            steps=steps,
            truncated=truncated,
        )


        path_response.additional_properties = d
        return path_response

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
