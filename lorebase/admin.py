"""The content team's admin: scoped to the worlds each user belongs to."""

from functools import partial

from django.contrib import admin
from django.contrib.postgres.fields import ArrayField
from django.db import transaction
from django.http import HttpRequest
from django.urls import URLPattern, path
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .admin_bulk import CHARACTER_ACTIONS, SCENE_ACTIONS, TAG_ACTIONS
from .admin_forms import AliasesField, SameWorldInlineFormSet, VersionedForm
from .admin_images import ImagesAdminMixin
from .admin_timeline import timeline_view
from .catalogue import ENDPOINT_TYPES
from .models import (
    ENDPOINT_FIELDS,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
    World,
    WorldMembership,
    WorldRole,
)
from .models.worlds import ROLE_RANK
from .selectors import membership_role, worlds_for_user

ENTITY_READ_ONLY = ("public_id", "version", "created_at", "updated_at")
RELATION_FIELDS = ("kind", "description", "valid_from", "valid_to", "known_from_start")


def _allows(request: HttpRequest, world: World | None, role: str) -> bool:
    if world is None:  # "any world": the user must hold the role somewhere
        return worlds_for_user(user=request.user, role=role).exists()
    found = membership_role(user=request.user, world=world)
    return found is not None and ROLE_RANK[found] >= ROLE_RANK[role]


class WorldScopedAdmin(SimpleHistoryAdmin):
    """Viewers read, editors write; other worlds do not exist for the user."""

    form = VersionedForm
    actions = TAG_ACTIONS
    readonly_fields = ENTITY_READ_ONLY
    formfield_overrides = {ArrayField: {"form_class": AliasesField}}
    # Tags are shared by every type: the filter offers those this list's rows carry.
    list_filter = (
        ("world", admin.RelatedOnlyFieldListFilter),
        ("tags", admin.RelatedOnlyFieldListFilter),
    )

    def _world_of(self, obj) -> World | None:
        return obj.world if obj is not None else None

    def get_queryset(self, request: HttpRequest):
        scoped = super().get_queryset(request).filter(world__in=worlds_for_user(user=request.user))
        return scoped.prefetch_related("tags")

    @admin.display(description="tags")
    def tag_list(self, obj) -> str:
        return ", ".join(sorted(tag.name for tag in obj.tags.all()))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and _allows(request, None, WorldRole.VIEWER)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return _allows(request, self._world_of(obj), WorldRole.VIEWER)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _allows(request, None, WorldRole.EDITOR)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return _allows(request, self._world_of(obj), WorldRole.EDITOR)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return _allows(request, self._world_of(obj), WorldRole.EDITOR)

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs: object):
        if db_field.name == "world":
            kwargs["queryset"] = worlds_for_user(user=request.user, role=WorldRole.EDITOR)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs: object):
        form = super().get_form(request, obj, change, **kwargs)
        form.skip_version_check = getattr(request, "reverting_history", False)
        return form

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A revert deliberately saves an old state: the version check does not apply.
        request.reverting_history = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        obj._history_user = request.user
        # The version the editor read: checked again under the row lock by the service.
        expected = None if form.skip_version_check else form.cleaned_data.get("expected_version")
        # Tags popped, so that save_related does not set them again outside the service.
        tags = form.cleaned_data.pop("tags", None)
        services.entity_save(instance=obj, expected_version=expected, tags=tags)

    def delete_model(self, request: HttpRequest, obj) -> None:
        services.entity_delete(instance=obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for obj in queryset:  # one by one, so each deletion reaches the graph
            services.entity_delete(instance=obj)

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        """Inline rows go through the services too (validation, versions)."""
        with transaction.atomic():
            changed = formset.save(commit=False)  # also fills formset.deleted_objects
            for obj in formset.deleted_objects:
                if hasattr(obj, "version"):
                    services.entity_delete(instance=obj)
                else:
                    obj.delete()
            for obj in changed:
                if hasattr(obj, "version"):
                    services.entity_save(instance=obj)
                else:
                    obj.save()
            formset.save_m2m()


class WorldScopedInline(admin.TabularInline):
    """Inline rows follow the parent's world role, like the parent itself."""

    def _can(self, request: HttpRequest, obj, role: str) -> bool:
        return _allows(request, obj.world if obj is not None else None, role)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._can(request, obj, WorldRole.VIEWER)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._can(request, obj, WorldRole.EDITOR)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._can(request, obj, WorldRole.EDITOR)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._can(request, obj, WorldRole.EDITOR)


class RelationInline(WorldScopedInline):
    model = Relation
    formset = SameWorldInlineFormSet
    extra = 0
    autocomplete_fields = (*ENDPOINT_FIELDS, "valid_from", "valid_to")


def relation_inlines(type_name: str) -> list[type[admin.TabularInline]]:
    """'Relations from' and 'relations to' inlines for one entity type."""
    return [
        type(
            f"{type_name.title()}Relations{direction.title()}",
            (RelationInline,),
            {
                "fk_name": f"{own_side}_{type_name}",
                "verbose_name_plural": f"relations {direction} this",
                "fields": (
                    "kind",
                    *(f"{other_side}_{end}" for end in ENDPOINT_TYPES),
                    *RELATION_FIELDS[1:],
                ),
            },
        )
        for own_side, other_side, direction in (
            ("source", "target", "from"),
            ("target", "source", "to"),
        )
    ]


class MembershipInline(admin.TabularInline):
    model = WorldMembership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(World)
class WorldAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "language", "version", "updated_at")
    search_fields = ("name", "slug")
    list_filter = ("language",)
    readonly_fields = ("public_id", "version", "created_at", "updated_at")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (MembershipInline,)

    def get_queryset(self, request: HttpRequest):
        return worlds_for_user(user=request.user)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(partial(timeline_view, self))
        timeline = path("<path:object_id>/timeline/", view, name="lorebase_world_timeline")
        return [timeline, *super().get_urls()]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return obj is None or _allows(request, obj, WorldRole.VIEWER)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return obj is not None and _allows(request, obj, WorldRole.OWNER)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return obj is not None and _allows(request, obj, WorldRole.OWNER)

    def delete_model(self, request: HttpRequest, obj: World) -> None:
        services.entity_delete(instance=obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for world in queryset:
            services.entity_delete(instance=world)

    def save_model(self, request: HttpRequest, obj: World, form, change: bool) -> None:
        if change:
            services.entity_save(instance=obj)
        else:  # the creator owns the new world
            created = services.world_create(
                owner=request.user,
                name=obj.name,
                slug=obj.slug,
                language=obj.language,
                description=obj.description,
            )
            obj.pk, obj.public_id = created.pk, created.public_id


@admin.register(Chapter)
class ChapterAdmin(WorldScopedAdmin):
    list_display = ("number", "title", "tag_list", "world", "version", "updated_at")
    list_display_links = ("number", "title")
    search_fields = ("title", "summary")
    ordering = ("world", "number")


@admin.register(Location)
class LocationAdmin(ImagesAdminMixin, WorldScopedAdmin):
    list_display = ("name", "kind", "parent", "tag_list", "world", "version", "updated_at")
    search_fields = ("name", "description")
    list_filter = (*WorldScopedAdmin.list_filter, "kind")
    autocomplete_fields = ("parent",)
    inlines = relation_inlines("location")


@admin.register(Character)
class CharacterAdmin(ImagesAdminMixin, WorldScopedAdmin):
    list_display = (
        "name",
        "status",
        "status_chapter",
        "killed_by",
        "tag_list",
        "world",
        "version",
        "updated_at",
    )
    list_select_related = ("status_chapter", "killed_by", "world")
    actions = (*TAG_ACTIONS, *CHARACTER_ACTIONS)
    search_fields = ("name", "description", "persona")
    list_filter = (*WorldScopedAdmin.list_filter, "status")
    autocomplete_fields = ("status_chapter", "killed_by", "death_scene")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "world",
                    "name",
                    "aliases",
                    "description",
                    "persona",
                    "speech_style",
                    "tags",
                    "expected_version",  # hidden; a fieldset lists every field it renders
                )
            },
        ),
        (
            "Death",
            {
                "fields": ("status", "status_chapter", "killed_by", "death_scene", "death_cause"),
                "description": "Killer, scene and cause are kept for a dead character only; "
                "a death scene fills in the chapter.",
            },
        ),
        ("Record", {"fields": ENTITY_READ_ONLY}),
    )
    inlines = relation_inlines("character")


