from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.character_book_v3 import CharacterBookV3
  from ..models.character_card_v3_data_extensions import CharacterCardV3DataExtensions





T = TypeVar("T", bound="CharacterCardV3Data")



@_attrs_define
class CharacterCardV3Data:
    """ 
        Attributes:
            name (str):
            description (str):
            personality (str):
            scenario (str):
            first_mes (str):
            mes_example (str):
            creator_notes (str):
            system_prompt (str):
            post_history_instructions (str):
            alternate_greetings (list[str]):
            tags (list[str]):
            creator (str):
            character_version (str):
            extensions (CharacterCardV3DataExtensions):
            character_book (CharacterBookV3):
            group_only_greetings (list[str]):
            source (list[str]):
            creation_date (int): Unix seconds.
            modification_date (int): Unix seconds.
     """

    name: str
    description: str
    personality: str
    scenario: str
    first_mes: str
    mes_example: str
    creator_notes: str
    system_prompt: str
    post_history_instructions: str
    alternate_greetings: list[str]
    tags: list[str]
    creator: str
    character_version: str
    extensions: CharacterCardV3DataExtensions
    character_book: CharacterBookV3
    group_only_greetings: list[str]
    source: list[str]
    creation_date: int
    modification_date: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.character_book_v3 import CharacterBookV3 # noqa: PLC0415
        from ..models.character_card_v3_data_extensions import CharacterCardV3DataExtensions # noqa: PLC0415
        name = self.name

        description = self.description

        personality = self.personality

        scenario = self.scenario

        first_mes = self.first_mes

        mes_example = self.mes_example

        creator_notes = self.creator_notes

        system_prompt = self.system_prompt

        post_history_instructions = self.post_history_instructions

        alternate_greetings = self.alternate_greetings



        tags = self.tags



        creator = self.creator

        character_version = self.character_version

        extensions = self.extensions.to_dict()

        character_book = self.character_book.to_dict()

        group_only_greetings = self.group_only_greetings



        source = self.source



        creation_date = self.creation_date

        modification_date = self.modification_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "description": description,
            "personality": personality,
            "scenario": scenario,
            "first_mes": first_mes,
            "mes_example": mes_example,
            "creator_notes": creator_notes,
            "system_prompt": system_prompt,
            "post_history_instructions": post_history_instructions,
            "alternate_greetings": alternate_greetings,
            "tags": tags,
            "creator": creator,
            "character_version": character_version,
            "extensions": extensions,
            "character_book": character_book,
            "group_only_greetings": group_only_greetings,
            "source": source,
            "creation_date": creation_date,
            "modification_date": modification_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.character_book_v3 import CharacterBookV3 # noqa: PLC0415
        from ..models.character_card_v3_data_extensions import CharacterCardV3DataExtensions # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        personality = d.pop("personality")

        scenario = d.pop("scenario")

        first_mes = d.pop("first_mes")

        mes_example = d.pop("mes_example")

        creator_notes = d.pop("creator_notes")

        system_prompt = d.pop("system_prompt")

        post_history_instructions = d.pop("post_history_instructions")

        alternate_greetings = cast(list[str], d.pop("alternate_greetings"))


        tags = cast(list[str], d.pop("tags"))


        creator = d.pop("creator")

        character_version = d.pop("character_version")

        extensions = CharacterCardV3DataExtensions.from_dict(d.pop("extensions"))




        character_book = CharacterBookV3.from_dict(d.pop("character_book"))




        group_only_greetings = cast(list[str], d.pop("group_only_greetings"))


        source = cast(list[str], d.pop("source"))


        creation_date = d.pop("creation_date")

        modification_date = d.pop("modification_date")

        character_card_v3_data = cls(
            name=name,
            description=description,
            personality=personality,
            scenario=scenario,
            first_mes=first_mes,
            mes_example=mes_example,
            creator_notes=creator_notes,
            system_prompt=system_prompt,
            post_history_instructions=post_history_instructions,
            alternate_greetings=alternate_greetings,
            tags=tags,
            creator=creator,
            character_version=character_version,
            extensions=extensions,
            character_book=character_book,
            group_only_greetings=group_only_greetings,
            source=source,
            creation_date=creation_date,
            modification_date=modification_date,
        )


        character_card_v3_data.additional_properties = d
        return character_card_v3_data

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
