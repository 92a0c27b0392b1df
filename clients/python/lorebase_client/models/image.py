from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.image_kind_enum import ImageKindEnum
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Image")



@_attrs_define
class Image:
    """ 
        Attributes:
            id (UUID):
            entity (UUID): The public id of its owner.
            entity_type (str):
            kind (ImageKindEnum): * `portrait` - Portrait
                * `sprite` - Sprite
                * `background` - Background
                * `reference` - Reference image
            label (str): Which one: a sprite's mood (“smiling”), a time of day.
            content_type (str):
            content_hash (str): SHA-256 of the file's bytes.
            width (int):
            height (int):
            file_url (str): The picture itself.
            thumbnail_url (str): A PNG of at most 256 px.
            created_at (datetime.datetime):
     """

    id: UUID
    entity: UUID
    entity_type: str
    kind: ImageKindEnum
    label: str
    content_type: str
    content_hash: str
    width: int
    height: int
    file_url: str
    thumbnail_url: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        entity = str(self.entity)

        entity_type = self.entity_type

        kind = self.kind.value

        label = self.label

        content_type = self.content_type

        content_hash = self.content_hash

        width = self.width

        height = self.height

        file_url = self.file_url

        thumbnail_url = self.thumbnail_url

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "entity": entity,
            "entity_type": entity_type,
            "kind": kind,
            "label": label,
            "content_type": content_type,
            "content_hash": content_hash,
            "width": width,
            "height": height,
            "file_url": file_url,
            "thumbnail_url": thumbnail_url,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        entity = UUID(d.pop("entity"))




        entity_type = d.pop("entity_type")

        kind = ImageKindEnum(d.pop("kind"))




        label = d.pop("label")

        content_type = d.pop("content_type")

        content_hash = d.pop("content_hash")

        width = d.pop("width")

        height = d.pop("height")

        file_url = d.pop("file_url")

        thumbnail_url = d.pop("thumbnail_url")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        image = cls(
            id=id,
            entity=entity,
            entity_type=entity_type,
            kind=kind,
            label=label,
            content_type=content_type,
            content_hash=content_hash,
            width=width,
            height=height,
            file_url=file_url,
            thumbnail_url=thumbnail_url,
            created_at=created_at,
        )


        image.additional_properties = d
        return image

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
