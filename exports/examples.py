"""Examples shown in the OpenAPI schema of the export endpoints."""

from drf_spectacular.utils import OpenApiExample

from .cards import lorebook_entry

LANTERN_HARBOR = "1e0f7a3c-2b4d-4c6e-8f10-a2b3c4d5e6f7"
ANYA = "5a2e8c1f-3b7d-4e9a-a6c2-1d8f4b7e9c05"
PIER_NINE = "3f1d9a2b-6e4c-4b7a-8d21-9c5e7f1a2b03"


CHARACTER_CARD = OpenApiExample(
    "Anya",
    response_only=True,
    value={
        "spec": "chara_card_v2",
        "spec_version": "2.0",
        "data": {
            "name": "Anya",
            "description": "An apprentice lamplighter of Lantern Harbor.",
            "personality": "Stubborn and kind.\n\nSpeech style: Short sentences, harbor slang.",
            "scenario": "A port city where lanterns keep the fog away.",
            "first_mes": "*Anya pulls a stranger out of the fog on Pier Nine.*",
            "mes_example": "",
            "creator_notes": "Exported from Lorebase, world “Lantern Harbor”.",
            "system_prompt": "",
            "post_history_instructions": "",
            "alternate_greetings": [],
            "tags": ["Lantern Harbor", "Alive"],
            "creator": "Lorebase",
            "character_version": "3",
            "extensions": {
                "lorebase": {
                    "world": LANTERN_HARBOR,
                    "character": ANYA,
                    "aliases": ["Anyushka"],
                    "status": "alive",
                    "death": None,
                    "as_of_chapter": 2,
                }
            },
            "character_book": {
                "name": "What Anya knows",
                "description": (
                    "Scenes, relations, places and concepts known to Anya by the end of chapter 2."
                ),
                "recursive_scanning": False,
                "extensions": {},
                "entries": [
                    lorebook_entry(
                        0,
                        name="Pier Nine",
                        keys=["Pier Nine"],
                        content="Pier Nine (building): The last pier before the fog line.",
                        kind="location",
                        entity_id=PIER_NINE,
                    )
                ],
            },
        },
    },
)
