"""Response example of the consistency report in the OpenAPI schema."""

from drf_spectacular.utils import OpenApiExample

LANTERN_HARBOR = "1e0f7a3c-2b4d-4c6e-8f10-a2b3c4d5e6f7"

REPORT = OpenApiExample(
    "Lantern Harbor",
    response_only=True,
    value={
        "world": LANTERN_HARBOR,
        "counts": {
            "dead_character_in_scene": 1,
            "scene_without_location_or_participants": 0,
            "location_cycle": 0,
            "reversed_relation_span": 0,
            "ally_and_enemy": 0,
            "near_duplicate_name": 1,
        },
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {
                "rule": "dead_character_in_scene",
                "severity": "error",
                "message": "Wren died in chapter 2 but speaks in “The Bell Rings Twice” "
                "(chapter 3).",
                "entities": [
                    {
                        "type": "character",
                        "id": "0b6f2d4e-8a1c-4e3b-9f5d-7c2a1e8b4d60",
                        "name": "Wren",
                    },
                    {
                        "type": "scene",
                        "id": "6d3e9a1b-2c4f-4a7e-8b5d-1f0c9e2a3b74",
                        "name": "The Bell Rings Twice",
                    },
                ],
            },
            {
                "rule": "near_duplicate_name",
                "severity": "warning",
                "message": "The character names “Anna Marlowe” and “Ana Marlowe” are 79% alike: "
                "one entity written twice?",
                "entities": [
                    {
                        "type": "character",
                        "id": "94ca33e3-403c-4efa-afa0-6619ae234f01",
                        "name": "Anna Marlowe",
                    },
                    {
                        "type": "character",
                        "id": "3c8e1f7a-5b2d-4e9c-a1f6-8d4b7e0c2a95",
                        "name": "Ana Marlowe",
                    },
                ],
            },
        ],
    },
)
