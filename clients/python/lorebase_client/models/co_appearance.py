from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.place import Place





T = TypeVar("T", bound="CoAppearance")



@_attrs_define
class CoAppearance:
    """ 
        Attributes:
            character (Place):
            scenes (int):
            first_chapter (int):
            why (str):
     """

    character: Place
    scenes: int
    first_chapter: int
    why: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        character = self.character.to_dict()

        scenes = self.scenes

        first_chapter = self.first_chapter

        why = self.why


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "character": character,
            "scenes": scenes,
            "first_chapter": first_chapter,
            "why": why,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        d = dict(src_dict)
        character = Place.from_dict(d.pop("character"))




        scenes = d.pop("scenes")

        first_chapter = d.pop("first_chapter")

        why = d.pop("why")

        co_appearance = cls(
            character=character,
            scenes=scenes,
            first_chapter=first_chapter,
            why=why,
        )


        co_appearance.additional_properties = d
        return co_appearance

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
