from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.entity_ref import EntityRef
  from ..models.neighbour import Neighbour
  from ..models.step import Step





T = TypeVar("T", bound="NeighbourhoodResponse")



@_attrs_define
class NeighbourhoodResponse:
    """ 
        Attributes:
            entity (EntityRef):
            nodes (list[Neighbour]):
            edges (list[Step]):
            truncated (bool):
     """

    entity: EntityRef
    nodes: list[Neighbour]
    edges: list[Step]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.entity_ref import EntityRef # noqa: PLC0415
        from ..models.neighbour import Neighbour # noqa: PLC0415
        from ..models.step import Step # noqa: PLC0415
        entity = self.entity.to_dict()

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)



        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)



        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entity": entity,
            "nodes": nodes,
            "edges": edges,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity_ref import EntityRef # noqa: PLC0415
        from ..models.neighbour import Neighbour # noqa: PLC0415
        from ..models.step import Step # noqa: PLC0415
        d = dict(src_dict)
        entity = EntityRef.from_dict(d.pop("entity"))




        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in (_nodes):
            nodes_item = Neighbour.from_dict(nodes_item_data)



            nodes.append(nodes_item)


        edges = []
        _edges = d.pop("edges")
        for edges_item_data in (_edges):
            edges_item = Step.from_dict(edges_item_data)



            edges.append(edges_item)


        truncated = d.pop("truncated")

        neighbourhood_response = cls(
            entity=entity,
            nodes=nodes,
            edges=edges,
            truncated=truncated,
        )


        neighbourhood_response.additional_properties = d
        return neighbourhood_response

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
