"""The editing tools as an editor meets them: Spanish drafts in Spanish, the inline text editor's
own look and its "saved" message, plugins whose data is edited elsewhere, and the README's
steps."""

import re

import pytest

from .conftest import EDITOR, ROOT, sign_in
from .editing_steps import discard_draft, make_draft, start_typing_in

pytestmark = pytest.mark.browser
SITE_GREEN, SITE_SHADOW, SITE_FOCUS = "rgb(0, 112, 60)", "rgb(0, 45, 24)", "rgb(255, 221, 0)"
BUTTON_COLOURS = """buttons => buttons.map(b => {
    const style = getComputedStyle(b);
    return [b.dataset.action, style.backgroundColor, style.boxShadow];
})"""


@pytest.fixture
def new_draft(site_url, browser):
    """new_draft(path) -> the editor's window on a new draft of that page, in edit mode; the
    draft is discarded afterwards, so the next test finds the site as seeded."""
    pages = []

    def _open(path):
        page = sign_in(browser, site_url, EDITOR, path)
        pages.append(page)
        make_draft(page)
        return page

    yield _open
    for page in pages:
        discard_draft(page)
        page.context.close()


def test_a_spanish_draft_in_edit_mode_shows_its_spanish_text(new_draft):
    page = new_draft("/es/espasmo-hemifacial/causas/")
    first_words = page.locator("main .cms-editor-inline-wrapper p").first.inner_text()
    assert first_words.startswith("El espasmo hemifacial")


def test_a_spanish_draft_in_edit_mode_is_marked_as_spanish(new_draft):
    page = new_draft("/es/espasmo-hemifacial/causas/")
    assert page.locator("html").get_attribute("lang") == "es"


def test_the_text_editors_toolbar_does_not_wear_the_sites_button_style(new_draft):
    page = new_draft("/hemifacial-spasm/diagnosis/")
    start_typing_in(page, "")
    top = page.locator("body > .cms-editor-inline-wrapper [role=menubar] button").evaluate_all(BUTTON_COLOURS)
    block = page.locator("main .cms-block-toolbar button").evaluate_all(BUTTON_COLOURS)  # paragraph, headings, lists
    editing_area = page.locator("main .ProseMirror-focused").evaluate("e => getComputedStyle(e).backgroundColor")
    in_site_style = [b for b in top + block if b[1] == SITE_GREEN or SITE_SHADOW in b[2]]
    assert len(top + block) > 10  # undo, redo, bold ... paragraph, headings, lists
    assert in_site_style == []
    assert editing_area != SITE_FOCUS


def test_the_sites_own_buttons_keep_their_style(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/diagnosis/")
    send = page.locator(".page-feedback button[type=submit]")
    assert send.evaluate("b => getComputedStyle(b).boxShadow") != "none"


def test_inline_text_says_it_saved(new_draft):
    page = new_draft("/hemifacial-spasm/living-with/")
    start_typing_in(page, "")
    page.keyboard.press("End")
    page.keyboard.type(" Typed in the browser.")
    page.locator("h1").click()  # outside the text: it saves
    message = page.locator(".cms-messages-inner[role=status]", has_text="Saved in the draft.")
    message.wait_for(timeout=30_000)
    page.reload()
    assert page.locator("main p", has_text="Typed in the browser.").count() == 1


def test_double_clicking_the_comparison_says_where_its_figures_are_edited(site_url, new_draft):
    page = new_draft("/hemifacial-spasm/choosing-a-treatment/")
    cell = page.locator("main table td").first
    cell.scroll_into_view_if_needed()
    cell.dblclick()
    notice = page.frame_locator(".cms-modal iframe").locator("[aria-labelledby=edited-elsewhere-title]")
    notice.wait_for(timeout=60_000)
    says = notice.inner_text()
    with page.expect_navigation():
        notice.get_by_role("button").click()
    arrived = page.url
    page.goto(site_url + "/hemifacial-spasm/choosing-a-treatment/")
    draft_left = page.locator(".cms-toolbar a", has_text="Edit").count()
    assert "The figures in this table are not changed here." in says
    assert arrived == site_url + "/hemifacial-spasm/treatment/"
    assert draft_left == 0  # "New Draft" again: the unchanged draft was removed


def readme_toolbar_names():
    """The toolbar labels README.md's editing steps name: the numbered steps and the Version menu."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## The first editor account")[1].split("Give other staff")[0]
    steps = re.findall(r"^\d\. (.*?)(?=^\d\. |^\s*$)", section, re.MULTILINE | re.DOTALL)
    version_menu = "**Version**" + section.split("The **Version** menu")[1].split(".")[0]
    named = re.findall(r"\*\*(.+?)\*\*", " ".join(" ".join(steps + [version_menu]).split()))
    return [name for name in named if name not in ("Edit", "Save")]  # "Edit": a waiting draft


def test_the_readmes_editing_steps_name_what_the_toolbar_shows(site_url, browser, new_draft):
    published = sign_in(browser, site_url, EDITOR, "/glossary/")
    on_published = published.locator("#cms-top .cms-toolbar").inner_text()
    published.context.close()
    page = new_draft("/glossary/")
    toolbar = page.locator("#cms-top .cms-toolbar")
    on_draft = toolbar.inner_text(), toolbar.text_content()  # text_content: the closed menus too
    shown = " ".join([on_published, *on_draft]).lower()
    assert [name for name in readme_toolbar_names() if name.lower() not in shown] == []
