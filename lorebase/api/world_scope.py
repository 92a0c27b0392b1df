"""One URL convention and one base view for everything that acts inside one world.

Every world-scoped endpoint lives under `/api/v1/worlds/{world_id}/…`: the world is
in the path, never in the query or the body. A `world_id` that is not a UUID matches
no route (404 JSON); an unknown world, or one the user is not a member of, is 404 as
well; a member whose role is too low for the method, 403.
"""

from collections.abc import Callable

from django.urls import URLPattern, path
from rest_framework.request import Request
from rest_framework.views import APIView

from lorebase.models import World, WorldRole

from .permissions import world_for_request

WORLD_PREFIX = "worlds/<uuid:world_id>/"


def world_path(route: str, view: Callable, *, name: str) -> URLPattern:
    """`worlds/<world_id>/<route>`, mounted under /api/v1/ like every app's routes."""
    return path(WORLD_PREFIX + route, view, name=name)


class WorldScopedMixin:
    """Resolves `self.world` from the path and checks the user's role in it.

    In `initial()`, after authentication, permissions and throttles, and before the
    handler validates anything: an anonymous request is 401 and another studio's world
    404 whatever else the request got wrong.
    """

    # The role a write (POST, PUT, PATCH, DELETE) needs; reading needs a viewer.
    write_role: str = WorldRole.EDITOR
    world: World

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        self.world = world_for_request(
            request=request, world_id=str(kwargs["world_id"]), write_role=self.write_role
        )


class WorldScopedView(WorldScopedMixin, APIView):
    """An APIView inside the world named in the path."""
