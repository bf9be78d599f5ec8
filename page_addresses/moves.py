"""Moving a published page to another place in the tree asks first, and says what changes.

django CMS's page tree moves a page the moment it is dropped (drag and drop, or cut and
paste): its JavaScript posts to the page admin's move view (admin:cms_page_move_page). One
slightly-off drop can put a guide page under another and change its address. So the site's
admin wraps that view (hfs_site.admin_guards), and a move that would change the address of a
published page (the page or one below it) is not made. The tree shows the message that the
view answers with, which links to a confirmation page (`confirm_move`): the addresses before
and after, the pages and referral links that point there, and one button that makes the move
through the CMS's own view. Moving a page among its siblings changes no address and is made
at once, as before.

Why a page of its own rather than a dialog in the tree: the tree's JavaScript offers no public
hook, and a page works with the keyboard, a screen reader and without JavaScript.
"""

import json
from dataclasses import dataclass, field
from functools import wraps
from urllib.parse import urlencode

from cms.models import Page
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html, strip_tags
from django.utils.translation import gettext as _

from .history import addresses_now
from .pointers import pages_linking_to, referral_links_to

CONFIRMED = "confirmed"  # the confirmation form's field: the editor has seen what changes
MOVE_FIELDS = ("target", "position", "site")  # what the page tree posts, passed on unchanged
LARGEST_ID = 2**63 - 1


class MoveRefused(Exception):
    """The move cannot be made; `message` says why, for the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


@dataclass(frozen=True)
class AddressChange:
    title: str
    language: str  # the language's name
    before: str
    after: str


@dataclass
class MovePlan:
    page: Page
    new_parent: Page | None
    data: dict  # the tree's fields
    changes: list = field(default_factory=list)
    linking_pages: list = field(default_factory=list)
    referral_links: list = field(default_factory=list)


def _branch(page):
    return [page, *page.get_descendants()]


def _addresses_by_page(pages):
    return {key: address for address, key in addresses_now(pages).items()}


def plan_move(page_admin, page, data, user) -> MovePlan:
    """What moving `page` as the tree asks (`data`) would change. MoveRefused when it cannot
    be made: the reasons of the CMS's move form, and those it leaves to a crash (a position
    that is no number, a page under itself, an address another page has)."""
    if not str(data.get("position", "")).isdigit():
        raise MoveRefused(_("This move is not possible. Go back to the pages and try again."))
    form = page_admin.move_form(data, page=page, site=page.site)
    if not form.is_valid():
        raise MoveRefused(" ".join(strip_tags(message) for errors in form.errors.values() for message in errors))
    target, position = form.get_tree_options()
    new_parent = target if position in ("first-child", "last-child") else target.parent
    if new_parent is not None and (new_parent.pk == page.pk or new_parent.is_descendant_of(page)):
        raise MoveRefused(_("A page cannot go under itself or under one of its own pages."))
    plan = MovePlan(page=page, new_parent=new_parent, data={name: data.get(name, "") for name in MOVE_FIELDS})
    if (new_parent.pk if new_parent else None) == page.parent_id:
        return plan  # among its siblings: no address changes
    branch = _branch(page)
    before = _addresses_by_page(branch)
    # The CMS's own move, undone: the addresses it gives are exactly those the move will give.
    try:
        with transaction.atomic():
            form.move_page(user=user)
            after = _addresses_by_page(branch)
            transaction.set_rollback(True)
    except IntegrityError:
        raise MoveRefused(
            _("Another page already has an address this move would give. Change that page's slug first.")
        ) from None
    finally:
        page.refresh_from_db()
    languages = dict(settings.LANGUAGES)
    order = {code: index for index, code in enumerate(languages)}
    pages = {p.pk: p for p in branch}
    plan.changes = [
        AddressChange(
            title=pages[page_id].get_title(language),
            language=str(languages.get(language, language)),
            before=address,
            after=after.get((page_id, language), ""),
        )
        for (page_id, language), address in sorted(
            before.items(), key=lambda item: (pages[item[0][0]].path, order.get(item[0][1], len(order)))
        )
        if after.get((page_id, language)) != address
    ]
    if plan.changes:
        plan.linking_pages = pages_linking_to(branch)
        plan.referral_links = list(referral_links_to(branch))
    return plan


def _page(page_id):
    page_id = str(page_id)
    if not page_id.isdigit() or int(page_id) > LARGEST_ID:
        return None
    return Page.objects.filter(pk=int(page_id)).first()


def confirm_url(page, data):
    query = urlencode({name: data.get(name, "") for name in MOVE_FIELDS})
    return reverse("admin:page_addresses_confirm_move", args=[page.pk]) + "?" + query


def ask_before_moving(move_view, page_admin):
    """The CMS's move view, which first answers the tree with a link to the confirmation page
    when the move would change a published address."""

    @wraps(move_view)
    def move_or_ask(request, page_id, *args, **kwargs):
        page = _page(page_id)
        if request.method == "POST" and page is not None and page_admin.has_move_page_permission(request, obj=page):
            try:
                plan = plan_move(page_admin, page, request.POST, request.user)
            except MoveRefused as refusal:
                return JsonResponse({"status": 400, "content": escape(refusal.message)})
            if plan.changes:
                message = format_html(
                    '{} <a href="{}">{}</a>',
                    _("The page has not moved: moving it changes its address."),
                    confirm_url(page, request.POST),
                    _("See what changes and confirm the move"),
                )
                # The shape the tree's script reads: it shows `content` as the message.
                return JsonResponse({"status": 400, "content": str(message)})
        return move_view(request, page_id, *args, **kwargs)

    return move_or_ask


def confirm_move(request, page_id, admin_site):
    """GET: what the move changes, and the button. POST: the move, by the CMS's own view."""
    page_admin = admin_site.get_model_admin(Page)
    page = _page(page_id)
    if page is None:
        raise Http404
    if not page_admin.has_move_page_permission(request, obj=page):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    try:
        plan, error = plan_move(page_admin, page, data, request.user), ""
    except MoveRefused as refusal:
        plan, error = None, refusal.message
    if plan is not None and request.method == "POST" and data.get(CONFIRMED):
        answer = json.loads(page_admin.move_page(request, str(page.pk)).content)
        if answer["status"] == 200:
            messages.success(request, _("The page has moved. Its old addresses lead to the new ones."))
            return redirect(tree_url())
        error = strip_tags(answer["content"])
    context = {
        **admin_site.each_context(request),
        "title": _("Move “%(title)s”?") % {"title": page.get_title()},
        "page": page,
        "plan": plan,
        "error": error,
        "confirmed_field": CONFIRMED,
        "tree_url": tree_url(),
    }
    return TemplateResponse(request, "page_addresses/confirm_move.html", context, status=400 if error else 200)


def tree_url():
    return reverse("admin:cms_pagecontent_changelist")
