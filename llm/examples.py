"""Request and response examples for the OpenAPI schema.

From the demo world (both editions); the deaths from a small world that records
who killed whom (the demo records none): Wynn Aldric saw Ser Aldric drown his
father Aldric in chapter 3.
"""

from drf_spectacular.utils import OpenApiExample

WORLD = "1dbfb18c-35b5-4184-85bb-4f528be7bdb4"
ANYA = "94ca33e3-403c-4efa-afa0-6619ae234f01"
KAY = "c1673557-ddbd-4afa-b301-8ad9524b990d"
SCENE = "48c6472a-4a6e-42a9-8cad-b25c5ed74b38"
PIER = "927c37d1-e227-4121-94fa-defb3f06bdf3"
HUNTED = "c7282a37-1f72-4037-af39-051e9f34fe62"  # Mira Hollis is an enemy of Kay, ch. 1–2
DEFIED = "f46190ed-15ab-4514-8fa7-b450d86d150a"  # Kay is an enemy of Helena Strand, from 2
WORLD_RU = "3a017298-d190-4dde-a190-180a19a14358"
KAY_RU = "0b25df7b-8cef-46d0-be08-b4d59ae40b3c"
WEIR, WEIR_RU = "5b0c3f2e-8a4d-4f61-9d2e-2f1c7a9b4e10", "9e4d2a71-3c5b-4e8f-a1d6-7b2c0f9e3a52"
WYNN, WYNN_RU = "e2a9c4d1-6b3f-4a7e-8c5d-1f0b9a2e7c34", "4c7e1b93-2d5a-4f0c-b8e6-9a3d5c1f7b28"
ALDRIC_RU = "a3f5d7b9-1c2e-4d6f-8a0b-3e5c7a9d1f42"
DROWNED_RU = "7d1e3f5a-9b2c-4e6d-a8f0-1c3e5a7b9d64"  # the scene «Утопленный у плотины»


def _asked_in(world: str) -> str:
    return f"`POST /api/v1/worlds/{world}/answers/`."


