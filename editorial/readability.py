"""How easy a page's text is to read, in its own language (textstat, offline).

English: the Flesch-Kincaid grade (US school grade; target 7 or lower). Spanish: the
Szigriszt-Pazos perspicuity read on the INFLESZ scale (target 65 or more, "bastante fácil") and
the Fernández-Huerta score. Other languages get no score.
"""

from dataclasses import dataclass
from functools import cache

from textstat.textstat import textstatistics

MAX_GRADE = 7
MIN_INFLESZ = 65
# INFLESZ bands (Barrio-Cantalejo et al., 2008): the lowest score of each band, and its name.
INFLESZ_BANDS = [
    (80, "muy fácil"),
    (65, "bastante fácil"),
    (55, "normal"),
    (40, "algo difícil"),
    (float("-inf"), "muy difícil"),
]


@cache
def _scorer(language):
    """One textstat instance per language: its syllable dictionary is set once and never changed."""
    scorer = textstatistics()
    scorer.set_lang(language)
    return scorer


@dataclass
class Readability:
    words: int
    grade: float | None = None  # English
    inflesz: float | None = None  # Spanish (Szigriszt-Pazos)
    fernandez_huerta: float | None = None  # Spanish

    @property
    def inflesz_band(self):
        if self.inflesz is None:
            return ""
        return next(name for lowest, name in INFLESZ_BANDS if self.inflesz >= lowest)

    @property
    def flags(self):
        if self.grade is not None and self.grade > MAX_GRADE:
            return [f"reading grade above {MAX_GRADE}"]
        if self.inflesz is not None and self.inflesz < MIN_INFLESZ:
            return [f"INFLESZ below {MIN_INFLESZ} ({self.inflesz_band})"]
        return []


def measure(text, language) -> Readability:
    scorer = _scorer("en_US" if language == "en" else language)
    result = Readability(words=scorer.lexicon_count(text))
    if not result.words:
        return result
    if language == "en":
        result.grade = round(scorer.flesch_kincaid_grade(text), 1)
    elif language == "es":
        result.inflesz = round(scorer.szigriszt_pazos(text), 1)
        result.fernandez_huerta = round(scorer.fernandez_huerta(text), 1)
    return result
