from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="BatchResult")



@_attrs_define
class BatchResult:
    """ 
        Attributes:
            index (int):
            op (str):
            type_ (str):
            id (UUID):
            version (int): The version written (a delete: the last one).
            ref (str | Unset):
     """

    index: int
    op: str
    type_: str
    id: UUID
    version: int
    ref: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        index = self.index

        op = self.op

        type_ = self.type_

        id = str(self.id)

        version = self.version

        ref = self.ref


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "index": index,
            "op": op,
            "type": type_,
            "id": id,
            "version": version,
        })
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        op = d.pop("op")

        type_ = d.pop("type")

        id = UUID(d.pop("id"))




        version = d.pop("version")

        ref = d.pop("ref", UNSET)

        batch_result = cls(
            index=index,
            op=op,
            type_=type_,
            id=id,
            version=version,
            ref=ref,
        )


        batch_result.additional_properties = d
        return batch_result

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
