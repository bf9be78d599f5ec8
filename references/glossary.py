"""The glossary of one language: its terms, its page's address, and terms grouped A to Z."""

import unicodedata
from itertools import groupby

from cms.models import Page, PageContent

from .linking import Term
from .models import GlossaryTerm

GLOSSARY_PAGE = "glossary"  # the reverse_id of the glossary page


def glossary_url(language) -> str:
    """The glossary page's address in `language`, or "" when it is not published there."""
    page = Page.objects.filter(reverse_id=GLOSSARY_PAGE).first()
    if page is None or not PageContent.objects.filter(page=page, language=language).exists():
        return ""
    return page.get_absolute_url(language)


def link_terms_for(language) -> list[Term]:
    return [Term(term.slug, tuple(term.match_list())) for term in GlossaryTerm.objects.filter(language=language)]


def _sort_key(term):
    """Alphabetical order that ignores accents and capitals (Á is filed under A)."""
    plain = unicodedata.normalize("NFKD", term.term).encode("ascii", "ignore").decode().upper()
    return plain or term.term.upper()


def a_to_z(language):
    """[(letter, [terms])] in alphabetical order."""
    terms = sorted(GlossaryTerm.objects.filter(language=language), key=_sort_key)
    return [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: _sort_key(t)[:1])]
