"""neomodel node classes: the graph's labels, keys and indexes.

Every node is keyed by the entity's public id (`uid`) and carries the version
last mirrored and the public id of its world. The shared properties come from a
plain mixin, not a StructuredNode parent, so each node has exactly one label and
each label its own uid constraint and world index.
"""

from neomodel import ArrayProperty, IntegerProperty, StringProperty, StructuredNode


class MirroredKeys:
    uid = StringProperty(unique_index=True, required=True)
    version = IntegerProperty(default=0)


class InWorld(MirroredKeys):
    world = StringProperty(index=True)


class WorldNode(MirroredKeys, StructuredNode):
    __label__ = "World"
    name = StringProperty()
    slug = StringProperty()
    language = StringProperty()


class ChapterNode(InWorld, StructuredNode):
    __label__ = "Chapter"
    number = IntegerProperty()
    title = StringProperty()


class LocationNode(InWorld, StructuredNode):
    __label__ = "Location"
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    kind = StringProperty()


class CharacterNode(InWorld, StructuredNode):
    __label__ = "Character"
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    status = StringProperty()
    status_chapter = StringProperty()
    death_cause = StringProperty()


class SceneNode(InWorld, StructuredNode):
    __label__ = "Scene"
    title = StringProperty()
    order = IntegerProperty()
    summary = StringProperty()


class ConceptNode(InWorld, StructuredNode):
    __label__ = "Concept"
    name = StringProperty()
    aliases = ArrayProperty(StringProperty())
    kind = StringProperty()
