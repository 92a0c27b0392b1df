"""The lore admin's search box, through the API's own search (SearchConfig.ready wires it).

A term typed in an entity list is read as the API reads a question, in each
world's language: names and aliases with the linker's edit distance, pg_trgm for
typos, full text with stemming over names, aliases, descriptions and scene texts.
Rows the stock `icontains` search finds (part of a word) and rows with a tag of
that name stay in, so nothing the old box found goes missing.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from lorebase.catalogue import EntityType
from lorebase.models import World

from . import text
from .questions import recognise


def matching_ids(*, world: World, term: str, entity_type: str) -> set[str]:
    """Public ids of the world's entities of the type that the search finds for `term`."""
    words = text.analyse(term, text.config_for(world))
    if not words:
        return set()
    types, limit = {entity_type}, settings.SEARCH_MAX_RESULTS
    found = {
        entity.id
        for mention in recognise(world, words)
        for entity in mention.candidates
        if entity.type == entity_type
    }
    hits = text.name_search(world=world, words=words, types=types, limit=limit)
    hits += text.text_search(world=world, words=words, as_of=None, types=types, limit=limit)
    return found | {hit.id for hit in hits}


def add_search(model_admin: ModelAdmin, *, full: bool) -> None:
    """Search the ModelAdmin's list by the lore's search (`full`: its type has names or
    texts the search reads) and by tag, besides its stock search fields."""
    stock: Callable = model_admin.get_search_results
    entity_type = EntityType(model_admin.model.entity_type).value

    def get_search_results(
        request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        term = search_term.strip()
        found, duplicates = stock(request, queryset, search_term)
        if not term:
            return found, duplicates
        wanted = Q(pk__in=found.values("pk")) | Q(tags__name__iexact=term)
        if full:
            worlds = World.objects.filter(pk__in=queryset.values("world_id"))
            ids = set().union(
                *(matching_ids(world=w, term=term, entity_type=entity_type) for w in worlds)
            )
            wanted |= Q(public_id__in=ids)
        return queryset.filter(wanted), True

    model_admin.get_search_results = get_search_results
