from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role_enum import RoleEnum
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="ParticipantRequest")



@_attrs_define
class ParticipantRequest:
    """ 
        Attributes:
            character (UUID):
            role (RoleEnum | Unset): * `present` - Present
                * `speaker` - Speaker
                * `mentioned` - Mentioned Default: RoleEnum.PRESENT.
     """

    character: UUID
    role: RoleEnum | Unset = RoleEnum.PRESENT
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        character = str(self.character)

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "character": character,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        character = UUID(d.pop("character"))




        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)




        participant_request = cls(
            character=character,
            role=role,
        )


        participant_request.additional_properties = d
        return participant_request

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
