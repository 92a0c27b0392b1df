from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.question_kind_enum import QuestionKindEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.details import Details
  from ..models.mention import Mention





T = TypeVar("T", bound="Interpretation")



@_attrs_define
class Interpretation:
    """ 
        Attributes:
            kind (QuestionKindEnum): * `meetings` - meetings
                * `path` - path
                * `character_at_location` - character_at_location
                * `death` - death
                * `relation` - relation
                * `events_at_location` - events_at_location
                * `text` - text
            details (Details):
            confident (bool): False when a name could be several entities: then the results come from text search, not from
                the graph.
            mentions (list[Mention]): Names found in the question as longest non-overlapping spans, in order.
            note (None | str): What was unclear, for a “did you mean …” prompt; or why there is no answer (“Nothing is known
                of a death of X as of chapter 2.”, a chapter after as_of_chapter).
     """

    kind: QuestionKindEnum
    details: Details
    confident: bool
    mentions: list[Mention]
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.details import Details # noqa: PLC0415
        from ..models.mention import Mention # noqa: PLC0415
        kind = self.kind.value

        details = self.details.to_dict()

        confident = self.confident

        mentions = []
        for mentions_item_data in self.mentions:
            mentions_item = mentions_item_data.to_dict()
            mentions.append(mentions_item)



        note: None | str
        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "details": details,
            "confident": confident,
            "mentions": mentions,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.details import Details # noqa: PLC0415
        from ..models.mention import Mention # noqa: PLC0415
        d = dict(src_dict)
        kind = QuestionKindEnum(d.pop("kind"))




        details = Details.from_dict(d.pop("details"))




        confident = d.pop("confident")

        mentions = []
        _mentions = d.pop("mentions")
        for mentions_item_data in (_mentions):
            mentions_item = Mention.from_dict(mentions_item_data)



            mentions.append(mentions_item)


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        interpretation = cls(
            kind=kind,
            details=details,
            confident=confident,
            mentions=mentions,
            note=note,
        )


        interpretation.additional_properties = d
        return interpretation

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
