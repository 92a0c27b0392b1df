from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.how_enum import HowEnum
from typing import cast






T = TypeVar("T", bound="Matched")



@_attrs_define
class Matched:
    """ 
        Attributes:
            words (list[str]):
            field (str):
            value (str):
            how (HowEnum): * `exact` - exact
                * `stem` - stem
                * `fuzzy` - fuzzy
            score (float):
     """

    words: list[str]
    field: str
    value: str
    how: HowEnum
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        words = self.words



        field = self.field

        value = self.value

        how = self.how.value

        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "words": words,
            "field": field,
            "value": value,
            "how": how,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        words = cast(list[str], d.pop("words"))


        field = d.pop("field")

        value = d.pop("value")

        how = HowEnum(d.pop("how"))




        score = d.pop("score")

        matched = cls(
            words=words,
            field=field,
            value=value,
            how=how,
            score=score,
        )


        matched.additional_properties = d
        return matched

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
