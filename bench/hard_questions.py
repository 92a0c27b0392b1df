"""Questions with known answers on the hard-names world, per class of name and per language.

Shared by bench/search_quality.py (asks search) and bench/llm_eval.py (asks in
role). The world comes from `worldgen.generator_hard`; which names belong to
which class comes from its tables, and every gold answer from the world's rows
in PostgreSQL, never from search/ or llm/. Import this module once Django is
set up (inside `bench_stack()`).
"""

import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from lorebase.models import Chapter, Character, Location, Relation, Scene, SceneParticipant
from worldgen.generator_hard import DOG, NAME_CLASSES, generate_hard_world
from worldgen.generator_vocabulary import HARD_EDITIONS

SEED = 11
LANGUAGES = ("en", "ru")
TITLES, DEATHS, RELATIONS = "chapter titles with names", "deaths", "relations"
EVENTS, GATES = "events at a place", "homonymous places"
CLASSES = (*NAME_CLASSES, TITLES, DEATHS, RELATIONS, EVENTS, GATES, "determinism")
GOALS = {
    "first meeting @1": "1.0",
    "last meeting @1": "1.0",
    "who killed @1": "1.0",
    "how died @1": "1.0",
    "death hidden before": "1.0",
    "relation @1": "≥ 0.95",
    "events by number @1": "1.0",
    "events by title @1": "1.0",
    "wrong person @1": "0",
    "right Gate or ambiguous": "1.0",
    "confident wrong Gate": "0",
    "identical answers": "1.0",
    "answer cited": "≥ 0.95",
    "citation precision": "1.0",
    "leaked": "0",
}
# (template, case of the name); "_f" variants for a woman, where Russian says so.
ASK = {
    "en": {
        "meet": ("where did {a} and {b} meet", "nom"),
        "first": ("where did {a} and {b} first meet", "nom"),
        "last": ("where did {a} and {b} last meet", "nom"),
        "killer": ("who killed {x}", "nom"),
        "died": ("how did {x} die", "nom"),
        "died_f": ("how did {x} die", "nom"),
        "enemy": ("who is {x}'s enemy", "nom"),
        "ally": ("who is {x}'s ally", "nom"),
        "family": ("who is {x}'s family", "nom"),
        "mentor": ("who is {x}'s mentor", "nom"),
        "serves": ("whom does {x} serve", "nom"),
        "served": ("who serves {x}", "nom"),
        "events": ("what happened {at} in chapter {n}", "nom"),
        "events_title": ("what happened {at} in {title}", "nom"),
    },
    "ru": {
        "meet": ("где встретились {a} и {b}", "nom"),
        "first": ("где впервые встретились {a} и {b}", "nom"),
        "last": ("где в последний раз встретились {a} и {b}", "nom"),
        "killer": ("кто убил {x}", "acc"),
        "died": ("как умер {x}", "nom"),
        "died_f": ("как погибла {x}", "nom"),
        "enemy": ("кто враг {x}", "gen"),
        "ally": ("кто союзник {x}", "gen"),
        "family": ("кто родня {x}", "gen"),
        "mentor": ("кто наставник {x}", "gen"),
        "serves": ("кому служит {x}", "nom"),
        "served": ("кто служит {x}", "dat"),
        "events": ("что случилось {at} в главе {n}", "nom"),
        "events_title": ("что случилось {at} в главе «{title}»", "nom"),
    },
}
# In role, to the character ({f}: the Russian feminine ending).
ASK_IN_ROLE = {
    "en": {
        "first": ("Where did you first meet {b}?", "nom"),
        "last": ("When did you last see {b}?", "nom"),
        "killer": ("Who killed {x}?", "nom"),
        "died": ("How did {x} die?", "nom"),
        "died_f": ("How did {x} die?", "nom"),
        "witnessed": ("Whose death did you witness?", "nom"),
        "about": ("What do you know about {b}?", "nom"),
        "enemy": ("Who is your enemy?", "nom"),
        "ally": ("Who is your ally?", "nom"),
        "mentor": ("Who is your mentor?", "nom"),
        "serves": ("Whom do you serve?", "nom"),
        "events": ("What happened {at} in chapter {n}?", "nom"),
    },
    "ru": {
        "first": ("Где ты впервые встретил{f} {b}?", "acc"),
        "last": ("Когда ты в последний раз видел{f} {b}?", "acc"),
        "killer": ("Кто убил {x}?", "acc"),
        "died": ("Как погиб {x}?", "nom"),
        "died_f": ("Как погибла {x}?", "nom"),
        "witnessed": ("Чью смерть ты видел{f}?", "nom"),
        "about": ("Что ты знаешь про {b}?", "acc"),
        "enemy": ("Кто твой враг?", "nom"),
        "ally": ("Кто твой союзник?", "nom"),
        "mentor": ("Кто твой наставник?", "nom"),
        "serves": ("Кому ты служишь?", "nom"),
        "events": ("Что случилось {at} в главе {n}?", "nom"),
    },
}
# Question → (kind, the asked-about party's side, or None when either side will do).
RELATION_QUESTIONS = {
    "enemy": ("ENEMY_OF", None),
    "ally": ("ALLY_OF", None),
    "family": ("FAMILY_OF", None),
    "mentor": ("MENTOR_OF", "target"),
    "serves": ("SERVES", "source"),
    "served": ("SERVES", "target"),
}
Judge = Callable[[dict], bool]


