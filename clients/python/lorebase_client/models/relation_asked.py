from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from ..models.side_enum import SideEnum






T = TypeVar("T", bound="RelationAsked")



@_attrs_define
class RelationAsked:
    """ 
        Attributes:
            kind (RelationKindEnum): * `KNOWS` - knows
                * `FAMILY_OF` - is family of
                * `ALLY_OF` - is an ally of
                * `ENEMY_OF` - is an enemy of
                * `LOVES` - loves
                * `MENTOR_OF` - is a mentor of
                * `SERVES` - serves
                * `MEMBER_OF` - is a member of
                * `LEADS` - leads
                * `OWNS` - owns
                * `LIVES_IN` - lives in
                * `RULES` - rules
                * `PART_OF` - is part of
                * `RELATES_TO` - relates to
            side (SideEnum): * `out` - out
                * `in` - in
                * `both` - both
     """

    kind: RelationKindEnum
    side: SideEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        side = self.side.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "side": side,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = RelationKindEnum(d.pop("kind"))




        side = SideEnum(d.pop("side"))




        relation_asked = cls(
            kind=kind,
            side=side,
        )


        relation_asked.additional_properties = d
        return relation_asked

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
