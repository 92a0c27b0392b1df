"""Answers in role: context recall, spoiler leakage, citation precision, context size and time.

    .venv/bin/python bench/llm_eval.py [--questions 60] [--seed 5] [--entities 0]
    .venv/bin/python bench/llm_eval.py --world hard

Gold questions come from the demo world (both editions) and a generated world:
for a character at a chapter, a scene they were in by then ("What happened in
<title>?") and a relation valid then ("What about <other>?"). The gold fact is
that scene's or relation's id; what the character may know is computed here
from PostgreSQL, apart from llm/. Each question goes through
llm.services.answer_question with the extractive provider.

- recall: the gold id is in the context (goal ≥ 0.95);
- leakage: ids in the context or the citations that the character may not
  know — another character's scene, a later chapter, a relation outside its
  span (goal exactly 0);
- citation precision: citations that are in the context (goal 1.0);
- context size (items, estimated tokens) and assembly time (graph walk, texts,
  search), without a model call. `--entities N` adds a generated world of N
  entities for the time alone.

`--world hard` asks in role on the hard-names world (bench/hard_questions.py),
per class of name and language: the answering scene (or relation) cited, also
for questions that name nobody; citation precision; and leakage, which there
also counts timeless relations with someone not met yet and the cause of a
death the character did not witness, found in the answer or its context.
"""

import argparse
import json
import random
import time
from collections import Counter, defaultdict

from stack import bench_stack, percentile

SIZE = {
    "chapters": 10,
    "locations": 200,
    "characters": 80,
    "scenes": 1000,
    "concepts": 40,
    "relations": 600,
}
QUESTIONS = {
    "en": ("What happened in {title}?", "What about {name}?"),
    "ru": ("Что было: {title}?", "Что скажешь про {name}?"),
}


def allowed(character, as_of: int) -> set[str]:
    """Everything the character may know at `as_of`, straight from PostgreSQL."""
    from django.db.models import Q

    from lorebase.models import Character, Concept, Location, Relation, Scene

    scenes = list(
        Scene.objects.filter(
            participations__character=character,
            participations__role__in=["present", "speaker"],
            chapter__number__lte=as_of,
        ).select_related("location__parent")
    )
    relations = [
        r
        for r in Relation.objects.filter(
            Q(source_character=character) | Q(target_character=character)
        ).select_related("valid_from", "valid_to")
        if first_known_chapter(r, character) <= as_of
        and (r.valid_to is None or r.valid_to.number >= as_of)
    ]
    ids = {str(character.public_id)} | {str(s.public_id) for s in scenes}
    ids |= {str(r.public_id) for r in relations}
    # A death (cited by the victim's id) is known to its witnesses and to the killer.
    by_then = Q(status_chapter__isnull=True) | Q(status_chapter__number__lte=as_of)
    deaths = Character.objects.filter(status=Character.Status.DEAD).filter(
        Q(death_scene__in=scenes) | (Q(killed_by=character) & by_then)
    )
    ids |= {str(uid) for uid in deaths.exclude(pk=character.pk).values_list("public_id", flat=True)}
    ends = [end for r in relations for end in (r.source, r.target)]
    ids |= {str(e.public_id) for e in ends if isinstance(e, Concept)}
    for place in [s.location for s in scenes] + [e for e in ends if isinstance(e, Location)]:
        while place is not None:
            ids.add(str(place.public_id))
            place = place.parent
    return ids


NEVER = 1 << 15


def first_known_chapter(relation, character) -> int:
    """From when the character knows the relation: its first chapter, or with none the
    first scene shared with the other party (both present or speaking), unless it is
    known from the start or the other end is a place or a concept (nobody to meet)."""
    from lorebase.models import Scene

    if relation.valid_from is not None:
        return relation.valid_from.number
    ends = {relation.source_character_id, relation.target_character_id}
    if relation.known_from_start or None in ends:
        return 1
    (other,) = ends - {character.pk}
    shared = (
        Scene.objects.filter(
            participations__character=character, participations__role__in=["present", "speaker"]
        )
        .filter(participations__character_id=other, participations__role__in=["present", "speaker"])
        .order_by("chapter__number")
        .values_list("chapter__number", flat=True)
        .first()
    )
    return shared or NEVER


