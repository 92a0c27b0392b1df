from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_enum import ProviderEnum
from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="AnswerRequestRequest")



@_attrs_define
class AnswerRequestRequest:
    """ Checks `as_of_chapter` against the chapters of the world (context["world"]).

        Attributes:
            character (UUID): Public id of the character who answers.
            question (str): What to ask the character.
            as_of_chapter (int | Unset): The character knows only scenes up to this chapter, the relations valid in it
                (timeless ones once they have met the other party, unless known from the start) and the deaths seen or caused by
                then (default: the last chapter).
            provider (ProviderEnum | Unset): * `anthropic` - anthropic
                * `extractive` - extractive
                * `openai` - openai
     """

    character: UUID
    question: str
    as_of_chapter: int | Unset = UNSET
    provider: ProviderEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        character = str(self.character)

        question = self.question

        as_of_chapter = self.as_of_chapter

        provider: str | Unset = UNSET
        if not isinstance(self.provider, Unset):
            provider = self.provider.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "character": character,
            "question": question,
        })
        if as_of_chapter is not UNSET:
            field_dict["as_of_chapter"] = as_of_chapter
        if provider is not UNSET:
            field_dict["provider"] = provider

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        character = UUID(d.pop("character"))




        question = d.pop("question")

        as_of_chapter = d.pop("as_of_chapter", UNSET)

        _provider = d.pop("provider", UNSET)
        provider: ProviderEnum | Unset
        if isinstance(_provider,  Unset):
            provider = UNSET
        else:
            provider = ProviderEnum(_provider)




        answer_request_request = cls(
            character=character,
            question=question,
            as_of_chapter=as_of_chapter,
            provider=provider,
        )


        answer_request_request.additional_properties = d
        return answer_request_request

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
