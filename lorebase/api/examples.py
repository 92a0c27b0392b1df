"""Request and response examples shown in the OpenAPI schema."""

from drf_spectacular.utils import OpenApiExample

CHAPTER_1 = "0b7c2f0e-5c1a-4d8e-9a51-2f4e8c1d7a01"
HARBOR = "3f1d9a2b-6e4c-4b7a-8d21-9c5e7f1a2b03"
ANYA = "5a2e8c1f-3b7d-4e9a-a6c2-1d8f4b7e9c05"
KAY = "6b3f9d2a-4c8e-4fab-b7d3-2e9a5c8f0d06"
LANTERN_GUILD = "7c4a0e3b-5d9f-4abc-88e4-3fab6d9a1e07"
FOG_BELL_SCENE = "8d5b1f4c-6e0a-4bcd-99f5-4a0b7e1b2f08"
STAMPS = {"created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-02T10:30:00Z"}


def _examples(name: str, request: dict, response: dict) -> list[OpenApiExample]:
    return [
        OpenApiExample(name, value=request, request_only=True),
        OpenApiExample(name, value=response, response_only=True),
    ]


WORLD = _examples(
    "Lantern Harbor",
    {
        "name": "Lantern Harbor",
        "slug": "lantern-harbor",
        "language": "en",
        "description": "A port city where lanterns keep the fog away.",
    },
    {
        "id": "1e0f7a3c-2b4d-4c6e-8f10-a2b3c4d5e6f7",
        "name": "Lantern Harbor",
        "slug": "lantern-harbor",
        "language": "en",
        "description": "A port city where lanterns keep the fog away.",
        "version": 1,
        "role": "owner",
        **STAMPS,
    },
)
CHAPTER = _examples(
    "First chapter",
    {"number": 1, "title": "The Fog Bell", "summary": "Anya arrives at the harbor."},
    {
        "id": CHAPTER_1,
        "version": 1,
        "number": 1,
        "title": "The Fog Bell",
        "summary": "Anya arrives at the harbor.",
        **STAMPS,
    },
)
LOCATION = _examples(
    "A district inside a city",
    {
        "name": "Old Harbor",
        "aliases": ["the Docks"],
        "kind": "district",
        "description": "Piers, warehouses and the lantern market.",
        "parent": None,
    },
    {
        "id": HARBOR,
        "version": 3,
        "name": "Old Harbor",
        "aliases": ["the Docks"],
        "kind": "district",
        "description": "Piers, warehouses and the lantern market.",
        "parent": None,
        **STAMPS,
    },
)
DEATH = {
    "status": "dead",
    "status_chapter": CHAPTER_1,
    "killed_by": KAY,
    "death_scene": FOG_BELL_SCENE,
    "death_cause": "Pushed off the pier into the fog.",
}
CHARACTER = _examples(
    "A character killed in chapter 1",
    {
        "name": "Anya",
        "aliases": ["Anna"],
        "description": "A lamplighter's apprentice.",
        "persona": "Curious, stubborn, afraid of deep water.",
        "speech_style": "Short sentences, nautical slang.",
        **DEATH,
        "version": 2,
    },
    {
        "id": ANYA,
        "version": 3,
        "name": "Anya",
        "aliases": ["Anna"],
        "description": "A lamplighter's apprentice.",
        "persona": "Curious, stubborn, afraid of deep water.",
        "speech_style": "Short sentences, nautical slang.",
        **DEATH,
        **STAMPS,
    },
)
CONCEPT = _examples(
    "A faction",
    {
        "name": "Lantern Guild",
        "aliases": [],
        "kind": "faction",
        "description": "Keepers of the harbor's lights.",
    },
    {
        "id": LANTERN_GUILD,
        "version": 1,
        "name": "Lantern Guild",
        "aliases": [],
        "kind": "faction",
        "description": "Keepers of the harbor's lights.",
        **STAMPS,
    },
)
SCENE = _examples(
    "Two characters meet",
    {
        "chapter": CHAPTER_1,
        "order": 1,
        "title": "Under the fog bell",
        "summary": "Anya meets Kay on the pier.",
        "text": "“You're late,” said Kay.",
        "location": HARBOR,
        "participants": [
            {"character": ANYA, "role": "speaker"},
            {"character": KAY, "role": "speaker"},
        ],
    },
    {
        "id": FOG_BELL_SCENE,
        "version": 1,
        "chapter": CHAPTER_1,
        "order": 1,
        "title": "Under the fog bell",
        "summary": "Anya meets Kay on the pier.",
        "text": "“You're late,” said Kay.",
        "location": HARBOR,
        "participants": [
            {"character": ANYA, "role": "speaker"},
            {"character": KAY, "role": "speaker"},
        ],
        **STAMPS,
    },
)
RELATION = _examples(
    "Membership valid from chapter 1",
    {
        "kind": "MEMBER_OF",
        "source": {"type": "character", "id": ANYA},
        "target": {"type": "concept", "id": LANTERN_GUILD},
        "description": "Sworn in at the fog bell.",
        "valid_from": CHAPTER_1,
        "valid_to": None,
        "known_from_start": False,
    },
    {
        "id": "9e6c2a5d-7f1b-4cde-aa06-5b1c8f2c3a09",
        "version": 1,
        "kind": "MEMBER_OF",
        "source": {"type": "character", "id": ANYA, "name": "Anya"},
        "target": {"type": "concept", "id": LANTERN_GUILD, "name": "Lantern Guild"},
        "description": "Sworn in at the fog bell.",
        "valid_from": CHAPTER_1,
        "valid_to": None,
        "known_from_start": False,
        **STAMPS,
    },
) + _examples(
    "Family known before they meet",
    {
        "kind": "FAMILY_OF",
        "source": {"type": "character", "id": ANYA},
        "target": {"type": "character", "id": KAY},
        "description": "Cousins, raised apart.",
        "known_from_start": True,
    },
    {
        "id": "0f7d3b6e-8a2c-4def-bb17-6c2d9a3d4b10",
        "version": 1,
        "kind": "FAMILY_OF",
        "source": {"type": "character", "id": ANYA, "name": "Anya"},
        "target": {"type": "character", "id": KAY, "name": "Kay"},
        "description": "Cousins, raised apart.",
        "valid_from": None,
        "valid_to": None,
        "known_from_start": True,
        **STAMPS,
    },
)
