"""Response examples for the OpenAPI schema, taken from the demo world."""

from drf_spectacular.utils import OpenApiExample

ANYA = "94ca33e3-403c-4efa-afa0-6619ae234f01"
KAY = "c1673557-ddbd-4afa-b301-8ad9524b990d"
PIER = "927c37d1-e227-4121-94fa-defb3f06bdf3"
SCENE = "3d15d64f-5659-4630-8618-ad3666dfab70"
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
    return matched | {
        "ambiguous": False,
        "resolved_by": None,
        "candidates": [ref | {"parent": None}],
    }


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
                "details": {"meeting": "all"},
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
                "details": {},
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
                        "resolved_by": None,
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
                "details": {"meeting": "all"},
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


def _read(kind: str, mentions: list[dict], details: dict | None = None, note=None) -> dict:
    """An interpretation: the kind, its details and the names, all clear."""
    return {
        "kind": kind,
        "details": details or {},
        "confident": True,
        "mentions": mentions,
        "note": note,
    }


def _named(
    words: list[str], ref: dict, how: str = "exact", score: float = 1.0, parent: str | None = None
) -> dict:
    value = ref["name"]
    matched = {"words": words, "field": "name", "value": value, "how": how, "score": score}
    candidates = [ref | {"parent": parent}]
    return matched | {"ambiguous": False, "resolved_by": None, "candidates": candidates}


def _search(query: str, kind: str, mentions: list[dict], results: list[dict], **read) -> dict:
    return {
        "query": query,
        "kind": kind,
        "as_of_chapter": read.pop("as_of", None),
        "entities": [
            {k: m["candidates"][0][k] for k in ("id", "type", "name")}
            | {"matched": {k: m[k] for k in ("words", "field", "value", "how", "score")}}
            for m in mentions
        ],
        "interpretation": _read(kind, mentions, **read),
        "results": results,
    }


def _party(
    ref: dict, relation: str, kind: str, text: str, start: int | None, source: dict, target: dict
) -> dict:
    """A relation result: `ref` is the other party of `source` —kind→ `target`."""
    asked = target if source is ref else source
    step = {"source": source["id"], "target": target["id"], "type": kind}
    step |= {"direction": "backward" if source is ref else "forward", "relation": relation}
    step |= {"role": None, "text": f"{source['name']} —{kind}→ {target['name']}"}
    return {
        "type": "character",
        "id": ref["id"],
        "title": ref["name"],
        "score": 1.0,
        "chapter": start,
        "why": {"source": "graph", "explanation": text, "path": [step]},
        "cites": [ref["id"], asked["id"], relation],
    }


WREN = {"id": "0b50b7d4-b506-484d-b69e-6019d1083b69", "type": "character", "name": "Tobias Wren"}
HOLLIS = {"id": "cc9d5fbb-374b-4794-8841-e3473e9e5730", "type": "character", "name": "Mira Hollis"}
STRAND = {
    "id": "9534acc2-f8ad-445f-9af9-140fbf3e0324",
    "type": "character",
    "name": "Helena Strand",
}
DOCKS = {"id": "652f416c-208e-497a-9567-3b44e68d4f76", "type": "location", "name": "The Old Docks"}
STRANGER = "3d15d64f-5659-4630-8618-ad3666dfab70"
WREN_RU = {"id": "503ff0a1-c60d-4a9c-93bb-94f2214c430f", "type": "character", "name": "Тобиас Рен"}
HOLLIS_RU = {
    "id": "f5ce39a0-88ff-463d-9aa7-9194363276bb",
    "type": "character",
    "name": "Мира Холлис",
}
STRAND_RU = {
    "id": "94a31a29-c902-46d3-93f1-f78becf2340a",
    "type": "character",
    "name": "Елена Странд",
}
DOCKS_RU = {"id": "12aa26e9-9903-4ef1-a3f2-6c5b19acb2da", "type": "location", "name": "Старые доки"}
PIER_RU = {"id": "65d5f16d-3969-467f-b2f8-1709e8ac2013", "name": "Девятый причал"}
STRANGER_RU = "6f58b781-ef7b-46f9-bd56-acee1e1f0e4d"
CHAPTER_RU = "58a6a357-91d6-44ff-89ad-7c4b6dbd5781"


def _at(scene: str, title: str, place: dict, inside: dict, chapter: str, words: str) -> dict:
    """A scene of chapter 1 at `place`, which is inside the place asked about."""
    return {
        "type": "scene",
        "id": scene,
        "title": title,
        "score": 1.0,
        "chapter": 1,
        "location": place,
        "why": {
            "source": "graph",
            "explanation": words,
            "path": [
                {"source": scene, "target": inside["id"], "type": "TAKES_PLACE_IN", "role": None}
            ],
        },
        "cites": [scene, chapter, inside["id"], place["id"]],
    }


