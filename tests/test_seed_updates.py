"""Corrections reach running sites: untouched seeded content is updated as a new version, content
staff changed is left alone and flagged, on databases seeded with and without seed records."""

import shutil
from io import StringIO

import pytest
from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from editorial.content_health import build_report
from references.models import Source
from seed.management.commands.seed_site import CONTENT_DIR
from seed.models import SeedRecord
from seed.people import SEED_USERNAME

from .conftest import edit_and_publish, page_by_id

pytestmark = pytest.mark.django_db
NEW_SENTENCE = "This sentence came with a newer seed."
NEW_WARNING = "A newer stroke warning sentence."


@pytest.fixture
def newer_seed(tmp_path):
    """A copy of the seed files with a new paragraph on the causes page (both languages) and in
    the stroke warning."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    for path in (folder / "pages" / "03-causes.toml", folder / "es" / "pages" / "03-causes.toml"):
        path.write_text(path.read_text() + f'\n[[blocks]]\ntype = "text"\nbody = "<p>{NEW_SENTENCE}</p>"\n')
    shared = folder / "shared.toml"
    callout = f'type = "callout"\nvariant = "information"\ntitle = "New"\nbody = "<p>{NEW_WARNING}</p>"'
    shared.write_text(shared.read_text() + f"\n[[aliases.blocks]]\n{callout}\n")
    return folder


def _versions(reverse_id, language="en"):
    contents = PageContent.admin_manager.filter(page=page_by_id(reverse_id), language=language)
    content_type = ContentType.objects.get_for_model(PageContent)
    return Version.objects.filter(content_type=content_type, object_id__in=contents.values("pk"))


def _seed(folder, *args):
    out = StringIO()
    call_command("seed_site", "--content-dir", str(folder), *args, stdout=out)
    return out.getvalue()


def test_an_untouched_page_gets_the_new_seed_as_a_new_published_version(client, newer_seed):
    before = _versions("hfs-causes").count()
    untouched_elsewhere = _versions("hfs-diagnosis").count()
    output = _seed(newer_seed)
    assert "page hfs-causes (en)" in output
    assert "page hfs-causes (es)" in output
    assert NEW_SENTENCE in client.get("/hemifacial-spasm/causes/").content.decode()
    assert NEW_SENTENCE in client.get("/es/espasmo-hemifacial/causas/").content.decode()
    versions = _versions("hfs-causes")
    assert versions.count() == before + 1
    newest = versions.order_by("-number").first()
    assert (newest.state, newest.created_by.username) == (constants.PUBLISHED, SEED_USERNAME)
    assert versions.filter(state=constants.UNPUBLISHED).exists(), "the previous version stays in the history"
    assert _versions("hfs-diagnosis").count() == untouched_elsewhere, "pages whose seed did not change are left"


def test_untouched_shared_content_is_updated_on_every_page_that_shows_it(client, newer_seed):
    _seed(newer_seed)
    assert NEW_WARNING in client.get("/hemifacial-spasm/symptoms/").content.decode()


def test_a_page_an_editor_changed_is_left_alone_and_flagged_with_a_comparison(
    client, editor_client, editor, newer_seed
):
    edit_and_publish("hfs-causes", editor, "<p>Edited by the neurology team.</p>")
    output = _seed(newer_seed)
    assert "edited by staff" in output.lower()
    assert "page hfs-causes (en)" in output
    html = client.get("/hemifacial-spasm/causes/").content.decode()
    assert "Edited by the neurology team." in html
    assert NEW_SENTENCE not in html
    # the Spanish page nobody edited still gets the correction
    assert NEW_SENTENCE in client.get("/es/espasmo-hemifacial/causas/").content.decode()
    with translation.override("en"):  # the Spanish page above left Spanish active, as a request does
        row = next(r for r in build_report() if r.url == "/hemifacial-spasm/causes/")
        assert "newer seed content available" in [str(flag) for flag in row.flags]
    comparison = editor_client.get(row.newer_seed_url).content.decode()
    assert NEW_SENTENCE in comparison
    assert "Edited by the neurology team." in comparison


def test_a_draft_waiting_for_review_is_never_replaced(newer_seed, editor):
    edit_and_publish("hfs-causes", editor, "<p>A draft in progress.</p>", publish=False)
    _seed(newer_seed)
    assert _versions("hfs-causes").filter(state=constants.DRAFT, created_by=editor).exists()
    assert SeedRecord.objects.get(kind="page", key="hfs-causes", language="en").has_newer_seed


def test_a_site_seeded_before_records_were_kept_is_corrected_where_untouched(client, editor, newer_seed):
    SeedRecord.objects.all().delete()
    edit_and_publish("hfs-diagnosis", editor, "<p>Edited by the neurology team.</p>")
    # a source exactly as the previous release seeded it
    Source.objects.filter(key="barker-1995").update(
        authors="Barker FG 2nd, et al.",
        title="Microvascular decompression for hemifacial spasm",
        publication="Journal of Neurosurgery 82(2):201-210",
        year=1995,
        url="https://doi.org/10.3171/jns.1995.82.2.0201",
        notes="",
    )
    Source.objects.filter(key="huh-2008").update(title="Corrected by an editor")
    _seed(newer_seed)
    assert NEW_SENTENCE in client.get("/hemifacial-spasm/causes/").content.decode()
    assert "Edited by the neurology team." in client.get("/hemifacial-spasm/diagnosis/").content.decode()
    assert SeedRecord.objects.get(kind="page", key="hfs-diagnosis", language="en").has_newer_seed
    assert Source.objects.get(key="barker-1995").notes, "the untouched old source got the new notes"
    assert Source.objects.get(key="huh-2008").title == "Corrected by an editor"


def test_dry_run_says_what_it_would_do_and_changes_nothing(client, newer_seed):
    before = _versions("hfs-causes").count()
    output = _seed(newer_seed, "--dry-run")
    assert "Would be updated" in output
    assert "page hfs-causes (en)" in output
    assert _versions("hfs-causes").count() == before
    assert NEW_SENTENCE not in client.get("/hemifacial-spasm/causes/").content.decode()


def test_running_the_same_seed_twice_updates_once(newer_seed):
    _seed(newer_seed)
    after_first = _versions("hfs-causes").count()
    assert "Already up to date" in _seed(newer_seed)
    assert _versions("hfs-causes").count() == after_first
