"""When a page was last published, and its clinical review (if an editor recorded one)."""

from dataclasses import dataclass

from djangocms_versioning.models import Version


@dataclass(frozen=True)
class Review:
    reviewed_by: str
    reviewer_credentials: str
    reviewed_on: object
    next_review_due: object


@dataclass(frozen=True)
class PageDates:
    updated: object
    review: Review | None


def page_dates_for(page_content) -> PageDates | None:
    """When this page content was last published, and its clinical review if one is recorded."""
    if page_content is None or not getattr(page_content, "pk", None):
        return None
    try:
        updated = Version.objects.get_for_content(page_content).modified
    except Version.DoesNotExist:
        updated = None
    review = getattr(page_content, "pagereview", None)
    if review is not None:
        review = Review(review.reviewed_by, review.reviewer_credentials, review.reviewed_on, review.next_review_due)
    return PageDates(updated=updated, review=review)
