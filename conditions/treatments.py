"""The treatment options of a page, for the side-by-side comparison on another page."""

from cms.models import CMSPlugin, PageContent

from references.models import SourceList

from .models import TreatmentOption


def treatment_options(page, language) -> list[TreatmentOption]:
    """The published treatment options on `page` in `language`, in page order, with their sources."""
    content = PageContent.objects.filter(page=page, language=language).first()
    if content is None:
        return []
    plugin_ids = CMSPlugin.objects.filter(
        placeholder__in=content.get_placeholders(), language=language, plugin_type="TreatmentOptionPlugin"
    ).values("pk")
    return list(TreatmentOption.objects.filter(pk__in=plugin_ids).order_by("position").prefetch_related("sources"))


def source_numbers(placeholder, language) -> dict:
    """{source id: its number in the "Sources" section of this placeholder}, for citations."""
    numbers = {}
    for source_list in SourceList.objects.filter(placeholder=placeholder, language=language).order_by("position"):
        for source in source_list.ordered_sources():
            numbers.setdefault(source.pk, len(numbers) + 1)
    return numbers


def comparison_rows(options, numbers):
    """One row per option: the option, its figures [(field, label, value)], and its citations
    [(number or None, source)] (None: the page does not list that source)."""
    return [
        {
            "option": option,
            "figures": [(field, label, getattr(option, field)) for field, label in TreatmentOption.FIGURES],
            "citations": [(numbers.get(source.pk), source) for source in option.sources.all()],
        }
        for option in options
    ]
