"""Rules a page must meet before djangocms-versioning will publish it.

Versioning checks `Version.check_publish` (a list of conditions) in its publish view and greys
out the toolbar's Publish button with the reason; this adds ours to that list.
"""

from cms.models import PageContent
from django.utils.translation import gettext as _
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version

from common.guide_tree import GUIDE_TEMPLATE


def guide_pages_need_a_meta_description(version, user):
    content = version.content
    if isinstance(content, PageContent) and content.template == GUIDE_TEMPLATE and not content.meta_description.strip():
        raise ConditionFailed(
            _("Add a meta description in Page settings before publishing: search results and shared links show it.")
        )


def register_publish_rules():
    if guide_pages_need_a_meta_description not in Version.check_publish:
        Version.check_publish.append(guide_pages_need_a_meta_description)
