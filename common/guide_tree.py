"""Guide-tree lookups, for every app that needs to know which guide a page belongs to.

A condition guide is a page with the guide template and its child pages, in tree order.

Editors make a new guide by giving a page the "Condition guide page" template and adding child
pages under it; no code is involved. Only published page content is read here, so a draft page
never shows up in a visitor's contents list.
"""

from dataclasses import dataclass

from cms.models import PageContent
from django.conf import settings
from django.utils.translation import gettext as _

GUIDE_TEMPLATE = "guide_page.html"


@dataclass(frozen=True)
class GuideLink:
    title: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class Guide:
    title: str
    pages: list
    previous: GuideLink | None
    next: GuideLink | None
    print_url: str


def _published_contents(pages, language):
    """Published PageContent of these pages in one language, keyed by page id."""
    contents = PageContent.objects.filter(page__in=pages, language=language).select_related("page")
    return {content.page_id: content for content in contents}


def guide_root(page, language):
    """The first page of the guide that `page` belongs to (the top-most published ancestor,
    or the page itself, with the guide template), or None."""
    lineage = [*page.get_ancestor_pages(), page]
    contents = _published_contents(lineage, language)
    return next((p for p in lineage if p.pk in contents and contents[p.pk].template == GUIDE_TEMPLATE), None)


def guide_pages(root, language):
    """[(page, published content)] of the guide that starts at `root`, in order."""
    members = [root, *root.get_child_pages()]
    contents = _published_contents(members, language)
    return [(p, contents[p.pk]) for p in members if p.pk in contents]


def print_url(root, language):
    return root.get_absolute_url(language) + "print/"


def all_guides(language) -> list[GuideLink]:
    """Every guide published in `language`, in page-tree order: its title and first page.

    Pages that list "the guides" (the 404 page, an ended referral link, the callback thank-you
    page) read them here, so a guide an editor adds shows up there without code. A guide is the
    top-most published page with the guide template; its child pages are not guides of their own.
    """
    contents = (
        PageContent.objects.filter(language=language, template=GUIDE_TEMPLATE, page__site_id=settings.SITE_ID)
        .select_related("page")
        .order_by("page__path")
    )
    roots = []
    for content in contents:  # in tree order, a guide's first page comes before its children
        if not any(content.page.path.startswith(root.page.path) for root in roots):
            roots.append(content)
    links = [GuideLink(title=content.title, url=content.page.get_absolute_url(language)) for content in roots]
    return [link for link in links if link.url]


def find_guide(page, language) -> Guide | None:
    """The guide that `page` belongs to, or None when it is not part of a guide."""
    root = guide_root(page, language)
    if root is None:
        return None
    members = guide_pages(root, language)
    links = [
        GuideLink(
            # The guide's first page is its overview; its own title names the whole guide.
            title=_("Overview") if p.pk == root.pk else content.menu_title or content.title,
            url=p.get_absolute_url(language),
            current=p.pk == page.pk,
        )
        for p, content in members
    ]
    index = next((i for i, link in enumerate(links) if link.current), None)
    if index is None:
        return None
    return Guide(
        title=members[0][1].title,
        pages=links,
        previous=links[index - 1] if index > 0 else None,
        next=links[index + 1] if index + 1 < len(links) else None,
        print_url=print_url(root, language),
    )
