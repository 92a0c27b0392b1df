"""Words for synthetic worlds (`lorebase.generator`): syllables and templates per language."""

# The Russian words are Cyrillic on purpose, not Latin look-alikes.

from dataclasses import dataclass

from .models import Concept, Location, RelationKind, World


@dataclass(frozen=True)
class Vocabulary:
    """Syllables for names and templates for texts, in one language."""

    onsets: tuple[str, ...]
    vowels: tuple[str, ...]
    codas: tuple[str, ...]
    surname_endings: tuple[str, ...]
    world_name: str
    world_description: str
    chapter_titles: tuple[str, ...]
    chapter_summary: str
    themes: tuple[str, ...]
    place_names: dict[str, tuple[str, ...]]
    place_description: str
    root_place_description: str
    features: tuple[str, ...]
    occupations: tuple[str, ...]
    traits: tuple[str, ...]
    wants: tuple[str, ...]
    fears: tuple[str, ...]
    speech_styles: tuple[str, ...]
    character_description: str
    persona: str
    concept_names: dict[str, tuple[str, ...]]
    concept_description: str
    nowhere: str
    scene_titles: tuple[str, ...]
    scene_summary: str
    lines: tuple[str, ...]
    relation_labels: dict[str, str]
    default_relation_label: str
    relation_description: str


ENGLISH = Vocabulary(
    onsets=(
        "b",
        "br",
        "c",
        "d",
        "dr",
        "f",
        "g",
        "gr",
        "h",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "st",
        "t",
        "th",
        "v",
        "w",
        "z",
    ),
    vowels=("a", "e", "i", "o", "u", "a", "e", "ae", "ia", "ei", "ou"),
    codas=("", "", "", "n", "r", "s", "l", "th", "nd", "m", "x"),
    surname_endings=("", "", "son", "wick", "ford", "ley", "mere", "dale"),
    world_name="The {n} Chronicles",
    world_description="A generated world (seed {seed}) for tests and benchmarks.",
    chapter_titles=(
        "Ashes and Salt",
        "The Silent Bell",
        "A Debt Repaid",
        "Lanterns in the Fog",
        "The Long Winter",
        "Broken Oaths",
        "The Drowned Road",
        "Sparks",
        "A Letter Unsent",
        "The Last Ferry",
        "Old Songs",
        "The True Name of the Storm",
    ),
    chapter_summary="Chapter {number}: {theme} and the road to {n}.",
    themes=("old debts", "a broken oath", "the coming storm", "a lost sister", "a stolen crown"),
    place_names={
        Location.Kind.REGION: ("{n} Reach", "{n} Vale", "The {n} Marches", "{n} Highlands"),
        Location.Kind.CITY: ("{n}", "{n}haven", "Port {n}", "{n}ford"),
        Location.Kind.DISTRICT: ("{n} Quarter", "Old {n}", "{n} Docks", "{n} Market"),
        Location.Kind.BUILDING: (
            "{n} Library",
            "{n} Tower",
            "Temple of {n}",
            "{n} Forge",
            "The {n} Tavern",
            "{n} Manor",
        ),
        Location.Kind.ROOM: ("{n}'s Study", "{n} Hall", "{n} Cellar", "{n} Attic", "{n} Chapel"),
        Location.Kind.WILDERNESS: ("{n} Woods", "{n} Marsh", "{n} Peaks", "{n} Wastes"),
    },
    place_description="Part of {parent}. Known for {feature}.",
    root_place_description="Known for {feature}.",
    features=(
        "its night markets",
        "an old bell that never rings",
        "the smell of salt and tar",
        "a famous library",
        "endless rain",
        "its quarrelsome guilds",
        "a haunted well",
        "the best bread in the realm",
    ),
    occupations=(
        "blacksmith",
        "archivist",
        "smuggler",
        "healer",
        "knight",
        "scholar",
        "courier",
        "priestess",
        "merchant",
        "thief",
        "bard",
        "alchemist",
        "captain",
        "cartographer",
    ),
    traits=("stubborn", "curious", "gentle", "ambitious", "secretive", "reckless", "loyal"),
    wants=(
        "to find a lost sister",
        "to pay off an old debt",
        "to see the sea",
        "to restore the old order",
        "to be forgiven",
        "to learn the true name of the storm",
    ),
    fears=("fire", "being forgotten", "deep water", "their own temper", "the dark", "debts"),
    speech_styles=(
        "Speaks softly and rarely finishes a sentence.",
        "Talks fast, with many jokes.",
        "Formal; always uses titles.",
        "Blunt and short.",
        "Poetic; quotes old songs.",
    ),
    character_description="A {trait} {occupation} from {place}.",
    persona="Wants {want}; fears {fear}.",
    concept_names={
        Concept.Kind.FACTION: ("Order of {n}", "The {n} Guild", "House {n}", "The {n} Circle"),
        Concept.Kind.ITEM: ("{n}'s Lantern", "The {n} Blade", "Crown of {n}", "{n} Compass"),
        Concept.Kind.MAGIC: ("{n} Weaving", "The Art of {n}", "{n} Binding"),
        Concept.Kind.TERM: ("{n}", "{n} oath"),
        Concept.Kind.EVENT: ("The Fall of {n}", "The {n} Flood", "Siege of {n}"),
        Concept.Kind.CREATURE: ("{n} Wyrm", "{n} Hound", "Marsh {n}"),
        Concept.Kind.OTHER: ("{n}",),
    },
    concept_description="Spoken of in {place}; bound up with {theme}.",
    nowhere="the open road",
    scene_titles=(
        "{a} at {place}",
        "Night in {place}",
        "{a} and {b}",
        "A Talk about {concept}",
        "Trouble in {place}",
    ),
    scene_summary="{a} and {b} meet at {place} and argue about {concept}.",
    lines=(
        "We should not be here.",
        "The bell rang again last night.",
        "I paid that debt twice over.",
        "Tell me the true name of the storm.",
        "Keep the lantern low.",
        "They will come by the drowned road.",
        "I never wanted this crown.",
        "Do you still keep her letters?",
    ),
    relation_labels={kind: kind.label for kind in RelationKind},
    default_relation_label="relates to",
    relation_description="{source} {label} {target}.",
)

