"""Two editors on one page: the second one is told who is editing it, and cannot overwrite it."""

import pytest

from .conftest import EDITOR, EDITOR_NAMES, SECOND_EDITOR, sign_in
from .editing_steps import NEW_DRAFT, discard_draft, make_draft

pytestmark = pytest.mark.browser
PAGE = "/hemifacial-spasm/your-appointment/"


@pytest.fixture
def first_editors_draft(site_url, browser):
    """The first editor makes a draft of the page (and discards it afterwards)."""
    first = sign_in(browser, site_url, EDITOR, PAGE)
    make_draft(first)
    yield first
    discard_draft(first)
    first.context.close()


def test_the_second_editor_sees_who_is_editing_the_page(site_url, browser, first_editors_draft):
    second = sign_in(browser, site_url, SECOND_EDITOR, PAGE)
    notice = second.locator(".cms-toolbar [role=status]").inner_text()
    second.context.close()
    assert notice.strip() == f"{' '.join(EDITOR_NAMES[EDITOR[0]])} is editing this page"


def test_the_second_editor_cannot_open_the_draft_for_editing(site_url, browser, first_editors_draft):
    second = sign_in(browser, site_url, SECOND_EDITOR, PAGE)
    edit_buttons = second.locator(NEW_DRAFT).count()
    second.context.close()
    assert edit_buttons == 0
