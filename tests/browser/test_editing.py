"""An editor changes a page through the django CMS toolbar and publishes it; a visitor sees it."""

import pytest

from .conftest import EDITOR

pytestmark = pytest.mark.browser


def test_an_editor_edits_text_through_the_toolbar_and_publishes(site_url, browser):
    page_url = site_url + "/hemifacial-spasm/symptoms/"
    sentence = "Added by an editor in the browser."
    visitor = browser.new_page()
    visitor.goto(page_url)
    assert sentence not in visitor.content()

    editor_context = browser.new_context(viewport={"width": 1280, "height": 900})
    editor = editor_context.new_page()
    editor.goto(f"{site_url}/admin/login/?next=/hemifacial-spasm/symptoms/")
    editor.fill("#id_username", EDITOR[0])
    editor.fill("#id_password", EDITOR[1])
    editor.click("input[type=submit]")
    editor.wait_for_load_state("networkidle")

    # "New draft" in the toolbar, then double-click the text to open it in the editor
    with editor.expect_navigation():
        editor.click("a.cms-versioning-js-edit-btn")
    editor.wait_for_load_state("networkidle")
    # the CMS wraps editable plugins in a "cms-plugin" element once its script has started
    paragraph = editor.locator("main .cms-plugin p", has_text="Most often, the first sign").first
    paragraph.wait_for(timeout=60_000)
    paragraph.dblclick()
    editor.locator(".cms-modal iframe").wait_for(timeout=60_000)
    text_editor = editor.frame_locator(".cms-modal iframe").locator(".ProseMirror").first
    text_editor.locator("p", has_text="Most often, the first sign").click(timeout=60_000)
    editor.keyboard.press("End")
    editor.keyboard.type(" " + sentence)
    editor.locator(".cms-modal-buttons a, .cms-modal-buttons button", has_text="Save").first.click()
    editor.wait_for_load_state("networkidle")
    editor.locator("main p", has_text=sentence).wait_for()

    # The draft is not public yet
    visitor.reload()
    assert sentence not in visitor.content()

    with editor.expect_navigation():
        editor.click("a.cms-versioning-js-publish-btn")
    visitor.reload()
    assert visitor.locator("main p", has_text=sentence).count() == 1
    editor_context.close()
    visitor.context.close()
