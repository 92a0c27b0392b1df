from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_enum import SourceEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.step import Step
  from ..models.why_fields import WhyFields





T = TypeVar("T", bound="Why")



@_attrs_define
class Why:
    """ 
        Attributes:
            source (SourceEnum): * `graph` - graph
                * `record` - record
                * `name` - name
                * `text` - text
            explanation (str):
            fields (WhyFields | Unset): Field → the question's words it matched.
            path (list[Step] | Unset):
     """

    source: SourceEnum
    explanation: str
    fields: WhyFields | Unset = UNSET
    path: list[Step] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.step import Step # noqa: PLC0415
        from ..models.why_fields import WhyFields # noqa: PLC0415
        source = self.source.value

        explanation = self.explanation

        fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields.to_dict()

        path: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.path, Unset):
            path = []
            for path_item_data in self.path:
                path_item = path_item_data.to_dict()
                path.append(path_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "source": source,
            "explanation": explanation,
        })
        if fields is not UNSET:
            field_dict["fields"] = fields
        if path is not UNSET:
            field_dict["path"] = path

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step import Step # noqa: PLC0415
        from ..models.why_fields import WhyFields # noqa: PLC0415
        d = dict(src_dict)
        source = SourceEnum(d.pop("source"))




        explanation = d.pop("explanation")

        _fields = d.pop("fields", UNSET)
        fields: WhyFields | Unset
        if isinstance(_fields,  Unset):
            fields = UNSET
        else:
            fields = WhyFields.from_dict(_fields)




        _path = d.pop("path", UNSET)
        path: list[Step] | Unset = UNSET
        if _path is not UNSET:
            path = []
            for path_item_data in _path:
                path_item = Step.from_dict(path_item_data)



                path.append(path_item)


        why = cls(
            source=source,
            explanation=explanation,
            fields=fields,
            path=path,
        )


        why.additional_properties = d
        return why

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
