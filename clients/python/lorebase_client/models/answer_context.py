from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.answer_context_edges_item import AnswerContextEdgesItem
  from ..models.answer_context_nodes_item import AnswerContextNodesItem





T = TypeVar("T", bound="AnswerContext")



@_attrs_define
class AnswerContext:
    """ 
        Attributes:
            nodes (list[AnswerContextNodesItem]):
            edges (list[AnswerContextEdgesItem]):
            tokens (int): Estimated size of the lore sent (about 4 characters a token).
     """

    nodes: list[AnswerContextNodesItem]
    edges: list[AnswerContextEdgesItem]
    tokens: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_context_edges_item import AnswerContextEdgesItem # noqa: PLC0415
        from ..models.answer_context_nodes_item import AnswerContextNodesItem # noqa: PLC0415
        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)



        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)



        tokens = self.tokens


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "nodes": nodes,
            "edges": edges,
            "tokens": tokens,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_context_edges_item import AnswerContextEdgesItem # noqa: PLC0415
        from ..models.answer_context_nodes_item import AnswerContextNodesItem # noqa: PLC0415
        d = dict(src_dict)
        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in (_nodes):
            nodes_item = AnswerContextNodesItem.from_dict(nodes_item_data)



            nodes.append(nodes_item)


        edges = []
        _edges = d.pop("edges")
        for edges_item_data in (_edges):
            edges_item = AnswerContextEdgesItem.from_dict(edges_item_data)



            edges.append(edges_item)


        tokens = d.pop("tokens")

        answer_context = cls(
            nodes=nodes,
            edges=edges,
            tokens=tokens,
        )


        answer_context.additional_properties = d
        return answer_context

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
