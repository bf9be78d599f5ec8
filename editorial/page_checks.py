"""What content health checks in one page version's content: its text as visitors read it
(readability, links, images), its pictures' alt text, and the sources it cites."""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse

from conditions.models import Figure, TreatmentOption
from references.models import Source, SourceList

from .page_text import MainText
from .readability import measure


@dataclass
class SourceToCheck:
    """A source as patients see it cited ("Barker, 1995"), and its record in the admin."""

    label: str
    admin_url: str


def figures_without_alt(content):
    """Picture plugins saved without alt text and not marked decorative (only possible by
    going around the editor's form, e.g. an import), which render alt=""."""
    return Figure.objects.filter(
        placeholder__in=content.get_placeholders(), decorative=False, alt_text__regex=r"^\s*$"
    ).count()


def sources_to_check(content):
    """The sources this page cites (its Sources list, its treatment figures) that no clinician
    has confirmed yet, named as the page cites them."""
    placeholders = content.get_placeholders()
    listed = SourceList.sources.through.objects.filter(sourcelist__placeholder__in=placeholders)
    behind_figures = TreatmentOption.sources.through.objects.filter(treatmentoption__placeholder__in=placeholders)
    cited = Source.objects.filter(
        models.Q(pk__in=listed.values("source")) | models.Q(pk__in=behind_figures.values("source"))
    )
    return sorted(
        (
            SourceToCheck(source.short_label(), reverse("admin:references_source_change", args=[source.pk]))
            for source in cited
            if source.needs_check
        ),
        key=lambda source: source.label,
    )


def measure_page(row, links):
    """Read the published page as a visitor gets it, and put its measures on the report row."""
    html = links.html(row.url)
    if html is None:
        row.broken_links.append(row.url)
        return
    parser = MainText()
    parser.feed(html)
    text = parser.text
    readability = measure(text, row.language)
    row.words, row.grade = readability.words, readability.grade
    row.inflesz, row.fernandez_huerta = readability.inflesz, readability.fernandez_huerta
    row.readability_flags = readability.flags
    row.images_without_alt = parser.images_without_alt
    row.broken_links = sorted({href for href in parser.links if links.is_broken(href, row.url)})
