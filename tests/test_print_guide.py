"""The printable guide: all pages of a guide, in order, as one document."""

import io
import re

import pytest
import segno

from .conftest import edit_and_publish

pytestmark = pytest.mark.django_db
SECTIONS = [
    "Hemifacial spasm",
    "Causes of hemifacial spasm",
    "Symptoms of hemifacial spasm",
    "How hemifacial spasm is diagnosed",
    "Treatment for hemifacial spasm",
    "Choosing a treatment for hemifacial spasm",
    "After microvascular decompression surgery",
    "Living with hemifacial spasm",
    "Getting ready for your appointment",
    "Questions people ask",
]


def test_the_print_page_has_every_section_in_order_with_its_date(client, settings):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"
    response = client.get("/hemifacial-spasm/print/")
    assert response.status_code == 200
    html = response.content.decode()
    sections = re.findall(r'<section class="print-section" aria-labelledby="([^"]+)">\s*<h2 id="\1">([^<]+)</h2>', html)
    assert [title for _, title in sections] == SECTIONS
    assert [slug for slug, _ in sections] == [
        "hemifacial-spasm",
        "causes",
        "symptoms",
        "diagnosis",
        "treatment",
        "choosing-a-treatment",
        "after-surgery",
        "living-with",
        "your-appointment",
        "questions",
    ]
    assert html.count("Page last updated:") == len(SECTIONS)
    assert "Printed on" in html
    assert "In an emergency, call 911." in html
    assert 'href="tel:5550104477"' in html
    # each page's own headings sit one level under its section heading
    assert '<h3 id="microvascular-decompression">' in html
    assert "<h4>How it works</h4>" in html
    # links inside the guide are written out in full, for paper and PDF
    assert 'href="https://hfs.example.org/hemifacial-spasm/treatment/"' in html


def test_the_print_page_qr_code_leads_back_to_the_online_guide(client, settings):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"
    html = client.get("/hemifacial-spasm/print/").content.decode()
    svg = re.search(r'<div class="print-qr">\s*(<svg.*?</svg>)', html, re.DOTALL).group(1)
    buffer = io.BytesIO()
    expected = segno.make("https://hfs.example.org/hemifacial-spasm/", error="m", micro=False)
    expected.save(buffer, kind="svg", scale=1, border=4, xmldecl=False, svgns=False, nl=False, omitsize=True)
    expected_path = re.search(r'd="([^"]+)"', buffer.getvalue().decode()).group(1)
    assert re.search(r'<path[^>]*d="([^"]+)"', svg).group(1) == expected_path
    assert 'aria-label="https://hfs.example.org/hemifacial-spasm/"' in svg


def test_the_print_page_shows_edits_once_published(client, editor):
    edit_and_publish("hfs-diagnosis", editor, "<p>Freshly edited diagnosis text.</p>")
    assert "Freshly edited diagnosis text." in client.get("/hemifacial-spasm/print/").content.decode()


@pytest.mark.parametrize("url", ["/hemifacial-spasm/causes/print/", "/care-team/print/", "/no-guide/print/"])
def test_only_a_guide_has_a_print_page(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/hemifacial-spasm/", "/hemifacial-spasm/causes/", "/hemifacial-spasm/treatment/"])
def test_every_guide_page_links_to_the_print_page(client, url):
    assert '<a href="/hemifacial-spasm/print/">Print this guide' in client.get(url).content.decode()
