"""{% published_guides as guides %}: the site's guides in the current language (title, url).

For pages that point a reader to the guides without belonging to one: the 404 page, an ended
referral link, the callback thank-you page. The list comes from the CMS (common.guide_tree), so a
guide an editor publishes appears there too; it is cached until the next publish.
"""

from django import template
from django.utils.translation import get_language

from caching.fragments import cached
from common.guide_tree import all_guides

register = template.Library()


@register.simple_tag
def published_guides():
    language = get_language()
    return cached("guide-list", language, build=lambda: all_guides(language))
