"""A small world of shared surnames, a murder and a late-met lord, in English and Russian.

Chapter 1: Wynn Aldric has supper with his father Aldric (and Oren) at the Weir House.
Chapter 2: Oren keeps the gate of Varrow Keep with Guard #2; Guard #12 is poisoned
there by Ser Aldric, who is not in any scene of it.
Chapter 3: Ser Aldric holds Aldric under the water while Wynn watches.
Chapter 4: Oren swears to Lord Varrow, whom he has served all along, and meets him.
Oren's sister Mara Oren never shares a scene with him: their kinship is known from
the start. Oren's enemy is Ser Aldric from chapter 2.
"""

from dataclasses import dataclass

from graph.rebuild import world_rebuild
from lorebase.models import Character, Relation, RelationKind, Scene, World
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

TEXTS = {
    "en": {
        "names": {
            "wynn": "Wynn Aldric",
            "aldric": "Aldric",
            "ser": "Ser Aldric",
            "oren": "Oren",
            "mara": "Mara Oren",
            "varrow": "Lord Varrow",
            "guard2": "Guard #2",
            "guard12": "Guard #12",
        },
        "places": ("The Weir House", "Varrow Keep"),
        "scenes": (
            ("Supper at the Weir House", "Wynn and his father Aldric eat eel pie with Oren."),
            ("Oren at the Gate", "Oren and a guard keep the gate of the keep at night."),
            (
                "Held Under at the Weir",
                "Ser Aldric drags Aldric into the millrace while Wynn watches from the bank.",
            ),
            ("Oath in Varrow Keep", "Oren kneels before the lord he has served for years."),
        ),
        "cause": "held under the water",
        "poison": "poisoned at the gate",
        "serves": "Sworn to the lord of the keep.",
        "family": "Brother and sister.",
        "father": "His father.",
        "enemy": "Swore to see him hang.",
    },
    "ru": {
        "names": {
            "wynn": "Винн Олдрик",
            "aldric": "Олдрик",
            "ser": "Сэр Олдрик",
            "oren": "Орен",
            "mara": "Мара Орен",
            "varrow": "Лорд Варроу",
            "guard2": "Стражник №2",
            "guard12": "Стражник №12",
        },
        "places": ("Дом у плотины", "Замок Варроу"),
        "scenes": (
            ("Ужин в доме у плотины", "Винн и его отец Олдрик едят пирог с угрём вместе с Ореном."),
            ("Орен у ворот", "Орен и стражник ночью стерегут ворота замка."),
            (
                "Утопленный у плотины",
                "Сэр Олдрик тащит Олдрика в мельничный поток, Винн смотрит с берега.",
            ),
            ("Клятва в замке Варроу", "Орен преклоняет колено перед лордом, которому служит."),
        ),
        "cause": "держали под водой",
        "poison": "отравлен у ворот",
        "serves": "Присягнул лорду замка.",
        "family": "Брат и сестра.",
        "father": "Его отец.",
        "enemy": "Поклялся увидеть его на виселице.",
    },
}


@dataclass
class Weir:
    world: World
    people: dict[str, Character]
    scenes: list[Scene]
    serves: Relation
    family: Relation
    father: Relation
    enemy: Relation

    def who(self, key: str) -> Character:
        return Character.objects.select_related("world", "status_chapter").get(
            pk=self.people[key].pk
        )


def weir_world(language: str = "en") -> Weir:
    """The world, saved in PostgreSQL and mirrored into the graph."""
    texts = TEXTS[language]
    world = WorldFactory(language=language)
    chapters = [ChapterFactory(world=world, number=n) for n in (1, 2, 3, 4)]
    house, keep = (LocationFactory(world=world, name=name) for name in texts["places"])
    people = {key: CharacterFactory(world=world, name=name) for key, name in texts["names"].items()}
    cast = (
        (house, {"wynn": "speaker", "aldric": "present", "oren": "present"}),
        (keep, {"oren": "speaker", "guard2": "present", "varrow": "mentioned"}),
        (house, {"ser": "speaker", "aldric": "present", "wynn": "present"}),
        (keep, {"oren": "speaker", "varrow": "speaker"}),
    )
    scenes = []
    for chapter, (title, summary), (place, roles) in zip(
        chapters, texts["scenes"], cast, strict=True
    ):
        scene = SceneFactory(
            world=world, chapter=chapter, order=1, title=title, summary=summary, location=place
        )
        for key, role in roles.items():
            SceneParticipantFactory(scene=scene, character=people[key], role=role)
        scenes.append(scene)
    dead = Character.Status.DEAD
    Character.objects.filter(pk=people["aldric"].pk).update(
        status=dead,
        status_chapter=chapters[2],
        killed_by=people["ser"],
        death_scene=scenes[2],
        death_cause=texts["cause"],
    )
    Character.objects.filter(pk=people["guard12"].pk).update(
        status=dead,
        status_chapter=chapters[1],
        killed_by=people["ser"],
        death_cause=texts["poison"],
    )

    def relation(kind: str, source: str, target: str, description: str, **extra) -> Relation:
        return RelationFactory(
            world=world,
            kind=kind,
            source_character=people[source],
            target_character=people[target],
            description=description,
            **extra,
        )

    weir = Weir(
        world=world,
        people=people,
        scenes=scenes,
        serves=relation(RelationKind.SERVES, "oren", "varrow", texts["serves"]),
        family=relation(
            RelationKind.FAMILY_OF, "oren", "mara", texts["family"], known_from_start=True
        ),
        father=relation(RelationKind.FAMILY_OF, "wynn", "aldric", texts["father"]),
        enemy=relation(
            RelationKind.ENEMY_OF, "oren", "ser", texts["enemy"], valid_from=chapters[1]
        ),
    )
    world_rebuild(world)
    return weir
