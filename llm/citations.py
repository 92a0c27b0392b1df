"""Citations are kept only when they point into the answer's context.

A model may invent ids, or be talked into citing something the lore named but
the character never saw. Such citations are dropped (and counted): the client
only ever gets ids the context held, each with its type and title. A death is
cited as the scene it happened in when the context holds that scene.
"""

from .context import Context
from .metrics import DROPPED_CITATIONS


def checked_citations(context: Context, cited: list[str], provider: str) -> list[dict]:
    kept: list[dict] = []
    dropped = 0
    for raw in cited:
        uid = raw.strip().lower()  # models echo ids in other cases, with spaces
        item = context.item(uid)
        if item is not None:
            item = next(filter(None, map(context.item, item.cites)), item)
        if item is None:
            dropped += 1
        elif all(c["id"] != uid for c in kept):
            kept.append({"id": item.id, "type": item.type, "title": item.title})
    if dropped:
        DROPPED_CITATIONS.labels(provider).inc(dropped)
    return kept
