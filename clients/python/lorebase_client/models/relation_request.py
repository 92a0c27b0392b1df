from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.endpoint_schema_request import EndpointSchemaRequest





T = TypeVar("T", bound="RelationRequest")



@_attrs_define
class RelationRequest:
    """ Common shape: a public id, a version for optimistic locking, timestamps.

        Attributes:
            kind (RelationKindEnum): * `KNOWS` - knows
                * `FAMILY_OF` - is family of
                * `ALLY_OF` - is an ally of
                * `ENEMY_OF` - is an enemy of
                * `LOVES` - loves
                * `MENTOR_OF` - is a mentor of
                * `SERVES` - serves
                * `MEMBER_OF` - is a member of
                * `LEADS` - leads
                * `OWNS` - owns
                * `LIVES_IN` - lives in
                * `RULES` - rules
                * `PART_OF` - is part of
                * `RELATES_TO` - relates to
            source (EndpointSchemaRequest): One end of a relation: the entity's type and id (its name is read-only).
            target (EndpointSchemaRequest): One end of a relation: the entity's type and id (its name is read-only).
            version (int | Unset): Read-only on create. On update, send the version you read (or its ETag in `If-Match`): if
                someone saved in between, the answer is 409 (412 for `If-Match`) and nothing changes.
            tags (list[str] | Unset): Tag names; sending the list replaces the entity's tags.
            description (str | Unset):
            valid_from (None | Unset | UUID):
            valid_to (None | Unset | UUID):
            known_from_start (bool | Unset): Both parties know of it before they meet on the page (family, an old oath).
                Otherwise a relation with no first chapter is known to a party only once they have shared a scene with the
                other.
     """

    kind: RelationKindEnum
    source: EndpointSchemaRequest
    target: EndpointSchemaRequest
    version: int | Unset = UNSET
    tags: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    valid_from: None | Unset | UUID = UNSET
    valid_to: None | Unset | UUID = UNSET
    known_from_start: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.endpoint_schema_request import EndpointSchemaRequest # noqa: PLC0415
        kind = self.kind.value

        source = self.source.to_dict()

        target = self.target.to_dict()

        version = self.version

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        description = self.description

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, UUID):
            valid_from = str(self.valid_from)
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, UUID):
            valid_to = str(self.valid_to)
        else:
            valid_to = self.valid_to

        known_from_start = self.known_from_start


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "source": source,
            "target": target,
        })
        if version is not UNSET:
            field_dict["version"] = version
        if tags is not UNSET:
            field_dict["tags"] = tags
        if description is not UNSET:
            field_dict["description"] = description
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if known_from_start is not UNSET:
            field_dict["known_from_start"] = known_from_start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endpoint_schema_request import EndpointSchemaRequest # noqa: PLC0415
        d = dict(src_dict)
        kind = RelationKindEnum(d.pop("kind"))




        source = EndpointSchemaRequest.from_dict(d.pop("source"))




        target = EndpointSchemaRequest.from_dict(d.pop("target"))




        version = d.pop("version", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        description = d.pop("description", UNSET)

        def _parse_valid_from(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = UUID(data)



                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))


        def _parse_valid_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = UUID(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        known_from_start = d.pop("known_from_start", UNSET)

        relation_request = cls(
            kind=kind,
            source=source,
            target=target,
            version=version,
            tags=tags,
            description=description,
            valid_from=valid_from,
            valid_to=valid_to,
            known_from_start=known_from_start,
        )


        relation_request.additional_properties = d
        return relation_request

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
