"""The timeline page of a world (`/admin/lorebase/world/<id>/timeline/`): server-rendered."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from .models import Character, Location, World
from .timeline import world_timeline


class TimelineFilter(forms.Form):
    character = forms.ModelChoiceField(
        queryset=Character.objects.none(), required=False, empty_label="(everyone)"
    )
    place = forms.ModelChoiceField(
        queryset=Location.objects.none(), required=False, empty_label="(everywhere)"
    )

    def __init__(self, data: object, *, world: World) -> None:
        super().__init__(data)
        self.fields["character"].queryset = Character.objects.filter(world=world)
        self.fields["place"].queryset = Location.objects.filter(world=world)


def timeline_view(
    model_admin: admin.ModelAdmin, request: HttpRequest, object_id: str
) -> HttpResponse:
    world = model_admin.get_object(request, unquote(object_id))
    if world is None or not model_admin.has_view_permission(request, world):
        raise Http404("No such world.")
    filters = TimelineFilter(request.GET or None, world=world)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Timeline",
        "subtitle": world.name,
        "opts": model_admin.opts,
        "original": world,
        "filters": filters,
        "character": chosen.get("character"),
        "place": chosen.get("place"),
        "chapters": world_timeline(
            world=world, character=chosen.get("character"), place=chosen.get("place")
        ),
    }
    return TemplateResponse(request, "admin/lorebase/timeline.html", context)
