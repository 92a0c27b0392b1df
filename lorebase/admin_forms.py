"""Admin forms: aliases one per line, and catching a concurrent edit."""

from django import forms
from django.contrib.postgres.forms import SimpleArrayField
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from . import services


class AliasesField(SimpleArrayField):
    """Aliases edited one per line; blank lines and stray spaces are dropped."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        kwargs.pop("max_length", None)
        kwargs.pop("base_field", None)
        super().__init__(forms.CharField(max_length=200), delimiter="\n", **kwargs)

    def to_python(self, value: object) -> list[str]:
        if isinstance(value, str):
            value = "\n".join(line.strip() for line in value.splitlines() if line.strip())
        return super().to_python(value)


class VersionedForm(forms.ModelForm):
    """Refuses a save when someone else saved the entity since the page was opened."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    skip_version_check = False  # set for the history "revert" form

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean_tags(self) -> list[str]:
        """The service's own check, so that a bad tag is an error on the field, not a 500."""
        try:
            return services.tags_clean(self.cleaned_data["tags"])
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["tags"]) from error

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.instance.pk and not self.skip_version_check:
            # Under a row lock held until the admin's transaction ends (after the save): a
            # save arriving at the same moment waits here, then sees the new version.
            current = (
                type(self.instance)
                .objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if cleaned.get("expected_version") != current:
                meta = self.instance._meta
                history = reverse(
                    f"admin:{meta.app_label}_{meta.model_name}_history", args=[self.instance.pk]
                )
                raise forms.ValidationError(
                    format_html(
                        "Someone else saved this while you were editing it (it is now at "
                        'version {}): <a href="{}">see what they changed</a>, then open it '
                        "again and make yours.",
                        current,
                        history,
                    )
                )
        return cleaned


class SameWorldInlineFormSet(BaseInlineFormSet):
    """Rows added inline belong to the parent's world, so their checks can run."""

    def _construct_form(self, i: int, **kwargs: object) -> forms.Form:
        form = super()._construct_form(i, **kwargs)
        if hasattr(form.instance, "world_id"):
            form.instance.world_id = self.instance.world_id
        return form