@dataclass(frozen=True)
class Question:
    """A search question; each judge scores one metric (True: right, or for "wrong …": wrong)."""

    klass: str
    text: str
    as_of: int | None
    judges: dict[str, Judge]


@dataclass(frozen=True)
class RoleQuestion:
    """Asked to `character` at `as_of`; citing any of `gold` answers it (None: leakage only)."""

    klass: str
    character: str
    as_of: int
    text: str
    gold: frozenset[str] | None


@dataclass(frozen=True)
class Rel:
    id: str
    kind: str
    source: str
    target: str
    start: int | None
    end: int | None
    known_from_start: bool

    def holds(self, as_of: int) -> bool:
        return (self.start is None or self.start <= as_of) and (
            self.end is None or self.end >= as_of
        )

    def other(self, uid: str) -> str:
        return self.target if uid == self.source else self.source


@contextmanager
def hard_worlds() -> Iterator[list]:
    """Both editions, written, mirrored to the graph, and deleted afterwards."""
    from graph.rebuild import world_rebuild
    from worldgen.generator import delete_generated_world

    worlds = []
    try:
        for language in LANGUAGES:
            worlds.append(
                generate_hard_world(seed=SEED, slug=f"hard-{language}", language=language)
            )
            world_rebuild(worlds[-1])
        yield worlds
    finally:
        for world in worlds:
            delete_generated_world(world)


