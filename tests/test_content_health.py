"""The content health report, in the admin and from the command line."""

import csv
import datetime
import io
import json

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.core.management import CommandError, call_command
from django.utils import timezone
from djangocms_versioning.models import Version

from conditions.models import Figure
from editorial.content_health import build_report
from editorial.models import PageReview
from editorial.page_text import MainText
from references.models import Source

from .conftest import ALL_PAGES, edit_and_publish, published_content

pytestmark = pytest.mark.django_db
SEEDED = set(ALL_PAGES)


def row_for(url, rows=None):
    return next(row for row in rows or build_report() if row.url == url)


def report(*args):
    out = io.StringIO()
    call_command("content_report", *args, stdout=out)
    return out.getvalue()


def test_the_seeded_site_is_readable_and_sound_but_never_reviewed():
    rows = build_report()
    assert {row.url for row in rows} == SEEDED
    for row in rows:
        assert row.status == "published"
        if row.language == "en":
            assert row.grade is not None, (row.url, row.grade)
            assert row.grade <= 7, (row.url, row.grade)
        else:
            assert row.grade is None  # Flesch-Kincaid measures English only
        assert row.words > 100
        assert row.broken_links == []
        assert row.images_without_alt == 0
        assert row.review == "not reviewed"
        assert row.reviewed_on is None
        assert row.flags[0] == "not reviewed", (row.url, row.flags)
        # the only other flag: the seeded sources, which no clinician has checked yet
        assert all(flag.startswith("sources not yet checked by a clinician") for flag in row.flags[1:])


def test_unchecked_sources_are_flagged_for_editors_until_a_clinician_confirms_them(client):
    rows = build_report()
    choosing = next(r for r in rows if r.url == "/hemifacial-spasm/choosing-a-treatment/")
    # named as the pages cite them, not by their internal keys
    assert [source.label for source in choosing.sources_to_check] == [
        "BOTOX (onabotulinumtoxinA) for injection: US prescribing information",
        "Baldauf, 2019",
        "Barker, 1995",
        "Carbamazepine: US prescribing information",
        "Huh, 2008",
        "Lu, 2014",
        "Miller, 2012",
        "Newcastle upon Tyne Hospitals NHS Foundation Trust",
        "Tambasco, 2021",
    ]
    barker = Source.objects.get(key="barker-1995")
    assert choosing.sources_to_check[2].admin_url == f"/admin/references/source/{barker.pk}/change/"
    assert "sources not yet checked by a clinician: BOTOX" in choosing.flags[1]
    assert "Baldauf, 2019; Barker, 1995;" in choosing.flags[1]
    # patients are never told a source was checked or reviewed
    html = client.get("/hemifacial-spasm/choosing-a-treatment/").content.decode()
    assert "Sources" in html
    assert "check" not in html.lower().split("<main")[1].split("</main>")[0]

    Source.objects.update(confirmed_by="Dr A Clinician", confirmed_on=datetime.date(2026, 11, 1))
    choosing = next(r for r in build_report() if r.url == "/hemifacial-spasm/choosing-a-treatment/")
    assert choosing.sources_to_check == []
    assert choosing.flags == ["not reviewed"]


def test_a_page_of_simple_sentences_has_a_low_grade_and_hard_text_is_flagged(editor):
    edit_and_publish("hfs-symptoms", editor, "<p>The cat sat. It was fun. We ran home.</p>")
    edit_and_publish(
        "hfs-diagnosis",
        editor,
        "<p>Electrophysiological characterisation necessitates comprehensive neurophysiological "
        "investigations, incorporating electromyographic quantification of lateral spread responses "
        "alongside sophisticated multimodal neuroimaging methodologies.</p>",
    )
    rows = build_report()
    simple, hard = row_for("/hemifacial-spasm/symptoms/", rows), row_for("/hemifacial-spasm/diagnosis/", rows)
    assert simple.grade < hard.grade
    assert "reading grade above 7" in hard.flags
    assert "reading grade above 7" not in simple.flags


def test_navigation_is_not_counted_as_page_text(client):
    parser = MainText()
    parser.feed(client.get("/hemifacial-spasm/treatment/").content.decode())
    text = parser.text
    assert text.startswith("Treatment for hemifacial spasm.")
    assert "Microvascular decompression (MVD)" in text
    assert "Everyday help" in text
    for navigation in ("Overview", "On this page", "Previous", "Page last updated", "Skip to main content"):
        assert navigation not in text
    assert "Talk to your care coordinator" not in text  # outside <main>


