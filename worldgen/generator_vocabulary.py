"""Words for synthetic worlds (`worldgen.generator`): syllables and templates per language."""

# The Russian words are Cyrillic on purpose, not Latin look-alikes.

from dataclasses import dataclass

from lorebase.models import Concept, Location, RelationKind, World


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


# --- the hard-names world (`worldgen.generator_hard`) ---------------------------------


@dataclass(frozen=True)
class HardName:
    """A character's name and the case forms a question needs (Russian inflects names)."""

    name: str
    gen: str = ""
    acc: str = ""
    dat: str = ""
    female: bool = False

    def form(self, case: str) -> str:
        """The name in a case ("nom", "gen", "acc", "dat"); English has one form."""
        return getattr(self, case, "") or self.name


@dataclass(frozen=True)
class HardPlace:
    """A place; `at` says where something happens there, `inside` names an area.

    "what happened at The Fox", "The Gate in North Reach"; «в «Лисе»», «в Северном Пределе».
    """

    key: str
    name: str
    kind: str
    parent: str | None
    at: str
    inside: str


@dataclass(frozen=True)
class HardEdition:
    """The hard-names world in one language; people and places have the same keys in each."""

    world_name: str
    world_description: str
    chapter_titles: tuple[str, ...]
    places: tuple[HardPlace, ...]  # parents before their children
    people: dict[str, HardName]
    concepts: tuple[tuple[str, str], ...]  # (name, kind)
    dog_description: str
    death_title: str
    death_summary: str  # {victim}, {killer}, {place}, {cause}
    death_causes: tuple[str, ...]


def _en_place(key: str, name: str, kind: str, parent: str | None = None) -> HardPlace:
    return HardPlace(key, name, kind, parent, at=f"at {name}", inside=f"in {name}")


def _ru_place(key: str, name: str, kind: str, parent: str | None, where: str) -> HardPlace:
    return HardPlace(key, name, kind, parent, at=where, inside=where)


_K = Location.Kind
HARD_ENGLISH = HardEdition(
    world_name="Three Gates",
    world_description="A generated world of colliding names (seed {seed}) for quality benches.",
    chapter_titles=(
        "Ashes and Salt",
        "Beyond the Gate",
        "The Fox and the Crown",
        "A Guard's Oath",
        "Lady Ash Returns",
        "The Ferryman's Toll",
        "Vance against Vance",
        "The Last Gate",
    ),
    places=(
        _en_place("north", "North Reach", _K.REGION),
        _en_place("marches", "Salt Marches", _K.REGION),
        _en_place("ember", "Ember Vale", _K.REGION),
        _en_place("kestrel", "Kestrel Hold", _K.CITY, "north"),
        _en_place("brine", "Brinemouth", _K.CITY, "marches"),
        _en_place("cinder", "Cinderford", _K.CITY, "ember"),
        _en_place("gate_north", "The Gate", _K.BUILDING, "north"),
        _en_place("gate_brine", "The Gate", _K.BUILDING, "brine"),
        _en_place("gate_ember", "The Gate", _K.BUILDING, "ember"),
        _en_place("top", "Top of the Gate", _K.ROOM, "gate_north"),
        _en_place("fox", "The Fox", _K.BUILDING, "kestrel"),
        _en_place("library", "Old Library", _K.BUILDING, "kestrel"),
        _en_place("manor", "Hale Manor", _K.BUILDING, "kestrel"),
        _en_place("market", "Harbour Market", _K.DISTRICT, "brine"),
        _en_place("docks", "Salt Docks", _K.DISTRICT, "brine"),
        _en_place("landing", "Ferry Landing", _K.WILDERNESS, "marches"),
        _en_place("tower", "Bell Tower", _K.BUILDING, "cinder"),
        _en_place("well", "Lady's Well", _K.WILDERNESS, "ember"),
    ),
    people={
        key: HardName(name)
        for key, name in (
            ("mira", "Mira Vance"),
            ("tomas", "Tomas Vance"),
            ("edda", "Edda Vance"),
            ("corin", "Corin Hale"),
            ("ivo", "Ivo Hale"),
            ("lady", "Lady"),
            ("lady_ash", "Lady Ash"),
            ("nessa", "Nessa"),
            ("nessa_reed", "Nessa Reed"),
            ("bram", "Bram"),
            ("bram_oakes", "Bram Oakes"),
            ("ferryman", "The Ferryman"),
            ("crown_king", "The Crown King"),
            ("widow", "The Widow of the Marsh"),
            ("guard1", "Guard #1"),
            ("guard2", "Guard #2"),
            ("guard3", "Guard #3"),
            ("piper3", "Piper #3"),
            ("piper4", "Piper #4"),
            ("viper", "Viper"),
            ("aldric", "Aldric"),
            ("ser_aldric", "Ser Aldric"),
            ("maester_oren", "Maester Oren"),
            ("oren", "Oren"),
            ("captain_roan", "Captain Roan"),
            ("o1", "Daniel Strand"),
            ("o2", "Halla Morn"),
            ("o3", "Jory Pike"),
            ("o4", "Sella Wren"),
            ("o5", "Ulric Dunn"),
            ("o6", "Petra Lowe"),
            ("o7", "Fenn Marlow"),
            ("o8", "Ysolde Crane"),
            ("o9", "Garrick Thorne"),
            ("o10", "Wynn Harrow"),
            ("o11", "Lio Sarn"),
            ("o12", "Brisa Quell"),
            ("o13", "Tamsin Ford"),
            ("o14", "Orrin Blackwood"),
            ("o15", "Kaia Fenwick"),
        )
    },
    concepts=(
        ("The Crown", Concept.Kind.ITEM),
        ("House Vance", Concept.Kind.FACTION),
        ("The Salt Oath", Concept.Kind.TERM),
    ),
    dog_description="A grey hound who follows Lady Ash everywhere.",
    death_title="The Death of {victim}",
    death_summary="{victim} dies at {place} at the hand of {killer}. {cause}",
    death_causes=(
        "Stabbed on the stairs with a salt-iron knife.",
        "Poisoned with black wine at supper.",
        "Pushed from the wall into the ravine.",
        "Shot through the heart with a crossbow bolt.",
        "Strangled with a bell rope.",
        "Drowned in the flooded cellar.",
        "Burned when the hay loft was set alight.",
        "Struck down with a smith's hammer.",
    ),
)


