"""Template tags of the guide pattern: guide navigation, section ids, page dates, page URLs,
languages."""

import hashlib

from cms.models import Page
from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from caching.fragments import cached
from common.guide_tree import find_guide
from conditions.dates import page_dates_for
from conditions.languages import home_languages, page_languages, path_languages
from conditions.sections import add_section_ids

register = template.Library()


@register.simple_tag(takes_context=True)
def guide_navigation(context):
    """The guide the current page belongs to: title, pages in order, previous and next."""
    page = context.get("current_page") or getattr(context.get("request"), "current_page", None)
    if page is None:
        return None
    language = context.get("LANGUAGE_CODE")
    return cached("guide", page.pk, language, build=lambda: find_guide(page, language))


@register.tag
def sectioned(parser, token):
    """{% sectioned %}...{% endsectioned %}: give every <h2> inside an id, and put an
    "On this page" list of those sections before the content when there are two or more."""
    nodelist = parser.parse(("endsectioned",))
    parser.delete_first_token()
    return SectionedNode(nodelist)


class SectionedNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        digest = hashlib.sha256(html.encode()).hexdigest()
        return cached("sectioned", get_language(), digest, build=lambda: self._with_sections(html))

    @staticmethod
    def _with_sections(html):
        html, sections = add_section_ids(html)
        if len(sections) < 2:
            return html
        nav = render_to_string("conditions/guide/on_this_page.html", {"sections": sections})
        return mark_safe(nav + html)  # noqa: S308 - both parts are rendered templates


@register.simple_tag(takes_context=True)
def page_dates(context):
    """When the shown version was published, and its clinical review (if an editor set one)."""
    content = context.get("current_pagecontent")
    if content is None or not getattr(content, "pk", None):
        return None
    return cached("dates", content.pk, build=lambda: page_dates_for(content))


@register.simple_tag
def site_page_url(reverse_id):
    """The URL of the page with this reverse_id ("care-team"), in the current language, or ""."""
    language = get_language()

    def build():
        page = Page.objects.filter(reverse_id=reverse_id).first()
        return page.get_absolute_url(language) if page else ""

    return cached("page-url", reverse_id, language, build=build)


@register.simple_tag(takes_context=True)
def languages(context):
    """The languages this page can be read in (LanguageLink: code, name, url, current).
    A CMS page lists only the languages it is published in; a view can give its own list
    (`language_links` in its context)."""
    if "language_links" in context:
        return context["language_links"]
    request = context.get("request")
    page = getattr(request, "current_page", None)
    language = get_language()
    if not page:  # also a lazy None: not a CMS page
        if request is None or "request_path" in context:  # Django's 404 view: the address does not exist
            return home_languages(language)
        return path_languages(request.path, language)
    return cached("languages", page.pk, language, build=lambda: page_languages(page, language))