def gold_questions(world, count: int, rng: random.Random) -> list[tuple]:
    """(character, as_of, question, gold id) for scenes and relations the character knows."""
    from django.db.models import Q

    from lorebase.models import Chapter, Character, Relation, SceneParticipant

    last = Chapter.objects.filter(world=world).order_by("-number").first().number
    scene_q, relation_q = QUESTIONS[world.language]
    questions = []
    cast = list(
        SceneParticipant.objects.filter(scene__world=world, role__in=["present", "speaker"])
        .select_related("scene__chapter", "character__world", "character__status_chapter")
        .order_by("pk")
    )
    for part in rng.sample(cast, min(count, len(cast))):
        as_of = rng.randint(part.scene.chapter.number, last)
        question = scene_q.format(title=part.scene.title)
        questions.append((part.character, as_of, question, str(part.scene.public_id)))
    people = list(Character.objects.filter(world=world).select_related("world", "status_chapter"))
    for character in rng.sample(people, min(count, len(people))):
        relations = [
            r
            for r in Relation.objects.filter(
                Q(source_character=character) | Q(target_character=character)
            )
            .select_related(
                "valid_from",
                "valid_to",
                "source_character",
                "target_character",
                "source_concept",
                "target_concept",
                "source_location",
                "target_location",
            )
            .order_by("pk")
        ]
        if not relations:
            continue
        relation = rng.choice(relations)
        start = first_known_chapter(relation, character)
        end = relation.valid_to.number if relation.valid_to else last
        if start > end:
            continue  # the character never learns of it within its span
        other = relation.target if relation.source == character else relation.source
        question = relation_q.format(name=other.name)
        questions.append((character, rng.randint(start, end), question, str(relation.public_id)))
    return questions


def evaluate(label: str, world, count: int, rng: random.Random) -> dict:
    from llm.context import build_context
    from llm.services import answer_question

    found = leaked = cited = cited_in_context = 0
    sizes, tokens, seconds = [], [], []
    questions = gold_questions(world, count, rng)
    for character, as_of, question, gold in questions:
        started = time.perf_counter()
        context = build_context(character=character, question=question, as_of=as_of)
        seconds.append(time.perf_counter() - started)
        answer = answer_question(character=character, question=question, as_of_chapter=as_of)
        in_context = {item["id"] for item in answer["knowledge_items"]}
        cites = {c["id"] for c in answer["citations"]}
        may_know = allowed(character, as_of)
        found += gold in context.ids
        leaked += len((in_context | cites) - may_know)
        cited += len(cites)
        cited_in_context += len(cites & in_context)
        sizes.append(len(context.items))
        tokens.append(context.tokens)
    n = len(questions)
    return {
        "label": label,
        "n": n,
        "recall": found / n,
        "leaked": leaked,
        "precision": cited_in_context / cited if cited else 1.0,
        "items": sum(sizes) / n,
        "tokens": sum(tokens) / n,
        "p50": percentile(seconds, 0.5) * 1000,
        "p95": percentile(seconds, 0.95) * 1000,
    }


def timing_only(world, count: int, rng: random.Random) -> dict:
    """Context assembly time alone, for a big world."""
    from llm.context import build_context

    seconds = []
    for character, as_of, question, _gold in gold_questions(world, count, rng):
        started = time.perf_counter()
        build_context(character=character, question=question, as_of=as_of)
        seconds.append(time.perf_counter() - started)
    return {
        "n": len(seconds),
        "p50": percentile(seconds, 0.5) * 1000,
        "p95": percentile(seconds, 0.95) * 1000,
    }


