"""The shape of one search result: a scene, with why it answers and what it cites."""

from lorebase.catalogue import ENDPOINT_TYPES, KINDS, EntityType

# The result type of a graph node, by its label: the relation endpoints and scenes.
LABEL_TYPES = {
    label: t for t in (*ENDPOINT_TYPES, EntityType.SCENE.value) if (label := KINDS[t].label)
}


def scene_result(row: dict, explanation: str, entities: tuple[dict, ...]) -> dict:
    scene, chapter, location = row["scene"], row["chapter"], row["location"]
    place = f", at {location['name']}" if location else ""
    edges = [
        {"source": scene["id"], "target": entity["id"], "type": _edge_type(entity), "role": role}
        for entity, role in zip(entities, [*row["roles"], None, None], strict=False)
    ]
    return {
        "type": "scene",
        "id": scene["id"],
        "title": scene["title"],
        "summary": scene["summary"],
        "score": 1.0,
        "chapter": chapter["number"],
        "location": location,
        "why": {
            "source": "graph",
            "explanation": f"{explanation} (chapter {chapter['number']}{place}).",
            "path": edges,
        },
        "cites": [scene["id"], chapter["id"], *(e["id"] for e in entities)]
        + ([location["id"]] if location else []),
    }


def _edge_type(entity: dict) -> str:
    return "FEATURES" if entity["type"] == "character" else "TAKES_PLACE_IN"
