"""Content health: for every page and language, is it published, reviewed, readable, and sound,
and what to do about it?

The report reads each published page as a visitor gets it (through Django's WSGI handler and the
site's middleware, in process: common.site_requests),
takes the text of <main> without the guide's navigation, and measures it. Each problem is a
`Flag` that says where to fix it; urgent ones (what patients get wrong or cannot use now) come
first. Used by the admin's "Content health" view and by `manage.py content_report`.
"""

import csv
import datetime
from dataclasses import asdict, dataclass, field

from cms.models import Page
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common.guide_tree import GUIDE_TEMPLATE
from common.validators import spreadsheet_cell
from feedback.summary import answers_by_page

from .page_checks import figures_without_alt, measure_page, sources_to_check
from .page_text import LinkChecker
from .page_versions import Draft, draft_details, page_settings_url, page_versions, review_of

DUE_SOON_DAYS = 30
FEEDBACK_DAYS = 90
# Other apps add to each row (e.g. the seed's "newer seed content available"): callables
# taking (row, page), registered from their AppConfig.ready().
ROW_EXTENSIONS = []


@dataclass
class Flag:
    """One thing to do about a page: what is wrong (with `details`, e.g. which links), and the
    page where it is fixed (offered to staff who hold `fix_permission`)."""

    text: str
    urgent: bool
    fix_url: str = ""
    fix_text: str = ""
    fix_permission: str = "cms.change_page"
    details: list = field(default_factory=list)


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
    changed_since_review: bool = False
    grade: float | None = None
    inflesz: float | None = None
    fernandez_huerta: float | None = None
    readability_flags: list = field(default_factory=list)
    words: int | None = None
    images_without_alt: int = 0
    broken_links: list = field(default_factory=list)
    missing_meta_description: bool = False
    sources_to_check: list = field(default_factory=list)  # page_checks.SourceToCheck
    draft: Draft | None = None
    settings_url: str = ""  # page settings of the draft (the published version cannot change)
    review_admin_url: str = ""
    feedback_yes: int = 0
    feedback_no: int = 0
    feedback_comments: list = field(default_factory=list)
    feedback_url: str = ""
    newer_seed_url: str = ""

    @property
    def problems(self) -> list[Flag]:
        """Every flag of a published page, the urgent ones first."""
        if self.status != "published":
            return []
        # without a draft, the fix starts on the page itself: its toolbar's "New draft"
        edit_url, edit_text = (self.settings_url, _("Page settings")) if self.draft else (self.url, _("Open the page"))
        review_fix = {
            "fix_url": self.review_admin_url,
            "fix_text": _("Record a review"),
            "fix_permission": "editorial.change_pagereview",
        }
        urgent = [Flag(text, True, self.url, _("Open the page")) for text in self.readability_flags]
        if self.missing_meta_description:
            urgent.append(Flag(_("no meta description"), True, edit_url, edit_text))
        if self.review == "overdue":
            urgent.append(Flag(_("review overdue"), True, **review_fix))
        if self.changed_since_review:
            urgent.append(Flag(_("changed since review"), True, **review_fix))
        if self.broken_links:
            urgent.append(Flag(_("broken links"), True, self.url, _("Open the page"), details=self.broken_links))
        if self.images_without_alt:
            urgent.append(Flag(_("images without alt text"), True, self.url, _("Open the page")))
        to_do = []
        if self.newer_seed_url:
            to_do.append(Flag(_("newer seed content available"), False, self.newer_seed_url, _("Compare")))
        if self.review == "not reviewed":
            to_do.append(Flag(_("not reviewed"), False, **review_fix))
        if self.sources_to_check:
            labels = "; ".join(source.label for source in self.sources_to_check)
            to_do.append(Flag(_("sources not yet checked by a clinician: %(sources)s") % {"sources": labels}, False))
        if self.draft:
            day = date_format(timezone.localtime(self.draft.started))
            text = _("draft waiting since %(day)s") if self.draft.changed else _("draft never changed since %(day)s")
            to_do.append(Flag(text % {"day": day}, False, self.draft.versions_url, _("Versions")))
        return urgent + to_do

    @property
    def urgent_problems(self) -> list[Flag]:
        return [flag for flag in self.problems if flag.urgent]

    @property
    def flags(self) -> list[str]:
        return [flag.text for flag in self.problems]

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
    rows = []
    feedback = answers_by_page(since=today - datetime.timedelta(days=FEEDBACK_DAYS))
    languages = [code for code, _name in settings.LANGUAGES]
    for page in Page.objects.order_by("path"):
        for language in languages:
            versions = page_versions(page, language)
            if versions is None:
                continue
            shown, published = versions.shown, versions.published
            review, changed = review_of(versions)
            row = PageHealth(
                title=shown.title,
                url=page.get_absolute_url(language) if published else "",
                language=language,
                status=versions.status,
                has_draft=versions.draft is not None,
                last_published=published.modified if published else None,
                reviewed_on=review.reviewed_on if review else None,
                reviewed_by=", ".join(filter(None, [review.reviewed_by, review.reviewer_credentials]))
                if review
                else "",
                next_review_due=review.next_review_due if review else None,
                review=_review_state(review, today),
                changed_since_review=changed,
                missing_meta_description=bool(published)
                and shown.template == GUIDE_TEMPLATE
                and not shown.meta_description.strip(),
            )
            own_review = getattr(shown, "pagereview", None)
            if own_review:
                row.review_admin_url = reverse("admin:editorial_pagereview_change", args=[own_review.pk])
            else:
                row.review_admin_url = reverse("admin:editorial_pagereview_add") + f"?extended_object={shown.pk}"
            if versions.draft:
                row.draft = draft_details(versions.draft)
                row.settings_url = page_settings_url(versions.draft.content)
            if published:
                measure_page(row, links)
                row.images_without_alt += figures_without_alt(shown)
            row.sources_to_check = sources_to_check(shown)
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
