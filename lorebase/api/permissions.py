"""Per-world access: viewers read, editors write, owners manage the world."""

from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request

from lorebase.models import World, WorldRole
from lorebase.models.worlds import ROLE_RANK
from lorebase.selectors import membership_role

READ_METHODS = ("GET", "HEAD", "OPTIONS")


def world_for_request(*, request: Request, world_id: str, write_role: str) -> World:
    """The world named in the URL, if the user may do this request's method in it.

    A world the user is not a member of answers 404 as if it did not exist, so
    ids of other studios' worlds reveal nothing.
    """
    world = World.objects.filter(public_id=world_id).first()
    role = membership_role(user=request.user, world=world) if world else None
    if world is None or role is None:
        raise NotFound("No such world.")
    needed = WorldRole.VIEWER if request.method in READ_METHODS else write_role
    if ROLE_RANK[role] < ROLE_RANK[needed]:
        raise PermissionDenied(
            f"Your role in “{world.name}” is {role}; this needs {needed} or above."
        )
    return world
