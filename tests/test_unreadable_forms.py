"""Form bodies in another character set than UTF-8 get one 400 page in the site's design and
one log line, wherever they are sent."""

import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/callback/", "/feedback/", "/hemifacial-spasm/", "/admin/login/", "/es/"])
@pytest.mark.parametrize("charset", ["utf-16", "UTF-32", "latin-1", "x-unknown"])
def test_a_form_body_in_another_character_set_is_a_designed_400_logged_once(client, caplog, path, charset):
    body = "name=Ana".encode("utf-16") if charset == "utf-16" else b"name=Ana"
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.generic(
            "POST", path, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
        )
    assert response.status_code == 400
    assert "The request could not be understood" in response.content.decode()
    assert len([r for r in caplog.records if r.name == "django.request"]) == 1


def test_utf8_forms_still_work(client):
    response = client.post("/callback/", b"name=", content_type="application/x-www-form-urlencoded; charset=UTF-8")
    assert response.status_code == 200  # the form again, with its errors


@pytest.mark.parametrize("url", ["/admin/cms/pagecontent/?q=%00", "/hemifacial-spasm/?x=a%00b", "/?q=%00"])
def test_a_nul_in_the_query_string_is_a_400_not_a_database_error(editor_client, url):
    # PostgreSQL refuses NUL in text; SQLite does not, so this fails only there without the check
    response = editor_client.get(url)
    assert response.status_code == 400
