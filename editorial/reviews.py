"""The clinical reviews that have actually been recorded, for the public pages."""

from cms.models import PageContent

from .models import PageReview


def reviewed_pages(language):
    """Published pages in `language` whose current version has a recorded review, newest first."""
    reviews = (
        PageReview.objects.filter(
            extended_object__in=PageContent.objects.filter(language=language), reviewed_on__isnull=False
        )
        .exclude(reviewed_by="")
        .select_related("extended_object__page")
        .order_by("-reviewed_on")
    )
    return [
        {
            "title": review.extended_object.title,
            "url": review.extended_object.page.get_absolute_url(language),
            "reviewed_on": review.reviewed_on,
            "reviewed_by": ", ".join(filter(None, [review.reviewed_by, review.reviewer_credentials])),
        }
        for review in reviews
    ]
