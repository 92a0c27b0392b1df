from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="World")



@_attrs_define
class World:
    """ 
        Attributes:
            id (UUID):
            original (None | UUID): In a translated edition: the original world's id.
            name (str):
            slug (str):
            version (int):
            role (None | str): Your role in this world.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            language (LanguageEnum | Unset): * `en` - English
                * `ru` - Russian
            description (str | Unset):
     """

    id: UUID
    original: None | UUID
    name: str
    slug: str
    version: int
    role: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    language: LanguageEnum | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        original: None | str
        if isinstance(self.original, UUID):
            original = str(self.original)
        else:
            original = self.original

        name = self.name

        slug = self.slug

        version = self.version

        role: None | str
        role = self.role

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value


        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "original": original,
            "name": name,
            "slug": slug,
            "version": version,
            "role": role,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if language is not UNSET:
            field_dict["language"] = language
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_original(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_type_0 = UUID(data)



                return original_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        original = _parse_original(d.pop("original"))


        name = d.pop("name")

        slug = d.pop("slug")

        version = d.pop("version")

        def _parse_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        role = _parse_role(d.pop("role"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        _language = d.pop("language", UNSET)
        language: LanguageEnum | Unset
        if isinstance(_language,  Unset):
            language = UNSET
        else:
            language = LanguageEnum(_language)




        description = d.pop("description", UNSET)

        world = cls(
            id=id,
            original=original,
            name=name,
            slug=slug,
            version=version,
            role=role,
            created_at=created_at,
            updated_at=updated_at,
            language=language,
            description=description,
        )


        world.additional_properties = d
        return world

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
