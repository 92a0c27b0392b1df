from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.question_kind_enum import QuestionKindEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.interpretation import Interpretation
  from ..models.recognised import Recognised
  from ..models.result import Result





T = TypeVar("T", bound="SearchResponse")



@_attrs_define
class SearchResponse:
    """ 
        Attributes:
            query (str):
            kind (QuestionKindEnum): * `meetings` - meetings
                * `path` - path
                * `character_at_location` - character_at_location
                * `death` - death
                * `relation` - relation
                * `events_at_location` - events_at_location
                * `text` - text
            as_of_chapter (int | None):
            entities (list[Recognised]): Entities the question names beyond doubt.
            interpretation (Interpretation):
            results (list[Result]):
     """

    query: str
    kind: QuestionKindEnum
    as_of_chapter: int | None
    entities: list[Recognised]
    interpretation: Interpretation
    results: list[Result]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.interpretation import Interpretation # noqa: PLC0415
        from ..models.recognised import Recognised # noqa: PLC0415
        from ..models.result import Result # noqa: PLC0415
        query = self.query

        kind = self.kind.value

        as_of_chapter: int | None
        as_of_chapter = self.as_of_chapter

        entities = []
        for entities_item_data in self.entities:
            entities_item = entities_item_data.to_dict()
            entities.append(entities_item)



        interpretation = self.interpretation.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "query": query,
            "kind": kind,
            "as_of_chapter": as_of_chapter,
            "entities": entities,
            "interpretation": interpretation,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interpretation import Interpretation # noqa: PLC0415
        from ..models.recognised import Recognised # noqa: PLC0415
        from ..models.result import Result # noqa: PLC0415
        d = dict(src_dict)
        query = d.pop("query")

        kind = QuestionKindEnum(d.pop("kind"))




        def _parse_as_of_chapter(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        as_of_chapter = _parse_as_of_chapter(d.pop("as_of_chapter"))


        entities = []
        _entities = d.pop("entities")
        for entities_item_data in (_entities):
            entities_item = Recognised.from_dict(entities_item_data)



            entities.append(entities_item)


        interpretation = Interpretation.from_dict(d.pop("interpretation"))




        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = Result.from_dict(results_item_data)



            results.append(results_item)


        search_response = cls(
            query=query,
            kind=kind,
            as_of_chapter=as_of_chapter,
            entities=entities,
            interpretation=interpretation,
            results=results,
        )


        search_response.additional_properties = d
        return search_response

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
