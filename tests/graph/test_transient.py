"""graph.connection.is_transient: which graph failures are retried (and a 503)."""

import errno

import pytest
from neo4j.exceptions import (
    ClientError,
    ConfigurationError,
    CypherSyntaxError,
    DatabaseError,
    IncompleteCommit,
    ServiceUnavailable,
    SessionExpired,
    TransactionError,
    TransientError,
)

from graph.connection import GraphConnectionLost, is_transient


def client_error(message: str, code: str = "Neo.ClientError.Request.Invalid") -> ClientError:
    error = ClientError(message)
    error._neo4j_code = code  # type: ignore[attr-defined]
    error._message = message  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    "error",
    [
        ServiceUnavailable("gone"),
        SessionExpired("expired"),
        IncompleteCommit("unknown outcome"),
        TransientError("deadlock"),
        client_error("RUN not expected in state: AUTHENTICATION"),
        client_error("PULL not expected in state: READY"),
        BrokenPipeError(errno.EPIPE, "Broken pipe"),
        ConnectionResetError(errno.ECONNRESET, "reset by peer"),
        OSError(errno.ECONNREFUSED, "refused"),
        GraphConnectionLost("already classified"),
    ],
    ids=lambda error: type(error).__name__ + ":" + str(error)[:30],
)
def test_connection_and_protocol_state_errors_are_transient(error: BaseException) -> None:
    assert is_transient(error)


@pytest.mark.parametrize(
    "error",
    [
        client_error("Invalid input 'MATC'", "Neo.ClientError.Statement.SyntaxError"),
        CypherSyntaxError("bad"),
        TransactionError("closed transaction"),
        ConfigurationError("bad option"),
        DatabaseError("server bug"),
        ValueError("not a graph error"),
        OSError(errno.ENOENT, "no such file"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_caller_faults_are_not_transient(error: BaseException) -> None:
    assert not is_transient(error)


def test_a_wrapped_transient_error_is_transient() -> None:
    try:
        try:
            raise ServiceUnavailable("gone")
        except ServiceUnavailable as cause:
            raise RuntimeError("mirror failed") from cause
    except RuntimeError as error:
        assert is_transient(error)


def test_the_api_answers_a_stale_connection_with_a_503_problem() -> None:
    from config.api_errors import api_exception_handler

    response = api_exception_handler(client_error("RUN not expected in state: AUTHENTICATION"), {})
    assert response is not None and response.status_code == 503
    assert response.data["code"] == "graph_unavailable"


def test_the_api_leaves_a_statement_bug_to_the_500_handler() -> None:
    from config.api_errors import api_exception_handler

    syntax = client_error("Invalid input 'MATC'", "Neo.ClientError.Statement.SyntaxError")
    assert api_exception_handler(syntax, {}) is None


def test_a_read_on_a_stale_connection_is_retried_once_on_a_fresh_pool(monkeypatch) -> None:
    """The wedge of issue 22 without a server: the first use of a pooled connection
    fails in a wrong protocol state; the read resets the pool and answers."""
    from contextlib import nullcontext

    from graph import reads

    calls: list[str] = []

    def cypher_query(query: str, params: dict) -> tuple[list, tuple]:
        calls.append(query)
        if len(calls) == 1:
            raise client_error("RUN not expected in state: AUTHENTICATION")
        return [[1]], ("x",)

    monkeypatch.setattr(reads, "ensure_connected", lambda: None)
    monkeypatch.setattr(reads, "reset_pool", lambda: calls.append("reset"))
    monkeypatch.setattr(type(reads.db), "read_transaction", property(lambda self: _Tx()))
    monkeypatch.setattr(reads.db, "cypher_query", cypher_query)

    class _Tx:
        def __call__(self, timeout: float) -> nullcontext:
            return nullcontext()

    assert reads.read("RETURN 1", {}, timeout="SEARCH_GRAPH_TIMEOUT") == [[1]]
    assert calls == ["RETURN 1", "reset", "RETURN 1"]


def test_a_read_that_stays_unreachable_is_graph_unavailable(monkeypatch) -> None:
    from contextlib import nullcontext

    from graph import reads

    def cypher_query(query: str, params: dict) -> tuple[list, tuple]:
        raise client_error("RUN not expected in state: AUTHENTICATION")

    monkeypatch.setattr(reads, "ensure_connected", lambda: None)
    monkeypatch.setattr(reads, "reset_pool", lambda: None)
    monkeypatch.setattr(
        type(reads.db), "read_transaction", property(lambda self: lambda timeout: nullcontext())
    )
    monkeypatch.setattr(reads.db, "cypher_query", cypher_query)
    with pytest.raises(reads.GraphUnavailable):
        reads.read("RETURN 1", {}, timeout="SEARCH_GRAPH_TIMEOUT")


def test_the_mirror_retries_a_stale_connection_after_resetting_the_pool(monkeypatch) -> None:
    import uuid

    from graph import mirror, tasks

    def stale(**_: object) -> int:
        raise client_error("RUN not expected in state: AUTHENTICATION")

    resets: list[bool] = []
    monkeypatch.setattr(mirror, "mirror_entity", stale)
    monkeypatch.setattr(tasks, "outbox_note_failure", lambda **_: None)
    monkeypatch.setattr(tasks, "reset_pool", lambda: resets.append(True))
    with pytest.raises(GraphConnectionLost, match="not expected in state"):
        tasks.mirror_entity.run("character", str(uuid.uuid4()), 1)
    assert resets == [True]
    assert GraphConnectionLost in tasks.mirror_entity.autoretry_for
