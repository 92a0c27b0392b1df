"""The content team's "Ask in role" page: pick a character, ask, read the cited answer.

The model's changelist is replaced by a form view; nothing is listed, added or
stored. A staff member sees the characters of the worlds they belong to (any
role: asking is a read).
"""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse

from graph.reads import GraphTimeout, GraphUnavailable
from lorebase.admin_access import StaffReadOnlyAdmin
from lorebase.admin_links import admin_change_urls
from lorebase.models import Chapter, Character
from lorebase.selectors import worlds_for_user

from .models import AskInRole
from .providers import PROVIDERS, ProviderNotConfigured, missing_setting
from .providers.base import ProviderError
from .services import answer_question


class AskForm(forms.Form):
    character = forms.ModelChoiceField(queryset=Character.objects.none())
    question = forms.CharField(
        max_length=settings.LLM_MAX_QUESTION_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )
    as_of_chapter = forms.IntegerField(
        required=False, min_value=1, help_text="Empty: the character knows the whole story."
    )
    provider = forms.ChoiceField(required=False)

    def __init__(self, *args: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["character"].queryset = (
            Character.objects.filter(world__in=worlds_for_user(user=user))
            .select_related("world", "status_chapter")
            .order_by("world__name", "name")
        )
        self.fields["character"].label_from_instance = lambda c: f"{c.name} — {c.world.name}"
        usable = [name for name in sorted(PROVIDERS) if missing_setting(name) is None]
        self.fields["provider"].choices = [("", f"default ({settings.LLM_PROVIDER})")] + [
            (name, name) for name in usable
        ]

    def clean(self) -> dict:
        data = super().clean()
        character, number = data.get("character"), data.get("as_of_chapter")
        exists = Chapter.objects.filter(world_id=character and character.world_id, number=number)
        if character and number and not exists.exists():
            self.add_error("as_of_chapter", f"{character.world.name} has no chapter {number}.")
        return data


# A death is cited by its victim's id: the death record is kept on the character.
CITED_MODELS = {"death": "character"}


@admin.register(AskInRole)
class AskInRoleAdmin(StaffReadOnlyAdmin, admin.ModelAdmin):
    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        form = AskForm(request.POST or None, user=request.user)
        answer, error = None, None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                answer = answer_question(
                    character=data["character"],
                    question=data["question"],
                    as_of_chapter=data["as_of_chapter"],
                    provider_name=data["provider"] or None,
                )
            except (
                ProviderNotConfigured,
                ProviderError,
                GraphTimeout,
                GraphUnavailable,
            ) as failure:
                error = str(failure)
            else:
                cited = [
                    (CITED_MODELS.get(c["type"], c["type"]), c["id"]) for c in answer["citations"]
                ]
                links = admin_change_urls(cited)
                for citation, ref in zip(answer["citations"], cited, strict=True):
                    citation["url"] = links.get(ref)
        context = {
            **self.admin_site.each_context(request),
            "title": "Ask in role",
            "opts": self.model._meta,
            "form": form,
            "answer": answer,
            "error": error,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/llm/ask_in_role.html", context)
