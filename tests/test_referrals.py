"""Referral links: short codes, redirects, privacy-respecting counts, QR codes."""

import datetime
import io
import re

import pytest
import zxingcpp
from cms.api import create_page
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.utils import timezone
from PIL import Image

from editorial.roles import CARE_COORDINATOR
from referrals import codes
from referrals.models import ReferralLink, ReferralVisit
from referrals.visits import COOKIE_NAME, SALT

from .conftest import page_by_id

pytestmark = pytest.mark.django_db


def make_link(**fields):
    return ReferralLink.objects.create(label="Riverside clinic", page=page_by_id("hfs-treatment"), **fields)


def test_generated_codes_are_short_unique_and_have_no_look_alike_characters():
    generated = {make_link().code for _ in range(200)}
    assert len(generated) == 200
    for code in generated:
        assert 6 <= len(code) <= 8
        assert not set(code) & set("0O1IlL")
        assert set(code) <= set(codes.ALPHABET)


def test_a_chosen_code_is_checked_and_stored_in_capitals():
    link = ReferralLink(label="x", page=page_by_id("hfs-treatment"), code="mrvk72")
    link.full_clean()
    link.save()
    assert link.code == "MRVK72"
    for bad in ("MRVK7", "MRVK7234A", "MRVK70", "RIVER7", "MRV K72", "MRVK7L"):
        with pytest.raises(ValidationError):
            ReferralLink(label="x", page=page_by_id("hfs-treatment"), code=bad).full_clean()
    with pytest.raises(ValidationError):  # unique, whatever the case
        ReferralLink(label="y", page=page_by_id("hfs-treatment"), code="Mrvk72").full_clean()


def test_following_a_link_redirects_counts_and_prefills_the_callback_form(client):
    link = make_link(anchor="microvascular-decompression")
    response = client.get(f"/r/{link.code.lower()}/")  # typed in small letters
    assert response.status_code == 302
    assert response["Location"] == "/hemifacial-spasm/treatment/#microvascular-decompression"
    assert "sessionid" not in client.cookies  # the code is in a signed cookie, not a session
    assert f'name="heard_about" value="{link.code}"' in client.get("/callback/").content.decode()
    Client().get(f"/r/{link.code}/")
    visit = ReferralVisit.objects.get(link=link)
    assert (visit.day, visit.count) == (timezone.localdate(), 2)


def test_counting_keeps_nothing_about_the_person(client):
    link = make_link()
    client.get(f"/r/{link.code}/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Phone/1.0")
    fields = {f.name for f in ReferralVisit._meta.get_fields()}
    assert fields == {"id", "link", "day", "count"}
    response = Client().get(f"/r/{link.code}/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Phone/1.0")
    assert set(response.cookies) == {COOKIE_NAME}
    # the cookie holds the code, the day and the codes counted today: nothing about the person
    request = RequestFactory().get("/")
    request.COOKIES[COOKIE_NAME] = response.cookies[COOKIE_NAME].value
    value = request.get_signed_cookie(COOKIE_NAME, salt=SALT)
    assert value == f"{link.code}|{timezone.localdate().isoformat()}|{link.code}"


def test_unknown_inactive_and_expired_links_never_dead_end(client):
    inactive = make_link(is_active=False)
    expired = make_link(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    still_valid = make_link(expires_on=timezone.localdate())
    for code, status in [("ZZZZZZZ", 404), ("not-a-code", 404), (inactive.code, 410), (expired.code, 410)]:
        response = client.get(f"/r/{code}/")
        html = response.content.decode()
        assert response.status_code == status, code
        assert "This link is no longer active" in html
        assert 'href="/hemifacial-spasm/"' in html
        assert 'href="tel:5550104477"' in html
    assert client.get(f"/r/{still_valid.code}/").status_code == 302
    assert ReferralVisit.objects.filter(link__in=[inactive, expired]).count() == 0


def test_a_link_follows_its_page_when_the_page_is_moved_or_renamed(client, editor):
    link = make_link()
    new_parent = create_page("Guides", "content_page.html", "en", slug="guides", created_by=editor)
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    Version.objects.get_for_content(PageContent.admin_manager.get(page=new_parent)).publish(editor)
    treatment = page_by_id("hfs-treatment")
    treatment.move_page(new_parent, position="last-child")
    response = client.get(f"/r/{link.code}/")
    assert response["Location"] == "/guides/treatment/"
    assert client.get(response["Location"]).status_code == 200


def test_a_link_to_an_unpublished_page_explains_instead_of_404ing(client, editor):
    from cms.models import PageContent
    from djangocms_versioning.models import Version

    link = make_link()
    Version.objects.get_for_content(PageContent.objects.get(page=link.page, language="en")).unpublish(editor)
    response = client.get(f"/r/{link.code}/")
    assert response.status_code == 410
    assert "This link is no longer active" in response.content.decode()


def decode(png_bytes):
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))]


