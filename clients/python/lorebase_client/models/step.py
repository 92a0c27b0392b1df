from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Step")



@_attrs_define
class Step:
    """ 
        Attributes:
            source (UUID): Public id the step leaves.
            target (UUID): Public id the step reaches.
            type_ (str): Relationship type.
            direction (str | Unset):
            relation (None | str | Unset):
            role (None | str | Unset):
            text (str | Unset):
     """

    source: UUID
    target: UUID
    type_: str
    direction: str | Unset = UNSET
    relation: None | str | Unset = UNSET
    role: None | str | Unset = UNSET
    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        source = str(self.source)

        target = str(self.target)

        type_ = self.type_

        direction = self.direction

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        else:
            relation = self.relation

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "source": source,
            "target": target,
            "type": type_,
        })
        if direction is not UNSET:
            field_dict["direction"] = direction
        if relation is not UNSET:
            field_dict["relation"] = relation
        if role is not UNSET:
            field_dict["role"] = role
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = UUID(d.pop("source"))




        target = UUID(d.pop("target"))




        type_ = d.pop("type")

        direction = d.pop("direction", UNSET)

        def _parse_relation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))


        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))


        text = d.pop("text", UNSET)

        step = cls(
            source=source,
            target=target,
            type_=type_,
            direction=direction,
            relation=relation,
            role=role,
            text=text,
        )


        step.additional_properties = d
        return step

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