@admin.register(Concept)
class ConceptAdmin(ImagesAdminMixin, WorldScopedAdmin):
    list_display = ("name", "kind", "tag_list", "world", "version", "updated_at")
    search_fields = ("name", "description")
    list_filter = (*WorldScopedAdmin.list_filter, "kind")
    inlines = relation_inlines("concept")


class SceneParticipantInline(WorldScopedInline):
    model = SceneParticipant
    extra = 1
    autocomplete_fields = ("character",)
    verbose_name_plural = "participants"


@admin.register(Scene)
class SceneAdmin(ImagesAdminMixin, WorldScopedAdmin):
    list_display = ("title", "chapter", "order", "location", "tag_list", "world", "version")
    search_fields = ("title", "summary", "text")
    list_filter = (
        *WorldScopedAdmin.list_filter,
        ("chapter", admin.RelatedOnlyFieldListFilter),
        ("location", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("chapter", "location", "world")
    actions = (*TAG_ACTIONS, *SCENE_ACTIONS)
    autocomplete_fields = ("chapter", "location")
    inlines = (SceneParticipantInline,)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        cast_before = set(form.instance.participations.values_list("character_id", "role"))
        super().save_related(request, form, formsets, change)
        cast_after = set(form.instance.participations.values_list("character_id", "role"))
        if change and cast_before != cast_after:
            services.scene_touch(scene=form.instance)


@admin.register(Relation)
class RelationAdmin(WorldScopedAdmin):
    list_display = (
        "__str__",
        "kind",
        "valid_from",
        "valid_to",
        "known_from_start",
        "world",
        "version",
    )
    search_fields = (
        "description",
        "source_character__name",
        "target_character__name",
        "source_concept__name",
        "target_concept__name",
    )
    list_filter = (*WorldScopedAdmin.list_filter, "kind", "known_from_start")
    autocomplete_fields = RelationInline.autocomplete_fields
