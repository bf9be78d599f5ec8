"""An editor drops a published page under another in the page tree: the page does not move until
the editor has seen the new addresses on the confirmation page (axe-clean, keyboard operable)
and confirmed; then a visitor at the old address lands on the new one."""

import urllib.request
from urllib.error import HTTPError

import pytest

from .conftest import EDITOR
from .test_accessibility import AXE_TAGS

pytestmark = pytest.mark.browser
OLD, NEW = "/accessibility/", "/care-team/accessibility/"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def first_answer(url):
    """(status, Location) of a visitor's request, without following a redirect."""
    try:
        with urllib.request.build_opener(_NoRedirects).open(url, timeout=10) as response:  # noqa: S310
            return response.status, response.headers.get("Location")
    except HTTPError as error:
        return error.code, error.headers.get("Location")


def axe_violations_in_content(page):
    """axe over the confirmation itself (#content): the admin theme around it is the CMS's."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context="#content", options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


def drag(page, source, target):
    """Drag and drop as a hand does: press, move in small steps, release (jstree needs the moves)."""
    start = page.locator(".jstree-anchor", has_text=source).bounding_box()
    end = page.locator(".jstree-anchor", has_text=target).bounding_box()
    x0, y0 = start["x"] + 40, start["y"] + start["height"] / 2
    x1, y1 = end["x"] + 60, end["y"] + end["height"] / 2
    page.mouse.move(x0, y0)
    page.mouse.down()
    for step in range(1, 21):
        page.mouse.move(x0 + (x1 - x0) * step / 20, y0 + (y1 - y0) * step / 20)
        page.wait_for_timeout(30)
    page.mouse.up()


def test_a_drop_in_the_page_tree_asks_first_then_the_old_address_leads_to_the_new(site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    editor = context.new_page()
    editor.goto(f"{site_url}/admin/login/?next=/admin/cms/pagecontent/")
    editor.fill("#id_username", EDITOR[0])
    editor.fill("#id_password", EDITOR[1])
    editor.click("input[type=submit]")
    editor.wait_for_load_state("networkidle")
    page_id = editor.locator("li.jstree-node", has_text="Accessibility statement").first.get_attribute("data-id")
    try:
        drag(editor, "Accessibility statement", "Your care team")
        ask = editor.get_by_role("link", name="See what changes and confirm the move")
        ask.wait_for(timeout=30_000)
        assert first_answer(site_url + OLD)[0] == 200  # not moved yet

        ask.click()
        editor.wait_for_load_state("networkidle")
        assert NEW in editor.get_by_role("table", name="Each address now and after the move").inner_text()
        assert axe_violations_in_content(editor) == []
        editor.set_viewport_size({"width": 320, "height": 640})
        assert axe_violations_in_content(editor) == []

        button = editor.get_by_role("button", name="Move the page")
        button.focus()
        with editor.expect_navigation():
            editor.keyboard.press("Enter")
        assert "The page has moved" in editor.locator(".messagelist").inner_text()
        assert first_answer(site_url + OLD) == (301, NEW)
    finally:
        # Put the page back where the other tests expect it: at the top level, before the glossary.
        if first_answer(site_url + OLD)[0] != 200:
            editor.goto(f"{site_url}/admin/page-addresses/move/{page_id}/?target=&position=3&site=1")
            with editor.expect_navigation():
                editor.get_by_role("button", name="Move the page").click()
        context.close()
    assert first_answer(site_url + OLD)[0] == 200
