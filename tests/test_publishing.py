"""Editors work on drafts; patients only ever see what was published."""

import pytest
from cms.toolbar.utils import get_object_edit_url, get_object_preview_url
from django.test import Client
from djangocms_versioning.models import Version

from conditions.models import Callout
from editorial.models import PageReview

from .conftest import edit_and_publish, published_content

pytestmark = pytest.mark.django_db

NEW_TEXT = "<p>Hemifacial spasm is a condition that editors just rewrote.</p>"


def test_a_draft_edit_is_invisible_until_published(client, editor):
    url = "/hemifacial-spasm/causes/"
    assert "editors just rewrote" not in client.get(url).content.decode()  # warms the page cache

    draft = edit_and_publish("hfs-causes", editor, NEW_TEXT, publish=False)
    assert "editors just rewrote" not in client.get(url).content.decode()

    Version.objects.get_for_content(draft).publish(editor)
    assert "editors just rewrote" in client.get(url).content.decode()


def test_an_editor_can_preview_and_edit_the_draft(editor_client, editor):
    draft = edit_and_publish("hfs-symptoms", editor, NEW_TEXT, publish=False)
    preview = editor_client.get(get_object_preview_url(draft))
    assert preview.status_code == 200
    assert "editors just rewrote" in preview.content.decode()
    edit = editor_client.get(get_object_edit_url(draft))
    assert edit.status_code == 200
    assert "cms-toolbar" in edit.content.decode()


@pytest.mark.parametrize("view", [get_object_preview_url, get_object_edit_url])
def test_an_editor_sees_a_spanish_draft_in_spanish(editor_client, editor, view):
    published = published_content("hfs-causes", "es")
    draft = Version.objects.get_for_content(published).copy(editor).content
    html = editor_client.get(view(draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "pasa cuando algo irrita" in html  # the page's text, not an empty page
    assert '<html lang="es">' in html


def breadcrumb_names(html):
    import lxml.html

    return [item.text_content().strip() for item in lxml.html.fromstring(html).xpath('//nav[@class="breadcrumbs"]//li')]


@pytest.mark.parametrize("view", [get_object_preview_url, get_object_edit_url])
@pytest.mark.parametrize(
    "language,url", [("en", "/hemifacial-spasm/causes/"), ("es", "/es/espasmo-hemifacial/causas/")]
)
def test_edit_mode_and_preview_show_the_same_breadcrumbs_as_the_public_page(editor_client, editor, view, language, url):
    public = breadcrumb_names(Client().get(url).content.decode())
    assert public[0] in ("Home", "Inicio")
    draft = Version.objects.get_for_content(published_content("hfs-causes", language)).copy(editor).content
    assert breadcrumb_names(editor_client.get(view(draft)).content.decode()) == public


def test_the_admin_works_for_an_editor(editor_client):
    assert editor_client.get("/admin/").status_code == 200
    assert editor_client.get("/admin/cms/pagecontent/").status_code == 200


def test_anonymous_visitors_cannot_open_the_preview(client, editor):
    draft = edit_and_publish("hfs-symptoms", editor, NEW_TEXT, publish=False)
    response = client.get(get_object_preview_url(draft))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_unpublishing_a_page_hides_it(client, editor):
    content = published_content("hfs-diagnosis")
    assert client.get("/hemifacial-spasm/diagnosis/").status_code == 200
    Version.objects.get_for_content(content).unpublish(editor)
    assert client.get("/hemifacial-spasm/diagnosis/").status_code == 404
    # and it leaves the guide's contents list
    assert 'href="/hemifacial-spasm/diagnosis/"' not in client.get("/hemifacial-spasm/").content.decode()


def test_a_recorded_clinical_review_is_shown(client):
    import datetime

    PageReview.objects.create(
        extended_object=published_content("hfs-treatment"),
        reviewed_by="Dr Ana Ruiz",
        reviewer_credentials="MD, neurologist",
        reviewed_on=datetime.date(2026, 10, 1),
        next_review_due=datetime.date(2028, 10, 1),
    )
    html = client.get("/hemifacial-spasm/treatment/").content.decode()
    assert "Reviewed by Dr Ana Ruiz, MD, neurologist on" in html
    assert '<time datetime="2026-10-01">1 October 2026</time>' in html
    assert "Next review due:" in html
    assert "October 2028" in html


def test_publishing_shared_content_updates_every_cached_page(client, editor):
    from djangocms_alias.models import AliasContent

    urls = ["/", "/hemifacial-spasm/", "/hemifacial-spasm/symptoms/"]  # the pages that show the shared stroke warning
    for url in urls:  # now in the page cache
        assert "Call 911 if you notice any one of these signs of a stroke" in client.get(url).content.decode()

    shared = AliasContent.objects.get(name="Stroke warning", language="en")
    draft_version = Version.objects.get_for_content(shared).copy(editor)
    callout = Callout.objects.get(placeholder__in=draft_version.content.get_placeholders())
    callout.title = "Call 911 at once for any one of these signs of a stroke"
    callout.save()
    draft_version.publish(editor)

    for url in urls:
        assert "Call 911 at once for any one of these signs of a stroke" in client.get(url).content.decode()


def test_public_pages_forbid_framing_but_editors_may_frame_them(editor_client):
    from django.test import Client

    assert Client().get("/").headers["X-Frame-Options"] == "DENY"
    assert editor_client.get("/").headers["X-Frame-Options"] == "SAMEORIGIN"


def test_an_editor_cannot_save_a_picture_without_alt_text_or_decorative(editor_client, editor):
    from django.urls import reverse
    from filer.models import Image

    from conditions.models import Figure

    draft = edit_and_publish("hfs-causes", editor, NEW_TEXT, publish=False)
    placeholder = draft.get_placeholders().get(slot="content")
    url = reverse("admin:cms_placeholder_add_plugin") + (
        f"?placeholder_id={placeholder.pk}&plugin_type=FigurePlugin&plugin_language=en&plugin_position=1"
    )
    image = Image.objects.first()
    before = Figure.objects.count()

    response = editor_client.post(url, {"image": image.pk, "alt_text": "", "caption": "", "width": 600})
    assert response.status_code == 200
    assert "Add alternative text, or tick" in response.content.decode()
    assert Figure.objects.count() == before

    response = editor_client.post(url, {"image": image.pk, "alt_text": "", "decorative": "on", "width": 600})
    assert Figure.objects.count() == before + 1
