"""Content health: for every page and language, is it published, reviewed, readable, and sound?

The report reads each published page as a visitor gets it (rendered through Django, in process),
takes the text of <main> without the guide's navigation, and measures it. Used by the admin's
"Content health" view and by `manage.py content_report`.
"""

import csv
import datetime
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import textstat
from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from djangocms_versioning import constants
from djangocms_versioning.models import Version

MAX_GRADE = 7
DUE_SOON_DAYS = 30
# Parts of <main> that are navigation, not the page's own text.
NOT_CONTENT_CLASSES = {"contents-list", "on-this-page", "pagination", "page-dates", "guide-name", "visually-hidden"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "td", "th", "dt", "dd", "blockquote"}
VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed"}


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
    words: int | None = None
    images_without_alt: int = 0
    broken_links: list = field(default_factory=list)
    sources_to_check: list = field(default_factory=list)
    review_admin_url: str = ""

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.status != "published":
            return flags
        if self.grade is not None and self.grade > MAX_GRADE:
            flags.append(f"reading grade above {MAX_GRADE}")
        if self.review == "overdue":
            flags.append("review overdue")
        elif self.review == "not reviewed":
            flags.append("not reviewed")
        if self.broken_links:
            flags.append("broken links")
        if self.images_without_alt:
            flags.append("images without alt text")
        if self.sources_to_check:
            flags.append("sources to check before publishing: " + ", ".join(self.sources_to_check))
        return flags

    def as_dict(self):
        data = asdict(self)
        data["flags"] = self.flags
        return data


class MainText(HTMLParser):
    """Collects the words, links and images of <main>, skipping navigation inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_main = 0
        self.skip_depth = 0
        self.stack = []
        self.chunks = []
        self.links = []
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth_in_main += 1
        if not self.depth_in_main:
            return
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        if tag in VOID:
            return
        skip = tag == "nav" or bool(NOT_CONTENT_CLASSES & set((attrs.get("class") or "").split()))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "a" and attrs.get("href") and not self.skip_depth:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth_in_main -= 1
            return
        if not self.depth_in_main or tag in VOID:
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS and not self.skip_depth:
            # A heading or list item ends a sentence even without a full stop.
            last = next((chunk.rstrip() for chunk in reversed(self.chunks) if chunk.strip()), "")
            if last and not last.endswith((".", "!", "?", ":")):
                self.chunks.append(".")
            self.chunks.append(" ")

    def handle_data(self, data):
        if self.depth_in_main and not self.skip_depth:
            self.chunks.append(data)

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())


def _client():
    hosts = [h for h in settings.ALLOWED_HOSTS if h not in ("*",) and not h.startswith(".")]
    return Client(HTTP_HOST=hosts[0] if hosts else "localhost", secure=getattr(settings, "SECURE_SSL_REDIRECT", False))


class _LinkChecker:
    """Fetches each internal link once, as a visitor would, and remembers the answer."""

    def __init__(self, client):
        self.client = client
        self.pages = {}

    def html(self, path):
        if path not in self.pages:
            # a request switches the thread's language (LocaleMiddleware); keep the caller's
            with translation.override(translation.get_language()):
                response = self.client.get(path, follow=True)
            self.pages[path] = response.content.decode() if response.status_code == 200 else None
        return self.pages[path]

    def is_broken(self, href, current_path):
        parts = urlsplit(href)
        if parts.scheme in ("mailto", "tel") or (parts.netloc and parts.netloc not in settings.ALLOWED_HOSTS):
            return False
        path = parts.path or current_path
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False
        html = self.html(path)
        if html is None:
            return True
        return bool(parts.fragment) and f'id="{parts.fragment}"' not in html


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
    client = _client()
    links = _LinkChecker(client)
    content_type = ContentType.objects.get_for_model(PageContent)
    rows = []
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
                row.review_admin_url = reverse("admin:conditions_pagereview_change", args=[review.pk])
            else:
                row.review_admin_url = reverse("admin:conditions_pagereview_add") + f"?extended_object={shown.pk}"
            if published:
                _measure(row, links)
                row.images_without_alt += _figures_without_alt(shown)
            row.sources_to_check = _sources_to_check(shown)
            rows.append(row)
    return rows


def _figures_without_alt(content):
    """Picture plugins saved without alt text and not marked decorative (only possible by
    going around the editor's form, e.g. an import), which render alt=""."""
    from .models import Figure

    return Figure.objects.filter(
        placeholder__in=content.get_placeholders(), decorative=False, alt_text__regex=r"^\s*$"
    ).count()


def _sources_to_check(content):
    """Keys of the sources this page cites (its Sources list, its treatment figures) that no
    clinician has confirmed yet."""
    from references.models import Source, SourceList

    from .models import TreatmentOption

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
    row.words = textstat.lexicon_count(text)
    # Flesch-Kincaid grades English only; other languages are not given a grade.
    row.grade = round(textstat.flesch_kincaid_grade(text), 1) if row.words and row.language == "en" else None
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
    "words",
    "images_without_alt",
    "broken_links",
    "flags",
]


def write_csv(rows, stream):
    """The report as CSV, one row a page and language; lists joined with "; "."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        data = row.as_dict()
        writer.writerow(
            [
                "; ".join(map(str, v)) if isinstance(v, list) else "" if v is None else v
                for v in (data[column] for column in CSV_COLUMNS)
            ]
        )
