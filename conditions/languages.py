"""The languages a page can be read in: for the language switcher and hreflang links."""

from dataclasses import dataclass

from cms.models import PageContent
from django.conf import settings
from django.urls import translate_url

from common.guide_tree import print_url


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def page_languages(page, current_language) -> list[LanguageLink]:
    """Every language `page` is published in, with its URL there, in settings order."""
    published = set(PageContent.objects.filter(page=page).values_list("language", flat=True))
    return [
        LanguageLink(code, name, page.get_absolute_url(code), code == current_language)
        for code, name in settings.LANGUAGES
        if code in published
    ]


def print_languages(root, current_language) -> list[LanguageLink]:
    """The printable guide in every language its first page is published in."""
    return [
        LanguageLink(link.code, link.name, print_url(root, link.code), link.current)
        for link in page_languages(root, current_language)
    ]


def path_languages(path, current_language) -> list[LanguageLink]:
    """For a page that is not a CMS page (the callback form's pages, say): the same address
    in every language (Django's own i18n URL patterns translate it)."""
    return [
        LanguageLink(code, name, translate_url(path, code), code == current_language)
        for code, name in settings.LANGUAGES
    ]


def home_languages(current_language) -> list[LanguageLink]:
    """Each language's home page: for an address that does not exist (the 404 page)."""
    return [
        LanguageLink(code, name, "/" if code == settings.LANGUAGE_CODE else f"/{code}/", code == current_language)
        for code, name in settings.LANGUAGES
    ]
