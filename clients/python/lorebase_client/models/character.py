from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.character_status_enum import CharacterStatusEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Character")



@_attrs_define
class Character:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            id (UUID):
            original (None | UUID): In a translated edition of a world: the id of this entity in the original.
            name (str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            aliases (list[str] | Unset): Other names, one per line in the admin (nicknames, titles, translations).
            description (str | Unset):
            persona (str | Unset): Who they are inside: values, fears, what they want.
            speech_style (str | Unset): How they talk: register, verbal tics, favourite words.
            status (CharacterStatusEnum | Unset): * `alive` - Alive
                * `dead` - Dead
                * `missing` - Missing
                * `unknown` - Unknown
            status_chapter (None | Unset | UUID):
            killed_by (None | Unset | UUID):
            death_scene (None | Unset | UUID):
            death_cause (str | Unset): How they died, in a sentence (“drowned in the harbour”).
     """

    id: UUID
    original: None | UUID
    name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    persona: str | Unset = UNSET
    speech_style: str | Unset = UNSET
    status: CharacterStatusEnum | Unset = UNSET
    status_chapter: None | Unset | UUID = UNSET
    killed_by: None | Unset | UUID = UNSET
    death_scene: None | Unset | UUID = UNSET
    death_cause: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        original: None | str
        if isinstance(self.original, UUID):
            original = str(self.original)
        else:
            original = self.original

        name = self.name

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        description = self.description

        persona = self.persona

        speech_style = self.speech_style

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        status_chapter: None | str | Unset
        if isinstance(self.status_chapter, Unset):
            status_chapter = UNSET
        elif isinstance(self.status_chapter, UUID):
            status_chapter = str(self.status_chapter)
        else:
            status_chapter = self.status_chapter

        killed_by: None | str | Unset
        if isinstance(self.killed_by, Unset):
            killed_by = UNSET
        elif isinstance(self.killed_by, UUID):
            killed_by = str(self.killed_by)
        else:
            killed_by = self.killed_by

        death_scene: None | str | Unset
        if isinstance(self.death_scene, Unset):
            death_scene = UNSET
        elif isinstance(self.death_scene, UUID):
            death_scene = str(self.death_scene)
        else:
            death_scene = self.death_scene

        death_cause = self.death_cause


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "original": original,
            "name": name,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if tags is not UNSET:
            field_dict["tags"] = tags
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if description is not UNSET:
            field_dict["description"] = description
        if persona is not UNSET:
            field_dict["persona"] = persona
        if speech_style is not UNSET:
            field_dict["speech_style"] = speech_style
        if status is not UNSET:
            field_dict["status"] = status
        if status_chapter is not UNSET:
            field_dict["status_chapter"] = status_chapter
        if killed_by is not UNSET:
            field_dict["killed_by"] = killed_by
        if death_scene is not UNSET:
            field_dict["death_scene"] = death_scene
        if death_cause is not UNSET:
            field_dict["death_cause"] = death_cause

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_original(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_type_0 = UUID(data)



                return original_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        original = _parse_original(d.pop("original"))


        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        aliases = cast(list[str], d.pop("aliases", UNSET))


        description = d.pop("description", UNSET)

        persona = d.pop("persona", UNSET)

        speech_style = d.pop("speech_style", UNSET)

        _status = d.pop("status", UNSET)
        status: CharacterStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = CharacterStatusEnum(_status)




        def _parse_status_chapter(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_chapter_type_0 = UUID(data)



                return status_chapter_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        status_chapter = _parse_status_chapter(d.pop("status_chapter", UNSET))


        def _parse_killed_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                killed_by_type_0 = UUID(data)



                return killed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        killed_by = _parse_killed_by(d.pop("killed_by", UNSET))


        def _parse_death_scene(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                death_scene_type_0 = UUID(data)



                return death_scene_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        death_scene = _parse_death_scene(d.pop("death_scene", UNSET))


        death_cause = d.pop("death_cause", UNSET)

        character = cls(
            id=id,
            original=original,
            name=name,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            tags=tags,
            aliases=aliases,
            description=description,
            persona=persona,
            speech_style=speech_style,
            status=status,
            status_chapter=status_chapter,
            killed_by=killed_by,
            death_scene=death_scene,
            death_cause=death_cause,
        )


        character.additional_properties = d
        return character

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