class Truth:
    """The world's rows as plain Python, read once; ids are public ids as strings."""

    def __init__(self, world) -> None:
        self.world, self.language = world, world.language
        edition = HARD_EDITIONS[world.language]
        ids = dict(Character.objects.filter(world=world).values_list("name", "public_id"))
        self.person = {key: str(ids[name.name]) for key, name in edition.people.items()}
        self.name = {uid: edition.people[key] for key, uid in self.person.items()}
        rows = Location.objects.filter(world=world).order_by("pk")  # written in edition order
        rows = list(rows.values_list("public_id", "parent__public_id"))
        self.place = {p.key: str(uid) for p, (uid, _) in zip(edition.places, rows, strict=True)}
        self.places = {str(uid): p for p, (uid, _) in zip(edition.places, rows, strict=True)}
        self.parent = {str(uid): str(parent) for uid, parent in rows if parent}
        self.titles = dict(Chapter.objects.filter(world=world).values_list("number", "title"))
        self.scenes = {
            str(uid): (number, order, str(place) if place else None)
            for uid, number, order, place in Scene.objects.filter(world=world).values_list(
                "public_id", "chapter__number", "order", "location__public_id"
            )
        }
        self.present: dict[str, set[str]] = defaultdict(set)
        for scene, character in (
            SceneParticipant.objects.filter(scene__world=world)
            .exclude(role=SceneParticipant.Role.MENTIONED)
            .values_list("scene__public_id", "character__public_id")
        ):
            self.present[str(scene)].add(str(character))
        self.deaths = [
            (str(v), str(k), str(s) if s else None, chapter, cause)
            for v, k, s, chapter, cause in Character.objects.filter(
                world=world, status=Character.Status.DEAD
            ).values_list(
                "public_id",
                "killed_by__public_id",
                "death_scene__public_id",
                "status_chapter__number",
                "death_cause",
            )
        ]
        self.relations = [
            Rel(str(r[0]), r[1], str(r[2]), str(r[3]), r[4], r[5], r[6])
            for r in Relation.objects.filter(world=world).values_list(
                "public_id",
                "kind",
                "source_character__public_id",
                "target_character__public_id",
                "valid_from__number",
                "valid_to__number",
                "known_from_start",
            )
        ]
        self.last = max(self.titles)

    def form(self, uid: str, case: str) -> str:
        return self.name[uid].form(case)

    def shared(self, a: str, b: str, as_of: int | None = None) -> list[str]:
        """Scenes both are in (not merely mentioned), in story order."""
        found = [
            s
            for s, there in self.present.items()
            if {a, b} <= there and (as_of is None or self.scenes[s][0] <= as_of)
        ]
        return sorted(found, key=lambda s: self.scenes[s][:2])

    def met_by(self, a: str, b: str, as_of: int) -> bool:
        return bool(self.shared(a, b, as_of))

    def inside(self, place: str | None, area: str) -> bool:
        while place is not None:
            if place == area:
                return True
            place = self.parent.get(place)
        return False

    def events(self, place: str, chapter: int) -> list[str]:
        """Scenes at the place or inside it in the chapter, in scene order."""
        found = [
            s for s, (n, _, p) in self.scenes.items() if n == chapter and self.inside(p, place)
        ]
        return sorted(found, key=lambda s: self.scenes[s][1])

    def known(self, rel: Rel, uid: str, as_of: int) -> bool:
        """The knowledge rule: a timeless relation is known once the parties have met."""
        if uid not in (rel.source, rel.target) or not rel.holds(as_of):
            return False
        return (
            rel.start is not None or rel.known_from_start or self.met_by(uid, rel.other(uid), as_of)
        )

    def may_know(self, uid: str, as_of: int) -> set[str]:
        """Everything the character may know at `as_of`: ids of what they saw and whom they met."""
        scenes = [
            s for s, there in self.present.items() if uid in there and self.scenes[s][0] <= as_of
        ]
        known = [r for r in self.relations if self.known(r, uid, as_of)]
        ids = {uid, *scenes, *(r.id for r in known), *(r.other(uid) for r in known)}
        ids |= {c for s in scenes for c in self.present[s]}
        ids |= {victim for victim, *_ in self.known_deaths(uid, as_of)}
        for place in [self.scenes[s][2] for s in scenes]:
            while place is not None:
                ids.add(place)
                place = self.parent.get(place)
        return ids

    def unseen_deaths(self, uid: str, as_of: int) -> list[str]:
        """The causes of deaths the character neither witnessed nor caused by `as_of`."""
        known = self.known_deaths(uid, as_of)
        return [death[4] for death in self.deaths if death[0] != uid and death not in known]

    def known_deaths(self, uid: str, as_of: int) -> list[tuple]:
        """The deaths the character witnessed (in the death scene) or caused, by `as_of`."""
        return [
            (victim, killer, scene, chapter, cause)
            for victim, killer, scene, chapter, cause in self.deaths
            if chapter <= as_of and (uid == killer or (scene and uid in self.present[scene]))
        ]


# --- judges of search answers ------------------------------------------------------


def _people(answer: dict) -> set[str]:
    """The characters the answer's interpretation names beyond doubt."""
    mentions = answer["interpretation"]["mentions"]
    return {
        c["id"]
        for m in mentions
        if not m["ambiguous"]
        for c in m["candidates"]
        if c["type"] == "character"
    }


def top(expected: str) -> Judge:
    return lambda answer: bool(answer["results"]) and answer["results"][0]["id"] == expected


