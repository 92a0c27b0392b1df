from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import batch, feed, images, views
from .world_scope import WORLD_PREFIX, world_path

worlds = SimpleRouter()
worlds.register("worlds", views.WorldViewSet, basename="world")

entities = SimpleRouter()
entities.register("chapters", views.ChapterViewSet, basename="chapter")
entities.register("locations", views.LocationViewSet, basename="location")
entities.register("characters", views.CharacterViewSet, basename="character")
entities.register("scenes", views.SceneViewSet, basename="scene")
entities.register("concepts", views.ConceptViewSet, basename="concept")
entities.register("relations", views.RelationViewSet, basename="relation")

urlpatterns = [
    path("", include(worlds.urls)),
    path(WORLD_PREFIX, include(entities.urls)),
    world_path("changes/", feed.ChangeFeedView.as_view(), name="changes"),
    world_path("batch/", batch.BatchView.as_view(), name="batch"),
    world_path("images/", images.ImageListView.as_view(), name="images"),
    world_path("images/<str:image_id>/", images.ImageDetailView.as_view(), name="image"),
    world_path("images/<str:image_id>/file/", images.ImageFileView.as_view(), name="image-file"),
    world_path(
        "images/<str:image_id>/thumbnail/",
        images.ImageThumbnailView.as_view(),
        name="image-thumbnail",
    ),
]
