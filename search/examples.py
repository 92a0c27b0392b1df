"""Response examples for the OpenAPI schema, taken from the demo world."""

from drf_spectacular.utils import OpenApiExample

ANYA = "94ca33e3-403c-4efa-afa0-6619ae234f01"
KAY = "c1673557-ddbd-4afa-b301-8ad9524b990d"
PIER = "927c37d1-e227-4121-94fa-defb3f06bdf3"
SCENE = "48c6472a-4a6e-42a9-8cad-b25c5ed74b38"
CHAPTER = "fa3d741a-b103-41c9-977e-4a0c302875a6"
ALLY = "2b0d7c53-4f3e-4bb1-9a51-6c1f0e7d8a11"

MEETING = {
    "type": "scene",
    "id": SCENE,
    "title": "The Stranger on Pier Nine",
    "summary": "Anya disobeys Wren and goes to Pier Nine, where she finds Kay.",
    "score": 1.0,
    "chapter": 1,
    "location": {"id": PIER, "name": "Pier Nine"},
    "why": {
        "source": "graph",
        "explanation": "Anna Marlowe and Kay are both in this scene (chapter 1, at Pier Nine).",
        "path": [
            {"source": SCENE, "target": ANYA, "type": "FEATURES", "role": "speaker"},
            {"source": SCENE, "target": KAY, "type": "FEATURES", "role": "speaker"},
        ],
    },
    "cites": [SCENE, CHAPTER, ANYA, KAY, PIER],
}
ANYA_REF = {"id": ANYA, "type": "character", "name": "Anna Marlowe"}
KAY_REF = {"id": KAY, "type": "character", "name": "Kay"}
STEP = {
    "source": ANYA,
    "target": KAY,
    "type": "ALLY_OF",
    "direction": "backward",
    "relation": ALLY,
    "role": None,
    "text": "Kay —ALLY_OF→ Anna Marlowe",
}

ANYA_MATCHED = {"words": ["Anya"], "field": "aliases", "value": "Anya", "how": "exact"}
ANYA_MATCHED["score"] = 1.0
KAY_MATCHED = {"words": ["Kay"], "field": "name", "value": "Kay", "how": "exact", "score": 1.0}
GATES = [
    {"id": f"5b0e8c2a-0000-4000-8000-00000000000{n}", "type": "location", "name": "The Gate"}
    | {"parent": parent}
    for n, parent in enumerate(["North Reach", "Old Keep"], start=1)
]
ANYA_RU = {"id": ANYA, "type": "character", "name": "Анна Марлоу"}
ANYA_RU_MATCHED = {"words": ["Аню"], "field": "aliases", "value": "Аня", "how": "stem"}
ANYA_RU_MATCHED["score"] = 0.9
KAY_RU = {"id": KAY, "type": "character", "name": "Кай"}
KAY_RU_MATCHED = {"words": ["Кай"], "field": "name", "value": "Кай", "how": "exact", "score": 1.0}


def _clear(matched: dict, ref: dict) -> dict:
    """An interpretation mention that names one entity."""
    return matched | {"ambiguous": False, "candidates": [ref | {"parent": None}]}


SEARCH = [
    OpenApiExample(
        "Where did Anya and Kay meet",
        value={
            "query": "where did Anya and Kay meet",
            "kind": "meetings",
            "as_of_chapter": None,
            "entities": [
                {**ANYA_REF, "matched": ANYA_MATCHED},
                {**KAY_REF, "matched": KAY_MATCHED},
            ],
            "interpretation": {
                "kind": "meetings",
                "confident": True,
                "mentions": [
                    _clear(ANYA_MATCHED, ANYA_REF),
                    _clear(KAY_MATCHED, KAY_REF),
                ],
                "note": None,
            },
            "results": [MEETING],
        },
        response_only=True,
    ),
    OpenApiExample(
        "A place name that two places share",
        value={
            "query": "Kay at the Gate",
            "kind": "text",
            "as_of_chapter": None,
            "entities": [{**KAY_REF, "matched": KAY_MATCHED}],
            "interpretation": {
                "kind": "text",
                "confident": False,
                "mentions": [
                    _clear(KAY_MATCHED, KAY_REF),
                    {
                        "words": ["the", "Gate"],
                        "field": "name",
                        "value": "The Gate",
                        "how": "exact",
                        "score": 1.0,
                        "ambiguous": True,
                        "candidates": GATES,
                    },
                ],
                "note": "“the Gate” could be any of 2: The Gate — North Reach, "
                "The Gate — Old Keep. Answered from the text instead; name one of them "
                "to ask the graph.",
            },
            "results": [],
        },
        response_only=True,
    ),
    OpenApiExample(
        "Где Кай встретил Аню",
        value={
            "query": "где Кай встретил Аню",
            "kind": "meetings",
            "as_of_chapter": None,
            "entities": [
                {**KAY_RU, "matched": KAY_RU_MATCHED},
                {**ANYA_RU, "matched": ANYA_RU_MATCHED},
            ],
            "interpretation": {
                "kind": "meetings",
                "confident": True,
                "mentions": [
                    _clear(KAY_RU_MATCHED, KAY_RU),
                    _clear(ANYA_RU_MATCHED, ANYA_RU),
                ],
                "note": None,
            },
            "results": [],
        },
        response_only=True,
    ),
]
MEETINGS = [
    OpenApiExample(
        "Anya and Kay",
        value={"a": ANYA_REF, "b": KAY_REF, "results": [MEETING]},
        response_only=True,
    )
]
PATH = [
    OpenApiExample(
        "Allies from chapter 1",
        value={
            "a": ANYA_REF,
            "b": KAY_REF,
            "found": True,
            "length": 1,
            "nodes": [ANYA_REF, KAY_REF],
            "steps": [STEP],
            "truncated": False,
        },
        response_only=True,
    )
]
NEIGHBOURHOOD = [
    OpenApiExample(
        "One step around Anya",
        value={
            "entity": ANYA_REF,
            "nodes": [{**ANYA_REF, "distance": 0}, {**KAY_REF, "distance": 1}],
            "edges": [STEP],
            "truncated": False,
        },
        response_only=True,
    )
]
CO_APPEARANCES = [
    OpenApiExample(
        "Who is most often with Anya",
        value={
            "character": ANYA_REF,
            "results": [
                {
                    "character": {"id": KAY, "name": "Kay"},
                    "scenes": 11,
                    "first_chapter": 1,
                    "why": "Kay and Anna Marlowe are both in 11 scene(s), first in chapter 1.",
                }
            ],
        },
        response_only=True,
    )
]