ANSWER = [
    OpenApiExample(
        "Ask Anya in chapter 1",
        description=_asked_in(WORLD),
        value={
            "character": ANYA,
            "question": "Where did you find Kay?",
            "as_of_chapter": 1,
        },
        request_only=True,
    ),
    OpenApiExample(
        "Anya answers (extractive)",
        value={
            "answer": "I remember “The Stranger on Pier Nine” (chapter 1, at Pier Nine, with "
            "Kay (speaker)): Anya disobeys Wren and goes to Pier Nine, where she finds Kay. [1]",
            "knows": True,
            "character": {"id": ANYA, "name": "Anya Marlowe"},
            "as_of_chapter": 1,
            "provider": "extractive",
            "model": "extractive-v1",
            "citations": [{"id": SCENE, "type": "scene", "title": "The Stranger on Pier Nine"}],
            "knowledge_items": [
                {
                    "id": SCENE,
                    "type": "scene",
                    "title": "The Stranger on Pier Nine",
                    "chapter": 1,
                    "location": "Pier Nine",
                    "with": ["Kay (speaker)"],
                    "text": "Anya disobeys Wren and goes to Pier Nine, where she finds Kay.",
                }
            ],
            "context": {
                "nodes": [
                    {"id": ANYA, "type": "character", "title": "Anya Marlowe"},
                    {"id": KAY, "type": "character", "title": "Kay"},
                    {"id": PIER, "type": "location", "title": "Pier Nine"},
                    {"id": SCENE, "type": "scene", "title": "The Stranger on Pier Nine"},
                ],
                "edges": [
                    {"source": SCENE, "target": ANYA, "type": "FEATURES"},
                    {"source": SCENE, "target": KAY, "type": "FEATURES", "role": "speaker"},
                    {"source": SCENE, "target": PIER, "type": "TAKES_PLACE_IN"},
                ],
                "tokens": 412,
            },
            "usage": {"prompt_tokens": 880, "completion_tokens": 41},
            "cached": False,
        },
        response_only=True,
    ),
    OpenApiExample(
        "Ask Kay who his enemy is",
        description=_asked_in(WORLD),
        value={
            "character": KAY,
            "question": "Who is your enemy?",
            "as_of_chapter": 2,
        },
        request_only=True,
    ),
    OpenApiExample(
        "Kay names his enemies (extractive)",
        description="No name in the question: “enemy” asks for his ENEMY_OF relations. "
        "Trimmed: the answer goes on with a scene shared with Mira Hollis.",
        value={
            "answer": "Mira Hollis is an enemy of Kay — since chapter 1. Hunts him for the "
            "Council until she learns the truth. [1] Kay is an enemy of Helena Strand — since "
            "chapter 2. Turns against the Heartflame he once maintained. [2]",
            "knows": True,
            "character": {"id": KAY, "name": "Kay"},
            "as_of_chapter": 2,
            "provider": "extractive",
            "model": "extractive-v1",
            "citations": [
                {"id": HUNTED, "type": "relation", "title": "Mira Hollis is an enemy of Kay"},
                {"id": DEFIED, "type": "relation", "title": "Kay is an enemy of Helena Strand"},
            ],
            "knowledge_items": [
                {
                    "id": HUNTED,
                    "type": "relation",
                    "title": "Mira Hollis is an enemy of Kay",
                    "chapter": 1,
                    "kind": "ENEMY_OF",
                    "source": "Mira Hollis",
                    "target": "Kay",
                    "valid_from": 1,
                    "valid_to": 2,
                    "text": "Hunts him for the Council until she learns the truth.",
                }
            ],
            "context": {"nodes": [], "edges": [], "tokens": 1650},
            "usage": {"prompt_tokens": 1980, "completion_tokens": 52},
            "cached": False,
        },
        response_only=True,
    ),
    OpenApiExample(
        "Ask Kay who his enemy is, in Russian",
        description=_asked_in(WORLD_RU),
        value={
            "character": KAY_RU,
            "question": "Кто твой враг?",
            "as_of_chapter": 2,
        },
        request_only=True,
    ),
    OpenApiExample(
        "Ask Wynn Aldric who killed his father",
        description=_asked_in(WEIR)
        + " “Your father” is the other end of a FAMILY_OF relation Wynn knows.",
        value={
            "character": WYNN,
            "question": "Who killed your father?",
            "as_of_chapter": 3,
        },
        request_only=True,
    ),
    OpenApiExample(
        "Ask Wynn Aldric who killed Aldric, in Russian",
        description=_asked_in(WEIR_RU),
        value={
            "character": WYNN_RU,
            "question": "Кто убил Олдрика?",
            "as_of_chapter": 3,
        },
        request_only=True,
    ),
    OpenApiExample(
        "Wynn Aldric names the killer, in Russian (extractive)",
        description="He was in the scene of the death, so he knows it; the death cites its "
        "scene. Asked as of chapter 2, he would not know. Trimmed: the answer goes on with his "
        "kinship to Aldric and their supper in chapter 1.",
        value={
            "answer": "Олдрик — убийца: Сэр Олдрик, сцена «Утопленный у плотины», глава 3: "
            "держали под водой. [1]",
            "knows": True,
            "character": {"id": WYNN_RU, "name": "Винн Олдрик"},
            "as_of_chapter": 3,
            "provider": "extractive",
            "model": "extractive-v1",
            "citations": [{"id": DROWNED_RU, "type": "scene", "title": "Утопленный у плотины"}],
            "knowledge_items": [
                {
                    "id": ALDRIC_RU,
                    "type": "death",
                    "title": "Смерть: Олдрик",
                    "chapter": 3,
                    "victim": "Олдрик",
                    "killer": "Сэр Олдрик",
                    "scene": "Утопленный у плотины",
                    "cause": "держали под водой",
                    "text": "Олдрик — убийца: Сэр Олдрик, сцена «Утопленный у плотины», "
                    "глава 3: держали под водой.",
                }
            ],
            "context": {"nodes": [], "edges": [], "tokens": 240},
            "usage": {"prompt_tokens": 610, "completion_tokens": 24},
            "cached": False,
        },
        response_only=True,
    ),
    OpenApiExample(
        "A question too long",
        value={"question": ["Ensure this field has no more than 500 characters."]},
        response_only=True,
        status_codes=["400"],
    ),
]
