"""Template tags for search engines and sharing: absolute addresses (canonical, hreflang and
sharing links) and the page's JSON-LD."""

import json

from django import template
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from caching.fragments import cached
from common import addresses
from seo.structured_data import structured_data as build_structured_data

register = template.Library()


@register.simple_tag
def absolute_url(path):
    """`path` on the site's public address (PUBLIC_BASE_URL), for canonical and sharing links."""
    return addresses.absolute_url(path)


@register.simple_tag
def absolute_url_static(path):
    return addresses.absolute_url(static(path))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """<script type="application/ld+json"> for the current page (data, not code: CSP allows it)."""
    page = context.get("current_page") or getattr(context.get("request"), "current_page", None)
    content = context.get("current_pagecontent")
    if page is None or content is None or not getattr(content, "pk", None):
        return ""
    language = context.get("LANGUAGE_CODE")
    data = cached("json-ld", content.pk, language, build=lambda: build_structured_data(page, content, language))
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped JSON