RUSSIAN = Vocabulary(
    onsets=(
        "б",
        "в",
        "г",
        "д",
        "ж",
        "з",
        "к",
        "л",
        "м",
        "н",
        "п",
        "р",
        "с",
        "т",
        "х",
        "ш",
        "бр",
        "вл",
        "гр",
        "др",
        "св",
        "ст",
        "тр",
    ),
    vowels=("а", "е", "и", "о", "у", "а", "о", "я", "ю"),
    codas=("", "", "", "н", "р", "л", "с", "в", "й", "м"),
    surname_endings=("ов", "ин", "ев", "ский", "", ""),
    world_name="Хроники {n}",
    world_description="Сгенерированный мир (зерно {seed}) для тестов и замеров.",
    chapter_titles=(
        "Пепел и соль",
        "Безмолвный колокол",
        "Долг уплачен",
        "Фонари в тумане",
        "Долгая зима",
        "Нарушенные клятвы",
        "Затонувшая дорога",
        "Искры",
        "Неотправленное письмо",
        "Последний паром",
        "Старые песни",
        "Истинное имя бури",
    ),
    chapter_summary="Глава {number}: {theme} и дорога в {n}.",
    themes=(
        "старые долги",
        "нарушенная клятва",
        "грядущая буря",
        "пропавшая сестра",
        "украденная корона",
    ),
    place_names={
        Location.Kind.REGION: ("Долина {n}", "Край {n}", "Марка {n}", "Нагорье {n}"),
        Location.Kind.CITY: ("{n}", "{n}град", "Порт {n}", "{n}ск"),
        Location.Kind.DISTRICT: ("Квартал {n}", "Старый {n}", "Доки {n}", "Рынок {n}"),
        Location.Kind.BUILDING: (
            "Библиотека {n}",
            "Башня {n}",
            "Храм {n}",
            "Кузня {n}",
            "Трактир «{n}»",
            "Усадьба {n}",
        ),
        Location.Kind.ROOM: ("Кабинет {n}", "Зал {n}", "Погреб {n}", "Чердак {n}", "Часовня {n}"),
        Location.Kind.WILDERNESS: ("Лес {n}", "Топь {n}", "Пики {n}", "Пустоши {n}"),
    },
    place_description="Часть места «{parent}». Славится {feature}.",
    root_place_description="Славится {feature}.",
    features=(
        "ночными рынками",
        "старым колоколом, который никогда не звонит",
        "запахом соли и дёгтя",
        "знаменитой библиотекой",
        "бесконечными дождями",
        "сварливыми гильдиями",
        "колодцем с призраком",
        "лучшим хлебом в королевстве",
    ),
    occupations=(
        "Кузнец",
        "Архивариус",
        "Контрабандист",
        "Целительница",
        "Рыцарь",
        "Учёный",
        "Гонец",
        "Жрица",
        "Торговец",
        "Вор",
        "Бард",
        "Алхимик",
        "Капитан",
        "Картограф",
    ),
    traits=("упрямство", "любопытство", "мягкость", "честолюбие", "скрытность", "верность"),
    wants=(
        "найти пропавшую сестру",
        "вернуть старый долг",
        "увидеть море",
        "восстановить прежний порядок",
        "получить прощение",
        "узнать истинное имя бури",
    ),
    fears=("огня", "забвения", "глубокой воды", "собственного гнева", "темноты", "долгов"),
    speech_styles=(
        "Говорит тихо и редко договаривает фразы.",
        "Тараторит и много шутит.",
        "Официален, всегда называет титулы.",
        "Резок и краток.",
        "Говорит стихами, цитирует старые песни.",
    ),
    character_description="{occupation}, родом из места «{place}». Главная черта — {trait}.",
    persona="Хочет {want}; боится {fear}.",
    concept_names={
        Concept.Kind.FACTION: ("Орден {n}", "Гильдия {n}", "Дом {n}", "Круг {n}"),
        Concept.Kind.ITEM: ("Фонарь {n}", "Клинок {n}", "Корона {n}", "Компас {n}"),
        Concept.Kind.MAGIC: ("Плетение {n}", "Искусство {n}", "Узы {n}"),
        Concept.Kind.TERM: ("{n}", "Клятва {n}"),
        Concept.Kind.EVENT: ("Падение {n}", "Потоп {n}", "Осада {n}"),
        Concept.Kind.CREATURE: ("Змей {n}", "Гончая {n}", "Болотный {n}"),
        Concept.Kind.OTHER: ("{n}",),
    },
    concept_description="О нём говорят в месте «{place}»; тема: {theme}.",
    nowhere="дорога",
    scene_titles=(
        "{a}: {place}",
        "Ночь. {place}",
        "{a} и {b}",
        "Разговор о «{concept}»",
        "Беда: {place}",
    ),
    scene_summary="Место: {place}. {a} и {b} спорят о том, что значит «{concept}».",
    lines=(
        "Нам не следует здесь быть.",
        "Прошлой ночью колокол снова звонил.",
        "Я заплатил этот долг дважды.",
        "Скажи мне истинное имя бури.",
        "Держи фонарь пониже.",
        "Они придут по затонувшей дороге.",
        "Я никогда не хотел этой короны.",
        "Ты всё ещё хранишь её письма?",
    ),
    relation_labels={
        RelationKind.KNOWS: "знает",
        RelationKind.FAMILY_OF: "родня",
        RelationKind.ALLY_OF: "союзник",
        RelationKind.ENEMY_OF: "враг",
        RelationKind.LOVES: "любит",
        RelationKind.MENTOR_OF: "наставник",
        RelationKind.SERVES: "служит",
        RelationKind.MEMBER_OF: "состоит в",
        RelationKind.LEADS: "возглавляет",
        RelationKind.OWNS: "владеет",
        RelationKind.LIVES_IN: "живёт в",
        RelationKind.RULES: "правит",
        RelationKind.PART_OF: "часть",
    },
    default_relation_label="связан с",
    relation_description="{source} — {label} — {target}.",
)
VOCABULARIES = {World.Language.ENGLISH: ENGLISH, World.Language.RUSSIAN: RUSSIAN}
