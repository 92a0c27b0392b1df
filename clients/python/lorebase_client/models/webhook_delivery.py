from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_operation_enum import ChangeOperationEnum
from ..models.entity_type_enum import EntityTypeEnum
from ..models.webhook_delivery_status_enum import WebhookDeliveryStatusEnum
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="WebhookDelivery")



@_attrs_define
class WebhookDelivery:
    """ 
        Attributes:
            id (int):
            webhook_id (str):
            change_id (int):
            entity_type (EntityTypeEnum): * `world` - World
                * `chapter` - Chapter
                * `location` - Location
                * `character` - Character
                * `scene` - Scene
                * `concept` - Concept
                * `relation` - Relation
            entity_id (UUID):
            operation (ChangeOperationEnum): * `create` - Create
                * `update` - Update
                * `delete` - Delete
            version (int):
            status (WebhookDeliveryStatusEnum): * `pending` - Pending
                * `succeeded` - Succeeded
                * `failed` - Failed (gave up)
            attempts (int):
            next_attempt_at (datetime.datetime | None):
            last_status_code (int | None):
            last_error (str):
            created_at (datetime.datetime):
            delivered_at (datetime.datetime | None):
     """

    id: int
    webhook_id: str
    change_id: int
    entity_type: EntityTypeEnum
    entity_id: UUID
    operation: ChangeOperationEnum
    version: int
    status: WebhookDeliveryStatusEnum
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_status_code: int | None
    last_error: str
    created_at: datetime.datetime
    delivered_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        webhook_id = self.webhook_id

        change_id = self.change_id

        entity_type = self.entity_type.value

        entity_id = str(self.entity_id)

        operation = self.operation.value

        version = self.version

        status = self.status.value

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error = self.last_error

        created_at = self.created_at.isoformat()

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "webhook_id": webhook_id,
            "change_id": change_id,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "operation": operation,
            "version": version,
            "status": status,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "last_status_code": last_status_code,
            "last_error": last_error,
            "created_at": created_at,
            "delivered_at": delivered_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        webhook_id = d.pop("webhook_id")

        change_id = d.pop("change_id")

        entity_type = EntityTypeEnum(d.pop("entity_type"))




        entity_id = UUID(d.pop("entity_id"))




        operation = ChangeOperationEnum(d.pop("operation"))




        version = d.pop("version")

        status = WebhookDeliveryStatusEnum(d.pop("status"))




        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))


        last_error = d.pop("last_error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        webhook_delivery = cls(
            id=id,
            webhook_id=webhook_id,
            change_id=change_id,
            entity_type=entity_type,
            entity_id=entity_id,
            operation=operation,
            version=version,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            created_at=created_at,
            delivered_at=delivered_at,
        )


        webhook_delivery.additional_properties = d
        return webhook_delivery

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