SEARCH += [
    OpenApiExample(
        "Where did Anya and Kay first meet",
        value=_search(
            "where did Anya and Kay first meet",
            "meetings",
            [_clear(ANYA_MATCHED, ANYA_REF), _clear(KAY_MATCHED, KAY_REF)],
            [
                MEETING
                | {
                    "why": MEETING["why"]
                    | {"explanation": "Their first meeting: " + MEETING["why"]["explanation"]}
                }
            ],
            details={"meeting": "first"},
        ),
        response_only=True,
    ),
    OpenApiExample(
        "How did Tobias Wren die (no death scene recorded)",
        value=_search(
            "how did Tobias Wren die",
            "death",
            [_named(["Tobias", "Wren"], WREN)],
            [
                {
                    "type": "character",
                    "id": WREN["id"],
                    "title": WREN["name"],
                    "score": 1.0,
                    "chapter": 3,
                    "why": {
                        "source": "record",
                        "explanation": "From the death record: Tobias Wren died in chapter 3.",
                    },
                    "cites": [WREN["id"]],
                }
            ],
            details={"death": "how"},
        ),
        response_only=True,
    ),
    OpenApiExample(
        "Кто убил Тобиаса Рена — as of chapter 2",
        value=_search(
            "кто убил Тобиаса Рена",
            "death",
            [_named(["Тобиаса", "Рена"], WREN_RU, "stem", 0.9)],
            [],
            as_of=2,
            details={"death": "killer"},
            note="Nothing is known of a death of Тобиас Рен as of chapter 2.",
        ),
        response_only=True,
    ),
    OpenApiExample(
        "Who is Kay's enemy — as of chapter 2",
        value=_search(
            "who is Kay's enemy",
            "relation",
            [_clear(KAY_MATCHED, KAY_REF)],
            [
                _party(
                    HOLLIS,
                    "c7282a37-1f72-4037-af39-051e9f34fe62",
                    "ENEMY_OF",
                    "Mira Hollis is an enemy of Kay (chapters 1–2).",
                    1,
                    HOLLIS,
                    KAY_REF,
                ),
                _party(
                    STRAND,
                    "f46190ed-15ab-4514-8fa7-b450d86d150a",
                    "ENEMY_OF",
                    "Kay is an enemy of Helena Strand (from chapter 2).",
                    2,
                    KAY_REF,
                    STRAND,
                ),
            ],
            as_of=2,
            details={"relations": [{"kind": "ENEMY_OF", "side": "both"}]},
        ),
        response_only=True,
    ),
    OpenApiExample(
        "Кому служит Мира Холлис",
        value=_search(
            "кому служит Мира Холлис",
            "relation",
            [_named(["Мира", "Холлис"], HOLLIS_RU)],
            [
                _party(
                    STRAND_RU,
                    "63178893-a249-49f0-8b2d-87cf51f48ad0",
                    "SERVES",
                    "Мира Холлис serves Елена Странд (until chapter 2).",
                    None,
                    HOLLIS_RU,
                    STRAND_RU,
                )
            ],
            as_of=1,
            details={"relations": [{"kind": "SERVES", "side": "out"}]},
        ),
        response_only=True,
    ),
    OpenApiExample(
        "What happened at the Old Docks in The Stranger in the Fog",
        value=_search(
            "what happened at the Old Docks in The Stranger in the Fog",
            "events_at_location",
            [
                _named(["the", "Old", "Docks"], DOCKS, parent="Lanternmouth"),
                _named(
                    ["The", "Stranger", "in", "the", "Fog"],
                    {"id": CHAPTER, "type": "chapter", "name": "The Stranger in the Fog"},
                ),
            ],
            [
                _at(
                    STRANGER,
                    "The Stranger on Pier Nine",
                    {"id": PIER, "name": "Pier Nine"},
                    DOCKS,
                    CHAPTER,
                    "It happens at The Old Docks or inside it (chapter 1, at Pier Nine).",
                )
            ],
            details={"chapter": 1},
        ),
        response_only=True,
    ),
    OpenApiExample(
        "Что случилось в Старых доках в главе 1",
        value=_search(
            "что случилось в Старых доках в главе 1",
            "events_at_location",
            [_named(["Старых", "доках"], DOCKS_RU, "stem", 0.9, "Фонарное Устье")],
            [
                _at(
                    STRANGER_RU,
                    "Незнакомец на Девятом причале",
                    PIER_RU,
                    DOCKS_RU,
                    CHAPTER_RU,
                    "It happens at Старые доки or inside it (chapter 1, at Девятый причал).",
                )
            ],
            details={"chapter": 1},
        ),
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
