from lorebase.models import Character, Location, World


def uid(world: World, name: str) -> str:
    """Public id of the character or location called `name` in `world`."""
    for model in (Character, Location):
        found = model.objects.filter(world=world, name=name).first()
        if found:
            return str(found.public_id)
    raise LookupError(name)
