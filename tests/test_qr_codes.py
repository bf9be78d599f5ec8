"""Referral QR codes: a hostile label stays text, the downloads can never run script, the address fits."""

import io
import xml.etree.ElementTree as ET

import lxml.html
import pytest
import segno
import zxingcpp
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from PIL import Image

from editorial.roles import CARE_COORDINATOR
from referrals import qr
from referrals.models import ReferralLink

from .conftest import page_by_id

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
# The only elements and attributes a QR code SVG needs: anything else is a sign of injection.
ALLOWED = {
    "svg": {"viewBox", "width", "height", "role", "aria-label"},
    "rect": {"x", "y", "width", "height", "fill"},
    "path": {"d", "stroke"},
    "text": {"x", "y", "font-family", "font-size", "text-anchor", "fill", "textLength", "lengthAdjust"},
}
HOSTILE_LABELS = [
    'Clinic" onload="alert(document.domain)',
    "Clinic' onload='alert(1)",
    '"><script>alert(1)</script>',
    "A & B <clinic> ]]> <!-- x",
    '" onload="alert(1)',
]
HOSTILE_URLS = [
    'https://hfs.example.org/r/ABC" onload="alert(1)/',
    "https://hfs.example.org/r/<script>alert(1)</script>/",
    "https://hfs.example.org/r/?a=1&b=2'\"/",
]


def parse(svg_text):
    root = ET.fromstring(svg_text)
    assert root.tag == f"{SVG}svg"
    return root


def assert_only_expected_markup(root):
    for element in root.iter():
        assert element.tag.startswith(SVG), element.tag
        name = element.tag.removeprefix(SVG)
        assert name in ALLOWED, name
        assert set(element.attrib) <= ALLOWED[name], (name, element.attrib)
        assert not any(attribute.lower().startswith("on") for attribute in element.attrib)


def text_of(root):
    return root.find(f"{SVG}text")


@pytest.mark.parametrize("label", HOSTILE_LABELS)
@pytest.mark.parametrize("url", [*HOSTILE_URLS, "https://hfs.example.org/r/K7RM2QX/"])
def test_hostile_labels_and_addresses_stay_text_in_the_svg(label, url):
    root = parse(qr.svg(url, label))
    assert_only_expected_markup(root)
    assert root.find(f".//{SVG}script") is None
    assert root.get("aria-label") == label  # the label round-trips as text, quotes and all
    assert text_of(root).text == url


