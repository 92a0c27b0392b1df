"""Search quality on generated worlds: gold questions with exact answers, recall@5 and MRR.

    .venv/bin/python bench/search_quality.py [--questions 40] [--seed 7]
    .venv/bin/python bench/search_quality.py --world hard [--repeats 100]

For an English and a Russian generated world, gold answers come from
PostgreSQL alone (never from the search code): the first scene two characters
share (meetings), the length of the shortest connection found by a
breadth-first search over the same edges the graph has (paths), the scenes of
a character at a place or inside it (character at location), and an entity
whose name was given with one typing error (typos). Each question goes
through search.answers.search, as the API would send it.

`--world hard` asks the hard-names world instead (bench/hard_questions.py):
per class of name and language, the share of questions answered right at
rank 1, of confident answers about the wrong person or the wrong Gate, and of
50 questions that give the same answer in all of `--repeats` tries.
"""

import argparse
import json
import random
from collections import defaultdict, deque

from stack import bench_stack

SIZE = {
    "chapters": 12,
    "locations": 300,
    "characters": 120,
    "scenes": 1500,
    "concepts": 60,
    "relations": 800,
}
QUESTIONS = {
    "en": {
        "meetings": "where did {a} and {b} meet",
        "paths": "how is {a} connected to {b}",
        "character at location": "{a} at {b}",
    },
    "ru": {
        "meetings": "где встретились {a} и {b}",
        "paths": "как связаны {a} и {b}",
        "character at location": "{a} в {b}",
    },
}


class Gold:
    """The world's rows as plain Python, read once."""

    def __init__(self, world) -> None:
        from lorebase.models import Character, Concept, Location, Relation, Scene, SceneParticipant

        self.names = {}
        for model in (Character, Location, Concept):
            counts = defaultdict(int)
            rows = list(model.objects.filter(world=world).values_list("public_id", "name"))
            for _, name in rows:
                counts[name] += 1
            # Only names no other entity has: a gold answer must be unambiguous.
            self.names |= {str(uid): name for uid, name in rows if counts[name] == 1}
        self.scenes = {
            str(uid): (number, order, str(place) if place else None)
            for uid, number, order, place in Scene.objects.filter(world=world).values_list(
                "public_id", "chapter__number", "order", "location__public_id"
            )
        }
        self.cast = defaultdict(dict)
        for scene, character, role in SceneParticipant.objects.filter(
            scene__world=world
        ).values_list("scene__public_id", "character__public_id", "role"):
            self.cast[str(scene)][str(character)] = role
        self.parent = {
            str(uid): str(parent)
            for uid, parent in Location.objects.filter(
                world=world, parent__isnull=False
            ).values_list("public_id", "parent__public_id")
        }
        self.edges = defaultdict(set)
        for scene, cast in self.cast.items():
            for character in cast:
                self._link(scene, character)
        for scene, (_, _, place) in self.scenes.items():
            if place:
                self._link(scene, place)
        for child, parent in self.parent.items():
            self._link(child, parent)
        for relation in Relation.objects.filter(world=world):
            self._link(str(relation.source.public_id), str(relation.target.public_id))

    def _link(self, a: str, b: str) -> None:
        self.edges[a].add(b)
        self.edges[b].add(a)

    def distance(self, a: str, b: str, limit: int = 6) -> int | None:
        seen, queue = {a: 0}, deque([a])
        while queue:
            node = queue.popleft()
            if seen[node] >= limit:
                continue
            for other in self.edges[node]:
                if other not in seen:
                    seen[other] = seen[node] + 1
                    if other == b:
                        return seen[other]
                    queue.append(other)
        return None

    def inside(self, place: str, area: str) -> bool:
        while place is not None:
            if place == area:
                return True
            place = self.parent.get(place)
        return False


def typo(name: str, rng: random.Random, alphabet: str) -> str:
    """One edit (delete, insert, replace, or swap neighbours) inside a word of 4+ letters."""
    words = name.split(" ")
    long = [i for i, word in enumerate(words) if len(word) >= 4]
    if not long:
        return ""
    index = rng.choice(long)
    word = words[index]
    at = rng.randrange(1, len(word) - 1)  # not the first letter: people rarely get it wrong
    edit = rng.choice(("delete", "insert", "replace", "swap"))
    if edit == "delete":
        word = word[:at] + word[at + 1 :]
    elif edit == "insert":
        word = word[:at] + rng.choice(alphabet) + word[at:]
    elif edit == "replace":
        word = word[:at] + rng.choice(alphabet.replace(word[at], "")) + word[at + 1 :]
    else:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    words[index] = word
    changed = " ".join(words)
    return changed if changed != name else ""


