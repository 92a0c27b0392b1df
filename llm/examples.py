"""Request and response examples for the OpenAPI schema, from the demo world."""

from drf_spectacular.utils import OpenApiExample

WORLD = "1dbfb18c-35b5-4184-85bb-4f528be7bdb4"
ANYA = "94ca33e3-403c-4efa-afa0-6619ae234f01"
KAY = "c1673557-ddbd-4afa-b301-8ad9524b990d"
SCENE = "48c6472a-4a6e-42a9-8cad-b25c5ed74b38"
PIER = "927c37d1-e227-4121-94fa-defb3f06bdf3"

ANSWER = [
    OpenApiExample(
        "Ask Anya in chapter 1",
        value={
            "world": WORLD,
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
        "A question too long",
        value={"question": ["Ensure this field has no more than 500 characters."]},
        response_only=True,
        status_codes=["400"],
    ),
]
