from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.character_card_v3_entry_extensions import CharacterCardV3EntryExtensions





T = TypeVar("T", bound="CharacterCardV3Entry")



@_attrs_define
class CharacterCardV3Entry:
    """ 
        Attributes:
            id (int):
            name (str):
            keys (list[str]):
            secondary_keys (list[str]):
            content (str):
            comment (str):
            enabled (bool):
            constant (bool):
            selective (bool):
            case_sensitive (bool):
            insertion_order (int):
            priority (int):
            position (str): before_char or after_char
            extensions (CharacterCardV3EntryExtensions):
            use_regex (bool): Always false: keys are plain names.
     """

    id: int
    name: str
    keys: list[str]
    secondary_keys: list[str]
    content: str
    comment: str
    enabled: bool
    constant: bool
    selective: bool
    case_sensitive: bool
    insertion_order: int
    priority: int
    position: str
    extensions: CharacterCardV3EntryExtensions
    use_regex: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.character_card_v3_entry_extensions import CharacterCardV3EntryExtensions # noqa: PLC0415
        id = self.id

        name = self.name

        keys = self.keys



        secondary_keys = self.secondary_keys



        content = self.content

        comment = self.comment

        enabled = self.enabled

        constant = self.constant

        selective = self.selective

        case_sensitive = self.case_sensitive

        insertion_order = self.insertion_order

        priority = self.priority

        position = self.position

        extensions = self.extensions.to_dict()

        use_regex = self.use_regex


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "keys": keys,
            "secondary_keys": secondary_keys,
            "content": content,
            "comment": comment,
            "enabled": enabled,
            "constant": constant,
            "selective": selective,
            "case_sensitive": case_sensitive,
            "insertion_order": insertion_order,
            "priority": priority,
            "position": position,
            "extensions": extensions,
            "use_regex": use_regex,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_card_v3_entry_extensions import CharacterCardV3EntryExtensions # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        keys = cast(list[str], d.pop("keys"))


        secondary_keys = cast(list[str], d.pop("secondary_keys"))


        content = d.pop("content")

        comment = d.pop("comment")

        enabled = d.pop("enabled")

        constant = d.pop("constant")

        selective = d.pop("selective")

        case_sensitive = d.pop("case_sensitive")

        insertion_order = d.pop("insertion_order")

        priority = d.pop("priority")

        position = d.pop("position")

        extensions = CharacterCardV3EntryExtensions.from_dict(d.pop("extensions"))




        use_regex = d.pop("use_regex")

        character_card_v3_entry = cls(
            id=id,
            name=name,
            keys=keys,
            secondary_keys=secondary_keys,
            content=content,
            comment=comment,
            enabled=enabled,
            constant=constant,
            selective=selective,
            case_sensitive=case_sensitive,
            insertion_order=insertion_order,
            priority=priority,
            position=position,
            extensions=extensions,
            use_regex=use_regex,
        )


        character_card_v3_entry.additional_properties = d
        return character_card_v3_entry

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
