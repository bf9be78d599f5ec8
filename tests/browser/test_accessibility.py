"""WCAG 2.2 AA on every page, at phone and desktop sizes, checked in a real Chromium with axe-core."""

import pytest
from playwright.sync_api import expect

from ..conftest import ALL_PAGES
from .conftest import ARTIFACTS, VIEWPORTS

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
NOT_FOUND = "/no-such-page/"
EXPECTED_PAGES = set(ALL_PAGES)


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_crawl_finds_every_seeded_page(site_pages):
    assert set(site_pages) >= EXPECTED_PAGES


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_axe_and_fits_the_screen(site_url, site_pages, open_page, viewport):
    failures = {}
    for path in [*site_pages, NOT_FOUND]:
        page = open_page(site_url + path, viewport)
        problems = axe_violations(page)
        overflow = horizontal_overflow(page)
        if overflow > 0:
            problems.append(f"scrolls sideways by {overflow}px")
        if problems:
            failures[path] = problems
        if viewport in ("phone-320", "desktop"):
            name = (path.strip("/").replace("/", "_") or "home") + f"-{viewport}.png"
            ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
            page.screenshot(path=ARTIFACTS / "screenshots" / name, full_page=True)
        page.context.close()
    assert failures == {}


def test_text_spacing_override_does_not_break_pages(site_url, site_pages, open_page):
    """WCAG 1.4.12: people who widen letter, word and line spacing lose nothing."""
    spacing = (
        "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
        " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
    )
    for path in site_pages:
        # like a reader's own style sheet or extension, which a page's CSP does not block
        page = open_page(site_url + path, "phone-320", bypass_csp=True)
        page.add_style_tag(content=spacing)
        assert horizontal_overflow(page) <= 0, path
        page.context.close()


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/causes/", "phone-320")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.className]")
    assert focused == ["Skip to main content", "skip-link"]
    box = page.locator(".skip-link").bounding_box()
    # visible when focused
    assert box["y"] >= 0
    assert box["height"] >= 44
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


# Tab stops in document order; a radio group is one stop (its checked radio, or its first);
# nothing inside a closed disclosure (checkVisibility).
FOCUSABLE_JS = """
() => Array.from(document.querySelectorAll(
    'a[href], button, input, select, textarea, details > summary, [tabindex]:not([tabindex="-1"])'))
  .filter(el => el.checkVisibility() || el.classList.contains('skip-link'))
  .filter(el => el.type !== 'radio' || el === (
    document.querySelector(`input[type=radio][name="${el.name}"]:checked`)
    || document.querySelector(`input[type=radio][name="${el.name}"]`)))
  .map(el => el.outerHTML.slice(0, 80))
"""

