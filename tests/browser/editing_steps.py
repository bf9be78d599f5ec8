"""What an editor does in the toolbar, step by step, for the browser tests."""

from urllib.parse import urljoin

NEW_DRAFT = "a.cms-versioning-js-edit-btn"  # "New Draft", or "Edit" when a draft is waiting


def make_draft(page):
    """Click "New Draft" and wait for the draft to open in edit mode."""
    with page.expect_navigation():
        page.click(NEW_DRAFT)
    page.wait_for_load_state("networkidle")


def start_typing_in(page, text):
    """Click into the text that contains `text`, once the inline editor has started there (it
    starts when the text scrolls into view)."""
    wrapper = page.locator("main .cms-editor-inline-wrapper", has_text=text).first
    wrapper.scroll_into_view_if_needed()
    wrapper.locator(".ProseMirror").wait_for(timeout=60_000)
    wrapper.locator("p", has_text=text).first.click()
    page.locator("body > .cms-editor-inline-wrapper.has-focused-editor [role=menubar]").wait_for(timeout=30_000)


def discard_draft(page):
    """Version menu > Discard Changes > "Yes, I'm sure": leave the site as it was (when the page
    shown is still a draft)."""
    discard = page.locator('.cms-toolbar a[href*="/discard/"]')
    if not discard.count():
        return
    page.goto(urljoin(page.url, discard.first.get_attribute("href")))
    page.click("input[name=discard]")
    page.wait_for_load_state("networkidle")
