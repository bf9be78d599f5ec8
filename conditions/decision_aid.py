"""What the decision aid shows: every treatment option in the same format (how well it works,
risks and side effects), its key figures as pictures of 100 people, and how old the evidence is."""

from dataclasses import dataclass, field

from .icon_arrays import icon_array
from .models import KeyFigure, TreatmentOption


@dataclass
class Picture:
    id: str  # unique on the page: the SVG's patterns and its caption are named from it
    figure: KeyFigure
    blocks: list
    citations: list  # [(number or None, source)]


@dataclass
class OptionFacts:
    option: TreatmentOption
    benefits: list[Picture] = field(default_factory=list)
    harms: list[Picture] = field(default_factory=list)


def pictures_of(options, numbers, prefix) -> list[OptionFacts]:
    """Each option with its key figures drawn; `numbers` maps a source id to its number on the page."""
    shown = []
    for option in options:
        facts = OptionFacts(option)
        for n, figure in enumerate(option.key_figures.all(), start=1):
            picture = Picture(
                f"{prefix}-{option.pk}-{n}",
                figure,
                icon_array(figure.low, figure.high),
                [(numbers.get(source.pk), source) for source in figure.sources.all()],
            )
            (facts.benefits if figure.kind == KeyFigure.BENEFIT else facts.harms).append(picture)
        shown.append(facts)
    return shown


def evidence_years(options) -> tuple[int, int] | None:
    """The years of the oldest and the newest source behind the options' figures."""
    years = {source.year for option in options for source in option.sources.all() if source.year}
    years |= {
        source.year
        for option in options
        for figure in option.key_figures.all()
        for source in figure.sources.all()
        if source.year
    }
    return (min(years), max(years)) if years else None
