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
  from ..models.place import Place
  from ..models.why import Why





T = TypeVar("T", bound="Result")



@_attrs_define
class Result:
    """ 
        Attributes:
            type_ (str):
            id (None | UUID):
            title (str):
            score (float):
            why (Why):
            cites (list[UUID]):
            chapter (int | None | Unset):
            location (None | Place | Unset):
     """

    type_: str
    id: None | UUID
    title: str
    score: float
    why: Why
    cites: list[UUID]
    chapter: int | None | Unset = UNSET
    location: None | Place | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.place import Place # noqa: PLC0415
        from ..models.why import Why # noqa: PLC0415
        type_ = self.type_

        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        title = self.title

        score = self.score

        why = self.why.to_dict()

        cites = []
        for cites_item_data in self.cites:
            cites_item = str(cites_item_data)
            cites.append(cites_item)



        chapter: int | None | Unset
        if isinstance(self.chapter, Unset):
            chapter = UNSET
        else:
            chapter = self.chapter

        location: dict[str, Any] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, Place):
            location = self.location.to_dict()
        else:
            location = self.location


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "id": id,
            "title": title,
            "score": score,
            "why": why,
            "cites": cites,
        })
        if chapter is not UNSET:
            field_dict["chapter"] = chapter
        if location is not UNSET:
            field_dict["location"] = location

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place import Place # noqa: PLC0415
        from ..models.why import Why # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)



                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))


        title = d.pop("title")

        score = d.pop("score")

        why = Why.from_dict(d.pop("why"))




        cites = []
        _cites = d.pop("cites")
        for cites_item_data in (_cites):
            cites_item = UUID(cites_item_data)



            cites.append(cites_item)


        def _parse_chapter(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        chapter = _parse_chapter(d.pop("chapter", UNSET))


        def _parse_location(data: object) -> None | Place | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_1 = Place.from_dict(data)



                return location_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Place | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        result = cls(
            type_=type_,
            id=id,
            title=title,
            score=score,
            why=why,
            cites=cites,
            chapter=chapter,
            location=location,
        )


        result.additional_properties = d
        return result

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
