"""The whole Celery beat schedule, in one place.

Crontab entries, each with an expiry shorter than its period, so a backlog
never runs the same periodic task twice in a row. django-celery-beat copies
these into the database, where the admin can change them.
"""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "graph-republish-overdue": {
        "task": "graph.republish_overdue",
        "schedule": crontab(minute="*"),
        "options": {"expires": 50},
    },
    "graph-reconcile": {
        "task": "graph.reconcile",
        "schedule": crontab(minute=17),
        "options": {"expires": 50 * 60},
    },
    "exports-export-worlds": {
        "task": "exports.export_worlds",
        "schedule": crontab(minute="*/15"),
        "options": {"expires": 14 * 60},
    },
    "graph-prune-change-log": {
        "task": "graph.prune_change_log",
        "schedule": crontab(minute=29, hour=3),
        "options": {"expires": 60 * 60},
    },
    "webhooks-sweep": {
        "task": "webhooks.sweep",
        "schedule": crontab(minute="*"),
        "options": {"expires": 50},
    },
    "consistency-check-worlds": {
        "task": "consistency.check_worlds",
        "schedule": crontab(minute=41),
        "options": {"expires": 50 * 60},
    },
}