@pytest.fixture
def coordinator_client():
    user = get_user_model().objects.create_user("coord", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    return client


def add_link_in_the_admin(client, label):
    response = client.post(
        "/admin/referrals/referrallink/add/",
        {
            "label": label,
            "page": page_by_id("hfs-treatment").pk,
            "anchor": "",
            "language": "",
            "code": "",
            "is_active": "on",
            "expires_on": "",
            "visits-TOTAL_FORMS": "0",
            "visits-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReferralLink.objects.get(label=label)


def test_a_coordinators_hostile_label_cannot_run_script_for_a_superuser(coordinator_client, editor_client):
    label = 'Clinic" onload="alert(document.domain)'
    link = add_link_in_the_admin(coordinator_client, label)
    response = editor_client.get(f"/admin/referrals/referrallink/{link.pk}/qr.svg")
    root = parse(response.content)
    assert_only_expected_markup(root)
    assert root.get("aria-label") == label
    # the change page shows the code as an image of the download (an <img> never runs script)
    change = editor_client.get(f"/admin/referrals/referrallink/{link.pk}/change/")
    document = lxml.html.fromstring(change.content)
    assert not document.xpath("//svg[@aria-label]")
    assert not document.xpath("//*[@onload]")
    assert document.xpath(f'//img[@src="/admin/referrals/referrallink/{link.pk}/qr.svg"]')


def test_the_admin_shows_the_code_at_the_size_it_prints(editor_client, settings):
    """A long address makes the picture wider than the code: the preview is not squeezed into
    a fixed width (which shrank the code and its address)."""
    settings.PUBLIC_BASE_URL = "https://hemifacial-spasm.riverside-neurology-and-neurosurgery.example.org"
    link = ReferralLink.objects.create(label="Riverside", page=page_by_id("hfs-treatment"))
    change = editor_client.get(f"/admin/referrals/referrallink/{link.pk}/change/")
    [image] = lxml.html.fromstring(change.content).xpath(
        f'//img[@src="/admin/referrals/referrallink/{link.pk}/qr.svg"]'
    )
    assert image.get("width") is None
    assert image.get("height") is None


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_safe_download(response, kind, code):
    assert response.status_code == 200
    assert response["Content-Type"] == {"svg": "image/svg+xml", "png": "image/png"}[kind]
    assert response["Content-Disposition"] == f'attachment; filename="referral-{code}.{kind}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = directives(response)
    # no script from anywhere
    assert csp["default-src"] == ["'none'"]
    assert "script-src" not in csp
    assert "sandbox" in csp
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_downloads_are_attachments_that_allow_no_script(kind, coordinator_client, editor_client):
    link = ReferralLink.objects.create(label="Riverside", page=page_by_id("hfs-treatment"))
    for client in (editor_client, coordinator_client):
        assert_safe_download(client.get(f"/admin/referrals/referrallink/{link.pk}/qr.{kind}"), kind, link.code)


def test_only_staff_html_pages_get_the_relaxed_policy(editor_client):
    link = ReferralLink.objects.create(label="Riverside", page=page_by_id("hfs-treatment"))
    for url in ("/admin/", f"/admin/referrals/referrallink/{link.pk}/change/", "/hemifacial-spasm/"):
        response = editor_client.get(url)
        assert response["Content-Type"].startswith("text/html")
        csp = directives(response)
        assert "'unsafe-inline'" in csp["script-src"], url
        assert csp["frame-ancestors"] == ["'self'"], url
    for url in ("/admin/editorial/contenthealth/?format=csv", "/admin/editorial/contenthealth/?format=json"):
        response = editor_client.get(url)
        assert response.status_code == 200
        assert not response["Content-Type"].startswith("text/html")
        assert "unsafe" not in response["Content-Security-Policy"], url
        assert directives(response)["frame-ancestors"] == ["'none'"], url


# --- The printed address fits under the code (issue 19, item 6) ------------------------------

# Arial/Helvetica advance widths (em), the widest of each kind of character (W is 0.944, r 0.333).
NARROW, WIDE = set("fijlrtI.,:;/!|'()- "), set("mwMW@%")


def generous_width_em(text):
    return sum(0.34 if c in NARROW else 1.0 if c in WIDE else 0.74 if c.isupper() else 0.58 for c in text)


@pytest.mark.parametrize(
    "url",
    [
        "https://hfs.example.org/r/K7RM2QX/",
        "http://127.0.0.1:8000/r/K7RM2QX/",
        "https://hemifacial-spasm.riverside-neurology-and-neurosurgery.example.org/r/WWMMWWMM/",
        "https://" + "w" * 120 + ".example.org/r/MMMMMMMM/",
    ],
)
def test_the_whole_address_fits_under_the_code(url):
    root = parse(qr.svg(url))
    left, top, width, height = (float(n) for n in root.get("viewBox").split())
    code_size = segno.make(url, error="m", micro=False).symbol_size(scale=1, border=4)[0]
    text = text_of(root)
    assert text.text == url
    font, x, y = float(text.get("font-size")), float(text.get("x")), float(text.get("y"))
    # the text is drawn exactly textLength wide (any font), and is not squeezed unreadably
    assert text.get("lengthAdjust") == "spacingAndGlyphs"
    assert text.get("text-anchor") == "middle"
    length = float(text.get("textLength"))
    assert length >= 0.45 * font * len(url)
    assert left <= x - length / 2
    assert x + length / 2 <= left + width
    # below the code and its quiet zone, and inside the picture with room for descenders
    assert y - font >= code_size
    assert y + 0.3 * font <= top + height
    # the code itself is still 2 inches wide, and the text at least 7 pt
    inches_per_unit = float(root.get("width").removesuffix("in")) / width
    assert code_size * inches_per_unit == pytest.approx(2, abs=0.001)
    assert font * inches_per_unit * 72 >= 6.99  # 7 pt, give or take the rounding of the sizes
    # generous real-font widths fit at the chosen size too, so lengthAdjust barely stretches
    assert generous_width_em(url) * font <= width + 1e-6


def test_the_png_shows_the_whole_long_address(coordinator_client, settings):
    settings.PUBLIC_BASE_URL = "https://hemifacial-spasm.riverside-neurology-and-neurosurgery.example.org"
    link = ReferralLink.objects.create(label="Riverside", page=page_by_id("hfs-treatment"))
    response = coordinator_client.get(f"/admin/referrals/referrallink/{link.pk}/qr.png")
    image = Image.open(io.BytesIO(response.content)).convert("L")
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [link.short_url]
    # the address under the code: dark pixels, but none in the outermost columns (not cut off)
    text_band = image.crop((0, 600, image.width, image.height))  # the code is 600 px (2 in) tall
    columns = [text_band.crop((x, 0, x + 1, text_band.height)).getextrema()[0] for x in range(image.width)]
    assert min(columns) < 128
    assert min(columns[:4]) > 200
    assert min(columns[-4:]) > 200