def wrong_person(expected: set[str]) -> Judge:
    """Confident, and naming someone the question did not ask about."""
    return lambda answer: answer["interpretation"]["confident"] and bool(_people(answer) - expected)


def hidden(death_scene: str | None, killer: str) -> Judge:
    def judge(answer: dict) -> bool:
        results = answer["results"]
        named = any(r["id"] == killer and r["why"]["source"] == "graph" for r in results)
        return not named and all(r["id"] != death_scene for r in results)

    return judge


def gate(truth: Truth, meant: str | None) -> tuple[Judge, Judge]:
    """(right Gate or said to be ambiguous among all of them, confident about a wrong Gate)."""
    gates = {uid for uid, place in truth.places.items() if place.name == _gate_name(truth)}

    def linked(answer: dict) -> set[str]:
        found = set()
        for m in answer["interpretation"]["mentions"]:
            ids = {c["id"] for c in m["candidates"]}
            if ids & gates:
                found.add("ambiguous" if m["ambiguous"] else next(iter(ids)))
        return found

    def at_meant(answer: dict) -> bool:
        scenes = [r for r in answer["results"] if r["why"]["source"] == "graph"]
        places = [(r.get("location") or {}).get("id") for r in scenes if r["type"] == "scene"]
        return all(meant and truth.inside(p, meant) for p in places)

    def right(answer: dict) -> bool:
        if not answer["interpretation"]["confident"]:
            return any(
                m["ambiguous"] and gates <= {c["id"] for c in m["candidates"]}
                for m in answer["interpretation"]["mentions"]
            )
        return meant is not None and linked(answer) == {meant} and at_meant(answer)

    def wrong(answer: dict) -> bool:
        return answer["interpretation"]["confident"] and bool(linked(answer) - {meant})

    return right, wrong


def _gate_name(truth: Truth) -> str:
    return truth.places[truth.place["gate_north"]].name


# --- search questions ------------------------------------------------------------


def search_questions(truth: Truth, rng: random.Random) -> list[Question]:
    return [
        *_meeting_questions(truth, rng),
        *_death_questions(truth),
        *_relation_questions(truth, rng),
        *_event_questions(truth, rng),
        *_gate_questions(truth),
    ]


def _ask(truth: Truth, key: str, **slots: str) -> str:
    """The question in the world's language; slots holding a person's id get their name."""
    template, case = ASK[truth.language][key]
    return template.format(**_filled(truth, case, slots))


def _filled(truth: Truth, case: str, slots: dict[str, str]) -> dict[str, str]:
    return {k: truth.form(v, case) if v in truth.name else v for k, v in slots.items()}


def partners(truth: Truth, uid: str, klass: tuple[str, ...] = ()) -> list[str]:
    """People the character meets in two chapters or more, those of `klass` first."""
    own = {truth.person[key] for key in klass}
    again = [
        other
        for other in truth.name
        if other != uid and len({truth.scenes[s][0] for s in truth.shared(uid, other)}) > 1
    ]
    return sorted(again, key=lambda o: (o not in own, truth.name[o].name))


def _meeting_questions(truth: Truth, rng: random.Random) -> Iterator[Question]:
    for klass, keys in NAME_CLASSES.items():
        for a in (truth.person[key] for key in keys):
            for b in partners(truth, a, keys)[:3]:
                scenes = truth.shared(a, b)
                first, second = rng.sample((a, b), 2)
                for key, gold, metric in (
                    ("meet", scenes[0], "first meeting @1"),
                    ("first", scenes[0], "first meeting @1"),
                    ("last", scenes[-1], "last meeting @1"),
                ):
                    judges = {metric: top(gold), "wrong person @1": wrong_person({a, b})}
                    text = _ask(truth, key, a=first, b=second)
                    yield Question(klass, text, None, judges)
    # A surname alone, a numbered name without its number: nobody in particular.
    for klass, key in (("shared surnames", "mira"), ("numbered extras", "guard1")):
        uid = truth.person[key]
        word = truth.name[uid].name.split()[-1 if klass == "shared surnames" else 0]
        for b in partners(truth, uid, NAME_CLASSES[klass])[:3]:
            text = _ask(truth, "meet", a=word, b=b)
            yield Question(klass, text, None, {"wrong person @1": wrong_person({b})})


