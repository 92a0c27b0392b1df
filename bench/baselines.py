"""What an endpoint's figures are measured against, in the same run.

- the project in-process: the endpoint's parameters serializer and answer, called
  directly (no HTTP, no DRF request, no authentication);
- the raw drivers: the statements the project sent for that request, recorded as
  it ran and sent again on one long-lived neo4j session and one psycopg
  connection — the floor the project's own code sits on;
- SQL: the same answer computed in PostgreSQL, where the question has a
  relational one (meetings, co-appearances), compared row for row.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from stack import raw_graph_driver


@dataclass
class Recorded:
    """The statements one request sent: Cypher (query, params) with the rows it got,
    and SQL (sql, params)."""

    cypher: list[tuple[str, dict]] = field(default_factory=list)
    rows: list[list[list]] = field(default_factory=list)
    sql: list[tuple[str, object]] = field(default_factory=list)


@contextmanager
def recording() -> Iterator[Recorded]:
    """Record what graph.reads.read and the Django connection send, while they run."""
    from graph import reads

    recorded = Recorded()
    read = reads.read

    def recorded_read(query: str, params: dict, **kwargs: object) -> list[list]:
        rows = read(query, params, **kwargs)
        recorded.cypher.append((query, params))
        recorded.rows.append(rows)
        return rows

    def recorded_sql(execute: Callable, sql: str, params: object, many: bool, context: dict):
        recorded.sql.append((sql, params))
        return execute(sql, params, many, context)

    reads.read = recorded_read
    try:
        with connection.execute_wrapper(recorded_sql):
            yield recorded
    finally:
        reads.read = read


def in_process(query, world, params: dict) -> tuple[float, dict, Recorded]:
    """One answer as the view computes it: (milliseconds, answer, statements sent)."""
    with recording() as recorded:
        started = time.perf_counter()
        checked = query.params(data=params, context={"world": world})
        checked.is_valid(raise_exception=True)
        answer = query.answer(world, checked.validated_data)
        millis = (time.perf_counter() - started) * 1000
    return millis, answer, recorded


class RawDrivers:
    """One neo4j session and one psycopg connection, open for the whole run."""

    def __init__(self) -> None:
        import psycopg

        self.driver, database = raw_graph_driver()
        self.session = self.driver.session(database=database)
        db = settings.DATABASES["default"]
        self.sql = psycopg.connect(
            dbname=db["NAME"],
            user=db["USER"],
            host=db["HOST"],
            port=db["PORT"] or None,
            password=db["PASSWORD"],
            autocommit=True,
            # Parameters bound on the client, as Django's psycopg backend does: the
            # server plans each statement with its values, as it did for the project.
            cursor_factory=psycopg.ClientCursor,
        )

    def replay(self, recorded: Recorded) -> tuple[float, list[list]]:
        """(milliseconds, Cypher rows) for the recorded statements, sent again as they were."""
        rows: list[list] = []
        started = time.perf_counter()
        with self.sql.cursor() as cursor:
            for sql, params in recorded.sql:
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
        for query, params in recorded.cypher:
            rows.append([record.values() for record in self.session.run(query, params)])
        return (time.perf_counter() - started) * 1000, rows

    def answer(self, sql: str, params: dict) -> tuple[float, list[tuple]]:
        started = time.perf_counter()
        with self.sql.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return (time.perf_counter() - started) * 1000, rows

    def cypher(self, query: str, params: dict) -> list[list]:
        return [record.values() for record in self.session.run(query, params)]

    def close(self) -> None:
        self.session.close()
        self.driver.close()
        self.sql.close()


# Scenes where both are there (not merely mentioned), in story order: graph/meetings.
MEETINGS_SQL = """
SELECT s.public_id::text FROM lorebase_scene s
JOIN lorebase_chapter ch ON ch.id = s.chapter_id
JOIN lorebase_sceneparticipant pa ON pa.scene_id = s.id AND pa.role <> 'mentioned'
JOIN lorebase_character a ON a.id = pa.character_id AND a.public_id = %(a)s
JOIN lorebase_sceneparticipant pb ON pb.scene_id = s.id AND pb.role <> 'mentioned'
JOIN lorebase_character b ON b.id = pb.character_id AND b.public_id = %(b)s
WHERE s.world_id = %(world)s
ORDER BY ch.number, s."order", s.public_id::text COLLATE "C" LIMIT %(limit)s
"""

# Who shares the most scenes (neither merely mentioned): graph/co-appearances.
CO_APPEARANCES_SQL = """
SELECT o.public_id::text, count(DISTINCT s.id) AS scenes, min(ch.number)
FROM lorebase_character a
JOIN lorebase_sceneparticipant pa ON pa.character_id = a.id AND pa.role <> 'mentioned'
JOIN lorebase_scene s ON s.id = pa.scene_id
JOIN lorebase_chapter ch ON ch.id = s.chapter_id
JOIN lorebase_sceneparticipant po ON po.scene_id = s.id AND po.role <> 'mentioned'
JOIN lorebase_character o ON o.id = po.character_id AND o.id <> a.id
WHERE a.public_id = %(a)s AND a.world_id = %(world)s
GROUP BY o.id ORDER BY scenes DESC, o.name COLLATE "C", o.public_id::text COLLATE "C"
LIMIT %(limit)s
"""


def meetings_rows(answer: dict) -> list[str]:
    return [result["id"] for result in answer["results"]]


def co_appearance_rows(answer: dict) -> list[tuple]:
    return [(r["character"]["id"], r["scenes"], r["first_chapter"]) for r in answer["results"]]


def path_before(drivers: RawDrivers, world: str, a: str, b: str, max_hops: int) -> list[str]:
    """Node uids of the path the quantified-path form (`ALL SHORTEST`, used before
    allShortestPaths) finds between two characters; [] when there is none."""
    from graph import projection
    from search.graph_queries import PATH_TYPES, step_into

    rows = drivers.cypher(
        "MATCH (a:Character {uid: $a}), (b:Character {uid: $b}) "
        "WHERE a.world = $world AND b.world = $world "
        f"MATCH p = ALL SHORTEST (a) (()-[r:{projection.types(PATH_TYPES, PATH_TYPES)}]-(m) "
        f"WHERE {step_into(None)}){{1,{int(max_hops)}}} (b) "
        "WITH p ORDER BY [n IN nodes(p) | n.uid], [r IN relationships(p) | type(r)], "
        "[r IN relationships(p) | r.uid] LIMIT 1 RETURN [n IN nodes(p) | n.uid]",
        {"world": world, "a": a, "b": b, "as_of": None},
    )
    return rows[0][0] if rows else []
