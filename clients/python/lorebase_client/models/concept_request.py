from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.concept_kind_enum import ConceptKindEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ConceptRequest")



@_attrs_define
class ConceptRequest:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            name (str):
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            aliases (list[str] | Unset): Other names, one per line in the admin (nicknames, titles, translations).
            kind (ConceptKindEnum | Unset): * `faction` - Faction
                * `item` - Item
                * `magic` - Magic
                * `term` - Term
                * `event` - Event
                * `creature` - Creature
                * `other` - Other
            description (str | Unset):
     """

    name: str
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    kind: ConceptKindEnum | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        description = self.description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if tags is not UNSET:
            field_dict["tags"] = tags
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if kind is not UNSET:
            field_dict["kind"] = kind
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        aliases = cast(list[str], d.pop("aliases", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: ConceptKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ConceptKindEnum(_kind)




        description = d.pop("description", UNSET)

        concept_request = cls(
            name=name,
            version=version,
            tags=tags,
            aliases=aliases,
            kind=kind,
            description=description,
        )


        concept_request.additional_properties = d
        return concept_request

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
