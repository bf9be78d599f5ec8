"""'Did this page help you?': saved once, nothing about the visitor, safe against any input."""

import datetime
from urllib.parse import urlencode

import pytest
from cms.models import Page
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
GUIDE_PAGES = [
    ("/hemifacial-spasm/", "Did this page help you?"),
    ("/hemifacial-spasm/treatment/", "Did this page help you?"),
    ("/es/espasmo-hemifacial/tratamiento/", "¿Le ayudó esta página?"),
]


def _page_id(reverse_id="hfs-treatment"):
    return Page.objects.get(reverse_id=reverse_id).pk


def _post(client, path, fields, **headers):
    """As a browser sends a plain form: URL-encoded."""
    return client.post(path, urlencode(fields), content_type="application/x-www-form-urlencoded", **headers)


def _answer(client, path="/feedback/", headers=ORIGIN, **data):
    fields = {"page": _page_id(), "helped": "no", "comment": ""} | data
    return _post(client, path, fields, **headers)


@pytest.mark.parametrize(("url", "question"), GUIDE_PAGES)
def test_every_guide_page_ends_with_the_question_and_stays_cacheable(client, url, question):
    response = client.get(url)
    html = response.content.decode()
    assert question in html
    assert "personal or medical details" in html or "datos personales" in html
    assert 'maxlength="500"' in html
    # no per-visitor token or cookie, so the CMS can keep serving the page from its cache
    assert "csrfmiddlewaretoken" not in html.split('id="page-feedback"')[1]
    assert not response.cookies


def test_an_answer_is_saved_once_and_the_visitor_is_thanked_at_the_same_place(client):
    response = _answer(client, comment="The words were clear.")
    assert response.status_code == 302
    assert response["Location"] == "/hemifacial-spasm/treatment/?feedback=thanks#page-feedback"
    feedback = PageFeedback.objects.get()
    assert (feedback.page.reverse_id, feedback.language, feedback.helped) == ("hfs-treatment", "en", False)
    assert feedback.comment == "The words were clear."
    assert feedback.created_on == timezone.localdate()
    thanked = client.get(response["Location"]).content.decode()
    assert "Thank you for your answer" in thanked
    assert "Did this page help you?" not in thanked


def test_nothing_about_the_visitor_is_stored_and_no_cookie_is_set(client):
    headers = ORIGIN | {"HTTP_USER_AGENT": "Secret Browser", "REMOTE_ADDR": "203.0.113.9"}
    response = _answer(client, headers=headers, helped="yes")
    assert not response.cookies
    stored = PageFeedback.objects.values().get()
    assert not {key for key, value in stored.items() if "203.0.113.9" in str(value) or "Secret" in str(value)}
    assert {field.name for field in PageFeedback._meta.get_fields()} == {
        "id", "page", "language", "created_on", "helped", "comment", "done", "action_taken", "done_by", "done_on",
    }  # fmt: skip


def test_spanish_answers_are_kept_as_spanish_and_return_to_the_spanish_page(client):
    response = _answer(client, path="/es/feedback/", helped="yes")
    assert response["Location"].startswith("/es/espasmo-hemifacial/tratamiento/?feedback=thanks")
    assert PageFeedback.objects.get().language == "es"
    assert "Gracias por su respuesta" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {},  # neither Origin nor Referer
    ],
)
def test_posts_from_another_site_are_refused(client, headers):
    response = _answer(client, headers=headers, helped="yes")
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_a_post_from_an_older_browser_with_only_a_referer_is_accepted(client):
    response = _answer(client, headers={"HTTP_REFERER": "http://testserver/hemifacial-spasm/"}, helped="yes")
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_a_missing_answer_or_a_long_comment_gets_an_accessible_error_and_keeps_the_text(client):
    response = _answer(client, helped="", comment="x" * 501)
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert 'href="#id_helped_0"' in html
    assert "Choose yes or no." in html
    assert "500 characters or fewer" in html
    assert "x" * 501 in html  # what they typed is kept
    assert not PageFeedback.objects.exists()


def test_control_characters_and_right_to_left_overrides_are_refused(client):
    response = _answer(client, comment="fine\u202eenil")
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_an_unpublished_or_unknown_page_is_a_clear_400(client):
    response = _answer(client, page=999999)
    assert response.status_code == 400
    assert "We could not save your answer" in response.content.decode()


def test_multipart_bodies_are_refused(client):
    response = client.post("/feedback/", {"page": _page_id(), "helped": "yes"}, **ORIGIN)  # multipart by default
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_filled_in_honeypot_thanks_the_sender_and_saves_nothing(client):
    assert _answer(client, website="http://spam.example").status_code == 302
    assert not PageFeedback.objects.exists()


def test_the_rate_limit_stops_floods_with_a_friendly_page(client, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    codes = [_answer(client).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert PageFeedback.objects.count() == 2


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    page=st.one_of(st.text(max_size=30), st.integers(min_value=-(2**70), max_value=2**70).map(str)),
    helped=st.one_of(st.sampled_from(["yes", "no", "", "YES", "0"]), st.text(max_size=10)),
    comment=st.text(max_size=700),
)
def test_hostile_input_never_gives_a_500(page, helped, comment):
    response = _post(Client(), "/feedback/", {"page": page, "helped": helped, "comment": comment}, **ORIGIN)
    assert response.status_code in (302, 400, 429)


def test_editors_mark_a_comment_done_with_what_they_changed_and_see_it_escaped(editor_client, editor):
    feedback = PageFeedback.objects.create(
        page=Page.objects.get(reverse_id="hfs-treatment"), language="en", helped=False, comment="<script>x()</script>"
    )
    listing = editor_client.get("/admin/feedback/pagefeedback/").content.decode()
    assert "<script>x()</script>" not in listing
    assert "&lt;script&gt;" in listing
    response = editor_client.post(
        f"/admin/feedback/pagefeedback/{feedback.pk}/change/", {"done": "on", "action_taken": "Shorter sentences"}
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.done, feedback.action_taken, feedback.done_by) == (True, "Shorter sentences", editor)


def test_purge_removes_old_comments_and_keeps_the_answers():
    page = Page.objects.get(reverse_id="hfs-treatment")
    old = PageFeedback.objects.create(
        page=page, language="en", helped=True, comment="old", created_on=timezone.localdate() - datetime.timedelta(400)
    )
    new = PageFeedback.objects.create(page=page, language="en", helped=False, comment="new")
    call_command("purge_page_feedback", "--days", "365", verbosity=0)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.comment, old.helped, new.comment) == ("", True, "new")
