import json

from django.core.management.base import BaseCommand

from graph.reconcile import reconcile_worlds


class Command(BaseCommand):
    help = "Compare PostgreSQL and the graph per world, repair drift and report what was found."

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(json.dumps(reconcile_worlds(), indent=2, ensure_ascii=False))
