from django.core.management.base import BaseCommand

from graph.schema import install_graph_schema


class Command(BaseCommand):
    help = "Create the graph's constraints and indexes (safe to run again)."

    def handle(self, *args: object, **options: object) -> None:
        counts = install_graph_schema()
        self.stdout.write(
            self.style.SUCCESS(
                f"Graph schema ready: {counts['constraints']} constraints, "
                f"{counts['indexes']} indexes."
            )
        )