def _death_questions(truth: Truth) -> Iterator[Question]:
    for victim, killer, scene, chapter, _ in truth.deaths:
        died = "died_f" if truth.name[victim].female else "died"
        wrong = {"wrong person @1": wrong_person({victim})}
        text = _ask(truth, "killer", x=victim)
        yield Question(DEATHS, text, None, {"who killed @1": top(killer)} | wrong)
        yield Question(DEATHS, text, chapter - 1, {"death hidden before": hidden(scene, killer)})
        text = _ask(truth, died, x=victim)
        yield Question(DEATHS, text, None, {"how died @1": top(scene or victim)} | wrong)


def relation_parties(truth: Truth, uid: str, key: str, as_of: int) -> list[str]:
    """The other parties of the character's relations of this kind at `as_of`, in answer order."""
    kind, side = RELATION_QUESTIONS[key]
    first: dict[str, int] = {}
    for r in truth.relations:
        mine = uid in (r.source, r.target) and (side is None or getattr(r, side) == uid)
        if mine and r.kind == kind and r.holds(as_of):
            other = r.other(uid)
            first[other] = min(first.get(other, 99), r.start or 0)
    return sorted(first, key=lambda o: (first[o], truth.name[o].name, o))


def _relation_questions(truth: Truth, rng: random.Random) -> Iterator[Question]:
    asked = [
        (uid, key, as_of, parties)
        for uid in sorted(truth.name)
        for key in RELATION_QUESTIONS
        for as_of in range(1, truth.last + 1)
        if (parties := relation_parties(truth, uid, key, as_of))
    ]
    for uid, key, as_of, parties in rng.sample(asked, min(60, len(asked))):
        judges = {"relation @1": top(parties[0]), "wrong person @1": wrong_person({uid})}
        yield Question(RELATIONS, _ask(truth, key, x=uid), as_of, judges)


def _event_questions(truth: Truth, rng: random.Random) -> Iterator[Question]:
    """By chapter number, and by chapter title: every title here has a name in it."""
    asked = [
        (place, chapter, scenes)
        for place, hard in truth.places.items()
        if hard.name != _gate_name(truth)
        for chapter in truth.titles
        if (scenes := truth.events(place, chapter))
    ]
    nobody = {"wrong person @1": wrong_person(set())}
    for place, chapter, scenes in rng.sample(asked, min(40, len(asked))):
        at = truth.places[place].at
        text = _ask(truth, "events", at=at, n=str(chapter))
        yield Question(EVENTS, text, None, {"events by number @1": top(scenes[0])} | nobody)
        text = _ask(truth, "events_title", at=at, title=truth.titles[chapter])
        yield Question(TITLES, text, None, {"events by title @1": top(scenes[0])} | nobody)


def _gate_questions(truth: Truth) -> Iterator[Question]:
    for key in ("gate_north", "gate_brine", "gate_ember"):
        uid = truth.place[key]
        area = truth.places[truth.parent[uid]].inside
        for chapter in truth.titles:
            if not truth.events(uid, chapter):
                continue
            for meant, at in (
                (uid, f"{truth.places[uid].at} {area}"),
                (None, truth.places[uid].at),
            ):
                right, wrong = gate(truth, meant)
                text = _ask(truth, "events", at=at, n=str(chapter))
                judges = {"right Gate or ambiguous": right, "confident wrong Gate": wrong}
                yield Question(GATES, text, None, judges)


# --- questions in role -------------------------------------------------------------


def role_questions(truth: Truth, rng: random.Random) -> list[RoleQuestion]:
    asked = [
        *_role_meetings(truth, rng),
        *_role_deaths(truth),
        *_role_relations(truth, rng),
        *_role_events(truth),
    ]
    by_class = defaultdict(list)
    for question in asked:
        by_class[question.klass].append(question)
    return [q for found in by_class.values() for q in rng.sample(found, min(80, len(found)))]


def _in_role(truth: Truth, key: str, asker: str, **slots: str) -> str:
    template, case = ASK_IN_ROLE[truth.language][key]
    return template.format(f="а" if truth.name[asker].female else "", **_filled(truth, case, slots))


