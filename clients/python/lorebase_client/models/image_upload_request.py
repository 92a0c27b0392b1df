from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.image_kind_enum import ImageKindEnum
from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from uuid import UUID






T = TypeVar("T", bound="ImageUploadRequest")



@_attrs_define
class ImageUploadRequest:
    """ 
        Attributes:
            entity (UUID): The character, location, scene or concept.
            kind (ImageKindEnum): * `portrait` - Portrait
                * `sprite` - Sprite
                * `background` - Background
                * `reference` - Reference image
            file (File): PNG, JPEG, WebP or GIF.
            label (str | Unset):  Default: ''.
     """

    entity: UUID
    kind: ImageKindEnum
    file: File
    label: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        entity = str(self.entity)

        kind = self.kind.value

        file = self.file.to_tuple()


        label = self.label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "entity": entity,
            "kind": kind,
            "file": file,
        })
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("entity", (None, str(self.entity), "text/plain")))



        files.append(("kind",  (None, str(self.kind.value).encode(), "text/plain")))



        files.append(("file", self.file.to_tuple()))



        if not isinstance(self.label, Unset):
            files.append(("label", (None, str(self.label).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity = UUID(d.pop("entity"))




        kind = ImageKindEnum(d.pop("kind"))




        file = File(
             payload = BytesIO(d.pop("file"))
        )




        label = d.pop("label", UNSET)

        image_upload_request = cls(
            entity=entity,
            kind=kind,
            file=file,
            label=label,
        )


        image_upload_request.additional_properties = d
        return image_upload_request

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
