from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.answer_character import AnswerCharacter
  from ..models.answer_citation import AnswerCitation
  from ..models.answer_context import AnswerContext
  from ..models.answer_knowledge_items_item import AnswerKnowledgeItemsItem
  from ..models.answer_usage import AnswerUsage





T = TypeVar("T", bound="Answer")



@_attrs_define
class Answer:
    """ 
        Attributes:
            answer (str):
            knows (bool): False when the character said they do not know.
            character (AnswerCharacter):
            as_of_chapter (int):
            provider (str):
            model (str):
            citations (list[AnswerCitation]):
            knowledge_items (list[AnswerKnowledgeItemsItem]): What the character knows that was given to the provider, in
                context order (a `death` item: `victim`, `killer`, `scene`, `chapter`, `cause`).
            context (AnswerContext):
            usage (AnswerUsage):
            cached (bool):
     """

    answer: str
    knows: bool
    character: AnswerCharacter
    as_of_chapter: int
    provider: str
    model: str
    citations: list[AnswerCitation]
    knowledge_items: list[AnswerKnowledgeItemsItem]
    context: AnswerContext
    usage: AnswerUsage
    cached: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_character import AnswerCharacter # noqa: PLC0415
        from ..models.answer_citation import AnswerCitation # noqa: PLC0415
        from ..models.answer_context import AnswerContext # noqa: PLC0415
        from ..models.answer_knowledge_items_item import AnswerKnowledgeItemsItem # noqa: PLC0415
        from ..models.answer_usage import AnswerUsage # noqa: PLC0415
        answer = self.answer

        knows = self.knows

        character = self.character.to_dict()

        as_of_chapter = self.as_of_chapter

        provider = self.provider

        model = self.model

        citations = []
        for citations_item_data in self.citations:
            citations_item = citations_item_data.to_dict()
            citations.append(citations_item)



        knowledge_items = []
        for knowledge_items_item_data in self.knowledge_items:
            knowledge_items_item = knowledge_items_item_data.to_dict()
            knowledge_items.append(knowledge_items_item)



        context = self.context.to_dict()

        usage = self.usage.to_dict()

        cached = self.cached


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "answer": answer,
            "knows": knows,
            "character": character,
            "as_of_chapter": as_of_chapter,
            "provider": provider,
            "model": model,
            "citations": citations,
            "knowledge_items": knowledge_items,
            "context": context,
            "usage": usage,
            "cached": cached,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_character import AnswerCharacter # noqa: PLC0415
        from ..models.answer_citation import AnswerCitation # noqa: PLC0415
        from ..models.answer_context import AnswerContext # noqa: PLC0415
        from ..models.answer_knowledge_items_item import AnswerKnowledgeItemsItem # noqa: PLC0415
        from ..models.answer_usage import AnswerUsage # noqa: PLC0415
        d = dict(src_dict)
        answer = d.pop("answer")

        knows = d.pop("knows")

        character = AnswerCharacter.from_dict(d.pop("character"))




        as_of_chapter = d.pop("as_of_chapter")

        provider = d.pop("provider")

        model = d.pop("model")

        citations = []
        _citations = d.pop("citations")
        for citations_item_data in (_citations):
            citations_item = AnswerCitation.from_dict(citations_item_data)



            citations.append(citations_item)


        knowledge_items = []
        _knowledge_items = d.pop("knowledge_items")
        for knowledge_items_item_data in (_knowledge_items):
            knowledge_items_item = AnswerKnowledgeItemsItem.from_dict(knowledge_items_item_data)



            knowledge_items.append(knowledge_items_item)


        context = AnswerContext.from_dict(d.pop("context"))




        usage = AnswerUsage.from_dict(d.pop("usage"))




        cached = d.pop("cached")

        answer = cls(
            answer=answer,
            knows=knows,
            character=character,
            as_of_chapter=as_of_chapter,
            provider=provider,
            model=model,
            citations=citations,
            knowledge_items=knowledge_items,
            context=context,
            usage=usage,
            cached=cached,
        )


        answer.additional_properties = d
        return answer

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
