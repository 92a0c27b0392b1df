from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="PatchedWorldRequest")



@_attrs_define
class PatchedWorldRequest:
    """ 
        Attributes:
            name (str | Unset):
            slug (str | Unset):
            language (LanguageEnum | Unset): * `en` - English
                * `ru` - Russian
            description (str | Unset):
     """

    name: str | Unset = UNSET
    slug: str | Unset = UNSET
    language: LanguageEnum | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        slug = self.slug

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value


        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if slug is not UNSET:
            field_dict["slug"] = slug
        if language is not UNSET:
            field_dict["language"] = language
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        slug = d.pop("slug", UNSET)

        _language = d.pop("language", UNSET)
        language: LanguageEnum | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = LanguageEnum(_language)




        description = d.pop("description", UNSET)

        patched_world_request = cls(
            name=name,
            slug=slug,
            language=language,
            description=description,
        )


        patched_world_request.additional_properties = d
        return patched_world_request

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