FOCUS_STYLE_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {html: el.outerHTML.slice(0, 80), background: style.backgroundColor, shadow: style.boxShadow,
          outline: style.outlineColor, inside_date: el.type === 'date'};
}
"""


def assert_visible_focus(style, where):
    """The nhsuk focus style: yellow (a background on links and buttons, an outline on form
    fields) with a near-black bar or inset border, which stands out >= 3:1 on white."""
    yellow = "rgb(255, 221, 0)"
    assert yellow in (style["background"], style["outline"]), (where, style)
    assert "rgb(26, 26, 26)" in style["shadow"], (where, style)


@pytest.mark.parametrize("viewport", ["phone-320", "desktop"])
def test_keyboard_reaches_every_link_in_order_with_a_visible_focus(site_url, site_pages, open_page, viewport):
    for path in [*site_pages, NOT_FOUND]:
        page = open_page(site_url + path, viewport)
        expected = page.evaluate(FOCUSABLE_JS)
        reached = []
        for _ in range(4 * len(expected)):
            if len(reached) == len(expected):
                break
            page.keyboard.press("Tab")
            style = page.evaluate(FOCUS_STYLE_JS)
            # Chromium stops on a date field's month, day and year, then on its calendar button:
            # the field keeps the site's focus style on the first three; the browser draws its own
            # ring on the button. One field, so it is counted once.
            if style["inside_date"] and reached and reached[-1] == style["html"]:
                continue
            reached.append(style["html"])
            assert_visible_focus(style, path)
        assert reached == expected, path
        page.context.close()


CONTRAST_JS = """
() => {
  const lum = c => { const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const p = document.querySelector('main p:not([class])');
  const fg = lum(getComputedStyle(p).color), bg = lum(getComputedStyle(document.body).backgroundColor);
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  const text = p.textContent;
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
  probe.textContent = text;
  p.appendChild(probe);
  const perChar = probe.getBoundingClientRect().width / text.length;
  probe.remove();
  return {ratio, fontSize: parseFloat(getComputedStyle(p).fontSize), perLine: p.clientWidth / perChar};
}
"""


def test_body_text_is_large_high_contrast_and_a_comfortable_line_length(site_url, open_page):
    phone = open_page(site_url + "/hemifacial-spasm/symptoms/", "phone-375").evaluate(CONTRAST_JS)
    desktop = open_page(site_url + "/hemifacial-spasm/symptoms/", "desktop").evaluate(CONTRAST_JS)
    assert phone["fontSize"] >= 18
    assert 19 <= desktop["fontSize"] <= 20
    assert desktop["ratio"] >= 7
    assert 60 <= desktop["perLine"] <= 75, desktop


TARGETS_JS = """
() => Array.from(document.querySelectorAll('header a, nav a, footer a, .care-contact a, .skip-link'))
  .filter(el => el.checkVisibility())
  .map(el => { const r = el.getBoundingClientRect(); return [el.textContent.trim(), r.width, r.height]; })
  .filter(([text, w, h]) => w < 44 || h < 44)
"""


@pytest.mark.parametrize("viewport", ["phone-320", "desktop"])
def test_navigation_touch_targets_are_at_least_44px(site_url, site_pages, open_page, viewport):
    small = {}
    for path in site_pages:
        page = open_page(site_url + path, viewport)
        if found := page.evaluate(TARGETS_JS):
            small[path] = found
        page.context.close()
    assert small == {}


def test_forced_colors_and_reduced_motion_keep_pages_usable(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/", "phone-320", forced_colors="active", reduced_motion="reduce")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    assert horizontal_overflow(page) <= 0
    assert page.locator(".callout--emergency").evaluate("el => getComputedStyle(el).borderTopStyle") != "none"
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus ring survives when colours are forced


def test_pages_read_and_navigate_without_javascript(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/", "phone-320", java_script_enabled=False)
    page.get_by_role("link", name="Causes").first.click()
    assert page.locator("h1").inner_text() == "Causes of hemifacial spasm"
    assert page.locator("script:not([type='application/ld+json'])").count() == 0  # JSON-LD is data


def test_printing_a_guide_page_is_clean(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/", "desktop")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.site-nav', '.breadcrumbs', '.guide-contents', '.pagination', '.page-sections', '.print-link']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none"] * 6
    assert page.evaluate("getComputedStyle(document.querySelector('main p:not([class])')).color") == "rgb(0, 0, 0)"
    expect(page.locator(".care-contact__phone")).to_be_visible()
    link_after = page.evaluate(
        "getComputedStyle(document.querySelector('main a[href=\"/hemifacial-spasm/treatment/\"]'), '::after').content"
    )
    assert link_after == '" (/hemifacial-spasm/treatment/)"'
    # the page's public address, whatever host name the request used
    expect(page.get_by_text(f"Printed from {site_url}/hemifacial-spasm/")).to_be_visible()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


def test_the_printable_guide_starts_each_page_on_a_new_sheet(site_url, open_page):
    page = open_page(site_url + "/hemifacial-spasm/print/", "desktop")
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    breaks = page.evaluate(
        "Array.from(document.querySelectorAll('.print-section')).map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks == ["page"] * 10  # the overview, causes ... your appointment, questions people ask
    expect(page.locator(".print-qr svg")).to_be_visible()
    expect(page.locator(".care-contact__phone")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "none"
    pdf = page.pdf(format="Letter")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 11  # cover and one sheet per page at least
