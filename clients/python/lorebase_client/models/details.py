from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.death_enum import DeathEnum
from ..models.meeting_enum import MeetingEnum
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.relation_asked import RelationAsked





T = TypeVar("T", bound="Details")



@_attrs_define
class Details:
    """ 
        Attributes:
            meeting (MeetingEnum | Unset): * `first` - first
                * `last` - last
                * `all` - all
            death (DeathEnum | Unset): * `killer` - killer
                * `how` - how
            relations (list[RelationAsked] | Unset): relation: the relations asked about; results are the other parties of
                those that hold at as_of_chapter, by (chapter the relation starts in, name, id).
            chapter (int | None | Unset): events_at_location: the chapter asked about, by number or title.
     """

    meeting: MeetingEnum | Unset = UNSET
    death: DeathEnum | Unset = UNSET
    relations: list[RelationAsked] | Unset = UNSET
    chapter: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.relation_asked import RelationAsked # noqa: PLC0415
        meeting: str | Unset = UNSET
        if not isinstance(self.meeting, Unset):
            meeting = self.meeting.value


        death: str | Unset = UNSET
        if not isinstance(self.death, Unset):
            death = self.death.value


        relations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relations, Unset):
            relations = []
            for relations_item_data in self.relations:
                relations_item = relations_item_data.to_dict()
                relations.append(relations_item)



        chapter: int | None | Unset
        if isinstance(self.chapter, Unset):
            chapter = UNSET
        else:
            chapter = self.chapter


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if meeting is not UNSET:
            field_dict["meeting"] = meeting
        if death is not UNSET:
            field_dict["death"] = death
        if relations is not UNSET:
            field_dict["relations"] = relations
        if chapter is not UNSET:
            field_dict["chapter"] = chapter

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relation_asked import RelationAsked # noqa: PLC0415
        d = dict(src_dict)
        _meeting = d.pop("meeting", UNSET)
        meeting: MeetingEnum | Unset
        if isinstance(_meeting,  Unset):
            meeting = UNSET
        else:
            meeting = MeetingEnum(_meeting)




        _death = d.pop("death", UNSET)
        death: DeathEnum | Unset
        if isinstance(_death,  Unset):
            death = UNSET
        else:
            death = DeathEnum(_death)




        _relations = d.pop("relations", UNSET)
        relations: list[RelationAsked] | Unset = UNSET
        if _relations is not UNSET:
            relations = []
            for relations_item_data in _relations:
                relations_item = RelationAsked.from_dict(relations_item_data)



                relations.append(relations_item)


        def _parse_chapter(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        chapter = _parse_chapter(d.pop("chapter", UNSET))


        details = cls(
            meeting=meeting,
            death=death,
            relations=relations,
            chapter=chapter,
        )


        details.additional_properties = d
        return details

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
