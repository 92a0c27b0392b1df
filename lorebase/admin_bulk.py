"""Bulk actions of the entity lists: a confirmation page, then one change for all rows.

Every action goes through services.entities_update, so each row is validated,
versioned and logged as a single save would be. It is all or nothing: when a row
is refused (its validation fails, or it is in a world where the user only reads),
nothing is changed and the page lists every refused row with its reasons.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from . import services
from .models import Chapter, Character, Location, World, WorldEntity


@dataclass(frozen=True)
class Preview:
    instance: WorldEntity
    before: str
    after: str


class BulkForm(forms.Form):
    """One bulk change: its fields, and what it sets (`values`) or tags (`tags`)."""

    label = ""

    def __init__(self, *args: Any, worlds: QuerySet[World], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.worlds = worlds

    def values(self) -> dict[str, Any]:
        return {}

    def tag_changes(self) -> tuple[list[str], list[str]]:
        return [], []

    def describe(self, instance: WorldEntity) -> tuple[str, str]:
        """(before, after) of the row, in words."""
        names = list(self.values())
        current = ", ".join(_shown(getattr(instance, name)) for name in names)
        return current, ", ".join(_shown(value) for value in self.values().values())


def _shown(value: object) -> str:
    return "—" if value in (None, "") else str(value)


class ChapterChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Chapter) -> str:
        return f"{obj.world}: {obj}"


class SetChapterForm(BulkForm):
    label = "Set the chapter"
    chapter = ChapterChoice(queryset=Chapter.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chapters = Chapter.objects.filter(world__in=self.worlds).select_related("world")
        self.fields["chapter"].queryset = chapters.order_by("world__name", "number")

    def values(self) -> dict[str, Any]:
        return {"chapter": self.cleaned_data["chapter"]}


class SetLocationForm(BulkForm):
    label = "Set the location"
    location = forms.ModelChoiceField(
        queryset=Location.objects.none(), required=False, empty_label="(no place)"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(world__in=self.worlds)

    def values(self) -> dict[str, Any]:
        return {"location": self.cleaned_data["location"]}


class SetStatusForm(BulkForm):
    label = "Set the status"
    status = forms.ChoiceField(choices=Character.Status.choices)
    status_chapter = ChapterChoice(
        queryset=Chapter.objects.none(),
        required=False,
        label="In chapter",
        help_text="When it changed (a death's chapter); empty: not known.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chapters = Chapter.objects.filter(world__in=self.worlds).select_related("world")
        self.fields["status_chapter"].queryset = chapters.order_by("world__name", "number")

    def values(self) -> dict[str, Any]:
        return {
            "status": self.cleaned_data["status"],
            "status_chapter": self.cleaned_data["status_chapter"],
        }


class TagsForm(BulkForm):
    tags = forms.CharField(help_text="Comma-separated.")
    adding = True

    def clean_tags(self) -> list[str]:
        try:
            return services.tags_clean(self.cleaned_data["tags"].split(","))
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["tags"]) from error

    def tag_changes(self) -> tuple[list[str], list[str]]:
        names = self.cleaned_data["tags"]
        return (names, []) if self.adding else ([], names)

    def describe(self, instance: WorldEntity) -> tuple[str, str]:
        current = services.entity_tag_names(instance)
        add, remove = self.tag_changes()
        after = sorted((set(current) | set(add)) - set(remove))
        return ", ".join(current) or "—", ", ".join(after) or "—"


class AddTagsForm(TagsForm):
    label = "Add tags"


class RemoveTagsForm(TagsForm):
    label = "Remove tags"
    adding = False


def bulk_action(form_class: type[BulkForm], name: str) -> Callable:
    """An admin action that asks for its values, shows what will change, then applies."""

    def action(
        model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
    ) -> HttpResponse | None:
        worlds = World.objects.filter(pk__in=queryset.values("world_id"))
        rows = list(queryset)
        bound = "preview" in request.POST or "apply" in request.POST
        form = form_class(request.POST if bound else None, worlds=worlds)
        refused: list[services.Refused] = []
        if "apply" in request.POST and form.is_valid():
            read_only = [
                services.Refused(row, {"": ["You may only read this world."]})
                for row in rows
                if not model_admin.has_change_permission(request, row)
            ]
            add, remove = form.tag_changes()
            refused = read_only or services.entities_update(
                instances=rows,
                values=form.values(),
                add_tags=add,
                remove_tags=remove,
                user=request.user,
            )
            if not refused:
                model_admin.message_user(
                    request, f"{form.label}: {len(rows)} changed.", messages.SUCCESS
                )
                return None
            for row in rows:  # the refused attempt changed them in memory only
                row.refresh_from_db()
        context = {
            **model_admin.admin_site.each_context(request),
            "title": f"{form.label} of {len(rows)} {model_admin.opts.verbose_name_plural}",
            "opts": model_admin.opts,
            "form": form,
            "action": name,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            # What will change, once the form is filled in (also beside refused rows).
            "rows": [Preview(row, *form.describe(row)) for row in rows] if form.is_valid() else [],
            "selected": rows,
            "refused_rows": {refusal.instance.pk for refusal in refused},
            "refused": refused,
        }
        return TemplateResponse(request, "admin/lorebase/bulk_confirm.html", context)

    action.__name__ = name
    return admin.action(description=f"{form_class.label} of the selected rows…")(action)


TAG_ACTIONS = (bulk_action(AddTagsForm, "add_tags"), bulk_action(RemoveTagsForm, "remove_tags"))
SCENE_ACTIONS = (
    bulk_action(SetChapterForm, "set_chapter"),
    bulk_action(SetLocationForm, "set_location"),
)
CHARACTER_ACTIONS = (bulk_action(SetStatusForm, "set_status"),)
