"""{% site_name %}: the site's name (settings.SITE_NAME), in the current language.

It names the whole site, not one of its guides (those are CMS pages), and reads only settings,
so the error pages that must render without the database can use it too.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name():
    return str(settings.SITE_NAME)  # a lazy translation by default: str() picks the language