def test_links_to_missing_or_unpublished_pages_and_missing_anchors_are_flagged(editor):
    Version.objects.get_for_content(published_content("hfs-diagnosis")).unpublish(editor)
    edit_and_publish(
        "hfs-causes",
        editor,
        '<p>See <a href="/hemifacial-spasm/diagnosis/">tests</a>, <a href="/hemifacial-spasm/cure/">a cure</a>, '
        '<a href="/hemifacial-spasm/treatment/#no-such-section">x</a>, '
        '<a href="/hemifacial-spasm/treatment/#microvascular-decompression">MVD</a> and '
        '<a href="https://www.example.org/">elsewhere</a>.</p>',
    )
    row = row_for("/hemifacial-spasm/causes/")
    assert row.broken_links == [
        "/hemifacial-spasm/cure/",
        "/hemifacial-spasm/diagnosis/",
        "/hemifacial-spasm/treatment/#no-such-section",
    ]
    assert "broken links" in row.flags


def test_pictures_without_alt_text_are_counted():
    content = published_content("hfs-causes")
    placeholder = content.get_placeholders().get(slot="content")
    image = Figure.objects.first().image
    add_plugin(placeholder, "FigurePlugin", "en", image=image, alt_text="", decorative=False)  # around the form
    add_plugin(placeholder, "FigurePlugin", "en", image=image, alt_text="", decorative=True)  # fine
    row = row_for("/hemifacial-spasm/causes/")
    assert row.images_without_alt == 1
    assert "images without alt text" in row.flags


def test_overdue_and_due_soon_reviews_are_highlighted():
    today = timezone.localdate()
    PageReview.objects.create(
        extended_object=published_content("hfs-causes"),
        reviewed_by="Dr A",
        reviewed_on=today - datetime.timedelta(days=800),
        next_review_due=today - datetime.timedelta(days=1),
    )
    PageReview.objects.create(
        extended_object=published_content("hfs-symptoms"),
        reviewed_by="Dr B",
        reviewed_on=today - datetime.timedelta(days=700),
        next_review_due=today + datetime.timedelta(days=10),
    )
    rows = build_report()
    overdue, soon = row_for("/hemifacial-spasm/causes/", rows), row_for("/hemifacial-spasm/symptoms/", rows)
    assert overdue.review == "overdue"
    assert "review overdue" in overdue.flags
    assert soon.review == "due soon"
    assert soon.flags == []
    assert soon.reviewed_by == "Dr B"


def test_draft_only_pages_are_listed_without_a_grade(editor):
    from cms.api import create_page

    create_page("A new page", "content_page.html", "en", slug="new-page", created_by=editor)
    row = next(row for row in build_report() if row.title == "A new page")
    assert (row.status, row.url, row.grade, row.flags) == ("draft only", "", None, [])


def test_csv_and_json_output_parse():
    rows = list(csv.DictReader(io.StringIO(report("--format", "csv"))))
    assert {row["url"] for row in rows} == SEEDED
    assert rows[0]["flags"] == "not reviewed"
    assert float(rows[0]["grade"]) <= 7
    data = json.loads(report("--format", "json"))
    assert {row["url"] for row in data} == SEEDED
    assert all(row["flags"][0] == "not reviewed" for row in data)


def test_strict_fails_until_every_page_is_reviewed():
    with pytest.raises(CommandError) as failed:
        report("--strict")
    assert failed.value.returncode == 1
    assert f"{len(SEEDED)} page(s) need attention" in str(failed.value)
    today = timezone.localdate()
    for content in PageContent.objects.all():
        PageReview.objects.create(extended_object=content, reviewed_by="Dr A", reviewed_on=today)
    Source.objects.update(confirmed_by="Dr A", confirmed_on=today)
    out = report("--strict")
    assert "not reviewed" not in out
    assert "need attention" not in out


def test_the_admin_view_lists_every_page_with_review_links(editor_client):
    response = editor_client.get("/admin/editorial/contenthealth/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{len(SEEDED)} pages need attention." in html
    assert html.count("Record a review") == len(SEEDED)
    assert 'href="/hemifacial-spasm/treatment/"' in html
    csv_response = editor_client.get("/admin/editorial/contenthealth/?format=csv")
    assert csv_response["Content-Type"] == "text/csv"
    assert b"reading" not in csv_response.content[:5]
    assert len(json.loads(editor_client.get("/admin/editorial/contenthealth/?format=json").content)) == len(SEEDED)
