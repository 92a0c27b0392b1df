from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.participant_request import ParticipantRequest





T = TypeVar("T", bound="SceneRequest")



@_attrs_define
class SceneRequest:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            chapter (UUID):
            order (int): Position of the scene within its chapter.
            title (str):
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            summary (str | Unset):
            text (str | Unset):
            location (None | Unset | UUID):
            participants (list[ParticipantRequest] | Unset):
     """

    chapter: UUID
    order: int
    title: str
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    summary: str | Unset = UNSET
    text: str | Unset = UNSET
    location: None | Unset | UUID = UNSET
    participants: list[ParticipantRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.participant_request import ParticipantRequest # noqa: PLC0415
        chapter = str(self.chapter)

        order = self.order

        title = self.title

        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        summary = self.summary

        text = self.text

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, UUID):
            location = str(self.location)
        else:
            location = self.location

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item = participants_item_data.to_dict()
                participants.append(participants_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "chapter": chapter,
            "order": order,
            "title": title,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if tags is not UNSET:
            field_dict["tags"] = tags
        if summary is not UNSET:
            field_dict["summary"] = summary
        if text is not UNSET:
            field_dict["text"] = text
        if location is not UNSET:
            field_dict["location"] = location
        if participants is not UNSET:
            field_dict["participants"] = participants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_request import ParticipantRequest # noqa: PLC0415
        d = dict(src_dict)
        chapter = UUID(d.pop("chapter"))




        order = d.pop("order")

        title = d.pop("title")

        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        summary = d.pop("summary", UNSET)

        text = d.pop("text", UNSET)

        def _parse_location(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                location_type_0 = UUID(data)



                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        location = _parse_location(d.pop("location", UNSET))


        _participants = d.pop("participants", UNSET)
        participants: list[ParticipantRequest] | Unset = UNSET
        if _participants is not UNSET:
            participants = []
            for participants_item_data in _participants:
                participants_item = ParticipantRequest.from_dict(participants_item_data)



                participants.append(participants_item)


        scene_request = cls(
            chapter=chapter,
            order=order,
            title=title,
            version=version,
            tags=tags,
            summary=summary,
            text=text,
            location=location,
            participants=participants,
        )


        scene_request.additional_properties = d
        return scene_request

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
