"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from lorebase.api.world_scope import world_path

from . import views

urlpatterns = [
    world_path("snapshot/", views.SnapshotView.as_view(), name="snapshot"),
    world_path("game-export/", views.GameExportView.as_view(), name="game-export"),
    world_path(
        "characters/<uuid:id>/card/", views.CharacterCardView.as_view(), name="character-card"
    ),
    world_path(
        "characters/<uuid:id>/card/png/",
        views.CharacterCardPngView.as_view(),
        name="character-card-png",
    ),
]
