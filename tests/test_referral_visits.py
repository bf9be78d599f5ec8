"""Following a referral link stores nothing on the server but a daily number per link.

The code for the callback form travels in a signed cookie, not a database session, and the same
cookie stops one browser counting twice for a link on one day.
"""

import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from referrals.models import ReferralLink, ReferralVisit
from referrals.visits import COOKIE_NAME

from .conftest import page_by_id

pytestmark = pytest.mark.django_db


def make_link(label="Riverside clinic"):
    return ReferralLink.objects.create(label=label, page=page_by_id("hfs-treatment"))


def counted(link):
    return sum(ReferralVisit.objects.filter(link=link).values_list("count", flat=True))


def test_twenty_visits_from_one_browser_count_once_and_make_no_session():
    link = make_link()
    sessions = Session.objects.count()
    client = Client()
    for _ in range(20):
        response = client.get(f"/r/{link.code}/")
        assert response.status_code == 302
    assert counted(link) == 1
    assert Session.objects.count() == sessions == 0
    assert "sessionid" not in client.cookies
    Client().get(f"/r/{link.code}/")  # somebody else
    assert counted(link) == 2
    assert Session.objects.count() == 0


def test_each_link_counts_once_for_the_same_browser():
    first, second = make_link("Letters"), make_link("Posters")
    client = Client()
    for _ in range(3):
        client.get(f"/r/{first.code}/")
        client.get(f"/r/{second.code}/")
    assert (counted(first), counted(second)) == (1, 1)


def prefilled_code(client):
    html = client.get("/callback/").content.decode()
    match = re.search(r'<input type="text" name="heard_about" value="([^"]*)"', html)
    return match.group(1) if match else ""


def test_the_callback_form_is_filled_in_with_the_last_code_followed():
    first, second = make_link("Letters"), make_link("Posters")
    client = Client()
    client.get(f"/r/{first.code}/")
    assert prefilled_code(client) == first.code
    client.get(f"/r/{second.code}/")
    assert prefilled_code(client) == second.code
    assert prefilled_code(Client()) == ""


def test_the_cookie_is_http_only_same_site_lax_a_day_long_and_secure_over_https():
    link = make_link()
    cookie = Client().get(f"/r/{link.code}/").cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]
    assert 20 * 3600 <= int(cookie["max-age"]) <= 26 * 3600
    assert Client().get(f"/r/{link.code}/", secure=True).cookies[COOKIE_NAME]["secure"]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda value, code: value.replace(code, "ZZZZZZZ", 1),  # another code, the old signature
        lambda value, code: value[:-3] + "abc",
        lambda value, code: "garbage",
        lambda value, code: "",
        lambda value, code: "\u00e9\u0000" * 500,
        lambda value, code: value + ":" + value,
    ],
)
def test_a_tampered_cookie_is_ignored(tamper):
    link, other = make_link("Letters"), make_link("Posters")
    client = Client()
    client.get(f"/r/{link.code}/")
    value = client.cookies[COOKIE_NAME].value
    client.cookies[COOKIE_NAME] = tamper(value, link.code)
    assert prefilled_code(client) == ""  # nothing is trusted that the site did not sign
    assert client.get(f"/r/{other.code}/").status_code == 302
    assert client.get(f"/r/{link.code}/").status_code == 302  # counted again: the cookie was not ours
    assert counted(link) == 2
    assert counted(other) == 1
    assert prefilled_code(client) == link.code
