"""Headers that caches in between read: a clean Vary, and gzip only for clients that take it."""

import pytest

pytestmark = pytest.mark.django_db


def test_vary_names_each_header_once_and_has_no_empty_element(client):
    for _ in range(3):  # rendered, then from the CMS page cache, then from the worker's copy
        vary = client.get("/hemifacial-spasm/", HTTP_ACCEPT_ENCODING="gzip")["Vary"]
        names = [name.strip() for name in vary.split(",")]
        assert "" not in names, vary
        assert len(names) == len({name.lower() for name in names}), vary


def test_a_client_that_refuses_gzip_does_not_spoil_the_page_for_gzip_clients(client):
    plain = client.get("/hemifacial-spasm/causes/", HTTP_ACCEPT_ENCODING="nogzip")
    assert plain.status_code == 200
    assert not plain.has_header("Content-Encoding")
    for _ in range(2):
        compressed = client.get("/hemifacial-spasm/causes/", HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert compressed["Content-Encoding"] == "gzip"
    again = client.get("/hemifacial-spasm/causes/", HTTP_ACCEPT_ENCODING="identity")
    assert not again.has_header("Content-Encoding")