def questions(gold: Gold, language: str, count: int, rng: random.Random) -> dict[str, list]:
    """{kind: [(question, judge)]}; judge(results) → rank of the first right answer, or None."""
    found: dict[str, list] = defaultdict(list)
    templates = QUESTIONS[language]
    characters = sorted(uid for uid in gold.names if any(uid in c for c in gold.cast.values()))
    present = {
        scene: {c for c, role in cast.items() if role != "mentioned" and c in gold.names}
        for scene, cast in gold.cast.items()
    }
    pairs = sorted(
        {tuple(sorted((a, b))) for group in present.values() for a in group for b in group if a < b}
    )
    for a, b in rng.sample(pairs, min(count, len(pairs))):
        first = min(
            (s for s, group in present.items() if {a, b} <= group), key=lambda s: gold.scenes[s][:2]
        )
        question = templates["meetings"].format(a=gold.names[a], b=gold.names[b])
        found["meetings"].append((question, _rank_of({first})))
    while len(found["paths"]) < count:
        a, b = rng.sample(characters, 2)
        distance = gold.distance(a, b)
        if distance is None:
            continue
        question = templates["paths"].format(a=gold.names[a], b=gold.names[b])
        found["paths"].append((question, _path_judge(gold, a, b, distance)))
    places = {s: p for s, (_, _, p) in gold.scenes.items() if p in gold.names}
    visits = sorted({(c, p) for s, p in places.items() for c in present.get(s, ())})
    for character, place in rng.sample(visits, min(count, len(visits))):
        relevant = {
            s
            for s, (_, _, p) in gold.scenes.items()
            if p and gold.inside(p, place) and character in present.get(s, ())
        }
        question = templates["character at location"].format(
            a=gold.names[character], b=gold.names[place]
        )
        found["character at location"].append((question, _rank_of(relevant)))
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz" if language == "en" else "абвгдежзийклмнопрстуфхцчшщыьэюя"
    )
    known = {name.lower() for name in gold.names.values()}
    entities = sorted(gold.names)
    while len(found["typos"]) < count:
        uid = rng.choice(entities)
        question = typo(gold.names[uid], rng, alphabet)
        if question and question.lower() not in known:
            found["typos"].append((question, _rank_of({uid})))
    return found


def _rank_of(relevant: set[str]):
    def judge(results: list[dict]) -> tuple[int | None, float]:
        ids = [r["id"] for r in results]
        ranks = [i + 1 for i, uid in enumerate(ids) if uid in relevant]
        top = len({uid for uid in ids[:5] if uid in relevant})
        return (ranks[0] if ranks else None), top / min(5, len(relevant))

    return judge


def _path_judge(gold: Gold, a: str, b: str, distance: int):
    def judge(results: list[dict]) -> tuple[int | None, float]:
        for rank, result in enumerate(results, 1):
            steps = result["why"].get("path", []) if result["type"] == "path" else []
            if (
                len(steps) == distance
                and steps[0]["source"] == a
                and steps[-1]["target"] == b
                and all(s["target"] in gold.edges[s["source"]] for s in steps)
            ):
                return rank, 1.0 if rank <= 5 else 0.0
        return None, 0.0

    return judge


def hard_world(seed: int, repeats: int, show_misses: bool = False) -> None:
    import hard_questions as hard

    from search.answers import RESULT_TYPES, search

    rows = []
    with hard.hard_worlds() as worlds:
        for world in worlds:

            def ask(question: hard.Question, world=world) -> dict:
                return search(world, question.text, question.as_of, set(RESULT_TYPES), 10)

            rng = random.Random(seed)
            asked = hard.search_questions(hard.Truth(world), rng)
            scores = defaultdict(list)
            for question in asked:
                answer = ask(question)
                for metric, judge in question.judges.items():
                    judged = judge(answer)
                    scores[question.klass, metric].append(judged)
                    if show_misses and judged == (hard.GOALS[metric] == "0"):
                        kind = answer["interpretation"]["kind"]
                        print(
                            f"{question.klass} | {world.language} | {metric} | "
                            f"{question.text!r} @ {question.as_of} -> {kind}: "
                            f"{[r['title'] for r in answer['results'][:3]]}"
                        )
            rows += [
                (k, world.language, len(v), m, sum(v) / len(v)) for (k, m), v in scores.items()
            ]
            sample = rng.sample(asked, min(50, len(asked)))
            same = [len({json.dumps(ask(q)) for _ in range(repeats)}) == 1 for q in sample]
            rows.append(
                (
                    "determinism",
                    world.language,
                    len(same),
                    "identical answers",
                    sum(same) / len(same),
                )
            )
    hard.print_table(f"hard-names world (seed {hard.SEED}), search, {repeats} repeats", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=40, help="per kind and language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--world", choices=("generated", "hard"), default="generated")
    parser.add_argument("--repeats", type=int, default=100, help="hard world: per question")
    parser.add_argument("--misses", action="store_true", help="hard world: print each miss")
    arguments = parser.parse_args()
    if arguments.world == "hard":
        with bench_stack(graph_read_seconds=30):
            hard_world(arguments.seed, arguments.repeats, arguments.misses)
        return
    with bench_stack():
        from graph.rebuild import world_rebuild
        from search.answers import RESULT_TYPES, search
        from worldgen.generator import delete_generated_world, generate_world

        print(f"world size per language: {SIZE}; {arguments.questions} questions per kind")
        print(f"{'language':8} {'kind':22} {'n':>3} {'recall@5':>8} {'MRR':>6}")
        for language in ("en", "ru"):
            world = generate_world(
                seed=arguments.seed, slug=f"quality-{language}", language=language, **SIZE
            ).world
            world_rebuild(world)
            gold = Gold(world)
            rng = random.Random(arguments.seed)
            for kind, asked in questions(gold, language, arguments.questions, rng).items():
                recalls, reciprocal = [], []
                for question, judge in asked:
                    answer = search(world, question, None, set(RESULT_TYPES), 10)
                    rank, recall = judge(answer["results"])
                    recalls.append(recall)
                    reciprocal.append(1 / rank if rank else 0.0)
                n = len(asked)
                print(
                    f"{language:8} {kind:22} {n:>3} {sum(recalls) / n:>8.3f} "
                    f"{sum(reciprocal) / n:>6.3f}"
                )
            delete_generated_world(world)


if __name__ == "__main__":
    main()
