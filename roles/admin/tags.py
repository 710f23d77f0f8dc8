"""Tags as editors type them: separated by commas, suggested from the existing ones, kept in
the order typed, never rewritten with quotes; and their own screen, in French."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from taggit.models import Tag, TaggedItem

SUGGESTIONS_ID = "tag-suggestions"


def tag_names(text):
    """The names in a comma-separated text, in order, without blanks or repeats."""
    names = (name.strip() for name in (text or "").split(","))
    return list(dict.fromkeys(name for name in names if name))


def ordered_tag_names(role):
    """A sheet's tags in the order they were given (their rows' creation order)."""
    items = TaggedItem.objects.filter(object_id=role.pk, content_type__model="role")
    return list(items.order_by("pk").values_list("tag__name", flat=True))


class TagsInput(forms.TextInput):
    """A text input followed by the existing tags, which browsers offer as suggestions."""

    def get_context(self, name, value, attrs):
        attrs = {**(attrs or {}), "list": SUGGESTIONS_ID, "autocomplete": "off"}
        return super().get_context(name, value, attrs)

    def format_value(self, value):
        if isinstance(value, (list, tuple)):
            return ", ".join(getattr(tag, "name", tag) for tag in value)
        return value

    def render(self, name, value, attrs=None, renderer=None):
        names = Tag.objects.order_by("name").values_list("name", flat=True)
        options = format_html_join("", '<option value="{}">', ((n,) for n in names))
        datalist = format_html('<datalist id="{}">{}</datalist>', SUGGESTIONS_ID, options)
        return super().render(name, value, attrs, renderer) + datalist


class TagsField(forms.CharField):
    widget = TagsInput

    def clean(self, value):
        return tag_names(super().clean(value))

    def has_changed(self, initial, data):
        return tag_names(self.widget.format_value(initial)) != tag_names(data)


class OrderedTagsMixin:
    """For RoleAdmin: the tags field shows and stores the tags in the order typed."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "tags":
            return TagsField(
                label="Étiquettes",
                required=False,
                help_text="Séparées par des virgules, dans l’ordre voulu\u202f; la liste propose "
                "les étiquettes existantes.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None or obj.pk is None:
            return form
        names = ", ".join(ordered_tag_names(obj))

        class OrderedTagsForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial["tags"] = names

        return OrderedTagsForm

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        role, typed = form.instance, form.cleaned_data.get("tags", [])
        if ordered_tag_names(role) != typed:
            role.tags.clear()
            for name in typed:  # one at a time: their rows' order is the order typed
                role.tags.add(name)


class TagForm(forms.ModelForm):
    class Meta:
        model = Tag
        fields = ["name", "slug"]
        labels = {"name": "Nom", "slug": "Identifiant d’URL"}


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagForm
    list_display = ["name", "slug_column", "sheet_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(sheets=Count("taggit_taggeditem_items"))

    @admin.display(description="identifiant d’URL", ordering="slug")
    def slug_column(self, tag):
        return tag.slug

    @admin.display(description="fiches", ordering="sheets")
    def sheet_count(self, tag):
        return tag.sheets
