from django.apps import AppConfig


class GraphConfig(AppConfig):
    name = "graph"
    verbose_name = "Graph mirror"

    def ready(self) -> None:
        from lorebase.changes import changes_recorded

        from . import nodes  # noqa: F401  (registers the node classes for the schema)
        from .connection import configure
        from .outbox import outbox_record

        # neomodel is wired here rather than through django-neomodel, which
        # is pinned to neomodel 5 and does not work with neomodel 7.
        configure()
        # The graph follows the domain's change log through its own outbox.
        changes_recorded.connect(outbox_record, dispatch_uid="graph.outbox_record")
