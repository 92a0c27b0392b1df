"""Pictures in the admin: thumbnails on the owner's page, and its upload page.

Uploads and removals go through lorebase.images (decoded, checked, a new version of
the owner). The thumbnails are the API's own image URLs, read with the session.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from . import images
from .models import EntityImage
from .selectors import membership_role


def thumbnail_url(image: EntityImage) -> str:
    return reverse("image-thumbnail", args=[image.world.public_id, image.public_id])


class ImageInline(admin.TabularInline):
    """The owner's pictures, read-only here: the upload page adds and removes them."""

    model = EntityImage
    template = "admin/lorebase/image_inline.html"
    fields = ("preview", "kind", "label", "width", "height", "content_type")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "images"

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        # `obj` is the owner: whoever may see it sees its pictures. Without one (the
        # inline's queryset) the owner's admin has checked already.
        return obj is None or membership_role(user=request.user, world=obj.world) is not None

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="picture")
    def preview(self, image: EntityImage) -> str:
        return format_html(
            '<a href="{}"><img class="lorebase-thumbnail" src="{}" alt="{}"></a>',
            reverse("image-file", args=[image.world.public_id, image.public_id]),
            thumbnail_url(image),
            str(image),
        )


class UploadForm(forms.Form):
    file = forms.FileField()
    kind = forms.ChoiceField()
    label = forms.CharField(max_length=100, required=False)

    def __init__(self, *args: object, owner_type: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        kinds = EntityImage.KINDS_BY_OWNER[owner_type]
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in kinds]


class ImagesAdminMixin(admin.ModelAdmin):
    """For the admins of characters, locations, scenes and concepts (before their base)."""

    def get_inlines(self, request: HttpRequest, obj):
        inlines = list(super().get_inlines(request, obj))
        return [*inlines, ImageInline] if obj is not None else inlines

    def get_urls(self) -> list[URLPattern]:
        opts = self.model._meta
        view = self.admin_site.admin_view(self.images_view)
        name = f"{opts.app_label}_{opts.model_name}_images"
        return [path("<path:object_id>/images/", view, name=name), *super().get_urls()]

    def images_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        owner = self.get_object(request, unquote(object_id))
        if owner is None or not self.has_view_permission(request, owner):
            raise Http404("No such entity.")
        may_edit = self.has_change_permission(request, owner)
        form = UploadForm(owner_type=owner.entity_type)
        if request.method == "POST":
            if not may_edit:
                raise PermissionDenied
            if "remove" in request.POST:
                image = get_object_or_404(owner.images, public_id=request.POST["remove"])
                images.image_delete(image=image, user=request.user)
                messages.success(request, f"Removed: {image}.")
                return HttpResponseRedirect(request.path)
            form = UploadForm(request.POST, request.FILES, owner_type=owner.entity_type)
            if form.is_valid():
                try:
                    image = images.image_add(
                        owner=owner,
                        kind=form.cleaned_data["kind"],
                        label=form.cleaned_data["label"],
                        data=form.cleaned_data["file"].read(),
                        user=request.user,
                    )
                except ValidationError as error:
                    for field, reasons in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, reasons)
                else:
                    messages.success(request, f"Added: {image}.")
                    return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Images of {owner}",
            "opts": self.model._meta,
            "original": owner,
            "form": form,
            "may_edit": may_edit,
            "images": [(image, thumbnail_url(image)) for image in owner.images.all()],
        }
        return TemplateResponse(request, "admin/lorebase/images.html", context)
