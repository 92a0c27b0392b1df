"""Graph pictures in the lore admin: an entity's neighbourhood and the world explorer.

The pages draw with search/static/search/admin/graph.js (Cytoscape.js, vendored
from the npm registry). Their data comes from here as JSON, read from the graph by
search's walks (the same as the API's neighbourhood), and each node carries its
admin page, so that a click on it opens that page. SearchConfig.ready() adds the
pictures to the lore ModelAdmins, which know nothing of them.
"""

from collections.abc import Callable
from functools import partial

from django import forms
from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from graph.reads import GraphTimeout, GraphUnavailable
from lorebase.admin_links import admin_change_urls
from lorebase.catalogue import entity_type_of
from lorebase.models import Chapter, World

from . import answers
from .graph_queries import PATH_TYPES

# What a picture may show: every entity with a node (answers.MODELS), in that order.
PICTURE_TYPES = tuple(answers.MODELS)


class ChapterFilter(forms.Form):
    as_of_chapter = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data: object, *, world: World) -> None:
        super().__init__(data)
        self.world = world

    def clean_as_of_chapter(self) -> int | None:
        number = self.cleaned_data["as_of_chapter"]
        if number is not None and not Chapter.objects.filter(world=self.world, number=number):
            raise forms.ValidationError(f"{self.world.name} has no chapter {number}.")
        return number


class NeighbourhoodFilter(ChapterFilter):
    depth = forms.IntegerField(required=False, min_value=1, max_value=2)

    def clean_depth(self) -> int:
        return self.cleaned_data["depth"] or 1


class ExplorerFilter(ChapterFilter):
    types = forms.MultipleChoiceField(
        choices=[(type_name, type_name) for type_name in PICTURE_TYPES],
        error_messages={"required": "Choose at least one type."},
    )


def picture(world: World, found: dict) -> dict:
    """Cytoscape's elements for a graph answer's nodes and edges (edges as stored)."""
    links = {
        public_id: url
        for (_, public_id), url in admin_change_urls(
            (node["type"], node["id"]) for node in found["nodes"]
        ).items()
    }
    nodes = [
        {
            "data": node | {"url": links.get(node["id"])},
            "classes": node["type"] + (" start" if node.get("distance") == 0 else ""),
        }
        for node in found["nodes"]
    ]
    edges = {}  # by id: Cytoscape refuses a second element with the same id
    for edge in found["edges"]:
        ends = (edge["source"], edge["target"])
        source, target = ends if edge["direction"] == "forward" else ends[::-1]
        edge_id = edge["relation"] or f"{edge['type']}:{source}:{target}"
        edges[edge_id] = {
            "data": {"id": edge_id, "source": source, "target": target, "type": edge["type"]}
        }
    return {
        "elements": {"nodes": nodes, "edges": list(edges.values())},
        "truncated": found["truncated"],
    }


def picture_response(
    world: World, params: ChapterFilter, read: Callable[[dict], dict]
) -> JsonResponse:
    """400 naming the field, 503 when the graph cannot answer, else the picture."""
    if not params.is_valid():
        errors = params.errors.get_json_data()
        return JsonResponse(
            {field: [error["message"] for error in found] for field, found in errors.items()},
            status=400,
        )
    try:
        found = read(params.cleaned_data)
    except GraphTimeout as error:
        detail = f"{error} Draw less: a smaller depth, a chapter, fewer types."
        return JsonResponse({"detail": detail}, status=503)
    except GraphUnavailable as error:
        return JsonResponse({"detail": f"{error} Try again in a moment."}, status=503)
    return JsonResponse(picture(world, found))


def panel(*, kind: str, url: str, world: World, explorer_url: str = "") -> dict:
    """What templates/admin/search/graph_panel.html draws from."""
    return {
        "kind": kind,
        "url": url,
        "chapters": Chapter.objects.filter(world=world),
        "types": PICTURE_TYPES,
        "explorer_url": explorer_url,
    }


def not_found() -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)


