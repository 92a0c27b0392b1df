from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_operation_enum import ChangeOperationEnum
from ..models.entity_types_enum import EntityTypesEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookEndpointRequest")



@_attrs_define
class WebhookEndpointRequest:
    """ 
        Attributes:
            url (str): http(s) only; a public address.
            event_types (list[ChangeOperationEnum] | Unset): create, update, delete; empty or left out: all.
            entity_types (list[EntityTypesEnum] | Unset): Entity types sent; empty or left out: all.
            active (bool | Unset):
     """

    url: str
    event_types: list[ChangeOperationEnum] | Unset = UNSET
    entity_types: list[EntityTypesEnum] | Unset = UNSET
    active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)



        entity_types: list[str] | Unset = UNSET
        if not isinstance(self.entity_types, Unset):
            entity_types = []
            for entity_types_item_data in self.entity_types:
                entity_types_item = entity_types_item_data.value
                entity_types.append(entity_types_item)



        active = self.active


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "url": url,
        })
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if entity_types is not UNSET:
            field_dict["entity_types"] = entity_types
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        _event_types = d.pop("event_types", UNSET)
        event_types: list[ChangeOperationEnum] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = ChangeOperationEnum(event_types_item_data)



                event_types.append(event_types_item)


        _entity_types = d.pop("entity_types", UNSET)
        entity_types: list[EntityTypesEnum] | Unset = UNSET
        if _entity_types is not UNSET:
            entity_types = []
            for entity_types_item_data in _entity_types:
                entity_types_item = EntityTypesEnum(entity_types_item_data)



                entity_types.append(entity_types_item)


        active = d.pop("active", UNSET)

        webhook_endpoint_request = cls(
            url=url,
            event_types=event_types,
            entity_types=entity_types,
            active=active,
        )


        webhook_endpoint_request.additional_properties = d
        return webhook_endpoint_request

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