def _ru(name: str, gen: str, acc: str, dat: str, female: bool = False) -> HardName:
    return HardName(name, gen, acc, dat, female)


HARD_RUSSIAN = HardEdition(
    world_name="Трое Ворот",
    world_description="Сгенерированный мир совпадающих имён (зерно {seed}) для замеров качества.",
    chapter_titles=(
        "Пепел и соль",
        "За Воротами",
        "Лиса и Корона",
        "Клятва стражника",
        "Возвращение Леди Эш",
        "Плата Старику с Холма",
        "Громов против Громовой",
        "Последние Ворота",
    ),
    places=(
        _ru_place("north", "Северный Предел", _K.REGION, None, "в Северном Пределе"),
        _ru_place("marches", "Солёные Топи", _K.REGION, None, "в Солёных Топях"),
        _ru_place("ember", "Тлеющая Долина", _K.REGION, None, "в Тлеющей Долине"),
        _ru_place("kestrel", "Соколья Крепость", _K.CITY, "north", "в Сокольей Крепости"),
        _ru_place("brine", "Рассольск", _K.CITY, "marches", "в Рассольске"),
        _ru_place("cinder", "Пепелград", _K.CITY, "ember", "в Пепелграде"),
        _ru_place("gate_north", "Ворота", _K.BUILDING, "north", "в Воротах"),
        _ru_place("gate_brine", "Ворота", _K.BUILDING, "brine", "в Воротах"),
        _ru_place("gate_ember", "Ворота", _K.BUILDING, "ember", "в Воротах"),
        _ru_place("top", "Башня над Воротами", _K.ROOM, "gate_north", "в Башне над Воротами"),
        _ru_place("fox", "Лиса", _K.BUILDING, "kestrel", "в «Лисе»"),
        _ru_place("library", "Старая Библиотека", _K.BUILDING, "kestrel", "в Старой Библиотеке"),
        _ru_place("manor", "Усадьба Соколовых", _K.BUILDING, "kestrel", "в Усадьбе Соколовых"),
        _ru_place("market", "Портовый Рынок", _K.DISTRICT, "brine", "на Портовом Рынке"),
        _ru_place("docks", "Соляные Доки", _K.DISTRICT, "brine", "в Соляных Доках"),
        _ru_place("landing", "Паромная Пристань", _K.WILDERNESS, "marches", "на Паромной Пристани"),
        _ru_place("tower", "Колокольня", _K.BUILDING, "cinder", "на Колокольне"),
        _ru_place("well", "Колодец Леди", _K.WILDERNESS, "ember", "у Колодца Леди"),
    ),
    people={
        "mira": _ru("Анна Громова", "Анны Громовой", "Анну Громову", "Анне Громовой", True),
        "tomas": _ru("Пётр Громов", "Петра Громова", "Петра Громова", "Петру Громову"),
        "edda": _ru("Вера Громова", "Веры Громовой", "Веру Громову", "Вере Громовой", True),
        "corin": _ru("Илья Соколов", "Ильи Соколова", "Илью Соколова", "Илье Соколову"),
        "ivo": _ru("Олег Соколов", "Олега Соколова", "Олега Соколова", "Олегу Соколову"),
        "lady": _ru("Леди", "Леди", "Леди", "Леди", True),
        "lady_ash": _ru("Леди Эш", "Леди Эш", "Леди Эш", "Леди Эш", True),
        "nessa": _ru("Несса", "Нессы", "Нессу", "Нессе", True),
        "nessa_reed": _ru("Несса Рид", "Нессы Рид", "Нессу Рид", "Нессе Рид", True),
        "bram": _ru("Ян", "Яна", "Яна", "Яну"),
        "bram_oakes": _ru("Ян Мельник", "Яна Мельника", "Яна Мельника", "Яну Мельнику"),
        "ferryman": _ru("Старик с Холма", "Старика с Холма", "Старика с Холма", "Старику с Холма"),
        "crown_king": _ru(
            "Король без Короны", "Короля без Короны", "Короля без Короны", "Королю без Короны"
        ),
        "widow": _ru("Вдова из Топей", "Вдовы из Топей", "Вдову из Топей", "Вдове из Топей", True),
        "guard1": _ru("Стражник №1", "Стражника №1", "Стражника №1", "Стражнику №1"),
        "guard2": _ru("Стражник №2", "Стражника №2", "Стражника №2", "Стражнику №2"),
        "guard3": _ru("Стражник №3", "Стражника №3", "Стражника №3", "Стражнику №3"),
        "piper3": _ru("Лекарь №3", "Лекаря №3", "Лекаря №3", "Лекарю №3"),
        "piper4": _ru("Лекарь №4", "Лекаря №4", "Лекаря №4", "Лекарю №4"),
        "viper": _ru("Пекарь", "Пекаря", "Пекаря", "Пекарю"),
        "aldric": _ru("Игорь", "Игоря", "Игоря", "Игорю"),
        "ser_aldric": _ru("Князь Игорь", "Князя Игоря", "Князя Игоря", "Князю Игорю"),
        "maester_oren": _ru("Отец Фёдор", "Отца Фёдора", "Отца Фёдора", "Отцу Фёдору"),
        "oren": _ru("Фёдор", "Фёдора", "Фёдора", "Фёдору"),
        "captain_roan": _ru(
            "Капитан Рощин", "Капитана Рощина", "Капитана Рощина", "Капитану Рощину"
        ),
        "o1": _ru("Дарья Лебедева", "Дарьи Лебедевой", "Дарью Лебедеву", "Дарье Лебедевой", True),
        "o2": _ru("Кирилл Орлов", "Кирилла Орлова", "Кирилла Орлова", "Кириллу Орлову"),
        "o3": _ru("Марина Зуева", "Марины Зуевой", "Марину Зуеву", "Марине Зуевой", True),
        "o4": _ru("Семён Белый", "Семёна Белого", "Семёна Белого", "Семёну Белому"),
        "o5": _ru("Лидия Рябова", "Лидии Рябовой", "Лидию Рябову", "Лидии Рябовой", True),
        "o6": _ru("Глеб Назаров", "Глеба Назарова", "Глеба Назарова", "Глебу Назарову"),
        "o7": _ru("Ольга Тихонова", "Ольги Тихоновой", "Ольгу Тихонову", "Ольге Тихоновой", True),
        "o8": _ru("Роман Ершов", "Романа Ершова", "Романа Ершова", "Роману Ершову"),
        "o9": _ru("Алёна Киселёва", "Алёны Киселёвой", "Алёну Киселёву", "Алёне Киселёвой", True),
        "o10": _ru("Тимофей Волков", "Тимофея Волкова", "Тимофея Волкова", "Тимофею Волкову"),
        "o11": _ru("Зоя Кравец", "Зои Кравец", "Зою Кравец", "Зое Кравец", True),
        "o12": _ru("Борис Лапин", "Бориса Лапина", "Бориса Лапина", "Борису Лапину"),
        "o13": _ru(
            "Ксения Дроздова", "Ксении Дроздовой", "Ксению Дроздову", "Ксении Дроздовой", True
        ),
        "o14": _ru("Аркадий Смолин", "Аркадия Смолина", "Аркадия Смолина", "Аркадию Смолину"),
        "o15": _ru("Нина Гусева", "Нины Гусевой", "Нину Гусеву", "Нине Гусевой", True),
    },
    concepts=(
        ("Корона", Concept.Kind.ITEM),
        ("Дом Громовых", Concept.Kind.FACTION),
        ("Соляная Клятва", Concept.Kind.TERM),
    ),
    dog_description="Серая гончая, что повсюду ходит за Леди Эш.",
    death_title="Смерть: {victim}",
    death_summary="Место: {place}. Гибель — {victim}; убийца — {killer}. {cause}",
    death_causes=(
        "Удар ножом из солёного железа на лестнице.",
        "Яд в чёрном вине за ужином.",
        "Падение со стены в овраг.",
        "Арбалетный болт в сердце.",
        "Удавка из колокольной верёвки.",
        "Вода затопленного погреба.",
        "Огонь подожжённого сеновала.",
        "Удар кузнечного молота.",
    ),
)
HARD_EDITIONS = {World.Language.ENGLISH: HARD_ENGLISH, World.Language.RUSSIAN: HARD_RUSSIAN}
