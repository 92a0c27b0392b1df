from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.character_card_v3_spec_enum import CharacterCardV3SpecEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.character_card_v3_data import CharacterCardV3Data





T = TypeVar("T", bound="CharacterCardV3")



@_attrs_define
class CharacterCardV3:
    """ Character Card V3: https://github.com/kwaroran/character-card-spec-v3

        Attributes:
            spec (CharacterCardV3SpecEnum): * `chara_card_v3` - chara_card_v3
            spec_version (str): Always 3.0.
            data (CharacterCardV3Data):
     """

    spec: CharacterCardV3SpecEnum
    spec_version: str
    data: CharacterCardV3Data
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.character_card_v3_data import CharacterCardV3Data # noqa: PLC0415
        spec = self.spec.value

        spec_version = self.spec_version

        data = self.data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "spec": spec,
            "spec_version": spec_version,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_card_v3_data import CharacterCardV3Data # noqa: PLC0415
        d = dict(src_dict)
        spec = CharacterCardV3SpecEnum(d.pop("spec"))




        spec_version = d.pop("spec_version")

        data = CharacterCardV3Data.from_dict(d.pop("data"))




        character_card_v3 = cls(
            spec=spec,
            spec_version=spec_version,
            data=data,
        )


        character_card_v3.additional_properties = d
        return character_card_v3

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
