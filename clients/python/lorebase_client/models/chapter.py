from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Chapter")



@_attrs_define
class Chapter:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            id (UUID):
            original (None | UUID): In a translated edition of a world: the id of this entity in the original.
            number (int):
            title (str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            summary (str | Unset):
     """

    id: UUID
    original: None | UUID
    number: int
    title: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        original: None | str
        if isinstance(self.original, UUID):
            original = str(self.original)
        else:
            original = self.original

        number = self.number

        title = self.title

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "original": original,
            "number": number,
            "title": title,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if tags is not UNSET:
            field_dict["tags"] = tags
        if summary is not UNSET:
            field_dict["summary"] = summary

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


        number = d.pop("number")

        title = d.pop("title")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        summary = d.pop("summary", UNSET)

        chapter = cls(
            id=id,
            original=original,
            number=number,
            title=title,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            tags=tags,
            summary=summary,
        )


        chapter.additional_properties = d
        return chapter

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
