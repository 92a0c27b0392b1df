from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rule_enum import RuleEnum
from ..models.severity_enum import SeverityEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.finding_entity import FindingEntity





T = TypeVar("T", bound="Finding")



@_attrs_define
class Finding:
    """ 
        Attributes:
            rule (RuleEnum): * `dead_character_in_scene` - dead_character_in_scene
                * `killer_dead_before_the_death` - killer_dead_before_the_death
                * `death_scene_in_another_chapter` - death_scene_in_another_chapter
                * `killer_not_in_death_scene` - killer_not_in_death_scene
                * `scene_without_location_or_participants` - scene_without_location_or_participants
                * `location_cycle` - location_cycle
                * `reversed_relation_span` - reversed_relation_span
                * `ally_and_enemy` - ally_and_enemy
                * `near_duplicate_name` - near_duplicate_name
            severity (SeverityEnum): * `error` - error
                * `warning` - warning
            message (str):
            entities (list[FindingEntity]): What to look at, most central first.
     """

    rule: RuleEnum
    severity: SeverityEnum
    message: str
    entities: list[FindingEntity]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_entity import FindingEntity # noqa: PLC0415
        rule = self.rule.value

        severity = self.severity.value

        message = self.message

        entities = []
        for entities_item_data in self.entities:
            entities_item = entities_item_data.to_dict()
            entities.append(entities_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "rule": rule,
            "severity": severity,
            "message": message,
            "entities": entities,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_entity import FindingEntity # noqa: PLC0415
        d = dict(src_dict)
        rule = RuleEnum(d.pop("rule"))




        severity = SeverityEnum(d.pop("severity"))




        message = d.pop("message")

        entities = []
        _entities = d.pop("entities")
        for entities_item_data in (_entities):
            entities_item = FindingEntity.from_dict(entities_item_data)



            entities.append(entities_item)


        finding = cls(
            rule=rule,
            severity=severity,
            message=message,
            entities=entities,
        )


        finding.additional_properties = d
        return finding

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