def viewable(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> object | None:
    """The object if this user may see it (its world is theirs), else None."""
    found = model_admin.get_object(request, unquote(object_id))
    return found if found is not None and model_admin.has_view_permission(request, found) else None


def picture_url(model_admin: ModelAdmin, route: str, view: Callable, name: str) -> URLPattern:
    """An object's page at "<id>/route/", named like the admin's own (admin_urlname)."""
    opts = model_admin.opts
    name = f"{opts.app_label}_{opts.model_name}_{name}"
    page = model_admin.admin_site.admin_view(partial(view, model_admin))
    return path(f"<path:object_id>/{route}/", page, name=name)


def picture_reverse(model_admin: ModelAdmin, name: str, pk: object) -> str:
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[pk])


def add_urls(model_admin: ModelAdmin, *pages: tuple[str, Callable, str]) -> None:
    """Route `pages` ((route, view, name) each) on the ModelAdmin, before its own URLs:
    their "<path:object_id>/" catches everything below."""
    own = model_admin.get_urls

    def get_urls() -> list[URLPattern]:
        return [*(picture_url(model_admin, *page) for page in pages), *own()]

    model_admin.get_urls = get_urls


def neighbourhood_view(
    model_admin: ModelAdmin, request: HttpRequest, object_id: str
) -> JsonResponse:
    entity = viewable(model_admin, request, object_id)
    if entity is None:
        return not_found()
    start = {"id": str(entity.public_id), "type": entity_type_of(entity).value, "name": str(entity)}
    return picture_response(
        entity.world,
        NeighbourhoodFilter(request.GET, world=entity.world),
        lambda params: answers.neighbourhood(
            entity.world,
            start,
            params["depth"],
            params["as_of_chapter"],
            PATH_TYPES,
            settings.SEARCH_MAX_NEIGHBOURHOOD_NODES,
        ),
    )


def add_neighbourhood(model_admin: ModelAdmin) -> None:
    """An entity's change page with its neighbourhood drawn (depth 1–2, chapter filter)."""
    add_urls(model_admin, ("neighbourhood", neighbourhood_view, "neighbourhood"))
    model_admin.change_form_template = "admin/search/entity_change_form.html"
    render = model_admin.render_change_form

    def render_change_form(
        request: HttpRequest,
        context: dict,
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: object = None,
    ) -> HttpResponse:
        if obj is not None:
            context["graph"] = panel(
                kind="neighbourhood",
                url=picture_reverse(model_admin, "neighbourhood", obj.pk),
                world=obj.world,
                explorer_url=reverse("admin:lorebase_world_explorer", args=[obj.world_id]),
            )
        return render(request, context, add, change, form_url, obj)

    model_admin.render_change_form = render_change_form


def explorer_view(model_admin: ModelAdmin, request: HttpRequest, object_id: str) -> HttpResponse:
    world = viewable(model_admin, request, object_id)
    if world is None:
        raise Http404("No such world.")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "World explorer",
        "subtitle": world.name,
        "opts": model_admin.opts,
        "original": world,
        "graph": panel(
            kind="explorer",
            url=picture_reverse(model_admin, "explorer_graph", world.pk),
            world=world,
        ),
    }
    return TemplateResponse(request, "admin/search/explorer.html", context)


def explorer_graph_view(
    model_admin: ModelAdmin, request: HttpRequest, object_id: str
) -> JsonResponse:
    world = viewable(model_admin, request, object_id)
    if world is None:
        return not_found()
    return picture_response(
        world,
        ExplorerFilter(request.GET, world=world),
        lambda params: answers.world_graph(
            world,
            tuple(params["types"]),
            params["as_of_chapter"],
            settings.SEARCH_MAX_NEIGHBOURHOOD_NODES,
        ),
    )


def add_explorer(model_admin: ModelAdmin) -> None:
    """The world explorer: the whole world drawn, filtered by chapter and type, and
    linked from the world's page."""
    add_urls(
        model_admin,
        ("explorer", explorer_view, "explorer"),
        ("explorer/graph", explorer_graph_view, "explorer_graph"),
    )
    model_admin.change_form_template = "admin/search/world_change_form.html"
