"""Content health: for every page and language, is it published, reviewed, readable, and sound?

The report reads each published page as a visitor gets it (through Django's WSGI handler and the
site's middleware, in process: common.site_requests),
takes the text of <main> without the guide's navigation, and measures it. Used by the admin's
"Content health" view and by `manage.py content_report`.
"""

import csv
import datetime
from dataclasses import asdict, dataclass, field

from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from common.validators import spreadsheet_cell
from conditions.models import Figure, TreatmentOption
from feedback.summary import answers_by_page
from references.models import Source, SourceList

from .page_text import LinkChecker, MainText
from .readability import measure

DUE_SOON_DAYS = 30
FEEDBACK_DAYS = 90
# Other apps add to each row (e.g. the seed's "newer seed content available"): callables
# taking (row, page), registered from their AppConfig.ready().
ROW_EXTENSIONS = []


@dataclass
class PageHealth:
    title: str
    url: str
    language: str
    status: str  # "published", "draft only" or "unpublished"
    has_draft: bool = False
    last_published: datetime.datetime | None = None
    reviewed_on: datetime.date | None = None
    reviewed_by: str = ""
    next_review_due: datetime.date | None = None
    review: str = "not reviewed"  # "ok", "due soon", "overdue", "not reviewed"
    grade: float | None = None
    inflesz: float | None = None
    fernandez_huerta: float | None = None
    readability_flags: list = field(default_factory=list)
    words: int | None = None
    images_without_alt: int = 0
    broken_links: list = field(default_factory=list)
    sources_to_check: list = field(default_factory=list)
    review_admin_url: str = ""
    feedback_yes: int = 0
    feedback_no: int = 0
    feedback_comments: list = field(default_factory=list)
    feedback_url: str = ""
    newer_seed_url: str = ""

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.status != "published":
            return flags
        flags += self.readability_flags
        if self.newer_seed_url:
            flags.append("newer seed content available")
        if self.review == "overdue":
            flags.append("review overdue")
        elif self.review == "not reviewed":
            flags.append("not reviewed")
        if self.broken_links:
            flags.append("broken links")
        if self.images_without_alt:
            flags.append("images without alt text")
        if self.sources_to_check:
            flags.append("sources not yet checked by a clinician: " + ", ".join(self.sources_to_check))
        return flags

    def as_dict(self):
        data = asdict(self)
        data.pop("readability_flags")
        data["flags"] = self.flags
        return data


def _review_state(review, today):
    if review is None or not review.reviewed_on:
        return "not reviewed"
    if review.next_review_due and review.next_review_due < today:
        return "overdue"
    if review.next_review_due and review.next_review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return "due soon"
    return "ok"


def build_report(today=None) -> list[PageHealth]:
    today = today or timezone.localdate()
    links = LinkChecker()
    content_type = ContentType.objects.get_for_model(PageContent)
    rows = []
    feedback = answers_by_page(since=today - datetime.timedelta(days=FEEDBACK_DAYS))
    languages = [code for code, _ in settings.LANGUAGES]
    for page in Page.objects.order_by("path"):
        for language in languages:
            contents = PageContent.admin_manager.filter(page=page, language=language)
            if not contents.exists():
                continue
            versions = Version.objects.filter(content_type=content_type, object_id__in=contents.values("pk"))
            published = versions.filter(state=constants.PUBLISHED).first()
            has_draft = versions.filter(state=constants.DRAFT).exists()
            shown = published.content if published else contents.latest("pk")
            status = "published" if published else ("draft only" if has_draft else "unpublished")
            review = getattr(shown, "pagereview", None)
            row = PageHealth(
                title=shown.title,
                url=page.get_absolute_url(language) if published else "",
                language=language,
                status=status,
                has_draft=has_draft,
                last_published=published.modified if published else None,
                reviewed_on=review.reviewed_on if review else None,
                reviewed_by=", ".join(filter(None, [review.reviewed_by, review.reviewer_credentials]))
                if review
                else "",
                next_review_due=review.next_review_due if review else None,
                review=_review_state(review, today),
            )
            if review:
                row.review_admin_url = reverse("admin:editorial_pagereview_change", args=[review.pk])
            else:
                row.review_admin_url = reverse("admin:editorial_pagereview_add") + f"?extended_object={shown.pk}"
            if published:
                _measure(row, links)
                row.images_without_alt += _figures_without_alt(shown)
            row.sources_to_check = _sources_to_check(shown)
            _add_feedback(row, page, feedback)
            for extend in ROW_EXTENSIONS:
                extend(row, page)
            rows.append(row)
    return rows


def _add_feedback(row, page, feedback):
    answers = feedback.get((page.pk, row.language))
    row.feedback_url = (
        reverse("admin:feedback_pagefeedback_changelist") + f"?page__id__exact={page.pk}&language__exact={row.language}"
    )
    if answers:
        row.feedback_yes, row.feedback_no, row.feedback_comments = answers.yes, answers.no, answers.comments


def _figures_without_alt(content):
    """Picture plugins saved without alt text and not marked decorative (only possible by
    going around the editor's form, e.g. an import), which render alt=""."""
    return Figure.objects.filter(
        placeholder__in=content.get_placeholders(), decorative=False, alt_text__regex=r"^\s*$"
    ).count()


def _sources_to_check(content):
    """Keys of the sources this page cites (its Sources list, its treatment figures) that no
    clinician has confirmed yet."""
    placeholders = content.get_placeholders()
    listed = SourceList.sources.through.objects.filter(sourcelist__placeholder__in=placeholders)
    behind_figures = TreatmentOption.sources.through.objects.filter(treatmentoption__placeholder__in=placeholders)
    cited = Source.objects.filter(
        models.Q(pk__in=listed.values("source")) | models.Q(pk__in=behind_figures.values("source"))
    )
    return sorted(source.key for source in cited if source.needs_check)


def _measure(row, links):
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


CSV_COLUMNS = [
    "title",
    "url",
    "language",
    "status",
    "has_draft",
    "last_published",
    "reviewed_on",
    "reviewed_by",
    "next_review_due",
    "review",
    "grade",
    "inflesz",
    "fernandez_huerta",
    "words",
    "feedback_yes",
    "feedback_no",
    "images_without_alt",
    "broken_links",
    "flags",
]


def write_csv(rows, stream):
    """The report as CSV, one row a page and language; lists joined with "; ". Text that a
    spreadsheet would run as a formula (=, +, -, @) is written with a leading apostrophe."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.as_dict()
        writer.writerow(
            [
                spreadsheet_cell("; ".join(map(str, v)) if isinstance(v, list) else "" if v is None else v)
                for v in (data[column] for column in CSV_COLUMNS)
            ]
        )
