from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.how_enum import HowEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.candidate import Candidate





T = TypeVar("T", bound="Mention")



@_attrs_define
class Mention:
    """ 
        Attributes:
            words (list[str]):
            field (str):
            value (str):
            how (HowEnum): * `exact` - exact
                * `stem` - stem
                * `fuzzy` - fuzzy
            score (float):
            ambiguous (bool): More than one entity fits these words equally well.
            resolved_by (None | str): When several entities fit these words, what else in the question chose the one taken:
                a place it names that holds just one of them, the places where the characters it names have scenes, or whether
                it asks about a chapter.
            candidates (list[Candidate]): Every entity these words may name, the first one when clear.
     """

    words: list[str]
    field: str
    value: str
    how: HowEnum
    score: float
    ambiguous: bool
    resolved_by: None | str
    candidates: list[Candidate]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate import Candidate # noqa: PLC0415
        words = self.words



        field = self.field

        value = self.value

        how = self.how.value

        score = self.score

        ambiguous = self.ambiguous

        resolved_by: None | str
        resolved_by = self.resolved_by

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "words": words,
            "field": field,
            "value": value,
            "how": how,
            "score": score,
            "ambiguous": ambiguous,
            "resolved_by": resolved_by,
            "candidates": candidates,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate # noqa: PLC0415
        d = dict(src_dict)
        words = cast(list[str], d.pop("words"))


        field = d.pop("field")

        value = d.pop("value")

        how = HowEnum(d.pop("how"))




        score = d.pop("score")

        ambiguous = d.pop("ambiguous")

        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))


        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in (_candidates):
            candidates_item = Candidate.from_dict(candidates_item_data)



            candidates.append(candidates_item)


        mention = cls(
            words=words,
            field=field,
            value=value,
            how=how,
            score=score,
            ambiguous=ambiguous,
            resolved_by=resolved_by,
            candidates=candidates,
        )


        mention.additional_properties = d
        return mention

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
