from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.location_kind_enum import LocationKindEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="LocationRequest")



@_attrs_define
class LocationRequest:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            name (str):
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            aliases (list[str] | Unset): Other names, one per line in the admin (nicknames, titles, translations).
            kind (LocationKindEnum | Unset): * `region` - Region
                * `city` - City
                * `district` - District
                * `building` - Building
                * `room` - Room
                * `wilderness` - Wilderness
                * `other` - Other
            description (str | Unset):
            parent (None | Unset | UUID):
     """

    name: str
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    kind: LocationKindEnum | Unset = UNSET
    description: str | Unset = UNSET
    parent: None | Unset | UUID = UNSET
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

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, UUID):
            parent = str(self.parent)
        else:
            parent = self.parent


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
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        aliases = cast(list[str], d.pop("aliases", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: LocationKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = LocationKindEnum(_kind)




        description = d.pop("description", UNSET)

        def _parse_parent(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_type_0 = UUID(data)



                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        location_request = cls(
            name=name,
            version=version,
            tags=tags,
            aliases=aliases,
            kind=kind,
            description=description,
            parent=parent,
        )


        location_request.additional_properties = d
        return location_request

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
