from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="Problem")



@_attrs_define
class Problem:
    """ An RFC 9457 problem: what went wrong, for machines (`code`) and people (`detail`).

        Attributes:
            type_ (str): `urn:lorebase:problem:<code>`.
            title (str): The HTTP status's phrase.
            status (int):
            code (str): Stable and machine-readable: `validation_error`, `parse_error`, `not_authenticated`,
                `authentication_failed`, `permission_denied`, `not_found`, `method_not_allowed`, `not_acceptable`,
                `unsupported_media_type`, `version_conflict`, `in_use`, `precondition_failed`, `request_too_large`, `throttled`,
                `graph_unavailable`, `provider_failed`, `server_error`, …
            detail (str):
            instance (str | Unset): The path that was asked.
            errors (list[FieldError] | Unset): Each bad field (validation errors).
            current_version (int | Unset): `version_conflict`, `precondition_failed`: the version now.
            used_by (list[str] | Unset): `in_use`: what still uses it.
     """

    type_: str
    title: str
    status: int
    code: str
    detail: str
    instance: str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    current_version: int | Unset = UNSET
    used_by: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        code = self.code

        detail = self.detail

        instance = self.instance

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)



        current_version = self.current_version

        used_by: list[str] | Unset = UNSET
        if not isinstance(self.used_by, Unset):
            used_by = self.used_by




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "code": code,
            "detail": detail,
        })
        if instance is not UNSET:
            field_dict["instance"] = instance
        if errors is not UNSET:
            field_dict["errors"] = errors
        if current_version is not UNSET:
            field_dict["current_version"] = current_version
        if used_by is not UNSET:
            field_dict["used_by"] = used_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        code = d.pop("code")

        detail = d.pop("detail")

        instance = d.pop("instance", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)



                errors.append(errors_item)


        current_version = d.pop("current_version", UNSET)

        used_by = cast(list[str], d.pop("used_by", UNSET))


        problem = cls(
            type_=type_,
            title=title,
            status=status,
            code=code,
            detail=detail,
            instance=instance,
            errors=errors,
            current_version=current_version,
            used_by=used_by,
        )


        problem.additional_properties = d
        return problem

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