def _role_meetings(truth: Truth, rng: random.Random) -> Iterator[RoleQuestion]:
    for klass, keys in NAME_CLASSES.items():
        for a in (truth.person[key] for key in keys if key != DOG):
            for b in partners(truth, a, keys)[:2]:
                scenes = truth.shared(a, b)
                as_of = rng.randint(truth.scenes[scenes[-1]][0], truth.last)
                for key, gold in (("first", scenes[0]), ("last", scenes[-1])):
                    text = _in_role(truth, key, a, b=b)
                    yield RoleQuestion(klass, a, as_of, text, frozenset({gold}))


def _role_deaths(truth: Truth) -> Iterator[RoleQuestion]:
    """To witnesses (the scene is the answer) and to others who knew the victim (nothing)."""
    for victim, _, scene, chapter, _ in truth.deaths:
        knew = {o for there in truth.present.values() if victim in there for o in there}
        died = "died_f" if truth.name[victim].female else "died"
        for asker in sorted(knew - {victim, truth.person[DOG]}):
            saw = scene is not None and asker in truth.present[scene]
            gold = frozenset({scene}) if saw else None
            for key in ("killer", died):
                text = _in_role(truth, key, asker, x=victim)
                yield RoleQuestion(DEATHS, asker, truth.last, text, gold)
            if saw:  # a question that names nobody
                text = _in_role(truth, "witnessed", asker)
                yield RoleQuestion(DEATHS, asker, chapter, text, gold)


def _role_relations(truth: Truth, rng: random.Random) -> Iterator[RoleQuestion]:
    """About the other party once it is known; before that (timeless, not met yet), nothing."""
    chapters = range(1, truth.last + 1)
    for r in truth.relations:
        for uid in {r.source, r.target} - {truth.person[DOG]}:
            about = _in_role(truth, "about", uid, b=r.other(uid))
            known = [n for n in chapters if truth.known(r, uid, n)]
            if unknown := [n for n in chapters if r.holds(n) and n not in known]:
                yield RoleQuestion(RELATIONS, uid, rng.choice(unknown), about, None)
            if not known:
                continue
            as_of = rng.choice(known)
            yield RoleQuestion(RELATIONS, uid, as_of, about, frozenset({r.id}))
            for key, (kind, side) in RELATION_QUESTIONS.items():
                if key in ASK_IN_ROLE[truth.language] and kind == r.kind:
                    gold = {
                        x.id
                        for x in truth.relations
                        if x.kind == kind
                        and truth.known(x, uid, as_of)
                        and (side is None or getattr(x, side) == uid)
                    }
                    if gold:  # a question that names nobody
                        text = _in_role(truth, key, uid)
                        yield RoleQuestion(RELATIONS, uid, as_of, text, frozenset(gold))


def _role_events(truth: Truth) -> Iterator[RoleQuestion]:
    """What happened at a place in a chapter, to someone who was there (a Gate: theirs)."""
    for place, hard in truth.places.items():
        klass = GATES if hard.name == _gate_name(truth) else EVENTS
        for chapter in truth.titles:
            scenes = truth.events(place, chapter)
            for uid in sorted({c for s in scenes for c in truth.present[s]} - {truth.person[DOG]}):
                gold = frozenset(s for s in scenes if uid in truth.present[s])
                text = _in_role(truth, "events", uid, at=hard.at, n=str(chapter))
                yield RoleQuestion(klass, uid, chapter, text, gold)


# --- the table -----------------------------------------------------------------------


def print_table(title: str, rows: list[tuple[str, str, int, str, float]]) -> None:
    """rows: (class, language, questions, metric, value), printed in class order."""
    print(title)
    print(f"{'class':<26} {'lang':<4} {'n':>4} {'metric':<24} {'value':>6} {'goal':>6}")
    for klass, language, n, metric, value in sorted(
        rows, key=lambda r: (CLASSES.index(r[0]), LANGUAGES.index(r[1]), list(GOALS).index(r[3]))
    ):
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{klass:<26} {language:<4} {n:>4} {metric:<24} {shown:>6} {GOALS[metric]:>6}")
