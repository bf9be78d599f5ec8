"""What content health reads from a page's versions (djangocms-versioning): the published one,
the draft waiting, and whether the published text is the one a clinician reviewed.

A page's clinical review belongs to one version, and a new draft starts with a copy of it
(django CMS copies page extensions into each new version). So the published text is "changed
since review" when a newer version was published after the review: its review is the copy of
the one on the version it was made from (versioning records that as the version's `source`),
or it has none while an older version has one. A reviewer who reviews the new text records a
review of their own on it (a new date), and the flag goes.
"""

import datetime
from dataclasses import dataclass

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.helpers import version_list_url
from djangocms_versioning.models import Version

from .models import PageReview


@dataclass
class Draft:
    """The draft waiting on a published page, and where to look at it or discard it."""

    version_id: int
    started: datetime.datetime
    started_by: str
    changed: bool
    versions_url: str
    discard_url: str


@dataclass
class PageVersions:
    shown: PageContent  # the published version, or else the newest
    published: Version | None
    draft: Version | None

    @property
    def status(self):
        if self.published:
            return "published"
        return "draft only" if self.draft else "unpublished"


def page_versions(page, language) -> PageVersions | None:
    contents = PageContent.admin_manager.filter(page=page, language=language)
    if not contents.exists():
        return None
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), object_id__in=contents.values("pk")
    ).select_related("created_by")
    published = versions.filter(state=constants.PUBLISHED).first()
    draft = versions.filter(state=constants.DRAFT).first()
    shown = published.content if published else contents.latest("pk")
    return PageVersions(shown=shown, published=published, draft=draft)


def draft_details(version) -> Draft:
    author = version.created_by
    return Draft(
        version_id=version.pk,
        started=version.created,
        started_by=author.get_full_name() or author.get_username(),
        # versioning stamps "modified" as it makes a version (just before "created") and again
        # whenever its content changes (a plugin, the page settings)
        changed=version.modified > version.created,
        versions_url=version_list_url(version.content),
        discard_url=reverse("admin:djangocms_versioning_pagecontentversion_discard", args=[version.pk]),
    )


def page_settings_url(content) -> str:
    return reverse("admin:cms_pagecontent_change", args=[content.pk]) + f"?language={content.language}"


def review_of(versions: PageVersions):
    """(the review to show, whether the published text changed since): the shown version's own
    review, or else the newest one recorded on an older version of the page."""
    shown, published = versions.shown, versions.published
    reviewed = PageReview.objects.filter(reviewed_on__isnull=False).exclude(reviewed_by="")
    own = reviewed.filter(extended_object=shown).first()
    if own is None:
        older = reviewed.filter(
            extended_object__page=shown.page, extended_object__language=shown.language, extended_object__pk__lt=shown.pk
        )
        review = older.order_by("-reviewed_on").first()
        return review, review is not None and published is not None
    source = published.source if published else None
    carried_over = source is not None and (
        reviewed.filter(
            extended_object_id=source.object_id, reviewed_on=own.reviewed_on, reviewed_by=own.reviewed_by
        ).exists()
    )
    return own, carried_over
