"""The chapter every tool is asked at, and what is known by it.

`as_of_chapter` is required by every tool: a chapter number, or WHOLE_STORY said
out loud. The REST API answers with the whole story when no chapter is given, to
any member of the world (a viewer included), so WHOLE_STORY is open to the same
roles; here it only has to be asked for explicitly.
"""

from typing import Annotated, Literal

from pydantic import Field

from lorebase.models import ENDPOINT_FIELDS, Relation, Scene
from search.text import appearing_after

WHOLE_STORY = "whole_story"

AsOfChapter = Annotated[
    Annotated[int, Field(ge=1)] | Literal["whole_story"],
    Field(
        description="Required. Answer only from what is known by this chapter (an integer, "
        'the first chapter is 1), or "whole_story" to include every chapter — spoilers.'
    ),
]


def chapter_number(as_of_chapter: int | str) -> int | None:
    """The cut as the selectors take it: None is the whole story."""
    return None if as_of_chapter == WHOLE_STORY else int(as_of_chapter)


def hidden_after(*, refs: list[tuple[str, str]], as_of: int | None) -> set[str]:
    """Of these (type, public id) pairs, the ids not yet known at `as_of`.

    Characters and places exist from the first scene they are in (the search's own
    rule, search.text.appearing_after), scenes from their chapter, relations from
    their first chapter and only once both ends exist; concepts have no chapter.
    """
    if as_of is None:
        return set()
    ids = {kind: [uid for t, uid in refs if t == kind] for kind in ("scene", "relation")}
    hidden = appearing_after(
        ids=[uid for t, uid in refs if t in ("character", "location")], as_of=as_of
    )
    hidden |= {
        str(uid)
        for uid in Scene.objects.filter(
            public_id__in=ids["scene"], chapter__number__gt=as_of
        ).values_list("public_id", flat=True)
    }
    relations = list(
        Relation.objects.filter(public_id__in=ids["relation"]).select_related(
            "valid_from", *ENDPOINT_FIELDS
        )
    )
    ends = [(r, r.source, r.target) for r in relations]
    later_ends = appearing_after(
        ids=[str(e.public_id) for _, *pair in ends for e in pair if e is not None], as_of=as_of
    )
    for relation, *pair in ends:
        starts_later = relation.valid_from is not None and relation.valid_from.number > as_of
        if starts_later or any(e is not None and str(e.public_id) in later_ends for e in pair):
            hidden.add(str(relation.public_id))
    return hidden
