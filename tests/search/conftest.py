from lorebase.models import Character, Location, World


def uid(world: World, name: str) -> str:
    """Public id of the character or location called `name` in `world`."""
    for model in (Character, Location):
        found = model.objects.filter(world=world, name=name).first()
        if found:
            return str(found.public_id)
    raise LookupError(name)


def world_url(world: World, path: str) -> str:
    """The world-scoped URL of a search or graph endpoint, e.g. `graph/meetings`."""
    return f"/api/v1/worlds/{world.public_id}/{path}/"
