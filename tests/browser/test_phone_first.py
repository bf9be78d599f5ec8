"""On a phone, a guide page opens with its own title and text, and its lists are one tap away."""

import pytest
from playwright.sync_api import expect

from ..conftest import SEEDED_PAGES, SPANISH_PAGES

pytestmark = pytest.mark.browser

GUIDE_PAGES = [url for url in SEEDED_PAGES if url.startswith("/hemifacial-spasm/")]
GUIDE_PAGES += [SPANISH_PAGES[url][0] for url in GUIDE_PAGES]
PHONES = {"phone-320": (320, 640), "phone-375": (375, 667)}
LINE = 28  # px: one line of body text at 18 px

# Where the page's own text starts: its first paragraph that is not navigation or a label.
FIRST_TEXT_JS = """
() => {
  const main = document.querySelector('main');
  const own = [...main.querySelectorAll('p')].find(p => !p.closest('nav, details, .guide-name, .page-dates'));
  return {h1: main.querySelector('h1').getBoundingClientRect().bottom, text: own.getBoundingClientRect().top};
}
"""


@pytest.mark.parametrize("phone", PHONES)
def test_every_guide_page_shows_its_title_and_text_on_the_first_screen(site_url, browser, phone):
    width, height = PHONES[phone]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    late = {}
    for path in GUIDE_PAGES:
        page.goto(site_url + path)
        where = page.evaluate(FIRST_TEXT_JS)
        if where["h1"] > height or where["text"] + LINE > height:
            late[path] = where
    context.close()
    assert late == {}


def test_the_contents_open_with_the_keyboard(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/causes/", "phone-375")
    summary = page.locator(".guide-contents__summary")
    expect(summary).to_have_text("Contents: 10 pages in this guide")
    expect(page.locator(".contents-list__current")).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    current = page.locator(".contents-list__current")
    expect(current).to_be_visible()
    expect(current).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="Treatment", exact=True)).to_be_visible()


def test_the_contents_and_sections_open_without_javascript(site_url, open_page):
    page = open_page(site_url + "/es/espasmo-hemifacial/causas/", "phone-320", java_script_enabled=False)
    page.locator(".guide-contents__summary").click()
    expect(page.locator(".contents-list__current")).to_be_visible()
    page.locator(".page-sections__summary").click()
    expect(page.locator(".on-this-page li a").first).to_be_visible()


def test_on_a_desktop_both_lists_show_without_a_tap(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/causes/", "desktop")
    expect(page.locator(".guide-contents__summary")).to_be_hidden()
    expect(page.locator(".contents-list__current")).to_be_visible()
    expect(page.locator(".on-this-page__title")).to_be_visible()
    expect(page.locator(".on-this-page li a").first).to_be_visible()


def test_a_section_link_that_wraps_starts_beside_its_bullet(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/treatment/", "phone-320")
    page.locator(".page-sections__summary").click()
    offsets = page.evaluate(
        """() => [...document.querySelectorAll('.on-this-page li')].map(li =>
             Math.round(li.querySelector('a').getClientRects()[0].top - li.getBoundingClientRect().top))"""
    )
    assert max(offsets) <= 12
