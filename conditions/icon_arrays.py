"""Pictures of 100 people (icon arrays) for the key figures of the treatment options.

A picture is a 10 x 10 grid. Counting row by row, the first people are the ones the figure counts
("yes"), then, when studies give a range, the ones some studies count and others do not
("maybe"), then everyone else ("no"). Each group is drawn as at most three rectangles filled with
a pattern of one person, so the SVG stays small; the template draws them (and escapes).
"""

from dataclasses import dataclass

COLUMNS = 10
CELL = 10  # the side of one person's square, in SVG units


@dataclass(frozen=True)
class Block:
    group: str  # "yes", "maybe" or "no"
    x: int
    y: int
    width: int
    height: int


def blocks(first: int, last: int, group: str) -> list[Block]:
    """The rectangles covering people first..last-1 (counted from 0, row by row)."""
    out = []
    while first < last:
        row, column = divmod(first, COLUMNS)
        if column == 0 and last - first >= COLUMNS:
            rows = (last - first) // COLUMNS
            out.append(Block(group, 0, row * CELL, COLUMNS * CELL, rows * CELL))
            first += rows * COLUMNS
        else:
            width = min(COLUMNS - column, last - first)
            out.append(Block(group, column * CELL, row * CELL, width * CELL, CELL))
            first += width
    return out


def icon_array(low: int, high: int | None = None) -> list[Block]:
    """The blocks of a picture of 100 people where `low` (up to `high`) are counted."""
    low = max(0, min(100, low))
    high = low if high is None else max(low, min(100, high))
    return blocks(0, low, "yes") + blocks(low, high, "maybe") + blocks(high, 100, "no")
