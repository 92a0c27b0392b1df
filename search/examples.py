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

SEARCH = [
    OpenApiExample(
        "Where did Anya and Kay meet",
        value={
            "query": "where did Anya and Kay meet",
            "kind": "meetings",
            "as_of_chapter": None,
            "entities": [
                {
                    **ANYA_REF,
                    "matched": {
                        "words": ["Anya"],
                        "field": "aliases",
                        "value": "Anya",
                        "how": "exact",
                        "score": 1.0,
                    },
                },
                {
                    **KAY_REF,
                    "matched": {
                        "words": ["Kay"],
                        "field": "name",
                        "value": "Kay",
                        "how": "exact",
                        "score": 1.0,
                    },
                },
            ],
            "results": [MEETING],
        },
        response_only=True,
    )
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
