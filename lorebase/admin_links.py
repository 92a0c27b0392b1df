"""Links from any admin page (pictures, answers, findings) to the lore's change pages."""

from collections.abc import Iterable

from django.urls import reverse

from .catalogue import KINDS


def admin_change_urls(refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(entity type, public id) → the entity's admin change page; one query per type.

    A reference whose entity was deleted since gets no link.
    """
    wanted: dict[str, set[str]] = {}
    for entity_type, public_id in refs:
        wanted.setdefault(entity_type, set()).add(str(public_id))
    links = {}
    for entity_type, ids in wanted.items():
        model = KINDS[entity_type].model
        url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
        found = model._default_manager.filter(public_id__in=ids).values_list("public_id", "pk")
        for public_id, pk in found:
            links[(entity_type, str(public_id))] = reverse(url_name, args=[pk])
    return links
