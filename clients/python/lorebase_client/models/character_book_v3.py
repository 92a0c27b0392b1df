from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.character_book_v3_extensions import CharacterBookV3Extensions
  from ..models.character_card_v3_entry import CharacterCardV3Entry





T = TypeVar("T", bound="CharacterBookV3")



@_attrs_define
class CharacterBookV3:
    """ 
        Attributes:
            name (str):
            description (str):
            recursive_scanning (bool):
            extensions (CharacterBookV3Extensions):
            entries (list[CharacterCardV3Entry]):
     """

    name: str
    description: str
    recursive_scanning: bool
    extensions: CharacterBookV3Extensions
    entries: list[CharacterCardV3Entry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.character_book_v3_extensions import CharacterBookV3Extensions # noqa: PLC0415
        from ..models.character_card_v3_entry import CharacterCardV3Entry # noqa: PLC0415
        name = self.name

        description = self.description

        recursive_scanning = self.recursive_scanning

        extensions = self.extensions.to_dict()

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "description": description,
            "recursive_scanning": recursive_scanning,
            "extensions": extensions,
            "entries": entries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_book_v3_extensions import CharacterBookV3Extensions # noqa: PLC0415
        from ..models.character_card_v3_entry import CharacterCardV3Entry # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        recursive_scanning = d.pop("recursive_scanning")

        extensions = CharacterBookV3Extensions.from_dict(d.pop("extensions"))




        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = CharacterCardV3Entry.from_dict(entries_item_data)



            entries.append(entries_item)


        character_book_v3 = cls(
            name=name,
            description=description,
            recursive_scanning=recursive_scanning,
            extensions=extensions,
            entries=entries,
        )


        character_book_v3.additional_properties = d
        return character_book_v3

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
