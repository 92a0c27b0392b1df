from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_operation_type_enum import BatchOperationTypeEnum
from ..models.op_enum import OpEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.batch_operation_request_data import BatchOperationRequestData





T = TypeVar("T", bound="BatchOperationRequest")



@_attrs_define
class BatchOperationRequest:
    """ 
        Attributes:
            op (OpEnum): * `create` - create
                * `update` - update
                * `delete` - delete
            type_ (BatchOperationTypeEnum): * `chapter` - chapter
                * `character` - character
                * `concept` - concept
                * `location` - location
                * `relation` - relation
                * `scene` - scene
            ref (str | Unset): create: a name for the new entity, for later operations to point at with `{"ref": …}`
                (letters, digits, `_.:-`, at most 100).
            id (Any | Unset): update, delete: the entity's id, or `{"ref": …}` of one created earlier in the batch.
            data (BatchOperationRequestData | Unset): create, update: the entity's fields, as its own endpoint takes them
                (an update may send only some, and its `version`).
     """

    op: OpEnum
    type_: BatchOperationTypeEnum
    ref: str | Unset = UNSET
    id: Any | Unset = UNSET
    data: BatchOperationRequestData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_operation_request_data import BatchOperationRequestData # noqa: PLC0415
        op = self.op.value

        type_ = self.type_.value

        ref = self.ref

        id = self.id

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "op": op,
            "type": type_,
        })
        if ref is not UNSET:
            field_dict["ref"] = ref
        if id is not UNSET:
            field_dict["id"] = id
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_operation_request_data import BatchOperationRequestData # noqa: PLC0415
        d = dict(src_dict)
        op = OpEnum(d.pop("op"))




        type_ = BatchOperationTypeEnum(d.pop("type"))




        ref = d.pop("ref", UNSET)

        id = d.pop("id", UNSET)

        _data = d.pop("data", UNSET)
        data: BatchOperationRequestData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = BatchOperationRequestData.from_dict(_data)




        batch_operation_request = cls(
            op=op,
            type_=type_,
            ref=ref,
            id=id,
            data=data,
        )


        batch_operation_request.additional_properties = d
        return batch_operation_request

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
