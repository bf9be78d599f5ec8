"""One client address, proxy-aware, for the rate limits and django-axes; no header value is a 500."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from hypothesis import given, settings
from hypothesis import strategies as st

from hfs_site.client_ip import client_ip

from .conftest import post_form

pytestmark = pytest.mark.django_db
PROXY = "127.0.0.1"


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    return settings


def _address(header_value, remote=PROXY, header="HTTP_X_REAL_IP"):
    meta = {"REMOTE_ADDR": remote} | ({header: header_value} if header_value is not None else {})
    return client_ip(RequestFactory().get("/", **meta))


def test_the_visitor_is_named_by_the_trusted_proxy(behind_proxy):
    assert _address("198.51.100.7") == "198.51.100.7"
    assert _address("2001:db8::1") == "2001:db8::1"


def test_a_visitor_who_is_not_the_proxy_cannot_choose_their_address(behind_proxy):
    assert _address("198.51.100.7", remote="203.0.113.5") == "203.0.113.5"


@pytest.mark.parametrize("value", [None, "", " ", "unknown", "<script>", "1.2.3", "999.1.1.1", "::g", "127.0.0.1"])
def test_missing_empty_listed_or_invalid_values_fall_back_to_the_socket_address(behind_proxy, value):
    assert _address(value) == PROXY


def test_a_forwarded_for_list_gives_the_address_the_proxy_saw(behind_proxy):
    behind_proxy.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    header = "HTTP_X_FORWARDED_FOR"
    assert _address("10.9.9.9, 198.51.100.7", header=header) == "198.51.100.7"  # the first is the visitor's claim
    assert _address("198.51.100.7, 127.0.0.1", header=header) == "198.51.100.7"  # past our own proxy
    assert _address("garbage, 198.51.100.7", header=header) == "198.51.100.7"


def test_without_a_configured_header_the_socket_address_counts(settings):
    settings.CLIENT_IP_HEADER = None
    assert _address("198.51.100.7") == PROXY


@settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(value=st.text(max_size=60))
def test_no_header_value_breaks_the_callback_form(value):
    from django.conf import settings as django_settings
    from django.test import Client, override_settings

    with override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", TRUSTED_PROXIES=["127.0.0.1"]):
        assert django_settings.CLIENT_IP_HEADER == "HTTP_X_REAL_IP"
        response = post_form(Client(REMOTE_ADDR=PROXY), "/callback/", {"name": ""}, HTTP_X_REAL_IP=value)
    assert response.status_code < 500


def _sign_in(client, password, visitor):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "coordinator", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_REAL_IP=visitor,
    )


def test_wrong_passwords_from_one_visitor_do_not_lock_out_staff_elsewhere(client, behind_proxy):
    get_user_model().objects.create_user("coordinator", password="a-long-test-password", is_staff=True)
    for _ in range(5):
        _sign_in(client, "wrong-password", "198.51.100.66")
    assert _sign_in(client, "a-long-test-password", "198.51.100.66").status_code == 429, "the guesser is locked out"
    response = _sign_in(client, "a-long-test-password", "203.0.113.20")
    assert response.status_code == 302, "the real user, from their own address, still signs in"
