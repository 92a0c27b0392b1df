from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_operation_enum import ChangeOperationEnum
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ 
        Attributes:
            operation (ChangeOperationEnum): * `create` - Create
                * `update` - Update
                * `delete` - Delete
            entity_type (str): `world`, `chapter`, `location`, …
            entity_id (UUID):
            version (int): The entity's version after the change.
            changed_at (datetime.datetime):
     """

    operation: ChangeOperationEnum
    entity_type: str
    entity_id: UUID
    version: int
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        operation = self.operation.value

        entity_type = self.entity_type

        entity_id = str(self.entity_id)

        version = self.version

        changed_at = self.changed_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "operation": operation,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "version": version,
            "changed_at": changed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operation = ChangeOperationEnum(d.pop("operation"))




        entity_type = d.pop("entity_type")

        entity_id = UUID(d.pop("entity_id"))




        version = d.pop("version")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))




        change = cls(
            operation=operation,
            entity_type=entity_type,
            entity_id=entity_id,
            version=version,
            changed_at=changed_at,
        )


        change.additional_properties = d
        return change

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
