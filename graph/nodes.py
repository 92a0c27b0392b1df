"""neomodel node classes: the graph's labels, keys and indexes.

One flat class per label (ArcadeDB ignores indexes inherited from a parent
type). Every node is keyed by the entity's public id (`uid`) and carries the
version last mirrored and the public id of its world.
"""

from neomodel import (
    ArrayProperty,
    IntegerProperty,
    StringProperty,
    StructuredNode,
)


class WorldNode(StructuredNode):
    __label__ = "World"
    uid = StringProperty(unique_index=True, required=True)
    version = IntegerProperty(default=0)
    name = StringProperty()
    slug = StringProperty()
    language = StringProperty()


class ChapterNode(StructuredNode):
    __label__ = "Chapter"
    uid = StringProperty(unique_index=True, required=True)
    world = StringProperty(index=True)
    version = IntegerProperty(default=0)
    number = IntegerProperty()
    title = StringProperty()


class LocationNode(StructuredNode):
    __label__ = "Location"
    uid = StringProperty(unique_index=True, required=True)
    world = StringProperty(index=True)
    version = IntegerProperty(default=0)
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    kind = StringProperty()


class CharacterNode(StructuredNode):
    __label__ = "Character"
    uid = StringProperty(unique_index=True, required=True)
    world = StringProperty(index=True)
    version = IntegerProperty(default=0)
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    status = StringProperty()
    status_chapter = StringProperty()


class SceneNode(StructuredNode):
    __label__ = "Scene"
    uid = StringProperty(unique_index=True, required=True)
    world = StringProperty(index=True)
    version = IntegerProperty(default=0)
    title = StringProperty()
    order = IntegerProperty()
    summary = StringProperty()


class ConceptNode(StructuredNode):
    __label__ = "Concept"
    uid = StringProperty(unique_index=True, required=True)
    world = StringProperty(index=True)
    version = IntegerProperty(default=0)
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    kind = StringProperty()
