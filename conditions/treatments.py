"""The treatment options of a page, for the side-by-side comparison on another page."""

from cms.models import CMSPlugin, PageContent

from references.models import SourceList

from .models import TreatmentOption


def treatment_options_in(contents) -> list[TreatmentOption]:
    """The treatment options on these page contents, in page order, with their sources."""
    placeholders = [placeholder for content in contents for placeholder in content.get_placeholders()]
    plugin_ids = CMSPlugin.objects.filter(placeholder__in=placeholders, plugin_type="TreatmentOptionPlugin")
    options = TreatmentOption.objects.filter(pk__in=plugin_ids.values("pk"))
    return list(options.order_by("placeholder", "position").prefetch_related("sources", "key_figures__sources"))


def treatment_options(page, language) -> list[TreatmentOption]:
    """The published treatment options on `page` in `language`, in page order."""
    return treatment_options_in(PageContent.objects.filter(page=page, language=language))


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
            "figures": [(field, label, option.figure_text(field)) for field, label in TreatmentOption.FIGURES],
            "citations": [(numbers.get(source.pk), source) for source in option.sources.all()],
        }
        for option in options
    ]