def hard_world(seed: int, show_misses: bool = False) -> None:
    import hard_questions as hard

    from llm.services import answer_question
    from lorebase.models import Character

    rows = []
    with hard.hard_worlds() as worlds:
        for world in worlds:
            truth = hard.Truth(world)
            people = Character.objects.filter(world=world).select_related("world", "status_chapter")
            people = {str(c.public_id): c for c in people}
            counts: dict[str, Counter] = defaultdict(Counter)
            for q in hard.role_questions(truth, random.Random(seed)):
                answer = answer_question(
                    character=people[q.character], question=q.text, as_of_chapter=q.as_of
                )
                in_context = {item["id"] for item in answer["knowledge_items"]}
                cites = {c["id"] for c in answer["citations"]}
                told = json.dumps([answer["answer"], answer["knowledge_items"]], ensure_ascii=False)
                count = counts[q.klass]
                count["n"] += 1
                count["gold"] += q.gold is not None
                count["found"] += bool(q.gold and q.gold & cites)
                count["cites"] += len(cites)
                count["cites in context"] += len(cites & in_context)
                leaked = (in_context | cites) - truth.may_know(q.character, q.as_of)
                leaked |= {c for c in truth.unseen_deaths(q.character, q.as_of) if c in told}
                count["leaked"] += len(leaked)
                missed = q.gold is not None and not q.gold & cites
                if show_misses and (missed or leaked):
                    print(
                        f"{q.klass} | {world.language} | ch {q.as_of} | {q.text!r} | "
                        f"missed={missed} leaked={sorted(leaked)} cited={sorted(cites)}"
                    )
            for klass, c in counts.items():
                rows.append(
                    (klass, world.language, c["gold"], "answer cited", c["found"] / c["gold"])
                )
                precision = c["cites in context"] / c["cites"] if c["cites"] else 1.0
                rows.append((klass, world.language, c["n"], "citation precision", precision))
                rows.append((klass, world.language, c["n"], "leaked", c["leaked"]))
    hard.print_table(f"hard-names world (seed {hard.SEED}), answers in role, extractive", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=60, help="per kind and world")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--entities", type=int, default=0, help="also time a world this big")
    parser.add_argument("--world", choices=("generated", "hard"), default="generated")
    parser.add_argument("--misses", action="store_true", help="hard world: print each miss")
    args = parser.parse_args()
    if args.world == "hard":
        with bench_stack(graph_read_seconds=30):
            hard_world(args.seed, args.misses)
        return
    with bench_stack():
        from graph.rebuild import world_rebuild
        from worldgen.demo.loader import demo_world_load
        from worldgen.generator import counts_for_total, generate_world

        rng = random.Random(args.seed)
        rows = []
        for world in demo_world_load():
            world_rebuild(world)
            rows.append(evaluate(f"demo {world.language}", world, args.questions, rng))
        generated = generate_world(seed=args.seed, slug="llm-eval", **SIZE).world
        world_rebuild(generated)
        rows.append(evaluate("generated en", generated, args.questions, rng))
        print(f"generated world: {SIZE}; extractive provider; {args.questions} questions per kind")
        print(
            f"{'world':<13} {'n':>4} {'recall':>7} {'leaked':>6} {'cite prec':>9} "
            f"{'items':>6} {'tokens':>6} {'p50 ms':>7} {'p95 ms':>7}"
        )
        for r in rows:
            print(
                f"{r['label']:<13} {r['n']:>4} {r['recall']:>7.3f} {r['leaked']:>6} "
                f"{r['precision']:>9.3f} {r['items']:>6.1f} {r['tokens']:>6.0f} "
                f"{r['p50']:>7.1f} {r['p95']:>7.1f}"
            )
        if args.entities:
            started = time.perf_counter()
            big = generate_world(
                seed=args.seed, slug="llm-eval-big", **counts_for_total(args.entities)
            )
            world_rebuild(big.world)
            setup = time.perf_counter() - started
            stats = timing_only(big.world, args.questions, rng)
            print(
                f"context assembly at {big.entities} entities (set up in {setup:.0f} s): "
                f"n={stats['n']} p50 {stats['p50']:.1f} ms, p95 {stats['p95']:.1f} ms"
            )


if __name__ == "__main__":
    main()
