from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from lorebase.changes import changes_recorded

        from .services import deliveries_record

        # Webhooks follow the domain's change log, as the graph does, with rows of their own.
        changes_recorded.connect(deliveries_record, dispatch_uid="webhooks.deliveries_record")
