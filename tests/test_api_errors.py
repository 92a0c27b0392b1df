"""config.api_errors: a graph that cannot answer is a 503 problem from any API view."""

import json
from collections.abc import Iterator

import pytest
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from devstack.net import free_port
from graph import reads
from graph.connection import reconnect
from tests.llm.conftest import ask
from tests.search.conftest import uid, world_url

pytestmark = pytest.mark.services
ADVICE = "Try again, or ask for less (a smaller depth or limit)."


class CountView(APIView):
    """Reads the graph and catches nothing: what it answers is the handler's."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        # Ten billion rows: only a timeout ends this statement early.
        statement = "UNWIND range(1, 10000000000) AS x RETURN count(*)"
        rows = reads.read(statement, {}, timeout="SEARCH_GRAPH_TIMEOUT")
        return Response({"count": rows[0][0]})


def count() -> tuple[int, str]:
    response = CountView.as_view()(APIRequestFactory().get("/count"))
    response.render()
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["code"] == "graph_unavailable"
    return response.status_code, body["detail"]


@pytest.fixture
def graph_down(graph, graph_server_url: str) -> Iterator[None]:
    """The graph server at an address where nothing listens."""
    reconnect(f"bolt://root:x@127.0.0.1:{free_port()}/nowhere")
    yield
    reconnect(graph_server_url)


def test_a_graph_past_its_time_limit_is_a_503(graph, settings):
    settings.SEARCH_GRAPH_TIMEOUT = 0.05
    assert count() == (503, f"The graph query took longer than 0.05 s. {ADVICE}")


def test_a_graph_that_is_down_is_a_503(graph_down):
    assert count() == (503, f"The graph server cannot be reached right now. {ADVICE}")


@pytest.mark.django_db
def test_search_and_answers_in_role_say_503_when_the_graph_is_down(reader, demo, graph_down):
    world = demo["en"]
    answers = (
        reader.get(world_url(world, "graph/neighbourhood"), {"entity": uid(world, "Anna Marlowe")}),
        ask(reader, world, "Anna Marlowe", "Who did you find on Pier Nine?"),
    )
    for response in answers:
        assert response.status_code == 503
        assert response.json()["detail"].startswith("The graph server cannot be reached right now.")
