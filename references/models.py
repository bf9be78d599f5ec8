"""The reference material behind the pages: glossary terms and the sources of the figures."""

import re

from cms.models import CMSPlugin
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    """A medical word explained in plain language, in one language. Its first use on a guide
    page links to its definition on the glossary page (references/linking.py)."""

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    term = models.CharField(_("term"), max_length=100)
    slug = models.SlugField(
        _("link anchor"),
        max_length=100,
        help_text=_(
            "The definition's address on the glossary page (#facial-nerve). Change it only with care: links use it."
        ),
    )
    matches = models.TextField(
        _("words that count as this term"),
        blank=True,
        help_text=_(
            "Optional. One per line, as they appear in page text, e.g. 'facial nerve' and 'facial nerves'. "
            "Empty: the term itself. Capital letters do not matter."
        ),
    )
    definition = models.TextField(_("definition"), help_text=_("Plain words, one to three short sentences."))

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="glossary_term_unique_slug"),
        ]

    def __str__(self):
        return self.term

    def match_list(self):
        words = [line.strip() for line in self.matches.splitlines() if line.strip()]
        return words or [self.term]


# An author as citations write them (Vancouver style): surname, initials and perhaps a suffix,
# e.g. "Barker FG 2nd", "Sekula RF Jr", "van der Berg JH".
PERSON_IN_CITATION = re.compile(r"^(?P<surname>.+?)\s+[A-Z]{1,3}(?:\s+(?:Jr|Sr|2nd|3rd|II|III|IV))?$")


class Source(models.Model):
    """A publication a page's facts or figures come from. A source is "not yet checked by a
    clinician" until one confirms it (the pages citing it may already be published); patients
    are never told a source was checked."""

    key = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_(
            "A name for this source that no other source has, in small letters, digits and hyphens, for "
            "example barker-1995. Links to the source on a page use it (#source-barker-1995)."
        ),
    )
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    title = models.CharField(_("title"), max_length=400)
    publication = models.CharField(_("published in"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(
        _("what it reports"),
        blank=True,
        help_text=_(
            "The figures the pages take from this source, as the source gives them. "
            "Every figure a page shows from it must be here."
        ),
    )
    confirmed_by = models.CharField(
        _("confirmed by"),
        max_length=120,
        blank=True,
        help_text=_("The clinician who checked that the site uses this source correctly. Leave empty until then."),
    )
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["authors", "year", "title"]

    def __str__(self):
        return self.short_label()

    @property
    def needs_check(self):
        return not (self.confirmed_by.strip() and self.confirmed_on)

    def short_label(self):
        """ "Barker, 1995": the first author's surname; an organisation by its whole name ("The
        Newcastle upon Tyne Hospitals NHS Foundation Trust" was listed as "The"); no authors:
        the title."""
        first_author = self.authors.split(",")[0].strip()
        person = PERSON_IN_CITATION.match(first_author)
        if person:
            name = person["surname"]
        elif first_author:
            name = re.sub(r"^the\s+", "", first_author, flags=re.IGNORECASE)
        else:
            name = self.title
        return f"{name}, {self.year}" if self.year else name


class SourceList(CMSPlugin):
    """The numbered "Sources" section of a page."""

    sources = models.ManyToManyField(Source, verbose_name=_("sources"), related_name="+")

    def __str__(self):
        return ", ".join(source.key for source in self.sources.all())

    def copy_relations(self, oldinstance):
        self.sources.set(oldinstance.sources.all())

    def ordered_sources(self):
        return list(self.sources.all())  # Source.Meta.ordering: the numbering is stable