@pytest.fixture
def coordinator():
    user = get_user_model().objects.create_user("coord", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CARE_COORDINATOR))
    client = Client()
    client.force_login(user)
    return client, user


def test_the_qr_codes_decode_to_the_absolute_short_url(coordinator, settings):
    settings.PUBLIC_BASE_URL = "https://hfs.example.org"
    client, _ = coordinator
    link = make_link()
    png = client.get(f"/admin/referrals/referrallink/{link.pk}/qr.png")
    assert png["Content-Type"] == "image/png"
    assert decode(png.content) == [f"https://hfs.example.org/r/{link.code}/"]
    image = Image.open(io.BytesIO(png.content))
    # 2 inches at 300 dpi
    assert image.size[0] == 600
    assert round(image.info["dpi"][0]) == 300

    svg = client.get(f"/admin/referrals/referrallink/{link.pk}/qr.svg").content.decode()
    assert f"https://hfs.example.org/r/{link.code}/</text>" in svg
    picture_width = float(re.search(r'width="([\d.]+)in"', svg).group(1))
    viewbox_width = float(re.search(r'viewBox="\S+ \S+ (\S+) ', svg).group(1))
    code_modules = 37  # version 3 and the quiet zone
    assert picture_width * code_modules / viewbox_width == pytest.approx(2, abs=0.001)  # the code is 2 inches
    # the SVG draws the same matrix as the PNG: rasterise its modules and decode them independently
    import segno

    matrix = segno.make(f"https://hfs.example.org/r/{link.code}/", error="m", micro=False)
    path = re.search(r'<path[^>]*d="([^"]+)"', svg).group(1)
    assert path == re.search(r'd="([^"]+)"', _svg_path(matrix)).group(1)


def _svg_path(qr):
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=1, border=4, xmldecl=False, svgns=False, nl=False, omitsize=True)
    return buffer.getvalue().decode()


def test_a_coordinator_creates_a_link_in_the_admin_and_sees_its_counts(coordinator):
    client, user = coordinator
    page = page_by_id("hfs-diagnosis")
    response = client.post(
        "/admin/referrals/referrallink/add/",
        {
            "label": "Dr Patel's letters",
            "page": page.pk,
            "anchor": "",
            "language": "",
            "code": "",
            "is_active": "on",
            "expires_on": "",
            "visits-TOTAL_FORMS": "0",
            "visits-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    link = ReferralLink.objects.get(label="Dr Patel's letters")
    assert link.created_by == user
    assert codes.is_valid(link.code)
    Client().get(f"/r/{link.code}/")
    Client().get(f"/r/{link.code}/")
    listing = client.get("/admin/referrals/referrallink/").content.decode()
    assert link.code in listing
    assert re.search(r'class="field-visits_total">2<', listing)
    change = client.get(f"/admin/referrals/referrallink/{link.pk}/change/").content.decode()
    assert f"/admin/referrals/referrallink/{link.pk}/qr.svg" in change
    assert "qr.png" in change


def test_every_link_on_a_referral_links_page_opens_for_a_coordinator(coordinator, editor):
    """A coordinator cannot view user accounts: the link's creator is shown by name, as text."""
    import lxml.html

    client, _ = coordinator
    editor.first_name, editor.last_name = "Ana", "Ruiz"
    editor.save()
    link = make_link(created_by=editor)
    change = lxml.html.fromstring(client.get(f"/admin/referrals/referrallink/{link.pk}/change/").content)
    [creator] = change.xpath('//div[contains(@class, "field-created_by")]//div[@class="readonly"]')
    assert creator.text_content().strip() == "Ana Ruiz"
    hrefs = {href for href in change.xpath("//main//a/@href") if href.startswith("/admin/")}
    refused = [href for href in sorted(hrefs) if client.get(href).status_code == 403]
    assert refused == []


def test_someone_who_can_view_users_can_still_open_the_creators_account(editor_client, editor):
    import lxml.html

    link = make_link(created_by=editor)
    change = lxml.html.fromstring(editor_client.get(f"/admin/referrals/referrallink/{link.pk}/change/").content)
    assert change.xpath(f'//div[contains(@class, "field-created_by")]//a[@href="/admin/auth/user/{editor.pk}/change/"]')
