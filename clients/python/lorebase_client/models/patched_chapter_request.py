from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedChapterRequest")



@_attrs_define
class PatchedChapterRequest:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            version (int): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if someone
                saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            number (int | Unset):
            title (str | Unset):
            summary (str | Unset):
     """

    version: int
    tags: list[str] | Unset = UNSET
    number: int | Unset = UNSET
    title: str | Unset = UNSET
    summary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        number = self.number

        title = self.title

        summary = self.summary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "version": version,
        })
        if tags is not UNSET:
            field_dict["tags"] = tags
        if number is not UNSET:
            field_dict["number"] = number
        if title is not UNSET:
            field_dict["title"] = title
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        tags = cast(list[str], d.pop("tags", UNSET))


        number = d.pop("number", UNSET)

        title = d.pop("title", UNSET)

        summary = d.pop("summary", UNSET)

        patched_chapter_request = cls(
            version=version,
            tags=tags,
            number=number,
            title=title,
            summary=summary,
        )


        patched_chapter_request.additional_properties = d
        return patched_chapter_request

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
