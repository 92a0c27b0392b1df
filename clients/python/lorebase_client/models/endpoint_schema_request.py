from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_schema_type_enum import EndpointSchemaTypeEnum
from uuid import UUID






T = TypeVar("T", bound="EndpointSchemaRequest")



@_attrs_define
class EndpointSchemaRequest:
    """ One end of a relation: the entity's type and id (its name is read-only).

        Attributes:
            type_ (EndpointSchemaTypeEnum): * `character` - character
                * `concept` - concept
                * `location` - location
            id (UUID):
     """

    type_: EndpointSchemaTypeEnum
    id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = str(self.id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = EndpointSchemaTypeEnum(d.pop("type"))




        id = UUID(d.pop("id"))




        endpoint_schema_request = cls(
            type_=type_,
            id=id,
        )


        endpoint_schema_request.additional_properties = d
        return endpoint_schema_request

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
