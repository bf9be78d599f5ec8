"""In a real browser: the address printed under a QR code lies wholly inside the picture, in the
font the SVG asks for and in the fonts a viewer may fall back to, whether or not the viewer
honours `textLength` (word processors and some image viewers ignore it)."""

import re

import pytest

from referrals import qr

pytestmark = pytest.mark.browser

URLS = [
    "https://hfs.example.org/r/K7RM2QX/",
    "http://127.0.0.1:8000/r/K7RM2QX/",
    "https://hfs.example.org/r/2345678/",  # digits are wide in most fonts
    "https://hemifacial-spasm.riverside-neurology-and-neurosurgery.example.org/r/WWMMWWMM/",
    "https://" + "w" * 120 + ".example.org/r/MMMMMMMM/",
]
AS_WRITTEN = 'font-family="Arial, Helvetica, sans-serif"'
FONTS = [AS_WRITTEN, 'font-family="DejaVu Sans"', 'font-family="Liberation Sans"', 'font-family="sans-serif"']

# How far the text's box (advance widths, ascent and descent) lies inside the viewBox.
ROOM = """() => {
  const svg = document.querySelector("svg"), box = svg.querySelector("text").getBBox(), view = svg.viewBox.baseVal;
  return {left: box.x - view.x, right: view.x + view.width - box.x - box.width,
          top: box.y - view.y, bottom: view.y + view.height - box.y - box.height};
}"""


@pytest.fixture(scope="module")
def svg_page(browser):
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("honours_text_length", [True, False])
@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("url", URLS)
def test_the_address_lies_inside_the_picture(svg_page, url, font, honours_text_length):
    svg = qr.svg(url, "Riverside").replace(AS_WRITTEN, font)
    if not honours_text_length:
        svg = re.sub(r' (textLength|lengthAdjust)="[^"]*"', "", svg)
    svg_page.set_content(f"<!doctype html><body style='margin:0'>{svg}</body>")
    room = svg_page.evaluate(ROOM)
    assert min(room.values()) >= 0, room


@pytest.mark.parametrize(
    "label,url",
    [
        ('Clinic" onload="alert(1)', "https://hfs.example.org/r/K7RM2QX/"),
        ("<script>alert(1)</script>", 'https://hfs.example.org/r/ABC" onload="alert(1)/'),
    ],
)
def test_a_hostile_label_or_address_stays_text_in_the_browser(svg_page, label, url):
    dialogs = []
    svg_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    svg_page.set_content(f"<!doctype html><body>{qr.svg(url, label)}</body>")
    assert svg_page.locator("svg").get_attribute("aria-label") == label
    assert svg_page.locator("svg text").text_content() == url
    assert dialogs == []
