from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.answer_citation_type_enum import AnswerCitationTypeEnum
from uuid import UUID






T = TypeVar("T", bound="AnswerCitation")



@_attrs_define
class AnswerCitation:
    """ 
        Attributes:
            id (UUID):
            type_ (AnswerCitationTypeEnum): * `character` - character
                * `scene` - scene
                * `relation` - relation
                * `death` - death
                * `location` - location
                * `concept` - concept
            title (str):
     """

    id: UUID
    type_: AnswerCitationTypeEnum
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "type": type_,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        type_ = AnswerCitationTypeEnum(d.pop("type"))




        title = d.pop("title")

        answer_citation = cls(
            id=id,
            type_=type_,
            title=title,
        )


        answer_citation.additional_properties = d
        return answer_citation

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
